"""The documents table: immutable texts in import order."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from annotator.model import Document, DocumentId
from annotator.model.document import text_crc32
from annotator.store.bulk import Statements, run_statements, statements, variable_limit
from annotator.store.database import Database
from annotator.store.migrations import TEXT_CRC32, applied
from annotator.store.rows import document_from_row, dump_json
from annotator.store.triggers import index_paused

_COLUMNS = "id, title, text, meta, sha256"
#: A stretch of the import order: the documents whose place (``ord``) is at least the first
#: number and below the second.
Places = tuple[int, int]
#: Every place there is (``ord`` is a 64-bit integer).
ALL_PLACES: Places = (-(1 << 63), (1 << 63) - 1)


@dataclass(frozen=True, slots=True)
class Halves:
    """A set of documents cut in two halves of (about) as many documents each."""

    count: int
    characters: int
    first: Places
    second: Places


#: (id, text, title, meta, sha256) of a new document.
DocumentValues = tuple[DocumentId, str, str, dict[str, Any], str]
#: New documents' rows, a few statements for each so much text (see document_rows).
DocumentRows = list[Statements]
_INSERT = "INSERT INTO documents (id, title, text, meta, sha256, length, text_crc32, ord) VALUES"
_ORDER = 7
#: Characters of text bound into one insert statement at most (a copy is made to bind them).
_TEXT_PER_STATEMENT = 1 << 20
#: The document list's indexes (migration 0006), which a bulk import into an empty project
#: builds at its end: 200,000 short documents took 2.4-2.7 s of CPU with them kept row by
#: row, 1.7-2.1 s with them built after (long documents gain nothing: the rows dominate).
_LIST_INDEXES = ("documents_list", "documents_title")


class Documents:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lengths: dict[DocumentId, int] = {}
        self._read: str | None = None

    @property
    def _columns(self) -> str:
        """What a document is read from: with its CRC32 where the file has the column.
        Asked at the first read, not here: a writer migrates after this is made, and a
        reader of a file from before 0007 reads it as it is (``READ_COMPATIBLE``)."""
        if self._read is None:
            crc = TEXT_CRC32 in applied(self._db)
            self._read = _COLUMNS + (", text_crc32" if crc else "")
        return self._read

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def get(self, document: DocumentId) -> Document | None:
        row = self._db.execute(
            f"SELECT {self._columns} FROM documents WHERE id = ?", [document]
        ).fetchone()
        return document_from_row(row) if row else None

    def title(self, document: DocumentId) -> str | None:
        """The title (empty if it has none), without reading the text; None if there is none."""
        row = self._db.execute("SELECT title FROM documents WHERE id = ?", [document]).fetchone()
        return str(row[0]) if row else None

    def length(self, document: DocumentId) -> int | None:
        """The text's length in code points, without moving the text into Python."""
        known = self._lengths.get(document)
        if known is not None:
            return known
        # The column sits after the text in the row: SQLite walks the text's overflow pages
        # to reach it (~2 ms for 5 MB). Texts never change, so each length is read once.
        row = self._db.execute("SELECT length FROM documents WHERE id = ?", [document]).fetchone()
        if row is None:
            return None
        self._lengths[document] = int(row[0])
        return int(row[0])

    def hashes(self, documents: Iterable[str]) -> dict[DocumentId, str]:
        """sha256 of each of ``documents`` that exists."""
        return {d: sha for d, (sha, _) in self.hashes_and_order(list(documents)).items()}

    def last_order(self) -> int:
        """The import order of the newest document (0 when there is none)."""
        return int(self._db.execute("SELECT coalesce(max(ord), 0) FROM documents").fetchone()[0])

    def hashes_and_order(self, documents: Sequence[str]) -> dict[DocumentId, tuple[str, int]]:
        """(sha256, import order) of each of ``documents`` that exists: an import tells the
        documents its earlier batches added (after its start's :meth:`last_order`) from
        those the project had before, without keeping a list of its own."""
        out: dict[DocumentId, tuple[str, int]] = {}
        # An import's batch in one statement (see bulk._ROWS), within SQLite's limit.
        per = min(len(documents), variable_limit(self._db.conn)) or 1
        for i in range(0, len(documents), per):
            chunk = documents[i : i + per]
            marks = ",".join("?" * len(chunk))
            for did, sha, order in self._db.execute(
                f"SELECT id, sha256, ord FROM documents WHERE id IN ({marks})", chunk
            ):
                out[DocumentId(did)] = (sha, order)
        return out

    def ids(self) -> list[DocumentId]:
        return [DocumentId(r[0]) for r in self._db.execute("SELECT id FROM documents ORDER BY ord")]

    def iter_all(self, batch: int = 500, places: Places = ALL_PLACES) -> Iterator[list[Document]]:
        """All documents in import order (those at ``places`` in it), a batch at a time,
        never the whole corpus in memory."""
        cursor = self._db.execute(
            f"SELECT {self._columns} FROM documents WHERE ord >= ? AND ord < ? ORDER BY ord",
            places,
        )
        while rows := cursor.fetchmany(batch):
            yield [document_from_row(r) for r in rows]

    def iter_some(
        self, documents: Collection[str], batch: int = 500, places: Places = ALL_PLACES
    ) -> Iterator[list[Document]]:
        """Those of ``documents`` that exist (at ``places``), in import order, a batch at a
        time: a split's part or a preview's sample is read without reading every other text
        on the way."""
        chosen = set(documents)
        wanted = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM documents WHERE ord >= ? AND ord < ? ORDER BY ord", places
            )
            if r[0] in chosen
        ]
        for i in range(0, len(wanted), batch):
            chunk = wanted[i : i + batch]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT {self._columns} FROM documents WHERE id IN ({marks}) ORDER BY ord",
                chunk,
            ).fetchall()
            yield [document_from_row(r) for r in rows]

    def extent(self, documents: Collection[str] | None = None) -> tuple[int, int]:
        """How many documents there are (of ``documents``, if given) and their characters,
        without reading the rest: every export asks, a preview of a hundred documents too."""
        if documents is None:
            count, characters = self._db.execute(
                "SELECT count(*), coalesce(sum(length), 0) FROM documents"
            ).fetchone()
            return int(count), int(characters)
        chosen = list(set(documents))
        count = characters = 0
        per = min(len(chosen), variable_limit(self._db.conn)) or 1
        for i in range(0, len(chosen), per):
            chunk = chosen[i : i + per]
            found, length = self._db.execute(
                "SELECT count(*), coalesce(sum(length), 0) FROM documents "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchone()
            count += int(found)
            characters += int(length)
        return count, characters

    def halves(self, documents: Collection[str] | None = None, lead: int = 0) -> Halves:
        """How many documents there are (of ``documents``, if given), their characters, and
        the places of their two halves in import order, cut by characters: the first half
        holds half of them plus ``lead`` (work worth that many characters that the reader of
        the second half must do first, such as starting)."""
        chosen = None if documents is None else set(documents)
        places: list[int] = []
        lengths: list[int] = []
        for did, order, length in self._db.execute(
            "SELECT id, ord, length FROM documents ORDER BY ord"
        ):
            if chosen is None or did in chosen:
                places.append(order)
                lengths.append(length)
        characters = sum(lengths)
        first = (characters + lead) // 2
        upto = 0
        middle = ALL_PLACES[1]
        for order, length in zip(places, lengths, strict=True):
            if upto >= first:
                middle = order
                break
            upto += length
        return Halves(len(places), characters, (ALL_PLACES[0], middle), (middle, ALL_PLACES[1]))

    @contextmanager
    def indexed_at_end(self) -> Iterator[None]:
        """In a project without documents, build the list's indexes after the body (a bulk
        import) instead of one insert per document into each. Run inside the import's
        transaction: the indexes are dropped and made again from their stored SQL, so a
        failure or a kill (the transaction rolled back) leaves them as they were. In a
        project with documents, nothing changes (a rebuild would sort them all again)."""
        if self._db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None:
            yield
            return
        with ExitStack() as paused:
            for name in _LIST_INDEXES:
                paused.enter_context(index_paused(self._db, name))
            yield

    def insert_many(self, documents: Iterable[Document]) -> int:
        """Append new documents (the caller holds the transaction, on a migrated file)."""
        return self.insert_values((d.id, d.text, d.title, d.meta, d.sha256) for d in documents)

    def insert_values(self, documents: Iterable[DocumentValues]) -> int:
        """:meth:`insert_many` of documents as plain values (an import builds no Document)."""
        return self.insert_rows(document_rows(documents, variable_limit(self._db.conn)))

    def insert_rows(self, rows: DocumentRows) -> int:
        """Append documents made into rows by :func:`document_rows`, in their order."""
        order = self.last_order() + 1
        for made in rows:
            # The import order, last in each row, is known only now.
            run_statements(self._db.conn, made, (_ORDER, order))
            order += made.rows
        return sum(made.rows for made in rows)


def document_rows(documents: Iterable[DocumentValues], limit: int) -> DocumentRows:
    """The rows of new documents for :meth:`Documents.insert_rows`, as statements of at most
    ``limit`` parameters (work without the database, which an import does on its reading
    thread)."""
    # Several rows per statement (see insert_many): cheaper than a statement per row. A
    # statement's values are copied when bound, so long texts go a few at a time.
    chunks: DocumentRows = []
    chunk: list[tuple[Any, ...]] = []
    size = 0
    for did, text, title, meta, sha256 in documents:
        length = len(text)
        chunk.append(
            (
                did,
                title,
                text,
                dump_json(meta) if meta else "{}",
                sha256,
                length,
                text_crc32(text),
                0,  # the import order, given by insert_rows
            )
        )
        size += length
        if size >= _TEXT_PER_STATEMENT:
            chunks.append(statements(_INSERT, chunk, limit))
            chunk, size = [], 0
    if chunk:
        chunks.append(statements(_INSERT, chunk, limit))
    return chunks
