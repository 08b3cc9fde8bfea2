"""Pairwise span precision, recall and F1 in the exact, overlap and overlap_any modes.

For a pair (A, B), names sorted, A is the reference: precision = TP/|B|, recall = TP/|A|.
A score whose denominator is empty is undefined (None); with one side empty F1 is 0, with
both empty everything is None.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.agreement.coverage import Coverage, pair_key
from annotator.agreement.span_match import (
    Extent,
    exact_matches,
    maximum_matching,
    overlap_edges,
)

MODES = ("exact", "overlap", "overlap_any")


@dataclass(slots=True)
class SpanCounts:
    """What one comparison found, summed over documents (and over labels for micro scores)."""

    size_a: int = 0
    size_b: int = 0
    tp: int = 0
    hits_a: int = 0
    hits_b: int = 0

    def add(self, other: SpanCounts) -> None:
        self.size_a += other.size_a
        self.size_b += other.size_b
        self.tp += other.tp
        self.hits_a += other.hits_a
        self.hits_b += other.hits_b

    def add_found(self, size_a: int, size_b: int, tp: int, hits_a: int, hits_b: int) -> None:
        """add() without building the other counts first (once per pair, label and mode)."""
        self.size_a += size_a
        self.size_b += size_b
        self.tp += tp
        self.hits_a += hits_a
        self.hits_b += hits_b


# counted[pair key][label][mode]: a pair's counts over the documents it shares.
PairCounts = dict[str, dict[str, dict[str, SpanCounts]]]


def span_scores(counts: SpanCounts, mode: str) -> dict[str, Any]:
    """Precision, recall, F1 and tp (or hits_a / hits_b for overlap_any) of one comparison."""
    a, b = counts.size_a, counts.size_b
    if mode == "overlap_any":
        recall = counts.hits_a / a if a else None
        precision = counts.hits_b / b if b else None
        if precision is None and recall is None:
            f1 = None
        elif precision is None or recall is None or precision + recall == 0:
            f1 = 0.0
        else:
            f1 = 2 * precision * recall / (precision + recall)
        return {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "tp": None,
            "hits_a": counts.hits_a,
            "hits_b": counts.hits_b,
        }
    return {
        "precision": counts.tp / b if b else None,
        "recall": counts.tp / a if a else None,
        "f1": 2 * counts.tp / (a + b) if a + b else None,
        "tp": counts.tp,
    }


def compare_spans(left: Sequence[Extent], right: Sequence[Extent]) -> dict[str, SpanCounts]:
    """Counts of every mode for two annotators' same-label spans in one document."""
    size_a, size_b = len(left), len(right)
    if not size_a or not size_b:
        return {mode: SpanCounts(size_a, size_b) for mode in MODES}
    edges = overlap_edges(left, right)
    return {
        "exact": SpanCounts(size_a, size_b, tp=exact_matches(left, right)),
        "overlap": SpanCounts(size_a, size_b, tp=maximum_matching(edges, size_a, size_b)),
        "overlap_any": SpanCounts(
            size_a, size_b, hits_a=len({i for i, _ in edges}), hits_b=len({j for _, j in edges})
        ),
    }


def span_section(coverage: Coverage, labels: Sequence[str]) -> dict[str, Any]:
    """The report's "spans" object: per mode, pairwise micro scores and per-label scores."""
    pairs = coverage.pairs
    counted: PairCounts = {}
    for first, second in pairs:
        totals = {label: {mode: SpanCounts() for mode in MODES} for label in labels}
        for document in coverage.shared(first, second):
            spans_a = coverage.labelled(document, first)
            spans_b = coverage.labelled(document, second)
            for label in spans_a.keys() | spans_b.keys():
                found = compare_spans(spans_a.get(label, ()), spans_b.get(label, ()))
                for mode, counts in totals[label].items():
                    counts.add(found[mode])
        counted[pair_key(first, second)] = totals
    return scored_section(counted, labels)


def scored_section(counted: PairCounts, labels: Sequence[str]) -> dict[str, Any]:
    """The "spans" object from each pair's counts (pairs in the report's order)."""
    return {mode: _mode_section(mode, counted, labels) for mode in MODES}


def _mode_section(mode: str, counted: PairCounts, labels: Sequence[str]) -> dict[str, Any]:
    pair_scores: dict[str, Any] = {}
    for key, by_label in counted.items():
        micro = SpanCounts()
        label_f1: list[float | None] = []
        for label in labels:
            counts = by_label[label][mode]
            micro.add(counts)
            if counts.size_a + counts.size_b:
                label_f1.append(span_scores(counts, mode)["f1"])
        pair_scores[key] = {**span_scores(micro, mode), "macro_f1": mean(label_f1)}
    label_scores: dict[str, Any] = {}
    for label in labels:
        scored = {key: _prf(span_scores(by[label][mode], mode)) for key, by in counted.items()}
        label_scores[label] = {
            "mean_pairwise_f1": mean(s["f1"] for s in scored.values()),
            "pairs": scored,
        }
    return {
        "mean_pairwise_micro_f1": mean(s["f1"] for s in pair_scores.values()),
        "pairs": pair_scores,
        "labels": label_scores,
    }


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the defined values; None when none is defined."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def _prf(scores: dict[str, Any]) -> dict[str, Any]:
    return {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1"]}
