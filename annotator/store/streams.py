"""Whole-project reads one document at a time: a cursor per table, merged by document id.

A report over a whole project (agreement) needs every set of a document together, but never
two documents at once. Each query walks its table in document order through an index, so
nothing is sorted or held beyond the document being read.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

import orjson

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.store.database import Database
from annotator.store.migrations import TEXT_CRC32, applied
from annotator.store.rows import ParsedAttrs, document_from_row, load_attrs

#: Each status by its stored text (the table's CHECK allows no other).
_STATUS = {status.value: status for status in Status}


class _Ahead:
    """A cursor with its next row in view, read document by document (column 0)."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, document: str) -> list[tuple[Any, ...]]:
        """The rows of ``document``; rows of documents before it (none exist while the
        foreign keys hold) are passed over."""
        found: list[tuple[Any, ...]] = []
        row = self._next
        while row is not None and row[0] < document:
            row = next(self._rows, None)
        while row is not None and row[0] == document:
            found.append(row)
            row = next(self._rows, None)
        self._next = row
        return found


def sets_by_document(
    db: Database,
    statuses: Collection[Status],
    keep: Callable[[str], bool],
    relations: bool = True,
) -> Iterator[tuple[Document, list[AnnotationSet]]]:
    """Every document, ordered by id, with its sets whose status is in ``statuses`` and
    whose annotator ``keep`` accepts (sets ordered by annotator, spans by start, end, id).

    ``relations=False`` leaves every set's relations empty and skips reading them. The
    attribute dicts of spans with the same attribute text are one shared dict: read only.
    """
    marks = ",".join("?" * len(statuses))
    wanted = [status.value for status in statuses]
    # With the CRC32 of migration 0007 where the file has it: the texts are checked by it.
    crc = ", text_crc32" if TEXT_CRC32 in applied(db) else ""
    documents = db.execute(f"SELECT id, title, text, meta, sha256{crc} FROM documents ORDER BY id")
    sets = _Ahead(
        db.execute(
            "SELECT document, annotator, status, doc_attrs FROM annotation_sets "
            f"WHERE status IN ({marks}) ORDER BY document, annotator",
            wanted,
        )
    )
    # Joined to the counted sets, so spans of other layers (suggest:*, unfinished) are not
    # even read; both walk their (document, annotator, ...) index in order. Each set's spans
    # come as one JSON array (as the export reads them, see export_rows.py): one row per set
    # instead of one per span, in (start, end, id) order, the order spans_set_start gives.
    spans = _Ahead(
        db.execute(
            "SELECT a.document, a.annotator, json_group_array(json_array("
            's.id, s.name, s.start, s."end", s.label, s.attrs)) FROM annotation_sets a '
            "JOIN spans s INDEXED BY spans_set_start "
            "ON s.document = a.document AND s.annotator = a.annotator "
            f"WHERE a.status IN ({marks}) GROUP BY a.document, a.annotator "
            "ORDER BY a.document, a.annotator",
            wanted,
        )
    )
    links = _Ahead(
        db.execute(
            "SELECT s.document, r.id, r.label, r.head, r.child, s.annotator FROM relations r "
            "JOIN spans s ON s.id = r.head ORDER BY s.document, r.id"
        )
        if relations
        else iter(())
    )
    parsed = ParsedAttrs()
    for row in documents:
        document = document_from_row(row)
        did = document.id
        found: dict[str, AnnotationSet] = {}
        for _, name, status, doc_attrs in sets.take(did):
            if keep(name):
                given = load_attrs(doc_attrs)
                found[name] = AnnotationSet(
                    did, AnnotatorName(name), _STATUS[status], doc_attrs=given
                )
        for _, name, rows in spans.take(did):
            annotation_set = found.get(name)
            if annotation_set is None:
                continue
            annotator = annotation_set.annotator
            annotation_set.spans = [
                Span(sid, did, annotator, start, end, label, parsed[attrs], span_name)
                for sid, span_name, start, end, label, attrs in orjson.loads(rows)
            ]
        for _, rid, label, head, child, name in links.take(document.id):
            annotation_set = found.get(name)
            if annotation_set is not None:
                annotation_set.relations.append(
                    Relation(RelationId(rid), label, SpanId(head), SpanId(child))
                )
        yield document, list(found.values())
