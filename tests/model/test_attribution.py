"""The one attribution rule: QUOTE -> SPEAKER mentions, with and without split quotes."""

from __future__ import annotations

from annotator.model import AnnotationSet, AnnotatorName, DocumentId, Relation, RelationId, Span
from annotator.model.attribution import quote_parts, quote_speakers, speaker_mentions
from annotator.model.ids import SpanId

DOC = DocumentId("d")
ME = AnnotatorName("alice")


def span(n: int, label: str, start: int, speaker: str = "") -> Span:
    attrs = {"speaker": speaker} if speaker else {}
    return Span(SpanId(n), DOC, ME, start, start + 5, label, attrs)


def rel(n: int, label: str, head: int, child: int) -> Relation:
    return Relation(RelationId(n), label, SpanId(head), SpanId(child))


def split_quote() -> AnnotationSet:
    """ "Part one," he said, "part two." "Part three." -- one link, on the first part."""
    spans = [
        span(1, "QUOTE", 0),
        span(2, "SPEAKER", 10, "Dmitry Peskov"),
        span(3, "QUOTE", 20),
        span(4, "QUOTE", 30),
        span(5, "QUOTE", 40),  # a quote of its own, never linked
    ]
    relations = [
        rel(1, "attributed_to", 1, 2),
        rel(2, "continues", 3, 1),
        rel(3, "continues", 4, 3),
    ]
    return AnnotationSet(DOC, ME, spans=spans, relations=relations)


def test_every_part_of_a_split_quote_has_the_speaker_of_the_whole_quote() -> None:
    found = speaker_mentions(split_quote())
    assert {q: [m.id for m in ms] for q, ms in found.items()} == {1: [2], 3: [2], 4: [2]}
    assert quote_speakers(split_quote()) == {
        1: "Dmitry Peskov",
        3: "Dmitry Peskov",
        4: "Dmitry Peskov",
    }


def test_links_read_as_drawn_do_not_follow_continues() -> None:
    assert quote_speakers(split_quote(), follow_continues=False) == {1: "Dmitry Peskov"}


def test_continues_drawn_either_way_joins_one_quote() -> None:
    annotation = split_quote()
    annotation.relations[1] = rel(2, "continues", 1, 3)  # the earlier part continuing the later
    assert set(speaker_mentions(annotation)) == {1, 3, 4}
    groups = quote_parts(annotation)
    assert len({groups[1], groups[3], groups[4]}) == 1


def test_a_part_with_its_own_speaker_keeps_it() -> None:
    annotation = split_quote()
    annotation.spans.append(span(6, "SPEAKER", 50, "Keith Kellogg"))
    annotation.relations.append(rel(4, "attributed_to", 4, 6))
    found = quote_speakers(annotation)
    assert found[4] == "Keith Kellogg"
    assert found[3] == "Dmitry Peskov + Keith Kellogg"  # an unlinked part: the whole quote's


def test_mentions_without_a_registry_name_are_linked_but_unnamed() -> None:
    annotation = split_quote()
    annotation.spans[1] = span(2, "SPEAKER", 10)
    assert set(speaker_mentions(annotation)) == {1, 3, 4}
    assert quote_speakers(annotation) == {}


def test_only_quote_to_speaker_links_count() -> None:
    annotation = split_quote()
    annotation.spans[1] = span(2, "CUE", 10, "Dmitry Peskov")
    assert speaker_mentions(annotation) == {}
