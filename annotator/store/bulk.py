"""Bulk paths for imports and exports: many sets in a few statements, rows without objects."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any

import orjson

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.model.annotation import RelationValues, SpanValues
from annotator.store.active_time import ActiveTime
from annotator.store.constraints import (
    check_seconds,
    check_spans,
    check_statuses,
    checked_in_python,
)
from annotator.store.database import Database
from annotator.store.rows import ParsedAttrs, dump_json, grouped_spans, load_attrs
from annotator.store.spans import Spans
from annotator.store.streams import sets_by_document

#: The columns of a new span but its id (SQLite gives the next, see Bulk.insert_values).
_SPAN_VALUES = 'document, annotator, name, start, "end", label, attrs'
#: (document, annotator, status, doc_attrs, seconds, spans, relations) of a new set.
SetValues = tuple[
    DocumentId, AnnotatorName, str, dict[str, AttrValue], float, list[SpanValues],
    list[RelationValues],
]  # fmt: skip
_WHO_AND_STATUS = itemgetter(1, 2)
#: What an annotation set's spans are built from, as sets_for reads them.
_SPAN_READ = 'id, name, start, "end", label, attrs'


#: SQLite's limit on parameters per statement (32766 today, 999 before 3.32).
_LIMIT = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER
#: Rows per statement at most: an import's batch (2,000 lines) in one statement per table.
#: Its connection's thread takes the GIL back after every statement, from a reading thread
#: that holds it most of the time: each statement fewer is one wait fewer.
_ROWS = 5000


@dataclass(slots=True)
class Statements:
    """Rows as multi-row INSERT statements with their flat parameters (see insert_many):
    made without the connection, so that an import makes them on its reading thread."""

    #: (SQL, parameters) of each statement, in order.
    parts: list[tuple[str, list[Any]]]
    #: Values per row.
    width: int
    rows: int


def statements(insert: str, rows: Sequence[tuple[Any, ...]], limit: int) -> Statements:
    """``insert`` (``INSERT INTO t (a, b) VALUES``) of every row, a few thousand rows per
    statement, within ``limit`` parameters (the connection's ``SQLITE_LIMIT_VARIABLE_NUMBER``)."""
    if not rows:
        return Statements([], 0, 0)
    width = len(rows[0])
    one = "(" + ", ".join("?" * width) + ")"
    per = max(1, min(_ROWS, limit // width))
    full = f"{insert} {', '.join([one] * per)}"
    parts = []
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else f"{insert} {', '.join([one] * len(chunk))}"
        parts.append((sql, list(chain.from_iterable(chunk))))
    return Statements(parts, width, len(rows))


def run_statements(
    conn: sqlite3.Connection, made: Statements, numbered: tuple[int, int] | None = None
) -> None:
    """Execute :func:`statements`. ``numbered`` (column, first): that column of the rows,
    whatever they hold there, gets first, first + 1, ... in order (the rows are made before
    the numbers are known)."""
    for sql, parameters in made.parts:
        if numbered is not None:
            column, first = numbered
            count = len(parameters) // made.width
            parameters[column :: made.width] = range(first, first + count)
            numbered = (column, first + count)
        conn.execute(sql, parameters)


def insert_many(conn: sqlite3.Connection, insert: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """``insert`` (``INSERT INTO t (a, b) VALUES``) for every row, many rows per statement
    (:func:`statements`). SQLite updates an AUTOINCREMENT table's sqlite_sequence row once per
    statement: executemany (one statement per row) made a million-span import a quarter
    slower; multi-row statements make it a little faster than before AUTOINCREMENT. Any
    table gains: 100,000 annotation sets took 0.42 s of CPU by executemany, 0.22 s so."""
    run_statements(conn, statements(insert, rows, conn.getlimit(_LIMIT)))


def variable_limit(conn: sqlite3.Connection) -> int:
    """The parameters a statement of ``conn`` may have, for :func:`statements`."""
    return conn.getlimit(_LIMIT)


@dataclass(slots=True)
class SetRows:
    """Sets made into the rows of their tables, checked (:func:`set_rows`): work without
    the database, which an import does on its reading thread."""

    spans: Statements
    #: (label, head, child), each end by its place among the spans (0 for the first).
    relations: list[tuple[str, int, int]]
    sets: Statements
    times: Statements
    #: (annotator, status) -> how many of the sets have it.
    statuses: Counter[tuple[str, str]]


@dataclass(slots=True)
class Inserted:
    """What :meth:`Bulk.insert_rows` inserted."""

    sets: int
    spans: int
    relations: int
    #: (annotator, status) -> how many of the sets have it.
    statuses: Counter[tuple[str, str]]


def set_rows(sets: Sequence[SetValues], limit: int) -> SetRows:
    """The rows of ``sets`` (each relation names its ends by their positions in its set's
    spans), checked against the tables' CHECK constraints (constraints.py), as statements
    of at most ``limit`` parameters."""
    first = 0  # the place of the set's first span
    relation_rows: list[tuple[str, int, int]] = []
    span_rows: list[tuple[Any, ...]] = []
    rows: list[tuple[str, str, str, str]] = []
    time_rows: list[tuple[str, str, float]] = []
    for document, annotator, status, doc_attrs, seconds, spans, relations in sets:
        if seconds:
            time_rows.append((document, annotator, seconds))
        span_rows += [
            (document, annotator, name, start, end, label, dump_json(attrs) if attrs else "{}")
            for name, start, end, label, attrs in spans
        ]
        if relations:
            relation_rows += [(label, first + h, first + c) for label, h, c in relations]
        first += len(spans)
        rows.append((document, annotator, status, dump_json(doc_attrs)))
    # The tables' CHECK constraints, which SQLite skips during an import (constraints.py).
    check_spans(span_rows)
    check_statuses(rows)
    check_seconds(time_rows)
    return SetRows(
        statements(f"INSERT INTO spans ({_SPAN_VALUES}) VALUES", span_rows, limit),
        relation_rows,
        statements(
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) VALUES",
            rows,
            limit,
        ),
        # A set brought in whole brings its time whole (a replaced set replaces it too).
        statements(
            "INSERT OR REPLACE INTO active_time (document, annotator, seconds) VALUES",
            time_rows,
            limit,
        ),
        Counter(map(_WHO_AND_STATUS, rows)),
    )


class Bulk:
    def __init__(self, db: Database, spans: Spans, active_time: ActiveTime) -> None:
        self._db = db
        self._spans = spans
        self._active_time = active_time

    def variable_limit(self) -> int:
        """Parameters per statement, for :func:`set_rows` and its kind."""
        return variable_limit(self._db.conn)

    def checked_in_python(self) -> AbstractContextManager[None]:
        """The body (a bulk import, inside its transaction) has its rows' CHECK constraints
        made by :meth:`insert_values` alone, not by SQLite too (see constraints.py)."""
        return checked_in_python(self._db)

    def insert_sets(self, sets: Sequence[AnnotationSet]) -> None:
        """Insert sets whose span ids are unique within each set (local 1..n as parsed, or
        another file's ids, as merges and packs pass them); new ids are assigned here."""
        self.insert_values(
            [
                (a.document, a.annotator, a.status.value, a.doc_attrs, a.seconds, *a.values())
                for a in sets
            ]
        )

    def insert_values(self, sets: Sequence[SetValues]) -> Inserted:
        """:meth:`insert_sets` of sets as plain values (an import builds no Span): each
        relation names its ends by their positions in its set's spans."""
        return self.insert_rows(set_rows(sets, variable_limit(self._db.conn)))

    def insert_rows(self, rows: SetRows) -> Inserted:
        """Insert sets made into rows by :func:`set_rows`; their spans get the next ids."""
        base = int(self._spans.next_id())
        conn = self._db.conn
        # No ids given: SQLite gives the next ones in order, from the very id next_id() read
        # (AUTOINCREMENT's rule), which the relations count on; checked, not assumed.
        run_statements(conn, rows.spans)
        spans = rows.spans.rows
        if spans and int(self._spans.next_id()) != base + spans:
            raise RuntimeError(f"spans were given ids other than {base}..{base + spans - 1}")
        insert_many(
            conn,
            "INSERT INTO relations (label, head, child) VALUES",
            [(label, base + h, base + c) for label, h, c in rows.relations],
        )
        run_statements(conn, rows.sets)
        run_statements(conn, rows.times)
        return Inserted(rows.sets.rows, spans, len(rows.relations), rows.statuses)

    def sets_for(
        self, documents: Sequence[DocumentId], annotator: str | None = None
    ) -> dict[DocumentId, list[AnnotationSet]]:
        """Every annotation set of ``documents`` (one annotator's, if given), in three queries.

        Sets are ordered by annotator; spans by (start, end, id); relations by id.
        """
        marks = ",".join("?" * len(documents))
        who = " AND annotator = ?" if annotator is not None else ""
        args: list[Any] = [*documents, annotator] if annotator is not None else list(documents)
        sets: dict[tuple[str, str], AnnotationSet] = {}

        def get(document: str, name: str) -> AnnotationSet:
            key = (document, name)
            if key not in sets:
                sets[key] = AnnotationSet(DocumentId(document), AnnotatorName(name))
            return sets[key]

        for document, name, status, doc_attrs in self._db.execute(
            f"SELECT document, annotator, status, doc_attrs FROM annotation_sets "
            f"WHERE document IN ({marks}){who}",
            args,
        ):
            aset = get(document, name)
            aset.status = Status(status)
            aset.doc_attrs = load_attrs(doc_attrs)
        # What span_from_row does, inlined, with the attribute texts parsed once each:
        # exports build a million spans, and a call per span was half their time.
        parsed = ParsedAttrs()
        for document, name, _, spans in self._db.execute(
            grouped_spans(_SPAN_READ, marks, who), args
        ):
            aset = get(document, name)
            doc, author = aset.document, aset.annotator
            # Each span its own dict: a caller may change one span's attributes.
            aset.spans = [
                Span(sid, doc, author, start, end, label, parsed[attrs].copy(), span_name)
                for sid, span_name, start, end, label, attrs in orjson.loads(spans)
            ]
        for rid, label, head, child, document, name in self._db.execute(
            f"SELECT r.id, r.label, r.head, r.child, s.document, s.annotator FROM relations r "
            f"JOIN spans s ON s.id = r.head WHERE s.document IN ({marks})"
            f"{who.replace('annotator', 's.annotator')} ORDER BY r.id",
            args,
        ):
            get(document, name).relations.append(
                Relation(RelationId(rid), label, SpanId(head), SpanId(child))
            )
        for document, name, seconds in self._active_time.where(marks, who, args):
            # Time spent reading a document counts even where nothing was marked in it.
            get(document, name).seconds = float(seconds)
        out: dict[DocumentId, list[AnnotationSet]] = {}
        for key in sorted(sets):
            out.setdefault(DocumentId(key[0]), []).append(sets[key])
        return out

    def by_document(
        self, statuses: Collection[Status], keep: Callable[[str], bool], relations: bool = True
    ) -> Iterator[tuple[Document, list[AnnotationSet]]]:
        """Every document in id order with its sets of ``statuses`` whose annotator ``keep``
        accepts, one document at a time (see streams.py)."""
        return sets_by_document(self._db, statuses, keep, relations)

    def span_counts(self) -> dict[tuple[DocumentId, str], int]:
        """(document, annotator) -> how many spans that set has; an export's preview counts
        from these without reading a span (one pass over the set index)."""
        return {
            (DocumentId(document), name): count
            for document, name, count in self._db.execute(
                "SELECT document, annotator, count(*) FROM spans GROUP BY document, annotator"
            )
        }
