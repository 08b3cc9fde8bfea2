"""What the agreement report reads from a project: only the sets it counts stay in memory."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.agreement import agreement_report
from annotator.store import Project
from annotator.transfer.agreement_input import load_agreement_inputs
from annotator.transfer.importing import import_paths

TEXT = "Peskov said: “No deal.”"


def record(annotator: str, status: str, stance: str) -> dict:
    return {
        "id": "d1",
        "title": "One",
        "text": TEXT,
        "annotator": annotator,
        "status": status,
        "spans": [
            {"id": "T1", "start": 0, "end": 6, "label": "SPEAKER"},
            {"id": "T2", "start": 13, "end": 22, "label": "QUOTE", "attrs": {"stance": stance}},
        ],
    }


def test_only_the_counted_sets_are_kept(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "sets.jsonl"
    rows = [
        record("alice", "done", "favor"),
        record("bob", "done", "against"),
        record("carol", "in_progress", "favor"),
        record("gold", "done", "favor"),
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    import_paths(project, [source])

    def kept(*args: object) -> list[str]:
        given = load_agreement_inputs(project, *args)  # type: ignore[arg-type]
        return sorted(s.annotator for s in given.sets)

    # Gold and unfinished sets are left out while reading, unless asked for.
    assert kept() == ["alice", "bob"]
    assert kept(None, True) == ["alice", "bob", "carol"]
    assert kept(["alice", "gold"]) == ["alice", "gold"]
    given = load_agreement_inputs(project)
    report = agreement_report(given.sets, given.schema, texts=given.texts)
    assert report["annotators"] == ["alice", "bob"]
    assert report["attributes"]["QUOTE.stance"]["exact"]["percent_agreement"] == 0.0
    assert given.texts == {"d1": TEXT}
