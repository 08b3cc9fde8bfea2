"""The agreement report's read (store/streams.py): each document with its counted sets, spans
in (start, end, id) order whatever their names, every value as it went in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.model import Status
from annotator.model.ids import is_human
from annotator.store import Project
from annotator.store.rows import PARSED_KEPT, ParsedAttrs
from annotator.transfer.importing import import_paths

TEXT = 'Peskov said "no" today, and officials said nothing at all about it.'


def span(name: str, start: int, end: int, label: str, **attrs: Any) -> dict[str, Any]:
    return {"id": name, "start": start, "end": end, "label": label, "attrs": attrs}


def test_sets_come_with_their_spans_in_order_and_values_exact(
    tmp_path: Path, project: Project
) -> None:
    odd = 'say "no" \\ 😀 \u2028 tab\t bell\x07 é'
    alice = [
        span("z1", 24, 33, "SPEAKER", speaker=odd),
        span(odd, 0, 11, "QUOTE", stance="against", target=odd),
        span("m3", 0, 11, "SPEAKER"),
        span("b4", 0, 6, "SPEAKER", speaker="Dmitry Peskov"),
    ]
    records = [
        {"id": "d1", "text": TEXT, "annotator": 'ålice "x"', "status": "done", "spans": alice,
         "relations": [{"label": "attributed_to", "head": odd, "child": "b4"}]},
        {"id": "d1", "text": TEXT, "annotator": "bob", "status": "in_progress",
         "spans": [span("T1", 0, 6, "SPEAKER")]},
        {"id": "d2", "text": TEXT, "annotator": "bob", "status": "done",
         "spans": [span("T1", 7, 11, "CUE"), span("T2", 0, 6, "SPEAKER")]},
    ]  # fmt: skip
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    import_paths(project, [source])
    read = list(project.bulk.by_document([Status.DONE], is_human))
    assert [(d.id, [s.annotator for s in found]) for d, found in read] == [
        ("d1", ['ålice "x"']),
        ("d2", ["bob"]),
    ]
    (first,), (second,) = (found for _, found in read)
    assert [(s.name, s.start, s.end, s.label, s.attrs) for s in first.spans] == [
        ("b4", 0, 6, "SPEAKER", {"speaker": "Dmitry Peskov"}),
        (odd, 0, 11, "QUOTE", {"stance": "against", "target": odd}),
        ("m3", 0, 11, "SPEAKER", {}),
        ("z1", 24, 33, "SPEAKER", {"speaker": odd}),
    ]
    by_id = {s.id: s.name for s in first.spans}
    assert [(r.label, by_id[r.head], by_id[r.child]) for r in first.relations] == [
        ("attributed_to", odd, "b4")
    ]
    assert all(s.document == "d1" and s.annotator == 'ålice "x"' for s in first.spans)
    assert [s.name for s in second.spans] == ["T2", "T1"]


def test_attribute_texts_are_parsed_once_and_kept_within_bounds() -> None:
    parsed = ParsedAttrs()
    first = parsed['{"stance":"favor"}']
    assert first == {"stance": "favor"}
    assert parsed['{"stance":"favor"}'] is first
    assert parsed["{}"] == {}
    for n in range(PARSED_KEPT + 5):
        assert parsed[f'{{"target":"t{n}"}}'] == {"target": f"t{n}"}
    assert len(parsed) <= PARSED_KEPT
