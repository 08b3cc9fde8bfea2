"""A project: one SQLite file holding documents, schema, every annotator's layer and history."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlite_utils import Database

from annotator.errors import AnnotatorError, ProjectFileError
from annotator.model.schema import Schema, parse_schema
from annotator.store.adjudications import Adjudications
from annotator.store.backup import make_backup, remove_partials
from annotator.store.bulk import Bulk
from annotator.store.connection import APPLICATION_ID, application_id, connect, take_write_lock
from annotator.store.documents import Documents
from annotator.store.history import History, now
from annotator.store.migrations import KNOWN, MIGRATIONS
from annotator.store.registries import AttributeUses, Speakers, SpeakerUses, Targets
from annotator.store.relations import Relations
from annotator.store.search import Search
from annotator.store.sets import Sets
from annotator.store.spans import Spans
from annotator.store.usage import Usage


class Project:
    """The open project file. Create with :meth:`create`, open with :meth:`open`, then close."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self._db = db
        self.documents = Documents(db)
        self.spans = Spans(db)
        self.relations = Relations(db)
        self.sets = Sets(db, self.spans, self.relations)
        self.bulk = Bulk(db, self.spans)
        self.usage = Usage(db)
        self.search = Search(db)
        self.speakers = Speakers(db)
        self.targets = Targets(db)
        self.speaker_uses = SpeakerUses(db, self.usage, self.sets)
        self.target_uses = AttributeUses(self.usage, "target")
        self.history = History(db)
        self.adjudications = Adjudications(db)
        self._schema: Schema | None = None
        self.closed = False
        self._history_at_backup = self._last_history_id()

    def _last_history_id(self) -> int:
        return int(self._db.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])

    def changed_since_backup(self) -> bool:
        """Whether anything was edited or imported since the last backup (or the opening)."""
        return self._last_history_id() != self._history_at_backup

    # --- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, schema: Schema) -> Project:
        path = Path(path)
        if path.exists():
            raise AnnotatorError(f"{path}: a file of that name already exists")
        if not path.parent.is_dir():
            raise AnnotatorError(f"{path}: the folder {path.parent} does not exist")
        conn = connect(path)
        take_write_lock(conn, path)
        db = Database(conn, execute_plugins=False)
        MIGRATIONS.apply(db)
        project = cls(path, db)
        with project.transaction():
            project._set_meta("schema", schema.source)
            project._set_meta("guidelines", schema.guidelines_text)
            project._set_meta("created_at", now())
        return project

    @classmethod
    def open(cls, path: Path | str) -> Project:
        path = Path(path)
        if not path.is_file():
            raise AnnotatorError(f"{path}: no such project file")
        conn = connect(path)
        found = application_id(conn)
        if found not in (0, APPLICATION_ID):
            conn.close()
            raise ProjectFileError(f"{path}: not an Annotator project")
        db = Database(conn, execute_plugins=False)
        if found == 0 or not db["_sqlite_migrations"].exists():
            conn.close()
            raise ProjectFileError(f"{path}: not an Annotator project")
        applied = {m.name for m in MIGRATIONS.applied(db)}
        unknown = sorted(applied - set(KNOWN))
        if unknown:
            conn.close()
            raise ProjectFileError(
                f"{path}: written by a newer Annotator (migration {unknown[0]}); please update"
            )
        take_write_lock(conn, path)
        remove_partials(path)  # what a killed backup or restore left, now that we are the writer
        project = cls(path, db)
        if MIGRATIONS.pending(db):
            project.backup("migrate")
            MIGRATIONS.apply(db)
        return project

    def close(self) -> None:
        """Checkpoint and release the file; closing twice is harmless."""
        if self.closed:
            return
        self.closed = True
        try:
            self._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions, meta and schema --------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit: everything inside commits together or not at all."""
        with self._db.atomic():
            yield

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

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
        return [
            r[0]
            for r in self._db.execute(
                "SELECT name FROM annotators UNION SELECT annotator FROM annotation_sets "
                "UNION SELECT DISTINCT annotator FROM spans ORDER BY 1"
            )
        ]

    # --- maintenance --------------------------------------------------------------------------

    def backup(self, reason: str) -> Path:
        made = make_backup(self._db, self.path, reason)
        self._history_at_backup = self._last_history_id()
        return made

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def sqlite_version() -> str:
    return sqlite3.sqlite_version
