"""Link-mode candidates: allowed labels only, nearest first."""

from __future__ import annotations

from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.model.linking import candidates, previous_segment
from annotator.model.schema import Schema


def span(sid: int, start: int, end: int, label: str) -> Span:
    return Span(SpanId(sid), DocumentId("d"), AnnotatorName("a"), start, end, label)


def test_candidates_are_allowed_children_nearest_first(schema: Schema) -> None:
    quote = span(1, 100, 150, "QUOTE")
    spans = [
        quote,
        span(2, 10, 20, "SPEAKER"),
        span(3, 160, 170, "SPEAKER"),
        span(4, 90, 98, "SPEAKER"),
        span(5, 152, 156, "CUE"),
        span(6, 0, 5, "QUOTE"),
    ]
    attributed = schema.relation("attributed_to")
    assert attributed is not None
    assert [s.id for s in candidates(quote, attributed, spans)] == [4, 3, 2]
    cued = schema.relation("cued_by")
    assert cued is not None
    assert [s.id for s in candidates(quote, cued, spans)] == [5]


def test_previous_segment_is_the_nearest_earlier_quote() -> None:
    later = span(3, 60, 80, "QUOTE")
    spans = [span(1, 0, 10, "QUOTE"), span(2, 20, 40, "QUOTE"), span(4, 45, 50, "SPEAKER"), later]
    found = previous_segment(later, spans)
    assert found is not None and found.id == 2
    assert previous_segment(spans[0], spans) is None
