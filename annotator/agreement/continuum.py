"""Unitizing alpha's sums over the documents every compared annotator covers, laid end to end.

Every term is an integer sum (``unitizing.counted_terms``), so documents are added one at a
time, in id order, and the numbers are those of the whole continuum at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.agreement.coverage import LabelledSpans
from annotator.agreement.unitizing import (
    Interval,
    counted_terms,
    overall_alpha,
    pair_disagreement,
    shifted_union,
)

#: Where a label's units are laid: how many units and how many gaps have each length, and
#: where each coder's last unit ends (by the coder's place in ``Continuum.coders``).
Laid = tuple[Counter[int], Counter[int], list[int]]


@dataclass(slots=True)
class Continuum:
    """Unitizing sums of the documents every compared annotator covers, laid end to end."""

    coders: tuple[str, ...]
    labels: Sequence[str]
    length: int = 0
    observed: dict[str, int] = field(default_factory=dict)
    units: dict[str, Counter[int]] = field(default_factory=dict)
    gaps: dict[str, Counter[int]] = field(default_factory=dict)
    # Per label and coder: where their last unit ends (a gap runs on into the next document).
    ends: dict[str, list[int]] = field(default_factory=dict)
    documents: int = 0

    def __post_init__(self) -> None:
        for label in self.labels:
            self.observed[label] = 0
            self.units[label] = Counter()
            self.gaps[label] = Counter()
            self.ends[label] = [0] * len(self.coders)

    def add(self, spans: dict[str, LabelledSpans], length: int | None) -> None:
        """Lay a document on, measured by its spans (the route of a lone annotator)."""
        per_coder = [spans[name] for name in self.coders]
        base = self.length
        for label in self.labels:
            coded: list[list[Interval]] = [
                shifted_union(found[label], base) if label in found else [] for found in per_coder
            ]
            observed = sum(pair_disagreement(a, b) for a, b in combinations(coded, 2))
            self.add_label(label, observed, coded)
        last = max(
            (s.end for found in spans.values() for group in found.values() for s in group),
            default=0,
        )
        self.close(last, length)

    def add_label(self, label: str, observed: int, coded: Sequence[Sequence[Interval]]) -> None:
        """One label of the document being laid on: the distance of its coders (summed over
        pairs) and each coder's units, moved to its base."""
        self.observed[label] += observed
        units, gaps, ends = self.units[label], self.gaps[label], self.ends[label]
        for r, intervals in enumerate(coded):
            end = ends[r]
            for start, stop in intervals:
                if start > end:
                    gaps[start - end] += 1
                units[stop - start] += 1
                end = stop
            ends[r] = end

    def laid(self, label: str) -> Laid:
        """The counters a label's units are laid into (``add_label`` without intervals)."""
        return self.units[label], self.gaps[label], self.ends[label]

    def close(self, last: int, length: int | None) -> None:
        """The document is laid on (its last span ends at ``last``): the continuum grows by
        its length."""
        # Never cut an annotated span short, even if a given length is too small.
        size = max(last, length) if length is not None else last
        self.length += size
        self.documents += 1

    def section(self) -> dict[str, Any]:
        if len(self.coders) < 2 or not self.documents:
            return {"overall": None, "labels": {label: None for label in self.labels}}
        terms = {}
        for label in self.labels:
            gaps = Counter(self.gaps[label])
            for end in self.ends[label]:
                if self.length > end:
                    gaps[self.length - end] += 1
            terms[label] = counted_terms(
                len(self.coders), self.length, self.observed[label], self.units[label], gaps
            )
        return {
            "overall": overall_alpha(terms.values()),
            "labels": {label: t.alpha if t is not None else None for label, t in terms.items()},
        }
