"""Bringing a backup back: checked first, under the writer lock, the replaced file kept beside.

The order is what makes it safe:

1. Hold the project the way :meth:`Project.open` does, so a window or command that has it
   open makes the restore refuse (a file too damaged to open has no lock to take).
2. Copy the backup (and a ``-wal`` beside it, if any) to a partial file beside the project,
   fold that WAL in and check the copy: an Annotator project, ``quick_check`` ok, no
   migration newer than this version.
3. Back up the project as it is (reason ``restore``) when it is readable, and take it out
   of WAL mode (its WAL folded in).
4. Move the project aside as ``PROJECT.replaced-<time>.db`` together with its ``-wal``,
   ``-shm`` and ``-journal``: its committed work (a killed import's, say) stays with it, and
   no stale WAL is left to be replayed over the restored pages (the issue's failure 2:
   copying a backup over a project with a stale ``-wal`` made it "malformed").
5. Release the lock, rename the checked copy into place, sync the folder.

Nothing is deleted: the replaced file, its WAL and the pre-restore backup all stay.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.errors import (
    AnnotatorError,
    DamagedProjectError,
    ProjectFileError,
    ProjectLockedError,
    StorageLockedError,
)
from annotator.store import clean_close
from annotator.store.backup import backup_problem, make_backup, remove_partials, restoring_path
from annotator.store.connection import connect
from annotator.store.database import Database
from annotator.store.faults import storage_errors
from annotator.store.filesystem import ensure_free_space, sync_file, sync_folder
from annotator.store.lock import WriterLock

#: Files SQLite keeps beside a database; they belong to it and move with it.
SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreReport:
    project: Path
    backup: Path
    #: The file that was the project, kept beside it; None when there was none.
    replaced: Path | None
    #: A backup of the replaced project in PROJECT.backups/; None when it was unreadable.
    backup_before: Path | None

    def summary(self) -> str:
        said = f"restored {self.project} from {self.backup}"
        if self.replaced is not None:
            said += f"; the replaced file is kept as {self.replaced}"
        if self.backup_before is not None:
            said += f" and backed up as {self.backup_before}"
        return said


def side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def restore(
    project_path: Path, backup_path: Path, now: Callable[[], datetime] = datetime.now
) -> RestoreReport:
    """Replace ``project_path`` by a checked copy of ``backup_path``; see the module's steps.

    Works when the project is missing or damaged. Raises ProjectLockedError while it is open
    elsewhere, ProjectFileError for a backup that cannot be restored, StorageError for the
    disk; in every such case the project is left as it was."""
    project_path, backup_path = Path(project_path), Path(backup_path)
    _refuse_wrong_paths(project_path, backup_path)
    # The project's one-writer lock, held to the end: no window or write command can open
    # it meanwhile, and one that has it open makes this refuse at once.
    writer = WriterLock.acquire(project_path)
    try:
        return _restore(project_path, backup_path, now)
    finally:
        writer.release()


def _restore(project_path: Path, backup_path: Path, now: Callable[[], datetime]) -> RestoreReport:
    lock = _hold(project_path)
    partial = restoring_path(project_path)
    try:
        with storage_errors(project_path, "restoring"):
            remove_partials(project_path)
            _copy_checked(backup_path, partial, project_path)
            before = None
            if lock is not None:
                before = _backup_before(lock, project_path)
                if before is not None:
                    _leave_wal_mode(lock, project_path)
            replaced = _move_aside(project_path, now())
            # Closed while the project's name is free: a connection closing later would
            # delete "PROJECT-wal" by name, which by then could be the restored file's.
            if lock is not None:
                _release(lock)
                lock = None
            os.replace(partial, project_path)
            sync_folder(project_path.parent)
            clean_close.replaced(project_path)
    finally:
        if lock is not None:
            _release(lock)
        with suppress(OSError):
            for suffix in ("", *SIDE_FILES):
                side(partial, suffix).unlink(missing_ok=True)
    if replaced is not None:
        _drop_dead_side_files(replaced)
    return RestoreReport(project_path, backup_path, replaced, before)


def _refuse_wrong_paths(project_path: Path, backup_path: Path) -> None:
    if not backup_path.is_file():
        raise ProjectFileError(f"{backup_path}: no such backup file")
    if not project_path.parent.is_dir():
        raise AnnotatorError(f"{project_path}: the folder {project_path.parent} does not exist")
    if project_path.exists() and not project_path.is_file():
        raise AnnotatorError(f"{project_path}: not a file; give the project file to replace")
    if project_path.exists() and os.path.samefile(project_path, backup_path):
        raise ProjectFileError(f"{backup_path}: this is the project itself; choose a backup")


def _hold(project_path: Path) -> sqlite3.Connection | None:
    """A connection to the project (under the writer lock) for the backup before restoring
    and for leaving WAL mode, or None where there is nothing to read: no file, or one too
    damaged to open."""
    if not project_path.exists():
        return None
    try:
        return connect(project_path)
    except ProjectLockedError:
        raise
    except AnnotatorError:
        return None


def _release(lock: sqlite3.Connection) -> None:
    # A damaged file may fail the checkpoint on close; its WAL then stays beside it.
    with suppress(sqlite3.Error):
        lock.close()


def _copy_checked(backup_path: Path, partial: Path, project_path: Path) -> None:
    source_wal = side(backup_path, "-wal")
    wal_bytes = source_wal.stat().st_size if source_wal.is_file() else 0
    size = backup_path.stat().st_size + wal_bytes
    current = project_path.stat().st_size if project_path.is_file() else 0
    ensure_free_space(partial.parent, size, max(size, current), f"{project_path}: restoring")
    shutil.copyfile(backup_path, partial)
    if wal_bytes:
        # A backup that is itself a project file with a WAL (a replaced file, say).
        shutil.copyfile(source_wal, side(partial, "-wal"))
    _fold_wal(partial)
    problem = backup_problem(partial)
    if problem is not None:
        raise ProjectFileError(f"{backup_path}: {problem}; nothing was restored")
    sync_file(partial)


def _fold_wal(copy: Path) -> None:
    """Make the copy one self-contained file in rollback mode (our copy: writing is fine);
    the next Project.open switches it back to WAL."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError:
        pass  # not a database, or damaged: backup_problem says which
    finally:
        conn.close()


def _backup_before(lock: sqlite3.Connection, project_path: Path) -> Path | None:
    try:
        return make_backup(Database(lock), project_path, "restore")
    except DamagedProjectError:
        return None  # unreadable: the replaced file itself is kept


def _leave_wal_mode(lock: sqlite3.Connection, project_path: Path) -> None:
    """Fold the WAL into the file and leave WAL mode while holding the lock: the replaced file
    is then one file, no connection closing later deletes a ``-wal`` by name (by then it could
    be the restored file's), and SQLite refuses while another connection still reads the old
    file. Only for a readable file (it was just backed up): a damaged one is never written."""
    mode = str(lock.execute("PRAGMA journal_mode=DELETE").fetchone()[0])
    if mode != "delete":
        raise StorageLockedError(
            f"{project_path}: restoring: the project is still being read by another window or "
            "process; try again when it is done"
        )


def _move_aside(project_path: Path, moment: datetime) -> Path | None:
    """Rename the project and its side files to ``PROJECT.replaced-<time>.db``; side files
    without a project (a deleted file's stale WAL) are moved too, never left behind."""
    present = [s for s in ("", *SIDE_FILES) if side(project_path, s).exists()]
    if not present:
        return None
    stamp = moment.strftime("%Y-%m-%d-%H.%M.%S")
    replaced = project_path.with_name(f"{project_path.name}.replaced-{stamp}.db")
    count = 1
    while any(side(replaced, s).exists() for s in ("", *SIDE_FILES)):
        count += 1
        replaced = project_path.with_name(f"{project_path.name}.replaced-{stamp}-{count}.db")
    for suffix in present:  # the database first: its WAL must never sit beside the new one
        os.rename(side(project_path, suffix), side(replaced, suffix))
    return replaced if "" in present else None


def _drop_dead_side_files(replaced: Path) -> None:
    """Remove side files that hold nothing to recover, so the replaced file is one file: an
    empty WAL (with its index), and a journal that is empty or starts with a zero byte (SQLite's
    own test for "not hot"; exclusive locking leaves one so after leaving WAL mode)."""
    wal, journal = side(replaced, "-wal"), side(replaced, "-journal")
    with suppress(OSError):
        if wal.is_file() and wal.stat().st_size == 0:
            wal.unlink()
            side(replaced, "-shm").unlink(missing_ok=True)
        if journal.is_file():
            with journal.open("rb") as handle:
                first = handle.read(1)
            if first in (b"", b"\x00"):
                journal.unlink()
