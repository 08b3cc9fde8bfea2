"""Bulk paths for imports and exports: many sets in a few statements, rows without objects."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterator, Sequence
from itertools import chain, groupby
from operator import itemgetter
from typing import Any

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
from annotator.store.database import Database
from annotator.store.rows import SPAN_COLUMNS, dump_json, load_attrs
from annotator.store.spans import Spans
from annotator.store.streams import sets_by_document

_SET_OF_ROW = itemgetter(0, 1)
_SET_OF_SPAN_ROW = itemgetter(1, 2)
#: Distinct attribute texts kept parsed during one read (free text makes each one new).
_PARSED_KEPT = 10_000
#: (document, annotator, name, start, end, label, attrs JSON) of a span, as exports read it.
SpanRow = tuple[str, str, str, int, int, str, str]
#: (label, head span name, child span name) of a relation.
RelationRow = tuple[str, str, str]
#: (annotator, status, doc_attrs JSON, spans, relations, active seconds) of one annotation set.
SetRows = tuple[str, str, str, list[SpanRow], list[RelationRow], float]


def insert_many(conn: sqlite3.Connection, insert: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """``insert`` (``INSERT INTO t (a, b) VALUES``) for every row, a few hundred rows per
    statement. SQLite updates an AUTOINCREMENT table's sqlite_sequence row once per
    statement: executemany (one statement per row) made a million-span import a quarter
    slower; multi-row statements make it a little faster than before AUTOINCREMENT. Any
    table gains: 100,000 annotation sets took 0.42 s of CPU by executemany, 0.22 s so."""
    if not rows:
        return
    width = len(rows[0])
    one = "(" + ", ".join("?" * width) + ")"
    # Within SQLite's limit on parameters per statement (32766 today, 999 before 3.32).
    per = max(1, min(500, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    full = f"{insert} {', '.join([one] * per)}"
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = full if len(chunk) == per else f"{insert} {', '.join([one] * len(chunk))}"
        conn.execute(sql, list(chain.from_iterable(chunk)))


class Bulk:
    def __init__(self, db: Database, spans: Spans, team: bool = True) -> None:
        self._db = db
        self._spans = spans
        #: Whether the file has the active_time table (a reader of a file from before
        #: migration 0004 has none, and reads no time).
        self._team = team

    def _seconds(self, marks: str, who: str, args: list[Any]) -> list[tuple[str, str, float]]:
        if not self._team:
            return []
        return self._db.execute(
            f"SELECT document, annotator, seconds FROM active_time "
            f"WHERE document IN ({marks}){who}",
            args,
        ).fetchall()

    def insert_sets(self, sets: Sequence[AnnotationSet]) -> None:
        """Insert sets whose span ids are unique within each set (local 1..n as parsed, or
        another file's ids, as merges and packs pass them); new ids are assigned here."""
        base = int(self._spans.next_id())
        relation_rows: list[tuple[Any, ...]] = []
        span_rows: list[tuple[Any, ...]] = []
        set_rows: list[tuple[Any, ...]] = []
        time_rows: list[tuple[Any, ...]] = []
        for aset in sets:
            if aset.seconds:
                time_rows.append((aset.document, aset.annotator, aset.seconds))
            local_to_global: dict[int, int] = {}
            for span in aset.spans:
                local_to_global[span.id] = base
                span_rows.append(
                    (
                        base,
                        aset.document,
                        aset.annotator,
                        span.name,
                        span.start,
                        span.end,
                        span.label,
                        dump_json(span.attrs),
                    )
                )
                base += 1
            for rel in aset.relations:
                relation_rows.append(
                    (rel.label, local_to_global[rel.head], local_to_global[rel.child])
                )
            set_rows.append(
                (aset.document, aset.annotator, aset.status.value, dump_json(aset.doc_attrs))
            )
        conn = self._db.conn
        insert_many(conn, f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES", span_rows)
        insert_many(conn, "INSERT INTO relations (label, head, child) VALUES", relation_rows)
        insert_many(
            conn,
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) VALUES",
            set_rows,
        )
        # A set brought in whole brings its time whole (a replaced set replaces it too).
        insert_many(
            conn,
            "INSERT OR REPLACE INTO active_time (document, annotator, seconds) VALUES",
            time_rows,
        )

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
        rows: list[tuple[SpanId, DocumentId, AnnotatorName, str, int, int, str, str]]
        rows = self._db.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document IN ({marks}){who} "
            'ORDER BY document, annotator, start, "end", id',
            args,
        ).fetchall()
        # What span_from_row does, inlined, grouped in C and with the attribute texts parsed
        # once each: exports build a million spans, and a call per span was half their time.
        parsed: dict[str, dict[str, AttrValue]] = {}
        for (document, name), group in groupby(rows, key=_SET_OF_SPAN_ROW):
            spans = get(document, name).spans
            for sid, doc, annotator, span_name, start, end, label, attrs in group:
                values = parsed.get(attrs)
                if values is None:
                    values = parsed[attrs] = load_attrs(attrs)
                    if len(parsed) > _PARSED_KEPT:
                        parsed.clear()
                # Each span its own dict: a caller may change one span's attributes.
                spans.append(Span(sid, doc, annotator, start, end, label, values.copy(), span_name))
        for rid, label, head, child, document, name in self._db.execute(
            f"SELECT r.id, r.label, r.head, r.child, s.document, s.annotator FROM relations r "
            f"JOIN spans s ON s.id = r.head WHERE s.document IN ({marks})"
            f"{who.replace('annotator', 's.annotator')} ORDER BY r.id",
            args,
        ):
            get(document, name).relations.append(
                Relation(RelationId(rid), label, SpanId(head), SpanId(child))
            )
        for document, name, seconds in self._seconds(marks, who, args):
            # Time spent reading a document counts even where nothing was marked in it.
            get(document, name).seconds = float(seconds)
        out: dict[DocumentId, list[AnnotationSet]] = {}
        for key in sorted(sets):
            out.setdefault(DocumentId(key[0]), []).append(sets[key])
        return out

    def export_rows(
        self, documents: Sequence[DocumentId], annotator: str | None = None
    ) -> dict[DocumentId, list[SetRows]]:
        """The sets of ``documents`` as plain rows, for streaming exports without model objects.

        Attribute columns stay JSON text, so an exporter can embed them without parsing.
        """
        marks = ",".join("?" * len(documents))
        who = " AND annotator = ?" if annotator is not None else ""
        args: list[Any] = [*documents, annotator] if annotator is not None else list(documents)
        sets: dict[tuple[str, str], SetRows] = {}
        for document, name, status, doc_attrs in self._db.execute(
            f"SELECT document, annotator, status, doc_attrs FROM annotation_sets "
            f"WHERE document IN ({marks}){who}",
            args,
        ):
            sets[(document, name)] = (name, status, doc_attrs, [], [], 0.0)
        rows = self._db.execute(
            f'SELECT document, annotator, name, start, "end", label, attrs FROM spans '
            f'WHERE document IN ({marks}){who} ORDER BY document, annotator, start, "end", id',
            args,
        ).fetchall()
        # Grouping in C (groupby) rather than a Python test per row: exports read millions.
        for key, group in groupby(rows, key=_SET_OF_ROW):
            if key not in sets:
                sets[key] = (key[1], Status.TODO.value, "{}", [], [], 0.0)
            sets[key][3].extend(group)
        for label, head, child, document, name in self._db.execute(
            f"SELECT r.label, h.name, c.name, h.document, h.annotator FROM relations r "
            f"JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child "
            f"WHERE h.document IN ({marks}){who.replace('annotator', 'h.annotator')} "
            "ORDER BY r.id",
            args,
        ):
            sets[(document, name)][4].append((label, head, child))
        for document, name, seconds in self._seconds(marks, who, args):
            key = (document, name)
            found = sets.get(key)
            if found is None:
                sets[key] = (name, Status.TODO.value, "{}", [], [], float(seconds))
            else:
                sets[key] = (*found[:5], float(seconds))
        out: dict[DocumentId, list[SetRows]] = {}
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
