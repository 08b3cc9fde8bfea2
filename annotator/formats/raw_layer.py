"""One peer annotation layer being read: spans with local ids, relations, split quotes."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)

CONTINUES = "continues"


class LayerBuilder:
    """Collects what a reader finds for one (document, annotator) and builds the raw set.

    Span ids are local (1..n); ``name`` keeps the peer's own id for messages.
    """

    def __init__(self, document: DocumentId, annotator: str) -> None:
        self.document = document
        self.annotator = AnnotatorName(annotator)
        self.spans: list[Span] = []
        self.relations: list[Relation] = []
        self.doc_attrs: dict[str, AttrValue] = {}

    def span(
        self,
        start: int,
        end: int,
        label: str,
        attrs: dict[str, AttrValue] | None = None,
        name: str = "",
    ) -> SpanId:
        span_id = SpanId(len(self.spans) + 1)
        self.spans.append(
            Span(
                span_id,
                self.document,
                self.annotator,
                start,
                end,
                label,
                dict(attrs or {}),
                name or f"T{span_id}",
            )
        )
        return span_id

    def relate(self, label: str, head: SpanId, child: SpanId) -> None:
        self.relations.append(Relation(RelationId(len(self.relations) + 1), label, head, child))

    def parts(
        self,
        fragments: Sequence[tuple[int, int]],
        label: str,
        attrs: dict[str, AttrValue] | None = None,
        name: str = "",
    ) -> list[SpanId]:
        """A discontinuous span: one span per fragment, each later one ``continues`` the one
        before it. The attributes go on the first part (where the window shows them)."""
        ids: list[SpanId] = []
        for index, (start, end) in enumerate(fragments):
            part_name = name if index == 0 or not name else f"{name}.{index + 1}"
            span_id = self.span(start, end, label, attrs if index == 0 else None, part_name)
            if ids:
                self.relate(CONTINUES, span_id, ids[-1])
            ids.append(span_id)
        return ids

    def attrs_of(self, span: SpanId) -> dict[str, AttrValue]:
        return self.spans[span - 1].attrs

    def build(self) -> AnnotationSet:
        return AnnotationSet(
            self.document,
            self.annotator,
            spans=self.spans,
            relations=self.relations,
            doc_attrs=self.doc_attrs,
        )


def unique_id(base: str, seen: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... when an earlier document took it; remembers it."""
    candidate = base or "document"
    number = 1
    while candidate in seen:
        number += 1
        candidate = f"{base or 'document'}-{number}"
    seen.add(candidate)
    return candidate


def first_line(text: str) -> str:
    """The title the plain-text importer would give: the first non-empty line."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def textless(text: str) -> bool:
    """Whether a record's text holds nothing to annotate: every reader skips such a record
    (``TransferSummary.skip_textless``) instead of storing an empty document."""
    return not text.strip()


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def offsets_problem(start: object, end: object, length: int) -> str | None:
    """Why ``[start, end)`` cannot be a span of a text of ``length`` code points, or None.
    An empty range (start = end) passes: readers skip and count those."""
    if not is_int(start) or not is_int(end):
        return f"offsets {start!r} and {end!r} must be whole numbers"
    assert isinstance(start, int) and isinstance(end, int)
    if start < 0 or end > length:
        return f"[{start}, {end}) lies outside the text of {length} characters"
    if end < start:
        return f"end {end} comes before start {start}"
    return None


def scalar(value: object) -> AttrValue | None:
    """A peer value as an attribute value: strings and numbers as they are, true/false as
    "true"/"false", anything else None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return value
    return None
