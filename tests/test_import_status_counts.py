"""The document list's per-status counts ("12 / 40 done") stay true across bulk imports,
which count the sets they add at their end instead of one trigger call per set: a replaced
set, a failed import and the edits after an import are all counted as they are."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.model import DocumentId, Status
from annotator.store import Project
from annotator.transfer import importing
from annotator.transfer.importing import import_paths


def lines(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def record(doc: str, annotator: str, status: str) -> dict:
    return {"id": doc, "text": f"Text of {doc}.", "annotator": annotator, "status": status}


def shown(project: Project, annotator: str) -> Counter[Status]:
    """What the document list shows for the layer, zero counts left out."""
    return +project.catalogue.status_counts(annotator)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two records per batch: the counts must hold across batches too."""
    monkeypatch.setattr(importing, "_BATCH", 2)


def test_an_import_that_replaces_sets_keeps_the_counts_true(
    project: Project, tmp_path: Path
) -> None:
    first = lines(
        tmp_path / "first.jsonl",
        record("a", "alice", "done"),
        record("b", "alice", "done"),
        record("c", "alice", "in_progress"),
        record("c", "bob", "done"),
    )
    import_paths(project, [first])
    assert shown(project, "alice") == {Status.DONE: 2, Status.IN_PROGRESS: 1}
    # Sets replaced, among them the newest row (a count by rowid range would miss what
    # takes its place), a new document with alice's set, and a new set in bob's layer.
    second = lines(
        tmp_path / "second.jsonl",
        record("c", "bob", "skipped"),
        record("b", "alice", "skipped"),
        record("d", "alice", "done"),
        record("a", "bob", "in_progress"),
    )
    import_paths(project, [second])
    assert shown(project, "alice") == {Status.DONE: 2, Status.IN_PROGRESS: 1, Status.SKIPPED: 1}
    assert shown(project, "bob") == {Status.SKIPPED: 1, Status.IN_PROGRESS: 1, Status.TODO: 2}


def test_a_failed_import_changes_no_count_and_later_edits_are_counted(
    project: Project, tmp_path: Path
) -> None:
    import_paths(project, [lines(tmp_path / "one.jsonl", record("a", "alice", "done"))])
    bad = lines(
        tmp_path / "bad.jsonl",
        record("b", "alice", "done"),
        record("c", "alice", "done"),
        record("d", "alice", "done"),
        {"id": "e", "text": "Broken.", "annotator": "alice", "status": "finished"},
    )
    with pytest.raises(InputError, match="line 4"):
        import_paths(project, [bad])
    assert shown(project, "alice") == {Status.DONE: 1}
    # The window marks a document: counted at once, as before any import.
    with project.transaction():
        project.sets.write_row(DocumentId("a"), "alice", Status.SKIPPED, {})
    assert shown(project, "alice") == {Status.SKIPPED: 1}
    import_paths(project, [lines(tmp_path / "two.jsonl", record("b", "carol", "done"))])
    with project.transaction():
        project.sets.write_row(DocumentId("a"), "carol", Status.IN_PROGRESS, {})
    assert shown(project, "carol") == {Status.DONE: 1, Status.IN_PROGRESS: 1}
