"""Krippendorff's unitizing alpha (alpha_U) over discrete character positions.

Follows Krippendorff, "Content Analysis" (2004, sec. 11.6), as DKPro Statistics'
KrippendorffAlphaUnitizingAgreement computes it: per category, each coder's continuum is cut
into units of that category and gaps. Observed disagreement sums, over pairs of coders, the
squared boundary differences of overlapping units plus the squared length of a unit that lies
inside the other coder's gap. Overall alpha_U = 1 - sum_c D_o^c / sum_c D_e^c.
Everything is integer arithmetic until the final division, so results are exact.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from typing import Any

from annotator.agreement.coverage import Coverage
from annotator.model.annotation import Span

Interval = tuple[int, int]


@dataclass(frozen=True, slots=True)
class UnitizingTerms:
    """Observed and expected disagreement of one category."""

    observed: Fraction
    expected: Fraction

    @property
    def alpha(self) -> float | None:
        return float(1 - self.observed / self.expected) if self.expected else None


def merge_units(intervals: Iterable[Interval]) -> list[Interval]:
    """One coder's units: overlapping intervals merged into their union, touching ones kept apart.

    Empty intervals cover no position and are dropped.
    """
    merged: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def category_terms(coders: Sequence[Sequence[Interval]], length: int) -> UnitizingTerms | None:
    """D_o and D_e of one category; ``coders[r]`` is coder r's merged, sorted units in [0, length).

    None when the category cannot be measured: fewer than two coders, an empty continuum, or
    no unit of the category at all.
    """
    lengths = Counter(end - start for units in coders for start, end in units)
    if len(coders) < 2 or length <= 0 or not lengths:
        return None
    observed = sum(pair_disagreement(a, b) for a, b in combinations(coders, 2))
    gaps = Counter(g for units in coders for g in _gaps(units, length))
    return counted_terms(len(coders), length, observed, lengths, gaps)


def counted_terms(
    m: int, length: int, observed: int, lengths: Counter[int], gaps: Counter[int]
) -> UnitizingTerms | None:
    """D_o and D_e of one category from its sums: ``m`` coders over a continuum of
    ``length``, the summed pair disagreement, and how many units and gaps have each length.

    Every term is an integer sum, so any split of the continuum gives the same result.
    """
    if m < 2 or length <= 0 or not lengths:
        return None
    # above[p] = (sum, count) of the gaps at least as long as the p-th shortest length, so the
    # gaps a unit of length l fits in are summed by one bisect.
    sizes = sorted(gaps)
    above_sum = [0] * (len(sizes) + 1)
    above_count = [0] * (len(sizes) + 1)
    for p in range(len(sizes) - 1, -1, -1):
        size, count = sizes[p], gaps[sizes[p]]
        above_sum[p] = above_sum[p + 1] + size * count
        above_count[p] = above_count[p + 1] + count
    n_units = sum(lengths.values())
    expected = 0
    # Units of equal length contribute equally; real data has far fewer lengths than units.
    for unit_length, count in lengths.items():
        # (2l^3 - 3l^2 + l)/3 = l(l-1)(2l-1)/3 is always an integer.
        within = (n_units - 1) * unit_length * (unit_length - 1) * (2 * unit_length - 1) // 3
        first = bisect_left(sizes, unit_length)
        fitting = above_sum[first] - above_count[first] * (unit_length - 1)
        expected += count * (within + unit_length * unit_length * fitting)
    positions = m * length
    squares = sum(u * (u - 1) * count for u, count in lengths.items())
    denominator = length * (positions * (positions - 1) - squares)
    return UnitizingTerms(
        observed=Fraction(2 * observed, m * (m - 1) * length * length),
        expected=Fraction(2 * expected, denominator),
    )


def overall_alpha(terms: Iterable[UnitizingTerms | None]) -> float | None:
    """alpha_U over all categories: 1 - sum D_o / sum D_e (not a mean of per-category alphas)."""
    measured = [t for t in terms if t is not None]
    expected = sum((t.expected for t in measured), Fraction(0))
    if not measured or not expected:
        return None
    return float(1 - sum((t.observed for t in measured), Fraction(0)) / expected)


def unitizing_section(
    coverage: Coverage, labels: Sequence[str], lengths: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """The report's "unitizing_alpha": documents every compared annotator covers, concatenated.

    Document ids are sorted as strings and laid end to end with no separator. A document's
    length comes from ``lengths``; without it, the document ends at its last annotated character.
    """
    documents = sorted(coverage.complete_documents)
    annotators = coverage.annotators
    if len(annotators) < 2 or not documents:
        return {"overall": None, "labels": {label: None for label in labels}}
    units: dict[str, list[list[Interval]]] = {label: [[] for _ in annotators] for label in labels}
    base = 0
    for document in documents:
        per_annotator = [coverage.labelled(document, name) for name in annotators]
        last = max(
            (s.end for spans in per_annotator for group in spans.values() for s in group),
            default=0,
        )
        # Never cut an annotated span short, even if a given length is too small.
        size = max(last, lengths.get(document, 0)) if lengths is not None else last
        for label in labels:
            for r, spans in enumerate(per_annotator):
                if label in spans:
                    units[label][r].extend(shifted_union(spans[label], base))
        base += size
    terms = {label: category_terms(units[label], base) for label in labels}
    return {
        "overall": overall_alpha(terms.values()),
        "labels": {label: t.alpha if t is not None else None for label, t in terms.items()},
    }


def shifted_union(spans: Sequence[Span], base: int) -> list[Interval]:
    """merge_units() for spans already sorted by start, moved ``base`` positions on."""
    merged: list[Interval] = []
    last_start = last_end = -1
    for span in spans:
        start, end = span.start, span.end
        if start >= end:
            continue
        if merged and start < last_end:
            if end > last_end:
                last_end = end
                merged[-1] = (last_start + base, end + base)
        else:
            last_start, last_end = start, end
            merged.append((start + base, end + base))
    return merged


def pair_disagreement(first: Sequence[Interval], second: Sequence[Interval]) -> int:
    """Sum of the unitizing distances between two coders' units of one category."""
    total = 0
    matched_first = [False] * len(first)
    matched_second = [False] * len(second)
    i = j = 0
    # Both lists are sorted and disjoint, so overlapping pairs are found in one merge.
    while i < len(first) and j < len(second):
        a_start, a_end = first[i]
        b_start, b_end = second[j]
        if a_start < b_end and b_start < a_end:
            total += (a_start - b_start) ** 2 + (a_end - b_end) ** 2
            matched_first[i] = matched_second[j] = True
        if a_end <= b_end:
            i += 1
        else:
            j += 1
    # A unit overlapping none of the other coder's units lies inside one of their gaps.
    total += sum((e - s) ** 2 for (s, e), hit in zip(first, matched_first, strict=True) if not hit)
    total += sum(
        (e - s) ** 2 for (s, e), hit in zip(second, matched_second, strict=True) if not hit
    )
    return total


def _gaps(units: Sequence[Interval], length: int) -> list[int]:
    """Lengths of the stretches of [0, length) that hold none of ``units``."""
    bounds = [0, *(p for unit in units for p in unit), length]
    return [
        end - start for start, end in zip(bounds[::2], bounds[1::2], strict=True) if end > start
    ]
