"""Imports stream: memory stays flat however many records a file holds, and what no single
line can know (a second line for a set, a document's other text) is still caught across
batches; duplicate JSON keys are refused with file, line and key."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import orjson
import pytest

from annotator.errors import InputError
from annotator.store import Project
from annotator.transfer import importing
from annotator.transfer.importing import import_paths

from support import snapshot


def write_records(path: Path, count: int) -> Path:
    with path.open("wb") as out:
        for n in range(count):
            text = f"Officials said talks on item {n} would continue."
            record = {
                "id": f"d{n:06d}",
                "text": text,
                "annotator": "alice",
                "spans": [{"id": "T1", "start": 0, "end": 9, "label": "SPEAKER"}],
            }
            out.write(orjson.dumps(record) + b"\n")
    return path


def peak_import(project: Project, source: Path) -> int:
    tracemalloc.start()
    try:
        import_paths(project, [source])
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_of_an_import_does_not_grow_with_the_file(tmp_path: Path, schema) -> None:
    small = write_records(tmp_path / "small.jsonl", 3_000)
    large = write_records(tmp_path / "large.jsonl", 12_000)
    with Project.create(tmp_path / "a.db", schema) as a:
        small_peak = peak_import(a, small)
    with Project.create(tmp_path / "b.db", schema) as b:
        large_peak = peak_import(b, large)
        assert b.documents.count() == 12_000
    # Four times the records, about the same peak: batches, no whole-file read, no
    # per-record bookkeeping in Python (before: ~850 bytes more per record).
    assert large_peak < small_peak * 1.3, (small_peak, large_peak)


@pytest.fixture
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two records per batch, so that every clash below crosses a batch boundary."""
    monkeypatch.setattr(importing, "_BATCH", 2)


def lines(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


DOC = {"id": "a", "text": "Peskov said so."}


def test_a_second_line_for_a_set_in_a_later_batch_names_the_first(
    tmp_path: Path, project: Project, tiny_batches: None
) -> None:
    source = lines(
        tmp_path / "in.jsonl",
        {**DOC, "annotator": "alice"},
        {"id": "b", "text": "Other."},
        {"id": "c", "text": "Third."},
        {**DOC, "annotator": "alice"},
    )
    before = snapshot(project)
    with pytest.raises(
        InputError,
        match=r"in.jsonl, line 4: .*second line for annotator "
        r'"alice" \(first on line 1\)',
    ):
        import_paths(project, [source])
    assert snapshot(project) == before


def test_a_document_seen_in_an_earlier_batch_with_another_text_is_refused(
    tmp_path: Path, project: Project, tiny_batches: None
) -> None:
    source = lines(
        tmp_path / "in.jsonl",
        DOC,
        {"id": "b", "text": "Other."},
        {"id": "c", "text": "Third."},
        {"id": "a", "text": "Peskov said otherwise."},
    )
    with pytest.raises(InputError, match=r"line 4: document \"a\" already exists with a diff"):
        import_paths(project, [source])
    assert project.documents.count() == 0


def test_documents_present_are_counted_once_across_batches(
    tmp_path: Path, project: Project, tiny_batches: None
) -> None:
    import_paths(project, [lines(tmp_path / "first.jsonl", DOC)])
    report = import_paths(
        project,
        [
            lines(
                tmp_path / "again.jsonl",
                {**DOC, "annotator": "alice"},
                {"id": "b", "text": "Other."},
                {"id": "c", "text": "Third."},
                {**DOC, "annotator": "bob"},
            )
        ],
    )
    assert (report.documents_present, report.documents_added, report.sets_added) == (1, 2, 2)


def test_a_new_document_met_again_in_a_later_batch_is_added_once(
    tmp_path: Path, project: Project, tiny_batches: None
) -> None:
    report = import_paths(
        project,
        [
            lines(
                tmp_path / "two.jsonl",
                {**DOC, "annotator": "alice"},
                {"id": "b", "text": "Other."},
                {"id": "c", "text": "Third."},
                {**DOC, "annotator": "bob"},
            )
        ],
    )
    assert (report.documents_present, report.documents_added, report.sets_added) == (0, 3, 2)
    assert report.summary().startswith("3 documents added, 2 annotation sets")


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "a", "text": "One.", "id": "b"}',
        '{"id":"a","text":"One.","annotator":"alice","spans":[{"id":"T1","start":0,"end":3,'
        '"label":"CUE","label":"QUOTE"}]}',
    ],
    ids=["top level, spaced", "inside a span, compact"],
)
def test_duplicate_json_keys_are_refused_with_file_line_and_key(
    tmp_path: Path, project: Project, line: str
) -> None:
    source = tmp_path / "dup.jsonl"
    source.write_text('{"id": "z", "text": "Fine."}\n' + line + "\n", encoding="utf-8")
    twice = "id" if line.startswith('{"id": "a"') else "label"
    with pytest.raises(InputError, match=rf'dup.jsonl, line 2: the key "{twice}" appears twice'):
        import_paths(project, [source])
    assert project.documents.count() == 0


def test_long_texts_in_one_batch_are_all_stored_whole(tmp_path: Path, project: Project) -> None:
    # More text than one insert statement takes (they go a few at a time): every one arrives.
    texts = {f"long{n}": f"Text {n} begins. " + f"w{n} " * 120_000 for n in range(5)}
    source = lines(tmp_path / "long.jsonl", *({"id": d, "text": t} for d, t in texts.items()))
    report = import_paths(project, [source])
    assert report.documents_added == 5
    stored = {d.id: d.text for batch in project.documents.iter_all() for d in batch}
    assert stored == texts
