"""Span precision/recall/F1 in the exact, overlap and overlap_any modes, computed by hand."""

from __future__ import annotations

from itertools import permutations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import agreement_report
from annotator.agreement.span_f1 import SpanCounts, compare_spans, span_scores
from annotator.agreement.span_match import exact_matches, maximum_matching, overlap_edges
from annotator.model.annotation import Span
from annotator.model.ids import AnnotatorName, DocumentId, SpanId


def spans(*ranges: tuple[int, int]) -> list[Span]:
    made = [
        Span(SpanId(i), DocumentId("d"), AnnotatorName("x"), s, e, "QUOTE")
        for i, (s, e) in enumerate(ranges)
    ]
    return sorted(made, key=lambda s: (s.start, s.end))


def scores(left: list[Span], right: list[Span], mode: str) -> dict:
    return span_scores(compare_spans(left, right)[mode], mode)


def test_exact_counts_the_multiset_intersection():
    a = spans((0, 5), (0, 5), (10, 20))
    b = spans((0, 5), (10, 21))
    assert exact_matches(a, b) == 1
    assert scores(a, b, "exact") == {
        "precision": 0.5, "recall": pytest.approx(1 / 3), "f1": pytest.approx(2 / 5), "tp": 1,
    }  # fmt: skip
    assert exact_matches(a, spans((0, 5), (0, 5))) == 2


def test_touching_spans_do_not_overlap():
    a = spans((0, 5))
    b = spans((5, 10))
    assert overlap_edges(a, b) == []
    assert scores(a, b, "overlap")["tp"] == 0
    assert scores(a, b, "overlap_any")["f1"] == 0.0


def test_overlap_needs_a_maximum_matching_not_a_greedy_one():
    # A greedy left-to-right matcher pairs a1=[0,10) with b1=[2,10) (it starts first) and then
    # finds nothing for a2=[9,20). The maximum matching is a1-b2, a2-b1.
    a = spans((0, 10), (9, 20))
    b = spans((2, 10), (3, 5))
    edges = overlap_edges(a, b)
    assert sorted(edges) == [(0, 0), (0, 1), (1, 0)]
    assert maximum_matching(edges, 2, 2) == 2
    assert scores(a, b, "overlap") == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2}


def test_overlap_is_one_to_one():
    # One long span covering two short ones matches only one of them.
    a = spans((0, 100))
    b = spans((0, 10), (50, 60))
    assert scores(a, b, "overlap") == {
        "precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3), "tp": 1,
    }  # fmt: skip
    # ...while overlap_any counts every span that overlaps anything.
    assert scores(a, b, "overlap_any") == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": None, "hits_a": 1, "hits_b": 2,
    }  # fmt: skip


def test_overlap_any_precision_and_recall_are_separate_shares():
    a = spans((0, 10), (20, 30), (40, 50))
    b = spans((5, 25), (60, 70))
    found = scores(a, b, "overlap_any")
    assert (found["hits_a"], found["hits_b"]) == (2, 1)
    assert found["recall"] == pytest.approx(2 / 3)
    assert found["precision"] == 0.5
    assert found["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


@pytest.mark.parametrize("mode", ["exact", "overlap", "overlap_any"])
def test_one_side_empty_gives_f1_zero_and_an_undefined_side(mode):
    only_a = span_scores(SpanCounts(size_a=3, size_b=0), mode)
    assert (only_a["precision"], only_a["recall"], only_a["f1"]) == (None, 0.0, 0.0)
    only_b = span_scores(SpanCounts(size_a=0, size_b=2), mode)
    assert (only_b["precision"], only_b["recall"], only_b["f1"]) == (0.0, None, 0.0)


@pytest.mark.parametrize("mode", ["exact", "overlap", "overlap_any"])
def test_both_sides_empty_is_undefined(mode):
    found = span_scores(SpanCounts(), mode)
    assert (found["precision"], found["recall"], found["f1"]) == (None, None, None)
    assert found["tp"] == (None if mode == "overlap_any" else 0)


def intervals() -> st.SearchStrategy[list[tuple[int, int]]]:
    bounds = st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1]))
    return st.lists(bounds, max_size=7)


@settings(max_examples=150, deadline=None)
@given(intervals(), intervals())
def test_overlap_edges_and_matching_agree_with_brute_force(left_ranges, right_ranges):
    left, right = spans(*left_ranges), spans(*right_ranges)
    brute = {(i, j) for i, a in enumerate(left) for j, b in enumerate(right) if a.overlaps(b)}
    edges = overlap_edges(left, right)
    assert len(edges) == len(brute)
    assert set(edges) == brute
    best = 0
    small, large, flip = (left, right, False) if len(left) <= len(right) else (right, left, True)
    for chosen in permutations(range(len(large)), len(small)):
        matched = sum(((j, i) if flip else (i, j)) in brute for i, j in enumerate(chosen))
        best = max(best, matched)
    assert maximum_matching(edges, len(left), len(right)) == best


def test_pairs_labels_micro_macro_and_mean(quote_schema, make_set):
    sets = [
        make_set("d1", "A", [(0, 10, "QUOTE"), (20, 25, "SPEAKER")]),
        make_set("d1", "B", [(0, 10, "QUOTE"), (21, 25, "SPEAKER"), (30, 40, "CUE")]),
        make_set("d2", "A", [(0, 5, "QUOTE")]),
        make_set("d2", "C", [(0, 5, "QUOTE")]),
        make_set("d3", "B", [(0, 5, "QUOTE")]),  # B alone: compared with nobody
    ]
    exact = agreement_report(sets, quote_schema)["spans"]["exact"]
    # A|B share d1 only: QUOTE matches, SPEAKER does not, CUE only in B.
    assert exact["pairs"]["A|B"] == {
        "precision": pytest.approx(1 / 3), "recall": 0.5, "f1": pytest.approx(2 / 5), "tp": 1,
        "macro_f1": pytest.approx((1.0 + 0.0 + 0.0) / 3),
    }  # fmt: skip
    assert exact["pairs"]["A|C"]["f1"] == 1.0
    assert "B|C" not in exact["pairs"]  # they share no document
    assert exact["mean_pairwise_micro_f1"] == pytest.approx((0.4 + 1.0) / 2)
    assert list(exact["labels"]) == ["QUOTE", "SPEAKER", "CUE"]
    assert exact["labels"]["QUOTE"]["mean_pairwise_f1"] == 1.0
    assert exact["labels"]["SPEAKER"]["pairs"]["A|C"] == {
        "precision": None, "recall": None, "f1": None,
    }  # fmt: skip
    assert exact["labels"]["SPEAKER"]["mean_pairwise_f1"] == 0.0  # the undefined A|C is skipped
    overlap = agreement_report(sets, quote_schema)["spans"]["overlap"]
    assert overlap["pairs"]["A|B"]["tp"] == 2


def test_pair_scores_take_a_as_reference(quote_schema, make_set):
    sets = [
        make_set("d1", "zoe", [(0, 5, "QUOTE")]),
        make_set("d1", "adam", [(0, 5, "QUOTE"), (10, 15, "QUOTE")]),
    ]
    pair = agreement_report(sets, quote_schema)["spans"]["exact"]["pairs"]["adam|zoe"]
    # adam is A (names sorted): recall = TP/|A| = 1/2, precision = TP/|B| = 1/1.
    assert (pair["precision"], pair["recall"]) == (1.0, 0.5)
