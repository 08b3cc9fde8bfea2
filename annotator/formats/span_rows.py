"""The span table that Parquet and CSV share: one row per span, one column per attribute.

Columns: document, annotator, start, end, label, text, every span attribute of the schema
in schema order, and speaker (a SPEAKER's own canonical name; a QUOTE's, the name of the
SPEAKER it is attributed to, see :mod:`annotator.formats.quote_speaker`).
"""

from __future__ import annotations

from annotator.formats.quote_speaker import ATTRIBUTED_TO, quote_speakers
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document
from annotator.model.schema import Attribute, Schema

FIXED_COLUMNS = ("document", "annotator", "start", "end", "label", "text")
SPEAKER = "speaker"

Row = tuple[str | int | float | None, ...]


def span_attributes(schema: Schema) -> list[Attribute]:
    """One attribute per column name; a name defined for several labels is one column."""
    seen: dict[str, Attribute] = {}
    for attribute in schema.attributes:
        if not attribute.on_document:
            seen.setdefault(attribute.name, attribute)
    return list(seen.values())


class SpanTable:
    """Turns one annotation set into rows, counting what the rows cannot hold."""

    def __init__(self, schema: Schema) -> None:
        self.attributes = [a.name for a in span_attributes(schema)]
        names = self.attributes if SPEAKER in self.attributes else [*self.attributes, SPEAKER]
        self.columns: tuple[str, ...] = (*FIXED_COLUMNS, *names)
        self._known = set(self.attributes)
        self._speaker_at = self.columns.index(SPEAKER)
        self._attribute_at = [self.columns.index(name) for name in self.attributes]

    def rows(
        self, document: Document, annotation: AnnotationSet, summary: TransferSummary
    ) -> list[Row]:
        text = document.text
        speakers = quote_speakers(annotation)
        width = len(self.columns)
        fixed = len(FIXED_COLUMNS)
        positions = dict(zip(self.attributes, self._attribute_at, strict=True))
        out: list[Row] = []
        for span in annotation.spans:
            row: list[str | int | float | None] = [None] * width
            row[:fixed] = (
                document.id,
                annotation.annotator,
                span.start,
                span.end,
                span.label,
                text[span.start : span.end],
            )
            for name, value in span.attrs.items():
                at = positions.get(name)
                if at is None:
                    summary.lose(f"attribute {name}: not in the schema, so no column")
                else:
                    row[at] = value
            if row[self._speaker_at] is None and span.id in speakers:
                row[self._speaker_at] = speakers[span.id]
            out.append(tuple(row))
        summary.spans += len(out)
        for relation in annotation.relations:
            if relation.label == ATTRIBUTED_TO and relation.head in speakers:
                summary.relations += 1
            elif relation.label == ATTRIBUTED_TO:
                summary.lose("attributed_to: the SPEAKER has no speaker name for the column")
            else:
                summary.lose(f"relation {relation.label}: the span table has no column for it")
        return out


def document_attribute_values(
    schema: Schema, annotation: AnnotationSet | None
) -> dict[str, AttrValue | None]:
    """Document attribute name -> value (None where unset), for every one of the schema."""
    values = annotation.doc_attrs if annotation is not None else {}
    return {a.name: values.get(a.name) for a in schema.document_attributes}
