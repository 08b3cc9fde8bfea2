"""Datasets of one row per quote (stance, claims): which spans become rows, with what context.

A span becomes a row when it carries the dataset's key attribute (``stance``, ``claim_type``);
everything else the layer holds is counted in the summary by reason: spans that make no row,
attributes and relations the row has no field for, document attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from annotator.errors import AnnotatorError
from annotator.formats.layer import Layer, Output, binary_output
from annotator.formats.summary import TransferSummary
from annotator.formats.tokens import SentenceIndex
from annotator.model import Document, Span, SpanId
from annotator.model.attribution import ATTRIBUTED_TO, quote_speakers
from annotator.model.schema import Schema

Context = Literal["sentence", "paragraph"]


@dataclass(frozen=True, slots=True)
class Quote:
    """What a row is made from."""

    document: Document
    span: Span
    text: str
    context: str
    speaker: str | None


def require(schema: Schema, key: str, dataset: str) -> None:
    """Refuse a schema without the dataset's key attribute: every export would be empty."""
    if not any(a.name == key and not a.on_document for a in schema.attributes):
        raise AnnotatorError(
            f'the {dataset} export needs a span attribute "{key}", and the schema '
            f'"{schema.name}" has none'
        )


def quotes(
    items: Layer,
    summary: TransferSummary,
    *,
    dataset: str,
    key: str,
    fields: Collection[str],
    context: Context = "sentence",
) -> Iterator[Quote]:
    """Every span with attribute ``key``, with its context: the sentences it touches (or, for
    ``paragraph``, the lines). ``fields`` are the attributes the row carries."""
    for document, annotation in items:
        summary.documents += 1
        if annotation is None:
            continue
        speakers = quote_speakers(annotation)
        index: SentenceIndex | None = None
        rows: set[SpanId] = set()
        for span in annotation.spans:
            if key not in span.attrs:
                summary.lose(f"{span.label} span without {key}: no row in {dataset}")
                continue
            if index is None:
                # Only documents with a row pay for sentence splitting.
                index = SentenceIndex(document.text, paragraphs=context == "paragraph")
            for name in span.attrs.keys() - fields:
                summary.lose(f"attribute {name}: no field in {dataset}")
            rows.add(span.id)
            summary.spans += 1
            yield Quote(
                document,
                span,
                document.text[span.start : span.end],
                index.around(span.start, span.end),
                speakers.get(span.id),
            )
        for relation in annotation.relations:
            if relation.head not in rows:
                summary.lose(f"relation {relation.label}: its head makes no row in {dataset}")
            elif relation.label != ATTRIBUTED_TO:
                summary.lose(f"relation {relation.label}: no field in {dataset}")
            elif relation.head in speakers:
                summary.relations += 1
            else:
                summary.lose("attributed_to: the SPEAKER has no speaker name for the row")
        for name in annotation.doc_attrs:
            summary.lose(f"document attribute {name}: no field in {dataset}")


def write_rows(out: Output, rows: Iterator[Quote], row: Callable[[Quote], dict[str, Any]]) -> None:
    """One JSON object per line, written in batches as the rows come."""
    with binary_output(out) as stream:
        batch: list[bytes] = []
        for quote in rows:
            batch.append(orjson.dumps(row(quote), option=orjson.OPT_APPEND_NEWLINE))
            if len(batch) >= 1000:
                stream.write(b"".join(batch))
                batch = []
        stream.write(b"".join(batch))
