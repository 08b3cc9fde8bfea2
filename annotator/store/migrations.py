"""Append-only, named schema migrations of the project file; never edit one that has shipped."""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from annotator.store.database import Database

if TYPE_CHECKING:
    from sqlite_utils import Database as Applier
    from sqlite_utils.migrations import Migrations

#: The set's name in sqlite-utils' ``_sqlite_migrations`` table.
MIGRATION_SET = "annotator"
#: Every migration's name, in order.
KNOWN: list[str] = []
#: Pending migrations a read-only reader may ignore: they change nothing it reads (0003 only
#: changes how new ids are chosen; 0004 only adds tables, which such a reader reads as empty:
#: see ``TEAM``), so an older file can still be exported without upgrading.
#: 0006 adds indexes and a full-text index; without it searches scan the texts instead.
#: (0005 adds a table only the window and ``annotator suggest`` read, and they write.)
#: 0007 adds each text's CRC32; without it an export checks the texts by their sha256.
#: 0008 drops the full-text index's sizes, which no search reads: the results are the same.
#: The migration that made the full-text index without its sizes (columnsize=0).
FTS_WITHOUT_SIZES = "0008_fts_without_sizes"
READ_COMPATIBLE = frozenset(
    {
        "0003_stable_ids",
        "0004_team",
        "0005_suggestion_decisions",
        "0006_search_and_lists",
        "0007_text_crc32",
        FTS_WITHOUT_SIZES,
    }
)
#: The migration that made the assignments and active_time tables.
TEAM = "0004_team"
#: The migration that added ``documents.text_crc32``.
TEXT_CRC32 = "0007_text_crc32"

MigrationFn = Callable[[Database], None]
_STEPS: list[tuple[str, MigrationFn]] = []


def migration(name: str) -> Callable[[MigrationFn], MigrationFn]:
    """Register a migration under its permanent name."""

    def register(step: MigrationFn) -> MigrationFn:
        KNOWN.append(name)
        _STEPS.append((name, step))
        return step

    return register


def applied(db: Database) -> list[str]:
    """The names of the migrations applied to the file, in order: what sqlite-utils'
    ``Migrations.applied`` reads, read without importing it (opening a project only looks)."""
    if not db.table_exists("_sqlite_migrations"):
        return []
    return [
        str(name)
        for (name,) in db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]


def pending(db: Database) -> list[str]:
    """The names of the migrations not yet applied, in the order they will be."""
    done = set(applied(db))
    return [name for name in KNOWN if name not in done]


@cache
def migration_set() -> Migrations:
    """The migrations as sqlite-utils applies them (imported here, on first need only)."""
    import annotator.store.library  # noqa: F401  # isort: skip  # sqlite-utils, no pandas
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, step in _STEPS:
        steps(name=name)(_applied_by_sqlite_utils(step))
    return steps


def _applied_by_sqlite_utils(step: MigrationFn) -> Callable[[Applier], None]:
    """``step`` as sqlite-utils calls it: with its own Database over our connection."""

    def run(db: Applier) -> None:
        step(Database(db.conn))

    run.__name__ = step.__name__
    return run


def __getattr__(name: str) -> Migrations:
    # ``MIGRATIONS`` as before (tests apply part of the set with ``stop_before``), built on
    # first use so that importing this module does not import sqlite-utils.
    if name == "MIGRATIONS":
        return migration_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def migrate(db: Database) -> None:
    """Apply every pending migration. Foreign keys are off meanwhile: a migration that
    rebuilds a table drops the old one, and with them on that would delete (cascade) every
    row pointing at it. The setting cannot change inside a transaction, hence here; each
    such migration checks the keys itself before it commits."""
    steps = migration_set()  # first: it imports sqlite-utils the store's way
    from sqlite_utils import Database as Applier

    db.execute("PRAGMA foreign_keys=OFF")
    try:
        steps.apply(Applier(db.conn, execute_plugins=False))
    finally:
        db.execute("PRAGMA foreign_keys=ON")


def _run(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statement by statement.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migration("0001_initial")
def initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE annotators (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            ord INTEGER NOT NULL UNIQUE,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            sha256 TEXT NOT NULL,
            length INTEGER NOT NULL
        );
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            name TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            CHECK (start >= 0 AND "end" > start)
        );
        CREATE INDEX spans_set_start ON spans(document, annotator, start, "end");
        CREATE INDEX spans_set_name ON spans(document, annotator, name);
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            child INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE
        );
        CREATE INDEX relations_head ON relations(head);
        CREATE INDEX relations_child ON relations(child);
        CREATE TABLE annotation_sets (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
            doc_attrs TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (document, annotator)
        );
        CREATE TABLE speakers (
            name TEXT PRIMARY KEY,
            type TEXT NOT NULL DEFAULT 'person',
            description TEXT NOT NULL DEFAULT '',
            wikidata TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE targets (
            label TEXT PRIMARY KEY,
            definition TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL,
            action TEXT NOT NULL,
            document TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX history_document ON history(document);
        """,
    )


@migration("0002_adjudications")
def adjudications(db: Database) -> None:
    # One decision per (document, unit); the spans it wrote into gold are listed beside it,
    # since an annotator's version may be several spans (a split quote). A gold span deleted by
    # hand leaves the decision standing, without the span.
    _run(
        db,
        """
        CREATE TABLE adjudications (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            unit TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'edited', 'rejected')),
            source TEXT NOT NULL DEFAULT '',
            gold_span INTEGER REFERENCES spans(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (document, unit)
        );
        CREATE INDEX adjudications_gold_span ON adjudications(gold_span);
        CREATE TABLE adjudication_spans (
            document TEXT NOT NULL,
            unit TEXT NOT NULL,
            span INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            PRIMARY KEY (document, unit, span),
            FOREIGN KEY (document, unit) REFERENCES adjudications(document, unit)
                ON DELETE CASCADE
        );
        CREATE INDEX adjudication_spans_span ON adjudication_spans(span);
        """,
    )


def _rebuild(db: Database, table: str, create: str, columns: str) -> None:
    """Replace ``table`` by the one ``create`` makes (named ``<table>_new`` there), keeping
    every row and, from the old definition, every index and trigger (SQLite's twelve-step
    table change, run inside the migration's transaction with foreign keys off)."""
    extras = [
        sql
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name",
            [table],
        )
    ]
    db.execute(create)
    db.execute(f"INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for sql in extras:
        db.execute(sql)


@migration("0003_stable_ids")
def stable_ids(db: Database) -> None:
    # AUTOINCREMENT: an id once given out is never given again, even after its row is
    # deleted, so an undo that deletes "its" span by id can only ever hit that span.
    # (A file may already hold dangling keys from before: only new ones are a failure.)
    dangling = sorted(db.execute("PRAGMA foreign_key_check").fetchall())
    _rebuild(
        db,
        "spans",
        """
        CREATE TABLE spans_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            name TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            attrs TEXT NOT NULL DEFAULT '{}',
            CHECK (start >= 0 AND "end" > start)
        )
        """,
        'id, document, annotator, name, start, "end", label, attrs',
    )
    _rebuild(
        db,
        "relations",
        """
        CREATE TABLE relations_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            label TEXT NOT NULL,
            head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            child INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE
        )
        """,
        "id, label, head, child",
    )
    broken = sorted(db.execute("PRAGMA foreign_key_check").fetchall())
    if broken != dangling:
        # Raising rolls the migration back: the file stays as it was, at 0002.
        raise RuntimeError(f"0003_stable_ids: foreign keys broken by the rebuild: {broken[:3]}")


@migration("0004_team")
def team(db: Database) -> None:
    # Who is to annotate which document (several for the overlap that agreement needs), the
    # seconds each annotator was active on each document, and the project's own id, which
    # packs carry so that a pack is merged only into the project it was made from.
    _run(
        db,
        """
        CREATE TABLE assignments (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            PRIMARY KEY (document, annotator)
        );
        CREATE INDEX assignments_annotator ON assignments(annotator, document);
        CREATE TABLE active_time (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            seconds REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0),
            PRIMARY KEY (document, annotator)
        );
        """,
    )
    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('project_id', ?)", [uuid.uuid4().hex]
    )


@migration("0005_suggestion_decisions")
def suggestion_decisions(db: Database) -> None:
    # An annotator's accept or reject of one suggested quote, kept apart from every layer:
    # the suggestion layer is shared by all annotators (one accepting it must not hide it
    # from another), and a re-run of the suggester replaces its spans. A suggestion is named
    # by where its first part lies, which a re-run over the same text keeps.
    _run(
        db,
        """
        CREATE TABLE suggestion_decisions (
            document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            layer TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
            at TEXT NOT NULL,
            PRIMARY KEY (document, annotator, layer, start, "end")
        )
        """,
    )


@migration("0006_search_and_lists")
def search_and_lists(db: Database) -> None:
    # The document list and the corpus search at a million documents (issue 15):
    # * covering indexes, so listing, paging and sorting by title never read a row's text
    #   (a column after the text costs a walk of its overflow pages: ~2 ms for 5 MB);
    # * a layer's statuses counted from an index, and its last edit of a document found in one;
    # * FTS5 over titles and texts, keyed by `ord` (stable: VACUUM INTO keeps it, unlike the
    #   rowid of a table without an INTEGER PRIMARY KEY), filled by triggers, so every way a
    #   document arrives (import, merge, restore of an older file after this migration) keeps
    #   it in step. Texts never change; the delete trigger is there for completeness.
    _run(
        db,
        """
        CREATE INDEX documents_list ON documents(ord, id, title, length);
        CREATE INDEX documents_title ON documents(title COLLATE NOCASE, ord, id, length);
        CREATE INDEX annotation_sets_status ON annotation_sets(annotator, status);
        CREATE INDEX history_set ON history(document, annotator, at);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='ord'
        );
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
        CREATE TABLE set_status_counts (
            annotator TEXT NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (annotator, status)
        ) WITHOUT ROWID;
        INSERT INTO set_status_counts (annotator, status, n)
            SELECT annotator, status, count(*) FROM annotation_sets GROUP BY annotator, status
        """,
    )
    # A layer's sets per status, kept by the sets' own triggers: "12 / 40 done" and a
    # status filter's row count, without counting a million rows each time.
    bump = (
        "INSERT INTO set_status_counts (annotator, status, n) VALUES ({row}.annotator, "
        "{row}.status, {step}) ON CONFLICT (annotator, status) DO UPDATE SET n = n + {step};"
    )
    for event, body in (
        ("INSERT", bump.format(row="new", step=1)),
        ("DELETE", bump.format(row="old", step=-1)),
        (
            "UPDATE OF annotator, status",
            bump.format(row="old", step=-1) + " " + bump.format(row="new", step=1),
        ),
    ):
        name = "set_status_counts_" + event.split()[0].lower()
        db.execute(f"CREATE TRIGGER {name} AFTER {event} ON annotation_sets BEGIN {body} END")
    # Trigger bodies hold semicolons: one statement each, not through _run.
    db.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, text) VALUES (new.ord, new.title, new.text); "
        "END"
    )
    db.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
        "VALUES ('delete', old.ord, old.title, old.text); END"
    )


@migration("0007_text_crc32")
def text_crc32_column(db: Database) -> None:
    # A CRC32 of each text (of its UTF-8) beside the sha256: an export checks every text it
    # writes for damage that SQLite cannot see, and sha256 at 120-200 MB/s was a sixth of a
    # JSONL export; CRC32 runs at about 1 GB/s and catches every flip of up to 32 bits in a
    # row. ``annotator check`` keeps to the sha256. Filled here for the texts already in the
    # file (one pass over them: the migration's backup is made first), then by every insert.
    # (The function spelled out here, not imported: a shipped migration must never change.)
    db.conn.create_function(
        "annotator_text_crc32",
        1,
        lambda text: zlib.crc32(text.encode("utf-8")),
        deterministic=True,
    )
    db.execute("ALTER TABLE documents ADD COLUMN text_crc32 INTEGER")
    db.execute("UPDATE documents SET text_crc32 = annotator_text_crc32(text)")


@migration(FTS_WITHOUT_SIZES)
def fts_without_sizes(db: Database) -> None:
    # The full-text index without its table of each document's column sizes (FTS5's
    # columnsize=0): only ranking (bm25, xColumnSize) reads it, and every search here is in
    # import order, so the results stay the same; an import writes a row less per document
    # (about 5% of the work of importing short documents). The index is made again from
    # the texts; its triggers name it, not its options, and stay.
    _run(
        db,
        """
        DROP TABLE documents_fts;
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='ord', columnsize=0
        );
        INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')
        """,
    )
