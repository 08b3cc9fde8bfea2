"""The scorer of issue 13: half-and-half overlap, one-to-one, joined parts, per-type counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)
from annotator.suggest.evaluate import evaluate, main, render

TEXT = "x" * 200
DOC = Document(DocumentId("d"), TEXT)


class Builder:
    def __init__(self) -> None:
        self.set = AnnotationSet(DOC.id, AnnotatorName("a"))

    def span(self, start: int, end: int, label: str, **attrs: str) -> SpanId:
        sid = SpanId(len(self.set.spans) + 1)
        self.set.spans.append(Span(sid, DOC.id, self.set.annotator, start, end, label, attrs))
        return sid

    def quote(self, start: int, end: int, kind: str = "direct") -> SpanId:
        return self.span(start, end, "QUOTE", quote_type=kind)

    def link(self, label: str, head: SpanId, child: SpanId) -> None:
        rid = RelationId(len(self.set.relations) + 1)
        self.set.relations.append(Relation(rid, label, head, child))


def score(gold: Builder, predicted: Builder):
    return evaluate([(DOC, gold.set, predicted.set)])


def test_a_match_needs_half_of_the_gold_and_half_of_the_prediction() -> None:
    gold, predicted = Builder(), Builder()
    gold.quote(0, 100)
    predicted.quote(40, 120)  # covers 60% of the gold, 75% of itself
    assert score(gold, predicted).by_type["all"].matched_gold == 1
    gold, predicted = Builder(), Builder()
    gold.quote(0, 40)
    predicted.quote(0, 100)  # covers all of the gold but only 40% of itself
    result = score(gold, predicted).by_type["all"]
    assert (result.matched_gold, result.precision, result.recall) == (0, 0.0, 0.0)


def test_matching_is_one_to_one_best_overlap_first() -> None:
    gold, predicted = Builder(), Builder()
    gold.quote(0, 100)
    predicted.quote(0, 60)
    predicted.quote(10, 100)  # the better one takes the gold quote
    result = score(gold, predicted).by_type["all"]
    assert (result.gold, result.predicted, result.matched_gold, result.matched_predicted) == (
        1,
        2,
        1,
        1,
    )
    assert result.precision == 0.5 and result.recall == 1.0


def test_continues_joins_parts_into_one_quote() -> None:
    gold, predicted = Builder(), Builder()
    first, second = gold.quote(0, 40), gold.quote(60, 100)
    gold.link("continues", second, first)
    predicted.quote(0, 40)  # half of the joined gold quote (40 of 80)
    result = score(gold, predicted).by_type["all"]
    assert (result.gold, result.matched_gold) == (1, 1)
    predicted = Builder()
    a, b = predicted.quote(0, 40), predicted.quote(60, 100)
    predicted.link("continues", b, a)
    result = score(gold, predicted).by_type["all"]
    assert (result.predicted, result.matched_predicted, result.f1) == (1, 1, 1.0)


def test_precision_by_predicted_type_recall_by_gold_type() -> None:
    gold, predicted = Builder(), Builder()
    gold.quote(0, 50, "mixed")
    predicted.quote(0, 50, "direct")
    result = score(gold, predicted)
    assert result.by_type["mixed"].recall == 1.0 and result.by_type["mixed"].predicted == 0
    assert result.by_type["direct"].precision == 1.0 and result.by_type["direct"].gold == 0


def test_speaker_accuracy_by_overlap_or_canonical_name() -> None:
    gold, predicted = Builder(), Builder()
    for start in (0, 50, 100):
        q = gold.quote(start, start + 30)
        gold.link(
            "attributed_to", q, gold.span(start + 30, start + 40, "SPEAKER", speaker="Ann Lee")
        )
    q = predicted.quote(0, 30)
    predicted.link("attributed_to", q, predicted.span(35, 38, "SPEAKER"))  # overlaps
    q = predicted.quote(50, 80)
    predicted.link("attributed_to", q, predicted.span(0, 3, "SPEAKER", speaker="ann lee"))  # name
    q = predicted.quote(100, 130)
    predicted.link("attributed_to", q, predicted.span(0, 3, "SPEAKER", speaker="Bob"))  # wrong
    result = score(gold, predicted)
    assert (result.speaker_correct, result.speaker_total) == (2, 3)


def test_cue_accuracy_counts_matched_quotes_whose_gold_has_a_cue() -> None:
    gold, predicted = Builder(), Builder()
    q = gold.quote(0, 30)
    gold.link("cued_by", q, gold.span(31, 35, "CUE"))
    gold.quote(50, 80)  # no cue: not counted
    q = predicted.quote(0, 30)
    predicted.link("cued_by", q, predicted.span(31, 35, "CUE"))
    predicted.quote(50, 80)
    result = score(gold, predicted)
    assert (result.cue_correct, result.cue_total, result.cue_accuracy) == (1, 1, 1.0)


def test_render_is_a_plain_table() -> None:
    gold, predicted = Builder(), Builder()
    gold.quote(0, 50, "indirect")
    predicted.quote(0, 50, "indirect")
    table = render(score(gold, predicted))
    assert table.splitlines()[0].split() == ["quotes", "gold", "pred", "P", "R", "F1"]
    assert "indirect       1     1    1.00    1.00    1.00" in table


def test_command_line_scores_a_gold_file(capsys: pytest.CaptureFixture[str]) -> None:
    gold = Path(__file__).parent / "data" / "gold.jsonl"
    assert main([str(gold), "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "documents        134" in out and out.startswith("quotes")


def test_command_line_reports_bad_input_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a", "text": "t", "annotator": "g", "spans": [{"start": 0}]}\n')
    assert main([str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}, line 1: ") and err.count("\n") == 1
