"""The sets an export reads (store/export_rows.py), seen in the JSONL it writes: spans in
(start, end, id) order whatever their names, every value back exactly as it went in, and
sets that lack a row of their own still exported."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.formats.jsonl import _Registry
from annotator.model import DocumentId, Speaker, Target
from annotator.store import Project
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths

TEXT = 'Peskov said "no" today, and officials said nothing at all about it.'


def write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def exported(project: Project) -> list[bytes]:
    out = io.BytesIO()
    export_jsonl(project, out)
    return out.getvalue().splitlines()


def span(name: str, start: int, end: int, label: str, **attrs: Any) -> dict[str, Any]:
    return {"id": name, "start": start, "end": end, "label": label, "attrs": attrs}


def test_spans_come_out_by_start_end_and_order_of_entry(tmp_path: Path, project: Project) -> None:
    # Entered out of order, names sorting yet another way, two spans over the same words.
    spans = [
        span("z1", 24, 33, "SPEAKER"),
        span("a2", 0, 11, "QUOTE"),
        span("m3", 0, 11, "SPEAKER"),
        span("b4", 0, 6, "SPEAKER"),
    ]
    record = {"id": "d", "text": TEXT, "annotator": "alice", "spans": spans}
    import_paths(project, [write(tmp_path / "in.jsonl", record)])
    (line,) = exported(project)
    assert [s["id"] for s in orjson.loads(line)["spans"]] == ["b4", "a2", "m3", "z1"]
    # The model objects of every other export (Bulk.sets_for, the same grouped query).
    (read,) = project.bulk.sets_for([DocumentId("d")])[DocumentId("d")]
    assert [(s.name, s.start, s.end) for s in read.spans] == [
        ("b4", 0, 6),
        ("a2", 0, 11),
        ("m3", 0, 11),
        ("z1", 24, 33),
    ]
    assert [s.id for s in read.spans][1:3] == sorted(s.id for s in read.spans[1:3])


def test_every_value_comes_back_exactly(tmp_path: Path, project: Project) -> None:
    odd = 'say "no" \\ 😀 \u2028 tab\t bell\x07 é'
    spans = [
        span(odd, 0, 6, "SPEAKER", speaker=odd),
        span("T2", 7, 11, "CUE"),
        span("T3", 12, 16, "QUOTE", target=odd, stance="against", claim_type="opinion"),
    ]
    record = {"id": "d", "text": TEXT, "annotator": 'ålice "x"', "spans": spans}
    import_paths(project, [write(tmp_path / "in.jsonl", record)])
    (line,) = exported(project)
    out = orjson.loads(line)
    assert out["annotator"] == 'ålice "x"'
    assert [(s["id"], s["text"], s["attrs"]) for s in out["spans"]] == [
        (odd, "Peskov", {"speaker": odd}),
        ("T2", "said", {}),
        ("T3", '"no"', {"claim_type": "opinion", "stance": "against", "target": odd}),
    ]
    # Written as orjson writes these values: the same escapes, no spaces, keys in order.
    assert line == orjson.dumps(out)


def test_a_set_without_its_own_row_is_still_exported(tmp_path: Path, project: Project) -> None:
    records = [
        {"id": "d1", "text": TEXT, "annotator": "alice", "spans": [span("T1", 0, 6, "SPEAKER")]},
        {"id": "d2", "text": TEXT},
    ]
    import_paths(project, [write(tmp_path / "in.jsonl", *records)])
    project.close()
    # As an older version could leave them: spans without their set's row, time alone.
    conn = sqlite3.connect(project.path)
    with conn:
        conn.execute("DELETE FROM annotation_sets")
        conn.execute("INSERT INTO active_time VALUES ('d2', 'bob', 12.5)")
    conn.close()
    with Project.open(project.path, read_only=True) as reopened:
        lines = [orjson.loads(line) for line in exported(reopened)]
    assert [
        (r["id"], r["annotator"], r["status"], len(r["spans"]), r["seconds"]) for r in lines
    ] == [
        ("d1", "alice", "todo", 1, 0.0),
        ("d2", "bob", "todo", 0, 12.5),
    ]


def test_sets_naming_the_same_speakers_each_carry_them(tmp_path: Path, project: Project) -> None:
    records = [
        {
            "id": f"d{i}",
            "text": TEXT,
            "annotator": "alice",
            "spans": [span("T1", 0, 6, "SPEAKER", speaker="Dmitry Peskov")],
        }
        for i in range(3)
    ]
    import_paths(project, [write(tmp_path / "in.jsonl", *records)])
    lines = [orjson.loads(line) for line in exported(project)]
    assert [[s["name"] for s in r["speakers"]] for r in lines] == [["Dmitry Peskov"]] * 3


def _spans_json(*attrs: str) -> str:
    """A set's spans JSON as the store reads it (SQLite's json_group_array of json_array)."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE s (name, start, finish, label, attrs)")
    connection.executemany(
        "INSERT INTO s VALUES (?, 0, 1, 'QUOTE', ?)", [(f"T{i}", a) for i, a in enumerate(attrs)]
    )
    row = connection.execute(
        "SELECT json_group_array(json_array(name, start, finish, label, attrs)) FROM s"
    ).fetchone()
    connection.close()
    return str(row[0])


def test_only_sets_whose_spans_can_name_an_entry_are_looked_into(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry = _Registry([Speaker("Dmitry Peskov"), Target("Ukraine in NATO")])
    looked: list[str] = []
    parse = registry._entries_of

    def spy(attrs: str) -> tuple[Speaker | None, Target | None]:
        looked.append(attrs)
        return parse(attrs)

    monkeypatch.setattr(registry, "_entries_of", spy)
    plain = _spans_json("{}", '{"stance":"favor"}', '{"note":"the speaker"}')
    assert registry.named(plain, orjson.loads(plain)) == ([], [])
    assert looked == []
    for attrs, found in [
        ('{"speaker":"Dmitry Peskov"}', ([{"name": "Dmitry Peskov"}], [])),
        ('{"stance":"favor","target":"Ukraine in NATO"}', ([], [{"label": "Ukraine in NATO"}])),
    ]:
        named = _spans_json("{}", attrs)
        speakers, targets = registry.named(named, orjson.loads(named))
        assert (
            [{"name": s["name"]} for s in speakers],
            [{"label": t["label"]} for t in targets],
        ) == found
    assert looked == [
        '{"speaker":"Dmitry Peskov"}',
        '{"stance":"favor","target":"Ukraine in NATO"}',
    ]
