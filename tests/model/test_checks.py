"""The problems list: schema requirements and the quote scheme's own checks."""

from __future__ import annotations

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)
from annotator.model.checks import problem_count, problems
from annotator.model.schema import Schema

TEXT = "“X,” he said, “Y.” Officials confirmed it."
D, A = DocumentId("d"), AnnotatorName("a")


def span(sid: int, part: str, label: str, nth: int = 0, **attrs: str) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return Span(SpanId(sid), D, A, start, start + len(part), label, dict(attrs))


def rel(rid: int, label: str, head: int, child: int) -> Relation:
    return Relation(RelationId(rid), label, SpanId(head), SpanId(child))


def messages(annotation: AnnotationSet, schema: Schema) -> list[str]:
    found = [p.message for p in problems(annotation, schema, TEXT)]
    # The tab title's count, taken without writing the messages, is the list's length.
    assert problem_count(annotation, schema) == len(found)
    return found


def test_split_quote_joined_by_continues_needs_one_speaker(schema: Schema) -> None:
    spans = [
        span(1, "“X,”", "QUOTE"),
        span(2, "he", "SPEAKER"),
        span(3, "said", "CUE"),
        span(4, "“Y.”", "QUOTE"),
    ]
    linked = AnnotationSet(
        D,
        A,
        spans=spans,
        relations=[
            rel(1, "attributed_to", 1, 2),
            rel(2, "cued_by", 1, 3),
            rel(3, "continues", 4, 1),
        ],
    )
    assert messages(linked, schema) == []
    unjoined = AnnotationSet(
        D, A, spans=spans, relations=[rel(1, "attributed_to", 1, 2), rel(2, "cued_by", 1, 3)]
    )
    assert messages(unjoined, schema) == ["QUOTE “Y.” [14–18] has no speaker (attributed_to)"]


def test_unlinked_cue_and_stance_without_target(schema: Schema) -> None:
    annotation = AnnotationSet(
        D,
        A,
        spans=[
            span(1, "“X,”", "QUOTE", stance="favor"),
            span(2, "he", "SPEAKER"),
            span(3, "confirmed", "CUE"),
        ],
        relations=[rel(1, "attributed_to", 1, 2)],
    )
    assert messages(annotation, schema) == [
        "QUOTE “X,” [0–4] has a stance but no target",
        "CUE “confirmed” [29–38] is not linked to a quote",
    ]


def test_stance_none_needs_no_target(schema: Schema) -> None:
    annotation = AnnotationSet(
        D,
        A,
        spans=[span(1, "“X,”", "QUOTE", stance="none"), span(2, "he", "SPEAKER")],
        relations=[rel(1, "attributed_to", 1, 2)],
    )
    assert messages(annotation, schema) == []
