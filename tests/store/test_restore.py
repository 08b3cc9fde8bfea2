"""Restoring a backup: checked first, refused while the project is open, the replaced file kept
beside it with its WAL, and a stale WAL of a killed writer never mixed into the restored file."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from annotator.errors import DiskFullError, ProjectFileError, ProjectLockedError
from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.store.backup import backups_dir, list_backups
from annotator.store.restore import restore
from annotator.transfer.importing import create_project, import_paths

# A writer killed right after its import committed: the work sits in p.db-wal only.
KILLED_IMPORT = """
import os, signal, sys
from pathlib import Path
from annotator.store import Project
from annotator.transfer.importing import import_paths
project = Project.open(Path(sys.argv[1]))
import_paths(project, [Path(sys.argv[2])])
os.kill(os.getpid(), signal.SIGKILL)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def document_count(path: Path) -> int:
    with Project.open(path) as project:
        return project.documents.count()


def wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


@pytest.fixture
def project_path(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "p.db"
    create_project(path, schema, seeds_dir()).close()
    return path


@pytest.fixture
def backup(project_path: Path) -> Path:
    with Project.open(project_path) as project:
        return project.backup("manual")


def kill_during_work(project_path: Path, tmp_path: Path, documents: int = 3) -> None:
    """Leave ``project_path`` as a killed import leaves it: committed work in a stale -wal."""
    folder = tmp_path / "more"
    folder.mkdir()
    for n in range(documents):
        (folder / f"extra{n}.txt").write_text(f"Extra {n}\n" + "He said so. " * 300, "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(project_path), str(folder)], check=False
    )
    assert done.returncode == -signal.SIGKILL
    assert wal(project_path).stat().st_size > 0, "the killed import left its WAL behind"


def damage_table(path: Path, table: str = "documents") -> None:
    """Overwrite the B-tree page header of ``table``'s root page in the closed file."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root[0] - 1) * page_size)
        handle.write(b"\xee" * 12)


def test_copying_a_backup_over_a_stale_wal_makes_the_project_malformed(
    project_path: Path, backup: Path, tmp_path: Path
) -> None:
    """The issue's failure 2 as users met it, and the reason restore exists."""
    kill_during_work(project_path, tmp_path)
    shutil.copyfile(backup, project_path)
    conn = sqlite3.connect(project_path)
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        conn.execute("SELECT count(*) FROM documents").fetchone()
    conn.close()


def test_restore_over_a_stale_wal_gives_the_backup_and_keeps_the_killed_writers_work(
    project_path: Path, backup: Path, tmp_path: Path
) -> None:
    kill_during_work(project_path, tmp_path, documents=3)
    report = restore(project_path, backup)
    assert document_count(project_path) == 1
    with Project.open(project_path) as project:
        assert project.integrity() == ["ok"]
    assert report.replaced is not None and report.replaced.parent == project_path.parent
    assert report.replaced.name.startswith("p.db.replaced-") and report.replaced.suffix == ".db"
    # Nothing of the user's is lost: the replaced file holds the killed import, in one file.
    assert [p.name for p in tmp_path.glob("p.db.replaced-*")] == [report.replaced.name]
    assert document_count(report.replaced) == 4
    assert not list(tmp_path.glob(".*partial*"))


def test_restore_refuses_while_the_project_is_open_elsewhere(
    project_path: Path, backup: Path
) -> None:
    holder = Project.open(project_path)
    try:
        before = sorted(p.name for p in project_path.parent.iterdir())
        with pytest.raises(ProjectLockedError, match="open in another window or process"):
            restore(project_path, backup)
        assert sorted(p.name for p in project_path.parent.iterdir()) == before
    finally:
        holder.close()
    assert document_count(project_path) == 1


def test_restore_refuses_while_another_process_has_the_project_open(
    project_path: Path, backup: Path
) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from annotator.store import Project; p = Project.open(sys.argv[1]); "
            "print('open', flush=True); sys.stdin.read()",
            str(project_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        with pytest.raises(ProjectLockedError, match="open in another window or process"):
            restore(project_path, backup)
    finally:
        holder.communicate("")
    assert not list(project_path.parent.glob("*replaced*"))


def test_restore_brings_back_a_missing_project(project_path: Path, backup: Path) -> None:
    project_path.unlink()
    report = restore(project_path, backup)
    assert report.replaced is None and report.backup_before is None
    assert document_count(project_path) == 1


def test_restore_over_a_damaged_project_keeps_it_byte_for_byte(
    project_path: Path, backup: Path
) -> None:
    damage_table(project_path)
    damaged = digest(project_path)
    report = restore(project_path, backup)
    assert report.replaced is not None and digest(report.replaced) == damaged
    assert report.backup_before is None  # nothing readable to back up: the file itself is kept
    assert document_count(project_path) == 1


def test_restore_over_a_file_that_is_no_longer_a_database(project_path: Path, backup: Path) -> None:
    with project_path.open("r+b") as handle:
        handle.write(b"\x00" * 100)  # the header: "file is not a database"
    damaged = digest(project_path)
    report = restore(project_path, backup)
    assert report.replaced is not None and digest(report.replaced) == damaged
    assert document_count(project_path) == 1


def test_restore_takes_a_backup_of_a_readable_project_first(
    project_path: Path, backup: Path
) -> None:
    report = restore(project_path, backup)
    assert report.backup_before is not None
    assert report.backup_before.parent == backups_dir(project_path)
    reasons = [b.reason for b in list_backups(project_path)]
    assert "restore" in reasons


def test_replaced_names_never_collide(project_path: Path, backup: Path) -> None:
    moment = datetime(2026, 3, 1, 12, 0, 0)
    first = restore(project_path, backup, now=lambda: moment)
    second = restore(project_path, backup, now=lambda: moment)
    assert first.replaced is not None and second.replaced is not None
    assert first.replaced != second.replaced
    assert first.replaced.exists() and second.replaced.exists()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_text("notes\n" * 100), "not an Annotator project"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(), "not an"),
    ],
    ids=["text file", "foreign database"],
)
def test_restore_refuses_what_is_not_a_backup(project_path: Path, tmp_path: Path, make, problem):
    other = tmp_path / "other.db"
    make(other)
    before = digest(project_path)
    with pytest.raises(ProjectFileError, match=problem) as caught:
        restore(project_path, other)
    assert str(other) in str(caught.value)
    assert digest(project_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["p.db", "other.db"])


def test_restore_refuses_a_damaged_backup(project_path: Path, backup: Path) -> None:
    damage_table(backup)
    before = digest(project_path)
    with pytest.raises(ProjectFileError, match="damaged"):
        restore(project_path, backup)
    assert digest(project_path) == before
    assert not list(project_path.parent.glob(".*partial*"))


def test_restore_refuses_a_backup_from_a_newer_version(project_path: Path, backup: Path) -> None:
    conn = sqlite3.connect(backup)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('annotator', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError, match="newer Annotator"):
        restore(project_path, backup)
    assert document_count(project_path) == 1


def test_restore_refuses_the_project_itself(project_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="the project itself"):
        restore(project_path, project_path)


def test_restore_writes_atomically_and_syncs_the_folder(
    project_path: Path, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        synced.append("folder" if stat.S_ISDIR(mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    restore(project_path, backup)
    assert "file" in synced, "the restored copy is synced before its rename"
    assert synced[-1] == "folder", "the rename is made durable by syncing the folder"


def test_restore_that_fails_midway_leaves_the_project_as_it_was(
    project_path: Path, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    before = digest(project_path)
    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(DiskFullError, match="disk is full"):
        restore(project_path, backup)
    assert digest(project_path) == before
    assert not list(project_path.parent.glob(".*partial*"))
    assert not list(project_path.parent.glob("*replaced*"))


def test_restore_refuses_when_the_copy_would_nearly_fill_the_disk(
    project_path: Path, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10**9, 10**9, 10 * 2**20)
    )
    before = digest(project_path)
    with pytest.raises(DiskFullError, match="free"):
        restore(project_path, backup)
    assert digest(project_path) == before


# Restore in a process killed just before its k-th rename (the pre-restore backup's too).
KILLED_RESTORE = """
import os, signal, sys
from pathlib import Path
step, calls = int(sys.argv[3]), 0

def counted(real):
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call

os.rename, os.replace = counted(os.rename), counted(os.replace)
from annotator.store.restore import restore
restore(Path(sys.argv[1]), Path(sys.argv[2]))
print("finished", flush=True)
"""


@pytest.mark.slow
def test_a_restore_killed_at_any_step_loses_nothing_and_can_be_run_again(
    project_path: Path, backup: Path, tmp_path: Path
) -> None:
    more = tmp_path / "more"
    more.mkdir()
    (more / "extra.txt").write_text("Extra\nHe said so.\n", "utf-8")
    with Project.open(project_path) as project:
        import_paths(project, [more])  # the project now holds 2 documents, the backup 1
    step = 0
    while True:
        step += 1
        work = tmp_path / f"step{step}"
        work.mkdir()
        shutil.copyfile(project_path, work / "p.db")
        shutil.copyfile(backup, work / "b.db")
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                KILLED_RESTORE,
                str(work / "p.db"),
                str(work / "b.db"),
                str(step),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        finished = done.stdout == "finished\n"
        assert finished or done.returncode == -signal.SIGKILL, done.stderr
        project = work / "p.db"
        if project.exists():
            assert document_count(project) in (1, 2), f"step {step}: neither old nor restored"
        counts = [document_count(p) for p in work.glob("p.db.replaced-*.db")]
        if not finished:
            assert (project.exists() and document_count(project) == 2) or 2 in counts, step
            restore(project, work / "b.db")  # running it again finishes the job
        assert document_count(project) == 1
        assert 2 in [document_count(p) for p in work.glob("p.db.replaced-*.db")], step
        if finished:
            break
    assert step >= 4, "the kills covered the backup before, the moves aside and the rename"
