"""Backups of a project: checked copies in PROJECT.backups/, named by time, schema and reason.

A backup is ``VACUUM INTO`` a ``.partial-`` file, checked, synced, renamed, and the folder
synced. Its name carries everything listing and thinning need, so neither opens a file:
``{stem}-{YYYY-MM-DD-HH.MM.SS.ffffff}-schema{NNNN}-{reason}.db``, where NNNN is the newest
migration the Annotator taking it knew.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from annotator.errors import DamagedProjectError, StorageIOError
from annotator.store.connection import APPLICATION_ID, application_id
from annotator.store.database import Database
from annotator.store.faults import storage_error, storage_errors
from annotator.store.filesystem import ensure_free_space, sync_file, sync_folder
from annotator.store.migrations import KNOWN, applied
from annotator.store.retention import expired

STAMP = "%Y-%m-%d-%H.%M.%S.%f"
PARTIAL = ".partial-"
SQLITE_MAGIC = b"SQLite format 3\x00"
_NAME = re.compile(
    r"-(?P<stamp>\d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6})"
    r"(?:-schema(?P<migration>\d{4}))?-(?P<reason>[a-z][a-z0-9_]*)\.db$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as its name describes it."""

    path: Path
    created: datetime
    reason: str
    bytes: int
    #: The newest migration ("0002") of the Annotator that took it; None in older names.
    migration: str | None = None


def backups_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def newest_migration() -> str:
    """The number of the newest migration this version knows, as recorded in names."""
    return KNOWN[-1][:4]


def backup_name(project_path: Path, created: datetime, reason: str) -> str:
    return f"{project_path.stem}-{created.strftime(STAMP)}-schema{newest_migration()}-{reason}.db"


def parse_backup(path: Path) -> BackupInfo | None:
    """What ``path``'s name says, or None for a file that is not one of our backups."""
    found = _NAME.search(path.name)
    if path.name.startswith(".") or found is None:
        return None
    try:
        created = datetime.strptime(found["stamp"], STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, created, found["reason"], size, found["migration"])


def list_backups(project_path: Path) -> list[BackupInfo]:
    """The project's backups, newest first; works while the project is open, damaged or gone."""
    folder = backups_dir(Path(project_path))
    if not folder.is_dir():
        return []
    found = [parse_backup(path) for path in folder.glob("*.db")]
    return sorted((b for b in found if b is not None), key=lambda b: b.created, reverse=True)


def restoring_path(project_path: Path) -> Path:
    """Where a restore copies the backup first: beside the project, for an atomic rename."""
    return project_path.with_name(f".{project_path.name}{PARTIAL}restore")


def remove_partials(project_path: Path) -> None:
    """Remove what killed or failed backups and restores left: ``.partial-*`` copies.

    Only the holder of the writer lock calls it (on open, and a restore before it starts), so
    no copy still being written is removed."""
    restoring = restoring_path(project_path)
    # Clearing up must never stop the project from opening: a leftover only takes space.
    with suppress(OSError):
        _remove_partial_backups(backups_dir(project_path))
        for side in ("", "-wal", "-shm", "-journal"):
            restoring.with_name(restoring.name + side).unlink(missing_ok=True)


def _remove_partial_backups(folder: Path) -> None:
    if folder.is_dir():
        for leftover in folder.glob(PARTIAL + "*"):
            leftover.unlink(missing_ok=True)


def backup_problem(path: Path) -> str | None:
    """Why ``path`` cannot be restored by this version (not a project, damaged, newer), or
    None for a good backup. Reads without writing: the file must not be in WAL mode with a
    live ``-wal`` beside it (our backups never are)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return "not an Annotator project (not an SQLite file)"
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error) as exc:
        return f"cannot be read ({exc})"
    try:
        db = Database(conn)
        if application_id(conn) != APPLICATION_ID or not db.table_exists("_sqlite_migrations"):
            return "not an Annotator project"
        unknown = sorted(set(applied(db)) - set(KNOWN))
        if unknown:
            return f"written by a newer Annotator (migration {unknown[0]}); update Annotator first"
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        if result != "ok":
            return f"damaged ({result})"
    except sqlite3.Error as exc:
        damaged = isinstance(storage_error(path, exc), DamagedProjectError)
        return f"damaged ({exc})" if damaged else f"unreadable ({exc})"
    finally:
        conn.close()
    return None


def make_backup(db: Database, project_path: Path, reason: str) -> Path:
    """Write a checked copy of the open project; never a half-written file under the final
    name, never one that would leave the disk nearly full; then thin the older ones."""
    folder = backups_dir(project_path)
    with storage_errors(project_path, "backing up"):
        folder.mkdir(parents=True, exist_ok=True)
        _remove_partial_backups(folder)
        page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
        size = page_size * int(db.execute("PRAGMA page_count").fetchone()[0])
        ensure_free_space(folder, size, size, f"{project_path}: backing up")
        final = folder / backup_name(project_path, datetime.now(), reason)
        partial = folder / f"{PARTIAL}{final.name}"
        try:
            db.execute("VACUUM INTO ?", [str(partial)])
            problem = backup_problem(partial)
            if problem is not None:
                raise StorageIOError(
                    f"{project_path}: backing up: the copy failed its check ({problem}); "
                    "the project itself is unchanged"
                )
            sync_file(partial)
            os.replace(partial, final)
            sync_folder(folder)
        finally:
            partial.unlink(missing_ok=True)
        thin(project_path)
    return final


def thin(project_path: Path, now: datetime | None = None) -> list[Path]:
    """Remove the backups :func:`annotator.store.retention.expired` lets go; say which."""
    gone = expired(list_backups(project_path), now or datetime.now(), newest_migration())
    for backup in gone:
        backup.path.unlink(missing_ok=True)
    return [backup.path for backup in gone]
