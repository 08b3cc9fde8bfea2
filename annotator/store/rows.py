"""Conversions between table rows and model dataclasses (JSON columns included)."""

from __future__ import annotations

from typing import Any

import orjson

from annotator.model import (
    AnnotatorName,
    AttrValue,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)

SPAN_COLUMNS = 'id, document, annotator, name, start, "end", label, attrs'


def dump_json(value: dict[str, Any]) -> str:
    # Sorted keys: the same content always gives the same bytes, so exports are stable.
    if not value:
        return "{}"
    if len(value) == 1:
        return orjson.dumps(value).decode()
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def load_attrs(text: str) -> dict[str, AttrValue]:
    if text == "{}":
        return {}
    value = orjson.loads(text)
    assert isinstance(value, dict)
    return value


def grouped_spans(columns: str, marks: str, who: str) -> str:
    """The query of a batch's spans, one row per set: (document, annotator, span count, a
    JSON array of ``[columns...]`` per span), spans in (start, end, id) order; ``marks`` the
    documents' placeholders, ``who`` an optional ``AND annotator = ?``.

    Fetched as table rows, each span cost a column read per value through the sqlite3 module
    (each taking SQLite's mutex and the GIL); SQLite gathering them into one JSON text that
    orjson parses takes about a third fewer instructions. The aggregate takes the rows in
    the order the index gives them: spans_set_start is (document, annotator, start, "end")
    with the rowid (the id) after them (INDEXED BY: spans_set_name would group them too, in
    name order)."""
    return (
        f"SELECT document, annotator, count(*), json_group_array(json_array({columns})) "
        f"FROM spans INDEXED BY spans_set_start WHERE document IN ({marks}){who} "
        "GROUP BY document, annotator"
    )


#: Distinct attribute texts kept parsed during one read (free text makes each one new).
PARSED_KEPT = 10_000


class ParsedAttrs(dict[str, dict[str, AttrValue]]):
    """Attribute texts parsed once each, ``parsed[text]``: most spans of a read share a few
    texts. Holds at most PARSED_KEPT (then starts again). Spans given one of its dicts share
    it: read only."""

    def __missing__(self, text: str) -> dict[str, AttrValue]:
        if len(self) >= PARSED_KEPT:
            self.clear()
        value = self[text] = load_attrs(text)
        return value


def span_from_row(row: tuple[Any, ...]) -> Span:
    sid, document, annotator, name, start, end, label, attrs = row
    return Span(
        id=SpanId(sid),
        document=DocumentId(document),
        annotator=AnnotatorName(annotator),
        start=start,
        end=end,
        label=label,
        attrs=load_attrs(attrs),
        name=name,
    )


def span_to_row(span: Span) -> tuple[Any, ...]:
    return (
        span.id,
        span.document,
        span.annotator,
        span.name,
        span.start,
        span.end,
        span.label,
        dump_json(span.attrs),
    )


def relation_from_row(row: tuple[Any, ...]) -> Relation:
    rid, label, head, child = row
    return Relation(RelationId(rid), label, SpanId(head), SpanId(child))


def document_from_row(row: tuple[Any, ...]) -> Document:
    """A document from (id, title, text, meta, sha256[, crc32])."""
    did, title, text, meta, sha256, *crc = row
    return Document(DocumentId(did), text, title, orjson.loads(meta), sha256, *crc)
