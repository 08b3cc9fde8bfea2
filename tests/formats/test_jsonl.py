"""Native JSONL: lossless round trips with several annotators, and line-numbered errors."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.errors import InputError
from annotator.formats.jsonl import duplicate_key
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths

TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he told reporters. Café́ ok."


def find(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def two_annotators() -> list[dict[str, Any]]:
    q = find(TEXT, "“It is off\u00a0the table,”")
    s = find(TEXT, "Peskov")
    c = find(TEXT, "said")
    he = find(TEXT, "he")
    alice = {
        "id": "doc-1",
        "title": "Emoji, CRLF and NBSP",
        "text": TEXT,
        "meta": {"source": "test", "n": 1},
        "annotator": "alice",
        "status": "done",
        "spans": [
            {
                "id": "T1",
                "start": q[0],
                "end": q[1],
                "label": "QUOTE",
                "attrs": {"stance": "against", "claim_type": "opinion", "target": "NATO bid"},
            },
            {
                "id": "T2",
                "start": s[0],
                "end": s[1],
                "label": "SPEAKER",
                "text": "Peskov",
                "attrs": {"speaker": "Dmitry Peskov"},
            },
            {"id": "T3", "start": c[0], "end": c[1], "label": "CUE", "attrs": {}},
        ],
        "relations": [
            {"label": "attributed_to", "head": "T1", "child": "T2"},
            {"label": "cued_by", "head": "T1", "child": "T3"},
        ],
        "doc_attrs": {"relevance": "relevant"},
    }
    bob = {
        "id": "doc-1",
        "text": TEXT,
        "annotator": "bob",
        "status": "in_progress",
        "spans": [
            {"id": "a", "start": q[0], "end": q[1] - 1, "label": "QUOTE", "attrs": {}},
            {
                "id": "b",
                "start": he[0],
                "end": he[1],
                "label": "SPEAKER",
                "attrs": {"speaker": "Dmitry Peskov"},
            },
        ],
        "relations": [{"label": "attributed_to", "head": "a", "child": "b"}],
    }
    plain = {"id": "doc-2", "text": "Nothing annotated here.\n", "title": "Plain"}
    return [alice, bob, plain]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def export_bytes(project: Project, annotator: str | None = None) -> bytes:
    out = io.BytesIO()
    export_jsonl(project, out, annotator)
    return out.getvalue()


def test_round_trip_is_lossless(tmp_path: Path, project: Project, schema: Schema) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", two_annotators())
    report = import_paths(project, [source])
    assert (report.documents_added, report.sets_added, report.spans) == (2, 2, 5)
    first = export_bytes(project)
    fresh = Project.create(tmp_path / "fresh.db", schema)
    import_paths(fresh, [write_bytes(tmp_path / "out.jsonl", first)])
    assert export_bytes(fresh) == first
    fresh.close()

    lines = [json.loads(line) for line in first.decode().splitlines()]
    # One shape: every line has the same fields, the registry entries inside the lines.
    assert {tuple(line) for line in lines} == {
        (
            "id", "title", "text", "meta", "text_sha256", "annotator", "status",
            "spans", "relations", "doc_attrs", "seconds", "speakers", "targets",
        )
    }  # fmt: skip
    assert [(r["id"], r["annotator"]) for r in lines] == [
        ("doc-1", "alice"),
        ("doc-1", "bob"),
        ("doc-2", None),
    ]
    peskov = {"name": "Dmitry Peskov", "type": "person", "description": "", "wikidata": ""}
    assert [line["speakers"] for line in lines] == [[peskov], [peskov], []]
    assert [line["targets"] for line in lines] == [
        [{"label": "NATO bid", "definition": ""}],
        [],
        [],
    ]
    alice = lines[0]
    assert alice["text"] == TEXT  # CRLF, NBSP, emoji and combining mark kept as they were
    assert alice["status"] == "done" and alice["doc_attrs"] == {"relevance": "relevant"}
    assert alice["meta"] == {"n": 1, "source": "test"}
    assert [s["label"] for s in alice["spans"]] == ["SPEAKER", "CUE", "QUOTE"]  # text order
    quote = alice["spans"][2]
    assert quote["text"] == "“It is off\u00a0the table,”"
    assert quote["attrs"] == {"claim_type": "opinion", "stance": "against", "target": "NATO bid"}
    assert {(r["label"], r["head"], r["child"]) for r in alice["relations"]} == {
        ("attributed_to", "T1", "T2"),
        ("cued_by", "T1", "T3"),
    }
    assert lines[1]["status"] == "in_progress" and lines[1]["relations"] == [
        {"label": "attributed_to", "head": "a", "child": "b"}
    ]
    assert lines[2]["text_sha256"] and (lines[2]["spans"], lines[2]["relations"]) == ([], [])


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_speakers_and_targets_join_the_registries(tmp_path: Path, project: Project) -> None:
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", two_annotators())])
    assert [s.name for s in project.speakers.all()] == ["Dmitry Peskov"]
    assert [t.label for t in project.targets.all()] == ["NATO bid"]


def test_one_annotators_layer_exports_alone(tmp_path: Path, project: Project) -> None:
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", two_annotators())])
    lines = [json.loads(line) for line in export_bytes(project, "bob").decode().splitlines()]
    assert [line["annotator"] for line in lines if "id" in line] == ["bob"]


def test_reimporting_a_set_replaces_it_after_a_backup(tmp_path: Path, project: Project) -> None:
    records = two_annotators()
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", records)])
    records[1]["spans"] = records[1]["spans"][:1]
    records[1]["relations"] = []
    report = import_paths(project, [write_jsonl(tmp_path / "again.jsonl", records[1:2])])
    assert report.sets_replaced == 1
    assert report.backup is not None and report.backup.exists()
    assert len(project.spans.in_set("doc-1", "bob")) == 1  # type: ignore[arg-type]
    assert len(project.spans.in_set("doc-1", "alice")) == 3  # type: ignore[arg-type]


def test_annotator_option_fills_lines_without_one(tmp_path: Path, project: Project) -> None:
    record = {
        "id": "d",
        "text": "He said so.",
        "spans": [{"id": "1", "start": 0, "end": 2, "label": "SPEAKER"}],
    }
    path = write_jsonl(tmp_path / "in.jsonl", [record])
    with pytest.raises(InputError, match='needs "annotator"'):
        import_paths(project, [path])
    import_paths(project, [path], annotator="carol")
    assert [s.name for s in project.spans.in_set("d", "carol")] == ["1"]  # type: ignore[arg-type]


def test_registry_records_round_trip_and_never_overwrite(
    tmp_path: Path, project: Project, schema: Schema
) -> None:
    from annotator.model import Speaker, SpeakerType, Target

    project.speakers.upsert(
        Speaker("Dmitry Peskov", SpeakerType.PERSON, "Kremlin spokesperson", "Q1968283")
    )
    project.targets.upsert(Target("Ukraine in NATO", "FAVOR = supports Ukraine joining NATO"))
    first = export_bytes(project)
    fresh = Project.create(tmp_path / "fresh.db", schema)
    fresh.speakers.upsert(Speaker("Dmitry Peskov", SpeakerType.PERSON, "press secretary"))
    report = import_paths(fresh, [write_bytes(tmp_path / "reg.jsonl", first)])
    assert (report.registry_added, report.registry_kept) == (1, 1)
    assert fresh.speakers.get("Dmitry Peskov").description == "press secretary"  # kept
    assert fresh.targets.get("Ukraine in NATO").definition.startswith("FAVOR = supports")
    fresh.close()


def test_bad_registry_line_is_refused(tmp_path: Path, project: Project) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", [{"speaker": {"name": "X", "type": "robot"}}])
    with pytest.raises(InputError, match="line 1: speaker \"X\": type 'robot' is not one of"):
        import_paths(project, [path])


@pytest.mark.parametrize(
    ("line", "twice"),
    [
        (b'{"id":"a","text":"One."}\n', None),  # compact, as exports write it: compared as is
        (b'{"id":"a","text":"One."}', None),  # the last line, without its newline
        (b'{"id":"a","text":"One."}\r\n', None),
        (b' {"id": "a", "text": "One."}\n', None),  # spaced: read again by the standard library
        (b'{"id":"a","text":"One.","id":"b"}\n', "id"),
        (b'{"id": "a", "text": "One.", "text": "Two."}', "text"),
    ],
)
def test_duplicate_keys_are_found_in_every_shape_of_line(line: bytes, twice: str | None) -> None:
    assert duplicate_key(line, orjson.loads(line)) == twice
