"""INCEpTION's own WebAnno TSV 3 test suite (tests/formats/data/peers/webanno_tsv, sources in its
README): each layer kind INCEpTION writes reads with the spans, labels and links it meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.formats.detect import detect_format
from annotator.formats.summary import TransferSummary
from annotator.formats.webanno_tsv import read_webanno_tsv
from annotator.model import AnnotationSet, Document

SUITE = Path(__file__).parent / "data" / "peers" / "webanno_tsv"


def _read(name: str, summary: TransferSummary | None = None) -> tuple[Document, AnnotationSet]:
    path = SUITE / f"{name}.tsv"
    assert detect_format(path) == "webanno-tsv"
    [(document, [annotation])] = read_webanno_tsv(path, summary)
    return document, annotation


def test_a_relation_layer_attached_to_tokens_gets_the_tokens_as_its_ends() -> None:
    # #T_RL=...|BT_...Token: the rows are the tokens, which no column declares
    summary = TransferSummary()
    document, annotation = _read("testSingleTokenRelationWithMultipleFeatureValues", summary)
    assert covered(document, annotation) == [("Token", "This"), ("Token", ".")]
    assert links(document, annotation) == {("nsubj", "This", ".")}
    assert summary.lost == {
        "relation feature boolValue (relations carry no attributes)": 1,
        "relation feature integerValue (relations carry no attributes)": 1,
    }


def test_a_dependency_joins_the_pos_tags_it_is_attached_to() -> None:
    document, annotation = _read("testDependencyWithValues")
    assert covered(document, annotation) == [("POS1", "This"), ("POS2", "is")]
    assert links(document, annotation) == {("Dependency", "This", "is")}


@pytest.mark.parametrize(
    ("name", "spans", "relations"),
    [
        (
            "sampleSlotAnnotation1",
            [("SimpleSlotHost", "This"), ("SimpleSpan", "is"), ("SimpleSpan", "a")],
            {("pr2", "This", "a"), ("pr1", "This", "is")},
        ),
        (
            "testSimpleCrossSenenceSlotFeature",
            [("SimpleLinkHost", "He"), ("SimpleSpan", "loves"), ("SimpleSpan", "him")],
            {("p1", "He", "loves"), ("p2", "He", "him")},
        ),
        (
            "testUnsetSlotFeature",
            [("FlexLinkHost", "This"), ("SimpleSpan", "is"), ("SimpleSpan", "a")],
            set(),
        ),
    ],
)
def test_slot_features_link_the_host_to_each_filler_by_role(
    name: str, spans: list[tuple[str, str]], relations: set[tuple[str, str, str]]
) -> None:
    document, annotation = _read(name)
    assert [s for s in covered(document, annotation) if s[0] != "SurfaceForm"] == spans
    assert links(document, annotation) == relations


def test_a_zero_width_slot_host_is_counted_with_its_links() -> None:
    summary = TransferSummary()
    document, annotation = _read("testZeroLengthSlotFeature1", summary)
    assert covered(document, annotation) == [("SimpleSpan", "is a")] * 2
    assert summary.lost == {
        "zero-width SimpleLinkHost annotation (nothing to mark)": 1,
        "p1 relation to a zero-width annotation": 1,
        "p2 relation to a zero-width annotation": 1,
    }


def test_stacked_sub_token_spans_keep_their_own_extents() -> None:
    summary = TransferSummary()
    document, annotation = _read("testStackedSubMultiTokenSpanWithFeatureValue", summary)
    found = covered(document, annotation)
    assert len(found) == 18
    for expected in [("1a", "aaaaaa"), ("7a", "aaaaaa bbb"), ("9b", "aaa bbbbbb ccc"), ("3a", "b")]:
        assert expected in found
    assert summary.lost == {"zero-width Span annotation (nothing to mark)": 6}


def test_bio_look_alike_values_stay_one_span_per_token() -> None:
    document, annotation = _read("testTokenBoundedBioLookAlike")
    assert covered(document, annotation) == [
        ("B-NOTBIO!", "This"),
        ("I-NOTBIO!", "is"),
        ("I-NOTBIO!", "a"),
        ("I-NOTBIO!", "test"),
        ("I-NOTBIO!", "."),
    ]


def test_a_sentence_with_a_line_break_keeps_it() -> None:
    document, annotation = _read("testSentenceWithLineBreak")
    assert document.text == "This is\na test .\n"
    assert covered(document, annotation) == [("Span", "This")]


@pytest.mark.parametrize(
    ("name", "text", "spans"),
    [
        ("testSentenceWithTab", "This is\ta test .\n", [("Span", "This")]),
        # the document starts with a space: the first token begins at 1
        ("testAnnotationWithLeadingWhitespaceAtStart", " one two\n", [("NamedEntity", "one")]),
        # "\_" is the value "_", not the empty column
        ("testTokenBoundedSpanWithUnderscoreFeatureValue", "This is a test .\n", [("_", "This")]),
    ],
)
def test_escapes_and_offsets_of_the_text_lines(
    name: str, text: str, spans: list[tuple[str, str]]
) -> None:
    document, annotation = _read(name)
    assert document.text == text
    assert covered(document, annotation)[: len(spans)] == spans


def test_a_zero_width_annotation_after_the_last_token_is_counted() -> None:
    summary = TransferSummary()
    path = SUITE / "testZeroWidthAnnotationBeyondLastTokenIsMovedToEndOfLastToken.tsv"
    [(document, sets)] = read_webanno_tsv(path, summary)
    assert (document.text, sets) == ("one two\n", [])
    assert summary.lost == {"zero-width NamedEntity annotation (nothing to mark)": 1}


@pytest.mark.parametrize(
    ("name", "spans"),
    [
        # one [1] over both sentences is one span, line break included
        (
            "testCrossSentenceSpanWithFeatureValue",
            [("PERSON", "He loves her .\nShe loves him not .")],
        ),
        # from inside the first token to inside the second: sub-token rows
        ("testSubMultiTokenSpanWithoutFeatureValue2", [("Span", "his i")]),
        # two spaces between the tokens, the span on the first only
        ("testAnnotationWithTrailingWhitespace", [("NamedEntity", "one")]),
        # an escaped [n] is part of the value, not a stack id
        (
            "testTokenBoundedStackedLookAlike",
            [(f"NOTSTACKED[{n}]", word) for n, word in enumerate(["This", "is", "a", "test", "."])],
        ),
    ],
)
def test_multi_token_and_look_alike_spans(name: str, spans: list[tuple[str, str]]) -> None:
    document, annotation = _read(name)
    assert covered(document, annotation) == spans
