"""Which spans a relation may link to, nearest first: the candidates of link mode."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model.annotation import Relation, Span, SpanId
from annotator.model.schema import RelationType


def distance(a: Span, b: Span) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, b.start - a.end, a.start - b.end)


def candidates(head: Span, relation: RelationType, spans: Iterable[Span]) -> list[Span]:
    """Spans ``head`` may link to with ``relation``, nearest first (earlier first on ties)."""
    allowed = [s for s in spans if s.label in relation.child and s.id != head.id]
    return sorted(allowed, key=lambda s: (distance(head, s), s.start >= head.start, s.start))


def previous_segment(head: Span, spans: Iterable[Span]) -> Span | None:
    """The quote a split quote's later part continues: the nearest same-label span before it."""
    before = [s for s in spans if s.label == head.label and s.end <= head.start]
    return max(before, key=lambda s: (s.end, s.start), default=None)


def partners(span: SpanId, relations: Iterable[Relation]) -> set[SpanId]:
    """The spans linked to ``span`` by any relation, either way round."""
    return {r.child if r.head == span else r.head for r in relations if span in (r.head, r.child)}
