"""Krippendorff's unitizing alpha: the book's worked example, a hand-checked case, edge cases."""

from __future__ import annotations

from fractions import Fraction

import pytest

from annotator.agreement import agreement_report
from annotator.agreement.unitizing import category_terms, merge_units, overall_alpha
from annotator.model.annotation import Status

# Krippendorff (2004) "Content Analysis", 2nd ed., p. 254 (also DKPro Statistics'
# Krippendorff2004Test): a continuum of 300 positions starting at 150, two observers,
# categories c and k. Shifted here to start at 0.
BOOK_C = [[(75, 145), (220, 250)], [(70, 150), (205, 225), (250, 270)]]
BOOK_K = [[(30, 90), (150, 200)], [(30, 90), (150, 200)]]


def test_krippendorff_2004_worked_example():
    c = category_terms(BOOK_C, 300)
    k = category_terms(BOOK_K, 300)
    assert c is not None and k is not None
    assert round(float(c.observed), 4) == 0.0144
    assert round(float(c.expected), 4) == 0.0532
    assert round(c.alpha or 0, 4) == 0.7286
    assert c.observed == Fraction(13, 900)  # 2 * 650 / (2 * 1 * 300^2)
    assert k.observed == 0
    assert round(float(k.expected), 4) == 0.0490
    assert k.alpha == 1.0
    # The book's 0.8591 comes from the rounded terms: 1 - .0144 / (.0532 + .0490).
    overall = overall_alpha([c, k])
    assert overall is not None
    assert round(overall, 3) == 0.859
    assert overall == pytest.approx(1 - float(c.observed) / float(c.expected + k.expected))


def test_hand_checked_example():
    # r0: -11111111-   r1: --1-1-1---   (DKPro's UnitizingAgreementTest, checked by hand)
    # D_o: [1,9) overlaps [2,3), [4,5), [6,7): (1^2 + 6^2) + (3^2 + 4^2) + (5^2 + 2^2) = 91,
    #      times 2 over m(m-1) L^2 = 200: 0.91.
    # D_e: N_c = 4, gaps 1, 1, 2, 1, 1, 3. The unit of 8: 3 * 8*7*15/3 = 840, no gap >= 8;
    #      each unit of 1: 0 + sum of the gaps = 9. So 2/L * 867 / (20*19 - 56) = 0.53518...
    terms = category_terms([[(1, 9)], [(2, 3), (4, 5), (6, 7)]], 10)
    assert terms is not None
    assert terms.observed == Fraction(91, 100)
    assert terms.expected == Fraction(2 * 867, 10 * 324)
    assert round(terms.alpha or 0, 4) == -0.7003


def test_a_single_unit_of_one_of_three_coders_is_chance_level():
    terms = category_terms([[(0, 1)], [], []], 20)
    assert terms is not None
    assert terms.alpha == 0.0


def test_undefined_cases():
    assert category_terms([[], []], 10) is None  # nobody used the category
    assert category_terms([[(0, 5)]], 10) is None  # one coder
    assert category_terms([[], []], 0) is None
    assert overall_alpha([None, None]) is None


def test_merge_units_unions_overlaps_and_keeps_touching_spans_apart():
    assert merge_units([(5, 10), (0, 6), (10, 12), (20, 20)]) == [(0, 10), (10, 12)]
    assert merge_units([(0, 10), (2, 4)]) == [(0, 10)]


def test_report_perfect_agreement(quote_schema, make_set):
    spans = [(0, 10, "QUOTE"), (12, 20, "SPEAKER")]
    sets = [make_set("d1", name, spans) for name in "ABC"]
    unitizing = agreement_report(sets, quote_schema, lengths={"d1": 40})["unitizing_alpha"]
    assert unitizing == {"overall": 1.0, "labels": {"QUOTE": 1.0, "SPEAKER": 1.0, "CUE": None}}


def test_report_concatenates_documents_sorted_as_strings(quote_schema, make_set):
    # Documents "10" and "9" sorted as strings: "10" first, then "9" starting at 50.
    sets = [
        make_set("9", "A", [(75, 145, "QUOTE"), (220, 250, "QUOTE")]),
        make_set("9", "B", [(70, 150, "QUOTE"), (205, 225, "QUOTE"), (250, 270, "QUOTE")]),
        make_set("10", "A", []),
        make_set("10", "B", []),
    ]
    moved = [[(s + 50, e + 50) for s, e in coder] for coder in BOOK_C]
    expected = category_terms(moved, 350)
    assert expected is not None
    unitizing = agreement_report(sets, quote_schema, lengths={"9": 300, "10": 50})[
        "unitizing_alpha"
    ]
    assert unitizing["labels"]["QUOTE"] == pytest.approx(expected.alpha)
    assert unitizing["overall"] == pytest.approx(expected.alpha)


def test_report_uses_only_documents_every_annotator_covers(quote_schema, make_set):
    sets = [
        make_set("d1", "A", [(0, 10, "QUOTE")]),
        make_set("d1", "B", [(0, 10, "QUOTE")]),
        make_set("d2", "A", [(0, 10, "QUOTE")]),  # B has not finished d2: left out
        make_set("d2", "B", [(5, 8, "QUOTE")], status=Status.IN_PROGRESS),
    ]
    assert agreement_report(sets, quote_schema)["unitizing_alpha"]["labels"]["QUOTE"] == 1.0
    with_unfinished = agreement_report(sets, quote_schema, include_unfinished=True)
    assert with_unfinished["unitizing_alpha"]["labels"]["QUOTE"] < 1.0
    only_a = agreement_report(sets[2:3], quote_schema)
    assert only_a["unitizing_alpha"] == {
        "overall": None, "labels": {"QUOTE": None, "SPEAKER": None, "CUE": None},
    }  # fmt: skip


def test_report_merges_one_annotators_overlapping_spans(quote_schema, make_set):
    merged = [make_set("d", "A", [(0, 10, "QUOTE")]), make_set("d", "B", [(0, 10, "QUOTE")])]
    split = [
        make_set("d", "A", [(0, 6, "QUOTE"), (4, 10, "QUOTE")]),  # union [0, 10)
        make_set("d", "B", [(0, 10, "QUOTE")]),
    ]
    touching = [
        make_set("d", "A", [(0, 5, "QUOTE"), (5, 10, "QUOTE")]),  # two units
        make_set("d", "B", [(0, 10, "QUOTE")]),
    ]
    lengths = {"d": 30}

    def alpha(sets: list) -> float | None:
        return agreement_report(sets, quote_schema, lengths=lengths)["unitizing_alpha"]["overall"]

    assert alpha(merged) == alpha(split) == 1.0
    touching_alpha = alpha(touching)
    assert touching_alpha is not None and touching_alpha < 1.0


def test_report_without_lengths_ends_each_document_at_its_last_span(quote_schema, make_set):
    sets = [make_set("d", "A", [(0, 10, "QUOTE")]), make_set("d", "B", [(2, 10, "QUOTE")])]
    without = agreement_report(sets, quote_schema)["unitizing_alpha"]["labels"]["QUOTE"]
    terms = category_terms([[(0, 10)], [(2, 10)]], 10)
    assert terms is not None
    assert without == pytest.approx(terms.alpha)
