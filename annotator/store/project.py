"""A project: one SQLite file holding documents, schema, every annotator's layer and history."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from annotator.errors import (
    AnnotatorError,
    DamagedProjectError,
    ReadOnlyStorageError,
    StorageError,
)
from annotator.model.schema import Schema, parse_schema
from annotator.store import clean_close
from annotator.store.active_time import ActiveTime
from annotator.store.adjudications import Adjudications
from annotator.store.assignments import Assignments
from annotator.store.backup import make_backup, remove_partials
from annotator.store.bulk import Bulk
from annotator.store.catalogue import Catalogue
from annotator.store.connection import (
    APPLICATION_ID,
    connect,
    prepare_for_writing,
    refuse_unless_ours,
    tidy_after_reader,
    wal_files,
)
from annotator.store.database import Database
from annotator.store.documents import Documents
from annotator.store.export_rows import ExportRows
from annotator.store.faults import damaged, storage_errors
from annotator.store.fulltext import FullText
from annotator.store.history import History, now
from annotator.store.ledger import ImportLedger
from annotator.store.lock import WriterLock
from annotator.store.migrations import TEAM, applied, migrate, pending
from annotator.store.recovery import Salvage
from annotator.store.registries import AttributeUses, Speakers, SpeakerUses, Targets
from annotator.store.relations import Relations
from annotator.store.search import Search
from annotator.store.sets import Sets
from annotator.store.spans import Spans
from annotator.store.suggestions import Suggestions
from annotator.store.usage import Usage

#: Meta key: the highest span id whose annotator is in the ``annotators`` table.
SPANS_SEEN = "annotators_spans_seen"


class Project:
    """The open project file. Create with :meth:`create`, open with :meth:`open`, then close.

    Opened for writing, the project holds the writer lock (one window or write command at a
    time); opened ``read_only`` it writes nothing at all and works beside a writer, seeing
    every edit the writer has committed.
    """

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        read_only: bool = False,
        recovery: bool = False,
        lock: WriterLock | None = None,
    ) -> None:
        self.path = path
        self._db = db
        #: Opened read-only: every write is refused, no backup is made.
        self.read_only = read_only
        #: Opened to save what a damaged file still holds (see ``store/salvage.py``).
        self.recovery = recovery
        self._lock = lock
        # A writer migrates before any read; a reader of an older file has no team tables
        # (0004 is read-compatible) and reads them as empty.
        team = not read_only or TEAM in applied(db)
        self.documents = Documents(db)
        self.spans = Spans(db)
        self.relations = Relations(db)
        self.sets = Sets(db, self.spans, self.relations)
        self.active_time = ActiveTime(db, present=team)
        self.bulk = Bulk(db, self.spans, self.active_time)
        self.export_rows = ExportRows(db, self.active_time)
        self.fulltext = FullText(db)
        self.usage = Usage(db)
        self.search = Search(db)
        self.catalogue = Catalogue(db)
        self.speakers = Speakers(db)
        self.targets = Targets(db)
        self.speaker_uses = SpeakerUses(db, self.usage, self.sets)
        self.target_uses = AttributeUses(self.usage, "target")
        self.history = History(db)
        #: What the import under way has taken in (temporary tables; see ledger.py).
        self.import_ledger = ImportLedger(db)
        self.adjudications = Adjudications(db)
        self.suggestions = Suggestions(db, self.spans)
        self.assignments = Assignments(db, present=team)
        #: Reads that skip what damage makes unreadable (for recovery; see recovery.py).
        self.salvage = Salvage(db, self.bulk)
        self._schema: Schema | None = None
        self.closed = False
        #: Whether the writer connection is lent to a job (see :meth:`lent`).
        self._lent = False
        #: How the writer's open checked the file for damage: ``"whole file"`` (SQLite's
        #: quick_check), ``"clean close"`` (the file was exactly as our writer last closed it
        #: cleanly, see ``clean_close.py``), ``"new"`` (just created) or ``"none"`` (readers).
        self.damage_check = "none" if read_only else "new"
        self._history_at_backup = 0
        try:
            with storage_errors(path, "reading it"):
                self._history_at_backup = self._last_history_id()
        except DamagedProjectError:
            if not recovery:
                raise

    def _last_history_id(self) -> int:
        return int(self._db.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])

    def changed_since_backup(self) -> bool:
        """Whether anything was edited or imported since the last backup (or the opening)."""
        return self._last_history_id() != self._history_at_backup

    # --- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, schema: Schema) -> Project:
        """A new project file; on any failure (a full disk) no file is left behind."""
        path = Path(path)
        if path.exists():
            raise AnnotatorError(f"{path}: a file of that name already exists")
        if not path.parent.is_dir():
            raise AnnotatorError(f"{path}: the folder {path.parent} does not exist")
        lock = WriterLock.acquire(path)
        conn: sqlite3.Connection | None = None
        try:
            conn = connect(path)
            with storage_errors(path, "creating it"):
                prepare_for_writing(conn, path)
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                db = Database(conn)
                migrate(db)
                project = cls(path, db, lock=lock)
                with project.transaction():
                    project._set_meta("schema", schema.source)
                    project._set_meta("guidelines", schema.guidelines_text)
                    project._set_meta("created_at", now())
            return project
        except BaseException:
            if conn is not None:
                conn.close()
            # Ours since the exists() check above: an empty or half-made file would only
            # block the next attempt ("a file of that name already exists").
            for made in (path, *wal_files(path)):
                made.unlink(missing_ok=True)
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, recovery: bool = False) -> Project:
        """Open ``path`` for writing (the writer lock, a check for damage, pending migrations
        applied after a backup) or, with ``read_only``, for reading only.

        Read-only never writes a byte: a file that needs a migration is read as it is where
        that is safe (``READ_COMPATIBLE``), otherwise refused. Readers skip the whole-file
        damage check (they cannot make damage worse; what they read SQLite checks page by
        page). ``recovery`` (read-only too) marks the project for reads that save what is
        readable of a damaged file (``project.salvage``, ``store/recovery.py``).
        Raises ProjectLockedError while another writer has it, DamagedProjectError for a
        damaged file (writing), ProjectFileError for a foreign or newer file, and the other
        StorageErrors for a full or read-only disk.
        """
        path = Path(path)
        if not path.is_file():
            raise AnnotatorError(f"{path}: no such project file")
        if read_only or recovery:
            conn = connect(path, read_only=True)
            try:
                db = Database(conn)
                refuse_unless_ours(path, conn, db, read_only=True)
                return cls(path, db, read_only=True, recovery=recovery)
            except BaseException:
                conn.close()
                tidy_after_reader(path)
                raise
        lock = WriterLock.acquire(path)
        opened: sqlite3.Connection | None = None
        try:
            # Taken before SQLite opens the file, under the writer lock: nothing of ours can
            # change it in between.
            as_left = clean_close.take(path)
            opened = connect(path)
            conn = opened
            db = Database(conn)
            refuse_unless_ours(path, conn, db, read_only=False)
            prepare_for_writing(conn, path)
            remove_partials(path)  # what a killed backup or restore left: we are the writer
            if not as_left:
                with storage_errors(path, "checking it"):
                    # Writing into a damaged file spreads the damage: refuse before the first
                    # edit. (About 0.6 s per 100 MB, 19 s for 1.6 GB not in the page cache;
                    # readers skip it, they cannot make anything worse; a file exactly as our
                    # writer closed it cleanly was checked then, see clean_close.py.)
                    verdict = str(conn.execute("PRAGMA quick_check").fetchone()[0])
                if verdict != "ok":
                    clean_close.forget(path)
                    raise damaged(path, verdict)
            project = cls(path, db, lock=lock)
            project.damage_check = "clean close" if as_left else "whole file"
            with storage_errors(path, "upgrading it"):
                if pending(db):
                    project.backup("migrate")
                    migrate(db)
            project._register_span_annotators()
            return project
        except BaseException:
            if opened is not None:
                opened.close()
            lock.release()
            raise

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open on the project's connection: its changes are not
        yet seen by any other connection (another process's reader)."""
        return self._db.conn.in_transaction

    def close(self) -> None:
        """Checkpoint and release the file; closing twice is harmless. Never raises for the
        checkpoint: if a reader is mid-read or the disk is full, the committed work simply
        stays in the -wal file, and the next opener replays it."""
        if self.closed:
            return
        if self._lent:
            # The job still writes on the writer connection: closing now would release the
            # lock with that connection open. The window cancels its job and waits first.
            raise RuntimeError(f"{self.path}: a job holds the project; end it before closing")
        self.closed = True
        conn = self._db.conn
        try:
            if not self.read_only:
                self._register_span_annotators()
                try:
                    # Not waiting for a reader to finish: closing the window must not hang.
                    conn.execute("PRAGMA busy_timeout=0")
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass
        finally:
            conn.close()
            if self._lock is not None:
                try:
                    # Still under the writer lock: the file is as we leave it.
                    clean_close.record(self.path)
                finally:
                    self._lock.release()
            else:
                tidy_after_reader(self.path)

    def note_damage(self) -> None:
        """SQLite reported damage on a read outside the store's error mapping: the file is
        not stamped clean on closing (its next writer checks the whole file)."""
        clean_close.forget(self.path)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions, meta and schema --------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit: everything inside commits together or not at all.

        A failure of the disk or the file (full, read-only, damaged) rolls it back and is
        raised as a StorageError sentence; nothing of it was saved."""
        if self.read_only:
            raise ReadOnlyStorageError(f"{self.path}: opened read-only; nothing was saved")
        with storage_errors(self.path), self._db.atomic():
            yield

    @contextmanager
    def lent(self) -> Iterator[Project]:
        """The writer connection lent, as a Project of its own, to a job that holds a
        transaction open while the window goes on (an import on a worker thread, a merge or
        the suggester whose progress dialog runs the event loop).

        Meanwhile this project reads through a read-only connection: each read sees the last
        commit, never the job's open transaction (WAL gives every read a snapshot), so a
        cancelled or failed job takes away nothing the window showed; and it cannot write
        (a write fails as on a read-only file, instead of joining the job's transaction).
        The job's writes stay on the one writer connection, and a read-only connection never
        checkpoints: SQLite still sees one writer. After the block this project reads and
        writes on its own connection again, and reads the schema afresh (the job may have
        added to it). Never nested: a second job would be given the read-only connection.
        """
        if self.read_only:
            raise ReadOnlyStorageError(f"{self.path}: opened read-only; nothing was saved")
        reader = connect(self.path, read_only=True)
        self._lent = True
        try:
            with self._db.reading_through(reader) as writer:
                yield Project(self.path, Database(writer))
        finally:
            self._lent = False
            reader.close()
            self._schema = None

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def set_meta(self, key: str, value: str) -> None:
        """Set one project fact (inside the caller's transaction)."""
        self._set_meta(key, value)

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            parsed = parse_schema(self.meta("schema") or "", f"{self.path} (schema)")
            self._schema = replace(parsed, guidelines_text=self.meta("guidelines") or "")
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        with self.transaction():
            self._set_meta("schema", schema.source)
            self._set_meta("guidelines", schema.guidelines_text)
        self._schema = schema

    # --- annotators ---------------------------------------------------------------------------

    def ensure_annotator(self, name: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", [name, now()]
        )

    def annotators(self) -> list[str]:
        """Every annotator with a name, a set or a span in the project, sorted.

        Never a pass over every span: the ``annotators`` table holds every name of a span up
        to the id in meta ``annotators_spans_seen`` (brought up to date by each writer, see
        :meth:`_register_span_annotators`), so only newer spans are read, by id; the sets'
        annotators are found by a loose index scan (one index seek per annotator on
        ``annotation_sets_status``, led by annotator), not a scan of every set."""
        seen = int(self.meta(SPANS_SEEN) or 0)
        return [
            r[0]
            for r in self._db.execute(
                f"{self._set_annotators_cte()} SELECT name FROM annotators UNION "
                "SELECT annotator FROM set_annotators WHERE annotator IS NOT NULL UNION "
                "SELECT annotator FROM spans WHERE id > ? ORDER BY 1",
                [seen],
            )
        ]

    def _set_annotators_cte(self) -> str:
        """A ``set_annotators(annotator)`` table expression: one seek per annotator where the
        index led by annotator exists (migration 0006), else a plain DISTINCT (a reader of an
        older file)."""
        indexed = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'annotation_sets_status'"
        ).fetchone()
        if not indexed:
            return (
                "WITH set_annotators(annotator) AS (SELECT DISTINCT annotator FROM annotation_sets)"
            )
        return (
            "WITH RECURSIVE set_annotators(annotator) AS ("
            "SELECT min(annotator) FROM annotation_sets UNION ALL "
            "SELECT (SELECT min(annotator) FROM annotation_sets WHERE annotator > s.annotator) "
            "FROM set_annotators AS s WHERE s.annotator IS NOT NULL)"
        )

    def _register_span_annotators(self) -> None:
        """Put the annotators of spans added since the last call into ``annotators`` (spans'
        ids only grow: AUTOINCREMENT), so :meth:`annotators` reads only newer spans. Writers
        call it on opening and closing; the first open of an older file reads every span
        once. A failure (a full disk) leaves it for later: :meth:`annotators` stays right."""
        try:
            with self.transaction():
                seen = int(self.meta(SPANS_SEEN) or 0)
                top = int(self.spans.next_id()) - 1
                if top <= seen:
                    return
                self._db.execute(
                    "INSERT OR IGNORE INTO annotators (name, created_at) "
                    "SELECT DISTINCT annotator, ? FROM spans WHERE id > ?",
                    [now(), seen],
                )
                self._set_meta(SPANS_SEEN, str(top))
        except (StorageError, sqlite3.Error):
            pass

    # --- maintenance --------------------------------------------------------------------------

    def backup(self, reason: str) -> Path:
        if self.read_only:
            raise ReadOnlyStorageError(f"{self.path}: opened read-only; no backup is made")
        with storage_errors(self.path, "backing it up"):
            made = make_backup(self._db, self.path, reason)
            self._history_at_backup = self._last_history_id()
        return made

    def integrity(self, limit: int = 100) -> list[str]:
        """SQLite's full integrity check: ``["ok"]``, or up to ``limit`` problems found."""
        with storage_errors(self.path, "checking it"):
            return [str(r[0]) for r in self._db.execute(f"PRAGMA integrity_check({int(limit)})")]


def sqlite_version() -> str:
    return sqlite3.sqlite_version
