"""Opening the project file safely: durable commits for the writer, read-only URIs for
readers, and each failure to open reported as what it is (full, read-only, damaged, foreign)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from annotator.errors import AnnotatorError, ProjectFileError
from annotator.store import migrations
from annotator.store.database import Database
from annotator.store.faults import storage_error, storage_errors
from annotator.store.filesystem import network_filesystem
from annotator.store.lock import WriterLock
from annotator.store.migrations import KNOWN, applied, pending

APPLICATION_ID = 0x414E4E54  # "ANNT": marks the file as an Annotator project.
SQLITE_HEADER = b"SQLite format 3\x00"
# The writer lock (lock.py) keeps writers to one, so SQLite runs in normal WAL locking where
# readers never block the writer nor it them. They may still wait a moment for each other's
# WAL bookkeeping (a checkpoint, the wal-index rebuilt after a crash); a second writer is
# refused by the writer lock before it ever gets here, so this never delays that refusal.
BUSY_MS = 5000
_WRITER_PRAGMAS = ("synchronous=FULL", "foreign_keys=ON", f"busy_timeout={BUSY_MS}")
# query_only: a reader that tried to write anyway fails instead of writing.
_READER_PRAGMAS = (f"busy_timeout={BUSY_MS}", "query_only=ON")


def wal_files(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """Open ``path`` with the project's pragmas; raise our own errors for the user's cases.

    Read-only, the file is opened with a ``mode=ro`` URI: nothing is ever written to it (no
    header change, no WAL switch, no checkpoint). SQLite still needs the ``-wal`` and
    ``-shm`` files of WAL mode, and creates them if missing; where the folder is read-only
    it cannot, and then no writer can be at work either, so the file is opened as immutable.
    """
    remote = network_filesystem(path)
    if remote:
        raise ProjectFileError(
            f"{path}: the folder is on a network file system ({remote}), where SQLite cannot "
            "lock the project safely; keep the project on a local disk and share exports"
        )
    try:
        if not read_only:
            return _opened(path, str(path), False, _WRITER_PRAGMAS)
        uri = "file:" + quote(str(path.absolute())) + "?mode=ro"
        idle = not any(f.exists() for f in wal_files(path))
        try:
            return _opened(path, uri, True, _READER_PRAGMAS)
        except sqlite3.OperationalError:
            if not idle:
                raise  # a writer may be at work (or was killed): only the WAL way is safe
            # No -wal and -shm, and none could be made (a read-only folder, a full disk):
            # then no writer can be at work either, and the file alone is the whole project.
            _remove_failed_wal_files(path)
            return _opened(path, uri + "&immutable=1", True, _READER_PRAGMAS)
    except sqlite3.Error as exc:
        raise refusal(path, exc) from None


def _opened(path: Path, name: str, uri: bool, pragmas: tuple[str, ...]) -> sqlite3.Connection:
    conn = sqlite3.connect(name, uri=uri, isolation_level=None, check_same_thread=False)
    try:
        for pragma in pragmas:
            conn.execute(f"PRAGMA {pragma}")
        # The first read opens the file for real: this is where a foreign, damaged or
        # unreachable file shows.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def refusal(path: Path, exc: BaseException) -> AnnotatorError:
    """Why ``path`` cannot be opened, in one sentence: a file that is not SQLite at all is
    not an Annotator project; an SQLite file that fails is full, read-only or damaged."""
    if not _looks_like_sqlite(path):
        return ProjectFileError(f"{path}: not an Annotator project")
    return storage_error(path, exc, "opening it") or ProjectFileError(
        f"{path}: cannot open the project ({exc})"
    )


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return True  # unreadable: let the storage error say why
    # A new, empty file is an empty database to SQLite.
    return head in (SQLITE_HEADER, b"")


def prepare_for_writing(conn: sqlite3.Connection, path: Path) -> None:
    """WAL mode for the writer (a no-op for files already in it, which ours are). Only called
    once the file is known to be ours, so a foreign database is never changed by a look."""
    with storage_errors(path, "opening it for writing"):
        conn.execute("PRAGMA journal_mode=WAL")


def application_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA application_id").fetchone()[0])


def refuse_unless_ours(path: Path, conn: sqlite3.Connection, db: Database, read_only: bool) -> None:
    """Refuse a file that is not an Annotator project, or that this version cannot use."""
    with storage_errors(path, "opening it"):
        found = application_id(conn)
        if found != APPLICATION_ID or not db.table_exists("_sqlite_migrations"):
            raise ProjectFileError(f"{path}: not an Annotator project")
        done = set(applied(db))
        waiting = pending(db)
    unknown = sorted(done - set(KNOWN))
    if unknown:
        raise ProjectFileError(
            f"{path}: written by a newer Annotator (migration {unknown[0]}); please update"
        )
    if read_only and set(waiting) - migrations.READ_COMPATIBLE:
        raise ProjectFileError(
            f"{path}: made by an older Annotator and opened read-only; run any write command "
            "or open it in the app to upgrade it first"
        )


def _remove_failed_wal_files(path: Path) -> None:
    """Remove the stubs a failed read-only open left (SQLite creates the -wal and starts the
    -shm before it finds it cannot grow it). Only stubs: an empty -wal and a -shm shorter
    than the 32 KiB any working connection makes it, and only under the writer lock."""
    wal, shm = wal_files(path)
    try:
        lock = WriterLock.acquire(path)
    except AnnotatorError:
        return
    try:
        if (not wal.exists() or wal.stat().st_size == 0) and (
            not shm.exists() or shm.stat().st_size < 32768
        ):
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        lock.release()


def tidy_after_reader(path: Path) -> None:
    """Remove the ``-wal`` and ``-shm`` a reader leaves behind, the safe way.

    A ``mode=ro`` connection never deletes them (SQLite leaves that to the last read-write
    connection). They go only when no writer holds the project (we take the writer lock, so
    none can start meanwhile) and the ``-wal`` holds no committed work (that is for a writer
    to checkpoint, never a reader). Then a read-write connection is opened and closed:
    SQLite deletes the files on close only if it is the last connection of all, so another
    reader still using them keeps them. Nothing is written to the project file: with an
    empty WAL the closing checkpoint copies nothing.
    """
    wal, shm = wal_files(path)
    if not (wal.exists() or shm.exists()) or _holds_work(wal):
        return  # (checked before the lock too, so a killed writer's lock file stays as it was)
    try:
        lock = WriterLock.acquire(path)
    except AnnotatorError:
        return
    try:
        if _holds_work(wal):
            return
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        pass  # tidying is a courtesy: the files are harmless and the next writer removes them
    finally:
        lock.release()


def _holds_work(wal: Path) -> bool:
    """Whether the -wal may hold committed work (when in doubt, it may)."""
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True
