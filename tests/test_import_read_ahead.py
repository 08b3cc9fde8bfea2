"""An import reads and checks its batches on a second thread (``transfer/read_ahead.py``)
while the connection's thread stores the one before: the same errors, in the same order, as
one thread; progress and a cancel on the caller's thread; the reading thread always ends."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.model.progress import Cancelled
from annotator.store import Project
from annotator.transfer import importing, read_ahead
from annotator.transfer.importing import import_paths
from annotator.transfer.read_ahead import THREAD_NAME

from support import snapshot


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == THREAD_NAME]


def lines(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "_BATCH", 2)


@pytest.fixture(autouse=True)
def two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reading thread is used where two CPUs are (a machine with one reads inline)."""
    monkeypatch.setattr(read_ahead, "usable_cpus", lambda: 2)


def test_items_come_in_order_and_a_reader_error_after_those_before_it() -> None:
    def items() -> Iterator[int]:
        yield from (1, 2, 3)
        raise ValueError("bad item 4")

    got: list[int] = []
    with (
        pytest.raises(ValueError, match="bad item 4"),
        read_ahead.read_ahead(items(), lambda n: n * 10) as prepared,
    ):
        got.extend(prepared)
    assert got == [10, 20, 30]
    assert readers() == []


def test_a_consumer_that_stops_early_stops_the_reader_and_closes_its_source() -> None:
    read: list[int] = []
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            for n in range(10_000):
                read.append(n)
                yield n
        finally:
            closed.set()

    interval = sys.getswitchinterval()
    with pytest.raises(RuntimeError), read_ahead.read_ahead(items(), lambda n: n) as prepared:
        for n in prepared:
            assert sys.getswitchinterval() <= read_ahead.SWITCH_INTERVAL
            if n == 3:
                raise RuntimeError("the consumer failed")
    assert readers() == []
    assert closed.is_set()
    assert len(read) < 100  # a few items ahead, not the whole source
    assert sys.getswitchinterval() == interval


def test_a_bad_line_of_a_later_batch_waits_for_the_batches_before_it(
    tmp_path: Path, project: Project, tiny_batches: None
) -> None:
    """The reader meets line 4's error first, but line 2's clash with the project (found by
    the connection's thread) comes first in the file, so it is the one reported."""
    import_paths(project, [lines(tmp_path / "first.jsonl", {"id": "a", "text": "One."})])
    before = snapshot(project)
    source = lines(
        tmp_path / "in.jsonl",
        {"id": "b", "text": "Two."},
        {"id": "a", "text": "Another text."},
        {"id": "c", "text": "Three."},
        {"id": "d"},
    )
    with pytest.raises(InputError, match=r'in.jsonl, line 2: document "a" already exists'):
        import_paths(project, [source])
    assert snapshot(project) == before
    assert readers() == []


def test_a_clash_with_the_project_comes_before_a_later_clash_within_the_batch(
    tmp_path: Path, project: Project
) -> None:
    """The reader checks a batch as if the project held none of its documents (and finds
    line 3); the project holds line 1's document with another text: line 1 is reported."""
    import_paths(project, [lines(tmp_path / "first.jsonl", {"id": "a", "text": "One."})])
    source = lines(
        tmp_path / "in.jsonl",
        {"id": "a", "text": "Another text."},
        {"id": "b", "text": "Two."},
        {"id": "b", "text": "Two again."},
    )
    with pytest.raises(InputError, match=r"in.jsonl, line 1: "):
        import_paths(project, [source])


def test_a_clash_within_a_batch_of_new_documents_is_reported(
    tmp_path: Path, project: Project
) -> None:
    source = lines(
        tmp_path / "in.jsonl",
        {"id": "b", "text": "Two.", "annotator": "alice"},
        {"id": "b", "text": "Two.", "annotator": "alice"},
    )
    with pytest.raises(InputError, match=r"line 2: .*second line for annotator"):
        import_paths(project, [source])
    assert project.documents.count() == 0


def test_progress_is_told_on_the_callers_thread_and_a_cancel_stops_the_reading(
    tmp_path: Path, project: Project, tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = lines(tmp_path / "in.jsonl", *({"id": f"d{n}", "text": "Text."} for n in range(400)))
    read: list[object] = []
    real = importing._records

    def counted(*args: object) -> Iterator[object]:
        for record in real(*args):  # type: ignore[arg-type]
            read.append(record)
            yield record

    monkeypatch.setattr(importing, "_records", counted)
    calls: list[tuple[int, int | None, threading.Thread]] = []

    def progress(done: int, total: int | None) -> None:
        calls.append((done, total, threading.current_thread()))
        if len(calls) == 3:
            raise Cancelled

    before = snapshot(project)
    with pytest.raises(Cancelled):
        import_paths(project, [source], progress=progress)
    assert [(done, total) for done, total, _ in calls] == [(2, None), (4, None), (6, None)]
    assert {thread for _, _, thread in calls} == {threading.current_thread()}
    assert snapshot(project) == before
    assert readers() == []
    assert len(read) < 100


def test_the_reading_thread_ends_after_a_failure_of_the_connections_thread(
    tmp_path: Path, project: Project, tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = lines(tmp_path / "in.jsonl", *({"id": f"d{n}", "text": "Text."} for n in range(50)))

    def broken(*_: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(project.bulk, "insert_rows", broken)
    with pytest.raises(RuntimeError, match="broken"):
        import_paths(project, [source])
    assert readers() == []
    assert project.documents.count() == 0


def test_on_one_cpu_the_batches_are_read_on_the_callers_thread(
    tmp_path: Path, project: Project, tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "usable_cpus", lambda: 1)
    source = lines(tmp_path / "in.jsonl", *({"id": f"d{n}", "text": "Text."} for n in range(9)))
    seen: list[list[threading.Thread]] = []
    report = import_paths(project, [source], progress=lambda *_: seen.append(readers()))
    assert report.documents_added == 9
    assert seen and all(found == [] for found in seen)
    bad = lines(tmp_path / "bad.jsonl", {"id": "x", "text": "One."}, {"id": "y"})
    with pytest.raises(InputError, match=r"bad.jsonl, line 2: "):
        import_paths(project, [bad])
    assert project.documents.count() == 9
