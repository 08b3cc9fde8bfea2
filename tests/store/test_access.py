"""One writer, many readers: read-only opens never write a byte, see every committed edit,
and work while the project is open for writing elsewhere; a second writer is refused."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from disks import folder_state

from annotator.errors import ProjectFileError, ProjectLockedError
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store import migrations as migrations_module
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths

from support import add_span

DOC = "000_80cf35cee6cee056"


@pytest.fixture
def closed(tmp_path: Path, schema: Schema) -> Path:
    """A project with a document and a span, closed: no -wal, no -shm."""
    from annotator.paths import seeds_dir

    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "p.db"
    with Project.create(path, schema) as project:
        import_paths(project, [seeds_dir()])
        add_span(project, DOC, "alice", 0, 7, "QUOTE")
    return path


def test_reading_a_closed_project_leaves_every_file_byte_identical(closed: Path) -> None:
    before = folder_state(closed.parent)
    with Project.open(closed, read_only=True) as project:
        assert project.read_only
        assert project.documents.count() == 1
        assert len(project.spans.in_set(DOC, "alice")) == 1  # type: ignore[arg-type]
        with open(os.devnull, "wb") as sink:
            export_jsonl(project, sink)
    assert folder_state(closed.parent) == before


def test_a_read_only_project_refuses_to_write(closed: Path) -> None:
    from annotator.errors import StorageError

    with Project.open(closed, read_only=True) as project:
        with pytest.raises(StorageError, match="read-only"):
            add_span(project, DOC, "alice", 8, 12, "CUE")
        with pytest.raises(StorageError, match="read-only"):
            project.backup("manual")


def test_readers_see_every_committed_edit_while_a_writer_has_it_open(closed: Path) -> None:
    with Project.open(closed) as writer:
        with Project.open(closed, read_only=True) as reader:
            assert len(reader.spans.in_set(DOC, "alice")) == 1  # type: ignore[arg-type]
            add_span(writer, DOC, "alice", 8, 12, "CUE")
            assert len(reader.spans.in_set(DOC, "alice")) == 2  # type: ignore[arg-type]
        # A reader in another process too: the command line's stats, while the window writes.
        add_span(writer, DOC, "bob", 8, 12, "CUE")
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "stats", str(closed)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "bob" in done.stdout
    assert sorted(p.name for p in closed.parent.iterdir()) == ["p.db", "p.db.backups"] or sorted(
        p.name for p in closed.parent.iterdir()
    ) == ["p.db"]


def test_a_second_writer_is_refused_at_once_even_from_another_process(closed: Path) -> None:
    with Project.open(closed):
        with pytest.raises(ProjectLockedError, match="open in another window or process"):
            Project.open(closed)
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "annotator", "import", str(closed), str(closed)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 1
        assert "open in another window or process" in done.stderr
        assert "Traceback" not in done.stderr
        assert time.monotonic() - started < 10


def test_the_writer_closes_cleanly_while_a_reader_is_mid_read(closed: Path) -> None:
    writer = Project.open(closed)
    add_span(writer, DOC, "alice", 8, 12, "CUE")
    reader = Project.open(closed, read_only=True)
    reading = reader.documents.iter_all(1)
    next(reading)  # a read transaction is open now
    writer.close()  # its checkpoint cannot finish past the reader: it must not fail
    reading.close()
    assert len(reader.spans.in_set(DOC, "alice")) == 2  # type: ignore[arg-type]
    reader.close()
    with Project.open(closed, read_only=True) as again:
        assert len(again.spans.in_set(DOC, "alice")) == 2  # type: ignore[arg-type]


def test_the_file_is_locked_without_sqlite_exclusive_mode(closed: Path) -> None:
    with Project.open(closed) as project:
        raw = project._db
        assert raw.execute("PRAGMA locking_mode").fetchone()[0] == "normal"
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_writer_lock_file_goes_when_the_writer_closes(closed: Path) -> None:
    with Project.open(closed):
        pass
    assert not (closed.parent / "p.db-lock").exists()


def test_a_file_needing_a_harmless_migration_is_read_without_migrating(
    tmp_path: Path, schema: Schema
) -> None:
    import sqlite3

    from sqlite_utils import Database

    from annotator.store.connection import APPLICATION_ID

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations_module.MIGRATIONS.apply(
        Database(conn, execute_plugins=False), stop_before="0003_stable_ids"
    )
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", [schema.source])
    conn.close()
    before = folder_state(tmp_path)
    with Project.open(path, read_only=True) as project:
        assert project.schema.name == schema.name
        assert project.documents.count() == 0
    assert folder_state(tmp_path) == before


def test_a_file_needing_a_real_migration_is_refused_read_only(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlite_utils import Database

    from annotator.store.connection import APPLICATION_ID

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations_module.MIGRATIONS.apply(
        Database(conn, execute_plugins=False), stop_before="0003_stable_ids"
    )
    conn.close()
    monkeypatch.setattr(migrations_module, "READ_COMPATIBLE", frozenset())
    before = folder_state(tmp_path)
    with pytest.raises(ProjectFileError, match="run any write command or open it in the app"):
        Project.open(path, read_only=True)
    assert folder_state(tmp_path) == before


KILLED_WRITER = """
import os, sys
from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.edits.spans import AddSpan
from annotator.store import Project
project = Project.open(sys.argv[1])
AddSpan(Span(SpanId(0), DocumentId(sys.argv[2]), AnnotatorName("killed"), 0, 7, "QUOTE")).apply(
    project
)
os._exit(0)  # no close: the commit is only in the -wal, the lock file stays behind
"""


def test_a_killed_writers_work_is_read_without_touching_its_files(closed: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(closed), DOC],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    wal = closed.with_name("p.db-wal")
    assert wal.stat().st_size > 0
    before = {k: v for k, v in folder_state(closed.parent).items() if not k.endswith("-shm")}
    with Project.open(closed, read_only=True) as reader:
        assert len(reader.spans.in_set(DOC, "killed")) == 1  # type: ignore[arg-type]
    # The -shm is SQLite's shared-memory index, rebuilt by whoever reads; the data is not.
    after = {k: v for k, v in folder_state(closed.parent).items() if not k.endswith("-shm")}
    assert after == before
    # The next writer takes over the stale lock file and checkpoints the work in.
    with Project.open(closed) as writer:
        assert len(writer.spans.in_set(DOC, "killed")) == 1  # type: ignore[arg-type]
    assert sorted(p.name for p in closed.parent.iterdir() if p.is_file()) == ["p.db"]
