"""What one import has taken in so far (documents, and sets with their first lines), kept in
temporary tables: an import of any size checks its clashes with flat memory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from annotator.model import AnnotatorName, DocumentId
from annotator.store.bulk import Statements, run_statements, statements
from annotator.store.database import Database
from annotator.store.triggers import trigger_paused

SetKey = tuple[DocumentId, AnnotatorName]
# TEMP tables live beside the connection, not in the project file, and vanish with it; SQLite
# keeps them in its page cache and spills them to a temporary file, so they never grow memory.
_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS import_documents (id TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS import_sets (document TEXT, annotator TEXT, "
    "line INTEGER, PRIMARY KEY (document, annotator)) WITHOUT ROWID",
)
_CHUNK = 400
#: The trigger that counts each new set in ``set_status_counts`` (migration 0006).
_COUNT_TRIGGER = "set_status_counts_insert"


def set_lines(sets: Iterable[tuple[SetKey, int]], limit: int) -> Statements:
    """What :meth:`ImportLedger.add` stores of ``sets`` ((document, annotator), line), made
    without the connection (an import makes it on its reading thread)."""
    return statements(
        "INSERT INTO temp.import_sets (document, annotator, line) VALUES",
        [(d, a, n) for (d, a), n in sets],
        limit,
    )


class ImportLedger:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._counts: Counter[tuple[str, str]] = Counter()

    def start(self) -> None:
        """An empty ledger for a new import (inside its transaction)."""
        for create in _TABLES:
            self._db.execute(create)
        self._db.execute("DELETE FROM temp.import_documents")
        self._db.execute("DELETE FROM temp.import_sets")

    def finish(self) -> None:
        self._db.execute("DROP TABLE IF EXISTS temp.import_documents")
        self._db.execute("DROP TABLE IF EXISTS temp.import_sets")

    def seen_documents(self, documents: Sequence[DocumentId]) -> set[DocumentId]:
        """Those of ``documents`` an earlier batch of this import already had."""
        found: set[DocumentId] = set()
        for i in range(0, len(documents), _CHUNK):
            chunk = list(documents[i : i + _CHUNK])
            marks = ",".join("?" * len(chunk))
            found.update(
                DocumentId(r[0])
                for r in self._db.execute(
                    f"SELECT id FROM temp.import_documents WHERE id IN ({marks})", chunk
                )
            )
        return found

    def first_lines(self, keys: Iterable[SetKey]) -> dict[SetKey, int]:
        """The line each of ``keys`` (document, annotator) came on earlier in this import."""
        wanted = set(keys)
        documents = sorted({d for d, _ in wanted})
        found: dict[SetKey, int] = {}
        for i in range(0, len(documents), _CHUNK):
            chunk = documents[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for d, a, line in self._db.execute(
                f"SELECT document, annotator, line FROM temp.import_sets "
                f"WHERE document IN ({marks})",
                chunk,
            ):
                key = (DocumentId(d), AnnotatorName(a))
                if key in wanted:
                    found[key] = int(line)
        return found

    def add(self, documents: Iterable[DocumentId], sets: Statements) -> None:
        """Note the documents the project had before and the sets (:func:`set_lines`) that
        a batch brought."""
        conn = self._db.conn
        conn.executemany("INSERT INTO temp.import_documents VALUES (?)", ((d,) for d in documents))
        run_statements(conn, sets)

    def counted(self, statuses: Mapping[tuple[str, str], int]) -> None:
        """Note how many sets of each (annotator, status) this import inserted
        (``Inserted.statuses``), for :meth:`counted_at_end`."""
        self._counts.update(statuses)

    @contextmanager
    def counted_at_end(self) -> Iterator[None]:
        """Count the sets this import adds into ``set_status_counts`` at its end, from what
        :meth:`counted` noted, instead of an UPSERT per set from the insert trigger. Run
        inside the import's transaction, after :meth:`start`: the trigger is dropped and made
        again from its own stored SQL, so a failure or a kill (the transaction rolled back)
        leaves it as it was.

        A replaced set is deleted (its delete trigger still subtracts it) and inserted again,
        so it is counted like any new one; no set is inserted twice by one import (a second
        line for it is refused)."""
        self._counts = Counter()
        with trigger_paused(self._db, _COUNT_TRIGGER) as paused:
            yield
            if paused:  # a file before the counts (migration 0006) has none to keep
                self._db.conn.executemany(
                    "INSERT INTO set_status_counts (annotator, status, n) VALUES (?, ?, ?) "
                    "ON CONFLICT (annotator, status) DO UPDATE SET n = n + excluded.n",
                    [(who, status, n) for (who, status), n in sorted(self._counts.items())],
                )
        self._counts = Counter()
