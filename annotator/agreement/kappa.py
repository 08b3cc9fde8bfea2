"""Percent agreement and the kappa family (Cohen 1960, Scott 1955, Fleiss 1971) on nominal codes.

Every function returns None when the coefficient is undefined (no data, or an expected
agreement of 1 that leaves a zero denominator); a made-up 1.0 or 0.0 would mislead a reviewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from annotator.agreement.profiles import Profiles

# Two coders' values per unit, or those pairs already counted (in the order first seen).
Pairs = Sequence[tuple[Hashable, Hashable]] | Counter[tuple[Hashable, Hashable]]


def percent_agreement(units: Iterable[Sequence[Hashable]] | Profiles) -> float | None:
    """Mean over units with >= 2 values of agreeing ordered pairs / (m_u (m_u - 1))."""
    total = 0.0
    counted = 0
    for counts, m, repeats in Profiles.of(units).counted():
        agreeing = sum(n * (n - 1) for n in counts.values())
        total += repeats * agreeing / (m * (m - 1))
        counted += repeats
    return total / counted if counted else None


def cohen_kappa(pairs: Pairs) -> float | None:
    """Cohen's kappa of two coders; chance agreement from each coder's own marginals."""
    table = _Table.of(pairs)
    if table is None:
        return None
    expected = sum(count * table.second[code] for code, count in table.first.items())
    return _chance_corrected(table.observed, expected / (table.n * table.n))


def scott_pi(pairs: Pairs) -> float | None:
    """Scott's pi of two coders; chance agreement from the pooled marginals."""
    table = _Table.of(pairs)
    if table is None:
        return None
    pooled = table.first + table.second
    expected = sum(count * count for count in pooled.values())
    return _chance_corrected(table.observed, expected / (4 * table.n * table.n))


@dataclass(frozen=True, slots=True)
class _Table:
    """A two-coder contingency table: observed agreement and each coder's marginals."""

    n: int
    observed: float
    first: Counter[Hashable]
    second: Counter[Hashable]

    @classmethod
    def of(cls, pairs: Pairs) -> _Table | None:
        if not pairs:
            return None
        # Counting the pairs first leaves a few cells to walk instead of every unit.
        cells = pairs if isinstance(pairs, Counter) else Counter(pairs)
        n = sum(cells.values())
        first: Counter[Hashable] = Counter()
        second: Counter[Hashable] = Counter()
        agreeing = 0
        for (a, b), count in cells.items():
            first[a] += count
            second[b] += count
            if a == b:
                agreeing += count
        return cls(n, agreeing / n, first, second)


def fleiss_kappa(units: Iterable[Sequence[Hashable]] | Profiles) -> float | None:
    """Fleiss' kappa; every unit must carry the same number n >= 2 of ratings, else None.

    The raters may differ from unit to unit, as in Fleiss' own psychiatric example.
    """
    profiles = Profiles.of(units, min_values=0)
    sizes = {len(shape) for shape in profiles.shapes}
    if len(sizes) != 1:
        return None  # no units, or not a constant number of ratings per unit
    n = sizes.pop()
    if n < 2:
        return None
    unit_count = 0
    agreeing = 0
    totals = [0] * len(profiles.values)
    for counts, _, repeats in profiles.counted():
        agreeing += repeats * sum(c * (c - 1) for c in counts.values())
        for value, c in counts.items():
            totals[value] += repeats * c
        unit_count += repeats
    observed = agreeing / (unit_count * n * (n - 1))
    ratings = unit_count * n
    expected = sum(c * c for c in totals) / (ratings * ratings)
    return _chance_corrected(observed, expected)


def _chance_corrected(observed: float, expected: float) -> float | None:
    # Expected agreement of 1 means only one code was ever used: nothing to correct against.
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)
