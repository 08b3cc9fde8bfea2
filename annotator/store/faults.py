"""SQLite's errors in the user's words: one place sorts them into disk full, read-only,
damaged, locked and I/O, each a sentence naming the project file (qutebrowser's sql.py idea:
"your environment" versus "our bug")."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import (
    DamagedProjectError,
    DiskFullError,
    ReadOnlyStorageError,
    StorageError,
    StorageIOError,
    StorageLockedError,
)
from annotator.store import clean_close

_FULL = ("database or disk is full", "disk is full", "no space left")
_READ_ONLY = ("readonly database", "read-only", "attempt to write a readonly")
_DAMAGED = ("malformed", "not a database", "file is encrypted", "corrupt")
_LOCKED = ("database is locked", "database table is locked", "busy")
_IO = ("disk i/o error", "unable to open database file")
# Below this much free space an I/O error is a full disk: SQLite reports a -shm file it could
# not grow as "disk I/O error" (SQLITE_IOERR_SHMSIZE), not as "database or disk is full".
_NEARLY_FULL = 256 * 1024


def _out_of_space(path: Path) -> bool:
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def storage_error(path: Path, exc: BaseException, doing: str = "") -> StorageError | None:
    """The user's error for ``exc`` (a sqlite3 or OS error) on ``path``, or None for a bug."""
    text = str(exc).lower()
    where = f"{path}: " + (f"{doing}: " if doing else "")
    errno = getattr(exc, "errno", None)
    io = any(k in text for k in _IO) or isinstance(exc, OSError)
    if (
        (isinstance(exc, OSError) and errno == 28)
        or any(k in text for k in _FULL)
        or (io and _out_of_space(path))
    ):
        return DiskFullError(f"{where}the disk is full; free some space and try again")
    if any(k in text for k in _READ_ONLY) or isinstance(exc, PermissionError):
        return ReadOnlyStorageError(
            f"{where}the project file or its folder is read-only; nothing was saved"
        )
    if any(k in text for k in _DAMAGED):
        # Never vouch for this file as cleanly closed (see clean_close.py).
        clean_close.forget(path)
        return damaged(path, str(exc), doing)
    if any(k in text for k in _LOCKED):
        return StorageLockedError(
            f"{where}the project is busy in another window or process; try again"
        )
    if io:
        return StorageIOError(f"{where}the disk reported an error ({exc})")
    return None


def damaged(path: Path, detail: str, doing: str = "") -> DamagedProjectError:
    """The error for a damaged project file; ``detail`` is what SQLite or a check found."""
    where = f"{path}: " + (f"{doing}: " if doing else "")
    return DamagedProjectError(
        f"{where}the project file is damaged ({detail}); restore a backup "
        "(annotator restore) or export what is readable (annotator export --skip-damaged)",
        detail,
    )


@contextmanager
def storage_errors(path: Path, doing: str = "") -> Iterator[None]:
    """Turn SQLite's and the file system's errors inside the block into StorageError."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        mapped = storage_error(path, exc, doing)
        if mapped is None:
            raise
        raise mapped from exc


@contextmanager
def sqlite_errors(path: Path, doing: str = "") -> Iterator[None]:
    """Like :func:`storage_errors`, for SQLite's errors only: for a caller (the command line)
    whose OS errors may concern other files than the project."""
    try:
        yield
    except sqlite3.Error as exc:
        mapped = storage_error(path, exc, doing)
        if mapped is None:
            raise
        raise mapped from exc
