"""Opening, locking, refusing foreign or newer files, and backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError, ProjectFileError, ProjectLockedError
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.backup import backups_dir
from annotator.store.connection import APPLICATION_ID


def test_created_project_reopens_with_its_schema(tmp_path: Path, schema: Schema) -> None:
    Project.create(tmp_path / "p.db", schema).close()
    with Project.open(tmp_path / "p.db") as project:
        assert project.schema.name == schema.name
        assert [lab.name for lab in project.schema.labels] == ["QUOTE", "SPEAKER", "CUE"]


def test_file_is_marked_and_durable(project: Project) -> None:
    raw = project._db
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # One writer by our own lock (store/lock.py), so readers are not shut out.
    assert raw.execute("PRAGMA locking_mode").fetchone()[0] == "normal"


def test_second_opener_is_told_the_project_is_open_elsewhere(project: Project) -> None:
    with pytest.raises(ProjectLockedError, match="open in another window"):
        Project.open(project.path)


def test_create_refuses_to_overwrite(project: Project, schema: Schema) -> None:
    with pytest.raises(AnnotatorError, match="already exists"):
        Project.create(project.path, schema)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="no such project file"):
        Project.open(tmp_path / "nope.db")


def test_non_database_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n" * 100)
    with pytest.raises(ProjectFileError, match="not an Annotator project"):
        Project.open(path)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="not an Annotator project"):
        Project.open(path)


def test_file_from_a_newer_version_is_refused(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "p.db"
    Project.create(path, schema).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('annotator', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="newer Annotator"):
        Project.open(path)


def test_backup_is_a_checked_complete_copy(seeded: Project) -> None:
    backup = seeded.backup("manual")
    assert backup.parent == backups_dir(seeded.path)
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    copy.close()
    assert not list(backup.parent.glob(".partial-*"))


def test_spans_of_a_set_are_found_through_an_index(project: Project) -> None:
    plan = " ".join(
        r[3]
        for r in project._db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM spans WHERE document = 'd' AND annotator = 'a'"
        )
    )
    assert "USING INDEX" in plan


def test_looking_at_a_foreign_database_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
