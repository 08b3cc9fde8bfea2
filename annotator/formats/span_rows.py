"""The span table that Parquet and CSV share: one row per span, one column per attribute.

Columns: document, annotator, start, end, label, text, every span attribute of the schema
in schema order, and speaker (a SPEAKER's own canonical name; a QUOTE's, the name of the
SPEAKER it is attributed to, see :mod:`annotator.model.attribution`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, compress, repeat
from operator import attrgetter, getitem

from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document
from annotator.model.attribution import ATTRIBUTED_TO, quote_speakers
from annotator.model.schema import Attribute, Schema

FIXED_COLUMNS = ("document", "annotator", "start", "end", "label", "text")
SPEAKER = "speaker"

Value = str | int | float | None
Row = tuple[Value, ...]

_START = attrgetter("start")
_END = attrgetter("end")
_LABEL = attrgetter("label")
_ATTRS = attrgetter("attrs")
_SPANS = attrgetter("spans")


def span_attributes(schema: Schema) -> list[Attribute]:
    """One attribute per column name; a name defined for several labels is one column."""
    seen: dict[str, Attribute] = {}
    for attribute in schema.attributes:
        if not attribute.on_document:
            seen.setdefault(attribute.name, attribute)
    return list(seen.values())


class SpanTable:
    """Turns annotation sets into columns (or rows), counting what they cannot hold."""

    def __init__(self, schema: Schema) -> None:
        self.attributes = [a.name for a in span_attributes(schema)]
        names = self.attributes if SPEAKER in self.attributes else [*self.attributes, SPEAKER]
        self.columns: tuple[str, ...] = (*FIXED_COLUMNS, *names)
        self._known = set(self.attributes)
        self._names = names
        self._all_known = self._known.issuperset(names)

    def column_values(
        self, document: Document, annotation: AnnotationSet, summary: TransferSummary
    ) -> list[list[Value]]:
        """One list per column, in column order, with a value per span."""
        return self.batch_values([(document, annotation)], summary)

    def batch_values(
        self, sets: Sequence[tuple[Document, AnnotationSet]], summary: TransferSummary
    ) -> list[list[Value]]:
        """:meth:`column_values` of several sets at once, one after the other: each column
        is one loop in C over all their spans (a Python step per span and column, or per
        set, was most of a Parquet export)."""
        annotations = [annotation for _, annotation in sets]
        counts = list(map(len, map(_SPANS, annotations)))
        spans = list(chain.from_iterable(map(_SPANS, annotations)))
        attrs = list(map(_ATTRS, spans))
        starts = list(map(_START, spans))
        ends = list(map(_END, spans))
        texts = chain.from_iterable(map(repeat, [d.text for d, _ in sets], counts))
        out: list[list[Value]] = [
            _repeated([document.id for document, _ in sets], counts),
            _repeated([annotation.annotator for annotation in annotations], counts),
            starts,
            ends,
            list(map(_LABEL, spans)),
            list(map(getitem, texts, map(slice, starts, ends))),
        ]
        values = self._attribute_columns(attrs, summary)
        _add_quote_speakers(values[SPEAKER], annotations, summary)
        out += (values[name] for name in self._names)
        summary.spans += len(spans)
        return out

    def _attribute_columns(
        self, attrs: list[dict[str, AttrValue]], summary: TransferSummary
    ) -> dict[str, list[Value]]:
        """Column name -> each span's value of that attribute (None where unset); every
        attribute without a column is counted, once per span holding it."""
        count = len(attrs)
        values: dict[str, list[Value]] = {name: [None] * count for name in self._names}
        if self._all_known:
            # Where every column is a schema attribute, a name without a column stops the
            # loop (KeyError): it is looked for only then.
            try:
                _scatter(values, attrs)
                return values
            except KeyError:
                pass
        known = self._known
        unknown: set[str] = set()
        for held in attrs:
            if held and not held.keys() <= known:
                for name in held.keys() - known:
                    summary.lose(f"attribute {name}: not in the schema, so no column")
                    unknown.add(name)
        # Their values go to a list nobody reads.
        values.update(dict.fromkeys(unknown - values.keys(), [None] * count))
        _scatter(values, attrs)
        return values

    def rows(
        self, document: Document, annotation: AnnotationSet, summary: TransferSummary
    ) -> list[Row]:
        return list(zip(*self.column_values(document, annotation, summary), strict=True))


def _scatter(values: dict[str, list[Value]], attrs: list[dict[str, AttrValue]]) -> None:
    """Each attribute value put in its column's place: a step per value the spans hold, not
    one per span and column (most spans hold a few of the schema's attributes, or none)."""
    for at, held in compress(enumerate(attrs), attrs):
        for name, value in held.items():
            values[name][at] = value


def _repeated(values: list[Value], counts: list[int]) -> list[Value]:
    """Each value as many times as its count."""
    return list(chain.from_iterable(map(repeat, values, counts)))


def _add_quote_speakers(
    column: list[Value], annotations: list[AnnotationSet], summary: TransferSummary
) -> None:
    """``column`` (each span's own speaker attribute) with each QUOTE's speaker where the
    quote has none of its own; counts the ``attributed_to`` links carried and the other
    relations, which the table has no column for."""
    offset = 0
    for annotation in annotations:
        spans = annotation.spans
        if annotation.relations:
            speakers = quote_speakers(annotation)
            if speakers:
                column[offset : offset + len(spans)] = [
                    s.attrs.get(SPEAKER, speakers.get(s.id)) for s in spans
                ]
            for relation in annotation.relations:
                if relation.label == ATTRIBUTED_TO and relation.head in speakers:
                    summary.relations += 1
                elif relation.label == ATTRIBUTED_TO:
                    summary.lose("attributed_to: the SPEAKER has no speaker name for the column")
                else:
                    summary.lose(f"relation {relation.label}: the span table has no column for it")
        offset += len(spans)
