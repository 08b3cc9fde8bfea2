"""The span table that Parquet and CSV share: one row per span, one column per attribute.

Columns: document, annotator, start, end, label, text, every span attribute of the schema
in schema order, and speaker (a SPEAKER's own canonical name; a QUOTE's, the name of the
SPEAKER it is attributed to, see :mod:`annotator.model.attribution`).
"""

from __future__ import annotations

from operator import methodcaller

from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document
from annotator.model.attribution import ATTRIBUTED_TO, quote_speakers
from annotator.model.schema import Attribute, Schema

FIXED_COLUMNS = ("document", "annotator", "start", "end", "label", "text")
SPEAKER = "speaker"

Value = str | int | float | None
Row = tuple[Value, ...]


def span_attributes(schema: Schema) -> list[Attribute]:
    """One attribute per column name; a name defined for several labels is one column."""
    seen: dict[str, Attribute] = {}
    for attribute in schema.attributes:
        if not attribute.on_document:
            seen.setdefault(attribute.name, attribute)
    return list(seen.values())


class SpanTable:
    """Turns one annotation set into columns (or rows), counting what they cannot hold."""

    def __init__(self, schema: Schema) -> None:
        self.attributes = [a.name for a in span_attributes(schema)]
        names = self.attributes if SPEAKER in self.attributes else [*self.attributes, SPEAKER]
        self.columns: tuple[str, ...] = (*FIXED_COLUMNS, *names)
        self._known = set(self.attributes)

    def column_values(
        self, document: Document, annotation: AnnotationSet, summary: TransferSummary
    ) -> list[list[Value]]:
        """One list per column, in column order, with a value per span."""
        text = document.text
        spans = annotation.spans
        count = len(spans)
        speakers = quote_speakers(annotation)
        known = self._known
        for span in spans:
            if span.attrs and not span.attrs.keys() <= known:
                for name in span.attrs.keys() - known:
                    summary.lose(f"attribute {name}: not in the schema, so no column")
        # One comprehension per column: C-speed loops instead of a Python row per span.
        out: list[list[Value]] = [
            [document.id] * count,
            [annotation.annotator] * count,
            [s.start for s in spans],
            [s.end for s in spans],
            [s.label for s in spans],
            [text[s.start : s.end] for s in spans],
        ]
        attrs = [s.attrs for s in spans]
        for name in self.columns[len(FIXED_COLUMNS) :]:
            if name == SPEAKER:
                out.append([s.attrs.get(SPEAKER, speakers.get(s.id)) for s in spans])
            else:
                # map with a C callable: no Python step per span and column.
                out.append(list(map(methodcaller("get", name), attrs)))
        summary.spans += count
        for relation in annotation.relations:
            if relation.label == ATTRIBUTED_TO and relation.head in speakers:
                summary.relations += 1
            elif relation.label == ATTRIBUTED_TO:
                summary.lose("attributed_to: the SPEAKER has no speaker name for the column")
            else:
                summary.lose(f"relation {relation.label}: the span table has no column for it")
        return out

    def rows(
        self, document: Document, annotation: AnnotationSet, summary: TransferSummary
    ) -> list[Row]:
        return list(zip(*self.column_values(document, annotation, summary), strict=True))


def document_attribute_values(
    names: list[str], annotation: AnnotationSet | None
) -> list[AttrValue | None]:
    """The values of the named document attributes (None where unset)."""
    if annotation is None or not annotation.doc_attrs:
        return [None] * len(names)
    return [annotation.doc_attrs.get(name) for name in names]
