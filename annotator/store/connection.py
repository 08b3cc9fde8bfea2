"""Opening the project file safely: one exclusive connection, durable commits, clear refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.errors import ProjectFileError, ProjectLockedError
from annotator.store.filesystem import network_filesystem

APPLICATION_ID = 0x414E4E54  # "ANNT": marks the file as an Annotator project.
_PRAGMAS = (
    "synchronous=FULL",
    "foreign_keys=ON",
    # One writer at a time, and a second window fails at once instead of waiting.
    "locking_mode=EXCLUSIVE",
    "busy_timeout=0",
)


def is_locked_error(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the project's pragmas; raise our own errors for the user's cases."""
    remote = network_filesystem(path)
    if remote:
        raise ProjectFileError(
            f"{path}: the folder is on a network file system ({remote}), where SQLite cannot "
            "lock the project safely; keep the project on a local disk and share exports"
        )
    try:
        conn = sqlite3.connect(str(path), timeout=0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{path}: cannot open the project ({exc})") from None
    try:
        for pragma in _PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_locked_error(exc):
            raise ProjectLockedError(
                f"{path}: this project is open in another window or process; close it there first"
            ) from None
        raise ProjectFileError(f"{path}: not an Annotator project ({exc})") from None
    return conn


def take_write_lock(conn: sqlite3.Connection, path: Path) -> None:
    """Switch to WAL and write now: exclusive mode takes the lock at the first write, so a
    second opener fails now. Only called once the file is known to be ours, so a foreign
    database is never switched to WAL by being looked at."""
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        if is_locked_error(exc):
            raise ProjectLockedError(
                f"{path}: this project is open in another window or process; close it there first"
            ) from None
        raise ProjectFileError(f"{path}: cannot write to the project ({exc})") from None


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])
