"""What the agreement report reads from a project: only the sets it counts stay in memory."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.agreement import agreement_report
from annotator.store import Project
from annotator.transfer.agreement_input import load_agreement_inputs, tally_project
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


def linked_record(document: str, annotator: str, shift: int, stance: str, status: str) -> dict:
    """A speaker mention (no registry name: compared by its words) and a quote linked to it."""
    return {
        "id": document,
        "title": document,
        "text": TEXT,
        "annotator": annotator,
        "status": status,
        "spans": [
            {"id": "T1", "start": 0, "end": 6, "label": "SPEAKER"},
            {"id": "T2", "start": 13 + shift, "end": 22, "label": "QUOTE",
             "attrs": {"stance": stance}},
            {"id": "T3", "start": 7, "end": 11 + shift, "label": "CUE"},
        ],
        "relations": [{"label": "attributed_to", "head": "T2", "child": "T1"}],
        "doc_attrs": {"relevance": "relevant" if shift else "partly"},
    }  # fmt: skip


def test_the_streamed_report_is_the_report_of_every_set_in_memory(
    project: Project, tmp_path: Path
) -> None:
    # Imported out of id order; carol joins at "d3", late in id order, so only the documents
    # from there on are covered by everyone (unitizing alpha); gold and unfinished sets too.
    rows = []
    for n, document in enumerate(["d3", "d1", "d2", "b9", "x1", "d10"]):
        rows.append(linked_record(document, "alice", 0, "favor", "done"))
        rows.append(linked_record(document, "bob", n % 3, ["favor", "against"][n % 2], "done"))
        rows.append(linked_record(document, "gold", 0, "none", "done"))
        if document in ("d3", "x1"):
            rows.append(linked_record(document, "carol", 1, "none", "done"))
        if document == "d2":
            rows.append(linked_record(document, "dave", 2, "favor", "in_progress"))
    source = tmp_path / "sets.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    import_paths(project, [source])

    reports = []
    for args in ((), (None, True), (["alice", "bob", "gold"],), (None, False, ["QUOTE"])):
        whole = load_agreement_inputs(project, *args).report()  # type: ignore[arg-type]
        streamed = tally_project(project, *args).report()  # type: ignore[arg-type]
        assert json.dumps(streamed) == json.dumps(whole)
        reports.append(streamed)
    # Every part of the comparison has something to compare: dave (unfinished) covers no
    # document with everyone else, so there is no unitizing continuum with him.
    assert [r["unitizing_alpha"]["overall"] is not None for r in reports] == [1, 0, 1, 1]
    assert all(r["attributes"]["QUOTE.speaker"]["overlap"]["units"] for r in reports)
    assert all(r["disagreements"] for r in reports)
