"""A bulk import has SQLite skip the tables' CHECK constraints and makes them in Python
instead (``store/constraints.py``): a row that breaks one is still refused, with SQLite's
own error, and SQLite checks again as soon as the import is over, whether it failed or not."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import InputError
from annotator.model import AnnotatorName, DocumentId
from annotator.store import Project
from annotator.store.bulk import SetValues
from annotator.transfer.importing import import_paths

D, A = DocumentId("d"), AnnotatorName("alice")
GOOD: SetValues = (D, A, "done", {}, 0.0, [("T1", 0, 4, "CUE", {})], [])


def checks_on(project: Project) -> bool:
    return not project.bulk._db.execute("PRAGMA ignore_check_constraints").fetchone()[0]


def with_document(project: Project) -> Project:
    with project.transaction():
        project.documents.insert_values([(D, "Text of d.", "", {}, "x" * 64)])
    return project


@pytest.mark.parametrize(
    ("changed", "check"),
    [
        ({2: "finished"}, "status IN ('todo', 'in_progress', 'done', 'skipped')"),
        ({5: [("T1", 4, 4, "CUE", {})]}, 'start >= 0 AND "end" > start'),
        ({5: [("T1", -1, 4, "CUE", {})]}, 'start >= 0 AND "end" > start'),
        ({4: -2.0}, "seconds >= 0"),
    ],
)
@pytest.mark.parametrize("during_import", [False, True])
def test_a_row_that_breaks_a_check_is_refused_with_sqlites_error(
    project: Project, changed: dict[int, Any], check: str, during_import: bool
) -> None:
    with_document(project)
    bad: Any = tuple(changed.get(i, value) for i, value in enumerate(GOOD))
    with pytest.raises(sqlite3.IntegrityError) as refused, project.transaction():
        if during_import:
            with project.bulk.checked_in_python():
                assert not checks_on(project)
                project.bulk.insert_values([bad])
        else:
            project.bulk.insert_values([bad])
    assert str(refused.value) == f"CHECK constraint failed: {check}"
    assert checks_on(project)
    assert project.bulk.sets_for([D]) == {}


def test_good_rows_pass_the_checks(project: Project) -> None:
    with_document(project)
    with project.transaction(), project.bulk.checked_in_python():
        project.bulk.insert_values([GOOD])
    assert [s.status for s in project.bulk.sets_for([D])[D]] == ["done"]


def test_sqlite_checks_again_after_an_import_that_worked_or_failed(
    project: Project, tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "text": "A text.", "annotator": "alice"}) + "\n")
    import_paths(project, [good])
    assert checks_on(project)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "b", "text": "B.", "annotator": "x", "status": "?"}) + "\n")
    with pytest.raises(InputError):
        import_paths(project, [bad])
    assert checks_on(project)
