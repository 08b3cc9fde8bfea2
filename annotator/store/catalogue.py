"""The document list as the window shows it: rows of one layer's view, filtered, sorted, paged.

Rows are read a page at a time with the filter and the order done in SQL, so the list never
holds the corpus: a row is a document's title, its length and, for one annotator's layer, the
status, the number of spans and when that annotator last edited it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annotator.model import DocumentId, Status
from annotator.store.database import Database
from annotator.store.fulltext import FullText

#: Sort keys the list offers, as SQL over the row query's columns (ties: import order).
SORTS = {
    "order": "ord",
    "title": "title COLLATE NOCASE",
    "status": "CASE status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 "
    "WHEN 'done' THEN 2 ELSE 3 END",
    "spans": "spans",
    "edited": "coalesce(edited, '')",
    "length": "length",
}


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: DocumentId
    title: str
    length: int
    status: Status
    spans: int
    #: ISO time of the layer's last edit of this document, or None.
    edited: str | None


@dataclass(frozen=True, slots=True)
class DocumentQuery:
    """Which documents the list shows, whose layer it describes, and in what order."""

    annotator: str
    #: Words in the title or the text (case-insensitive); empty: every document.
    text: str = ""
    #: Only these statuses of the layer; empty: any.
    statuses: frozenset[Status] = field(default_factory=frozenset)
    sort: str = "order"
    descending: bool = False
    #: Only the documents assigned to the annotator (annotator assign, the Team view).
    assigned: bool = False


class Catalogue:
    """The list's rows, counts and positions in SQL that stays fast at a million documents:
    covering indexes (never a text read), the layer's status and counts per shown row only,
    words through the full-text index, counts of a status from an index (migration 0006)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._fulltext = FullText(db)
        #: The largest `ord` at which the ords were seen to be exactly 1..N (see _numbered).
        self._numbered_up_to = 0

    def _numbered(self, query: DocumentQuery) -> int | None:
        """N when the query lists every document in import order and their ords are 1..N:
        then row n is the document of ord n + 1, found by the index without stepping over
        the rows before it (OFFSET at the end of a million rows takes a fifth of a second).
        Documents are only ever appended (ord = max + 1), so one check per new max holds."""
        if query.text or query.statuses or query.assigned:
            return None
        if query.sort != "order" or query.descending:
            return None
        top = self._db.execute("SELECT max(ord) FROM documents").fetchone()[0] or 0
        if top != self._numbered_up_to:
            first = self._db.execute("SELECT min(ord) FROM documents").fetchone()[0]
            total = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
            if first != 1 or total != top:
                return None
            self._numbered_up_to = top
        return int(top)

    def _select(self, query: DocumentQuery, columns: str) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = [query.annotator, query.annotator, query.annotator]
        source = "documents d"
        words = self._fulltext.expression(query.text) if query.text else None
        if words is not None:
            source = "documents_fts f JOIN documents d ON d.ord = f.rowid"
            where.append("documents_fts MATCH ?")
            args.append(words)
        elif query.text:  # no word in it ("--"): look for the characters themselves
            where.append(
                "(instr(lower(d.title), lower(?)) > 0 OR instr(lower(d.text), lower(?)) > 0)"
            )
            args += [query.text, query.text]
        if query.assigned:
            # By the (annotator, document) index: the annotator's share, never every document.
            where.append("d.id IN (SELECT document FROM assignments WHERE annotator = ?)")
            args.append(query.annotator)
        # Status, spans and last edit as subqueries of the shown rows: a join would be
        # evaluated for every row skipped on the way to the last page.
        # Through the full-text index, `ord` is its rowid: the order it yields hits in, so
        # the first page needs no sort of every hit.
        ord_column = "f.rowid" if words is not None else "d.ord"
        sql = (
            f"SELECT d.id AS id, {ord_column} AS ord, d.title AS title, d.length AS length, "
            "coalesce((SELECT a.status FROM annotation_sets a WHERE a.document = d.id "
            "AND a.annotator = ?), 'todo') AS status, "
            "(SELECT count(*) FROM spans s WHERE s.document = d.id AND s.annotator = ?) AS spans, "
            "(SELECT max(h.at) FROM history h WHERE h.document = d.id AND h.annotator = ?) "
            f"AS edited FROM {source}" + (" WHERE " + " AND ".join(where) if where else "")
        )
        outer = ""
        if query.statuses:
            marks = ",".join("?" * len(query.statuses))
            outer = f" WHERE status IN ({marks})"
            args += sorted(s.value for s in query.statuses)
        return f"SELECT {columns} FROM ({sql}){outer}", args

    def _order(self, query: DocumentQuery) -> str:
        key = SORTS.get(query.sort, SORTS["order"])
        way = "DESC" if query.descending else "ASC"
        return f" ORDER BY {key} {way}, ord {way}"

    def count(self, query: DocumentQuery) -> int:
        if not query.text and not query.assigned:
            if not query.statuses:
                return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])
            counts = self.status_counts(query.annotator)
            return sum(counts[status] for status in query.statuses)
        sql, args = self._select(query, "count(*)")
        return int(self._db.execute(sql, args).fetchone()[0])

    def rows(self, query: DocumentQuery, offset: int, limit: int) -> list[DocumentRow]:
        sql, args = self._select(query, "id, title, length, status, spans, edited")
        if self._numbered(query) is not None:
            sql, args = sql + " WHERE ord > ?", [*args, offset]
            tail, tail_args = " ORDER BY ord LIMIT ?", [limit]
        else:
            tail, tail_args = self._order(query) + " LIMIT ? OFFSET ?", [limit, offset]
        return [
            DocumentRow(DocumentId(i), t, n, Status(s), c, e)
            for i, t, n, s, c, e in self._db.execute(sql + tail, [*args, *tail_args])
        ]

    def row(self, query: DocumentQuery, document: DocumentId) -> DocumentRow | None:
        """One document's row as the query shows it, or None when the query hides it."""
        sql, args = self._select(query, "*")
        # By `ord`, whose index holds the row: looked up by id, SQLite reads the table row
        # and walks the text's overflow pages to the length after it.
        found = self._db.execute(
            "SELECT id, title, length, status, spans, edited "
            f"FROM ({sql}) WHERE ord = (SELECT ord FROM documents WHERE id = ?)",
            [*args, document],
        ).fetchone()
        if found is None:
            return None
        i, t, n, s, c, e = found
        return DocumentRow(DocumentId(i), t, n, Status(s), c, e)

    def position(self, query: DocumentQuery, document: DocumentId) -> int:
        """Where ``document`` is in the query's order (0-based), or -1 when it is not shown:
        the rows before it are counted, never read."""
        if self._numbered(query) is not None:
            found = self._db.execute("SELECT ord FROM documents WHERE id = ?", [document])
            row = found.fetchone()
            return int(row[0]) - 1 if row else -1
        key = SORTS.get(query.sort, SORTS["order"])
        sql, args = self._select(query, "*")
        found = self._db.execute(
            f"SELECT {key}, ord FROM ({sql}) WHERE ord = (SELECT ord FROM documents WHERE id = ?)",
            [*args, document],
        ).fetchone()
        if found is None:
            return -1
        before = ">" if query.descending else "<"
        counted = self._db.execute(
            f"SELECT count(*) FROM ({sql}) WHERE {key} {before} ? "
            f"OR ({key} = ? AND ord {before} ?)",
            [*args, found[0], found[0], found[1]],
        ).fetchone()
        return int(counted[0])

    def ids(self, query: DocumentQuery) -> list[DocumentId]:
        """Every shown document's id, in the list's order (for next / previous document)."""
        sql, args = self._select(query, "id")
        return [DocumentId(r[0]) for r in self._db.execute(sql + self._order(query), args)]

    def status_counts(self, annotator: str) -> Counter[Status]:
        """How many documents the layer has in each status (no set counts as todo)."""
        # Kept by triggers (migration 0006): counting a million sets takes a third of a second.
        table = "set_status_counts" if self._fulltext.available() else None
        sql = (
            f"SELECT status, n FROM {table} WHERE annotator = ? AND n > 0"
            if table
            else "SELECT status, count(*) FROM annotation_sets WHERE annotator = ? GROUP BY status"
        )
        counts: Counter[Status] = Counter(
            {Status(s): n for s, n in self._db.execute(sql, [annotator])}
        )
        total = int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])
        counts[Status.TODO] += total - sum(counts.values())
        return counts
