"""Krippendorff's alpha from the coincidence matrix: nominal, ordinal, interval, ratio differences.

Follows Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": a unit with m_u >= 2
values adds 1/(m_u - 1) per ordered pair of values from different coders; units with fewer
values are not pairable and drop out, which is how missing data is handled.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from annotator.agreement.profiles import Profiles

LEVELS = ("nominal", "ordinal", "interval", "ratio")

Difference = Callable[[int, int], float]


def krippendorff_alpha(
    units: Iterable[Sequence[Hashable]] | Profiles,
    level: str = "nominal",
    order: Sequence[Hashable] = (),
) -> float | None:
    """Alpha over ``units`` (each the values its coders gave); None when undefined.

    ``order`` ranks ordinal values (the schema's ``values``); values it does not list follow,
    numbers ascending, then the rest by their text. Interval and ratio need numbers.
    """
    if level not in LEVELS:
        raise ValueError(f'unknown level of measurement "{level}" (one of {", ".join(LEVELS)})')
    profiles = Profiles.of(units)
    values_seen = profiles.values
    size = len(values_seen)
    coincidences = [[0.0] * size for _ in range(size)]
    for counts, m, repeats in profiles.counted():
        weight = repeats / (m - 1)
        for c, n_c in counts.items():
            row = coincidences[c]
            for k, n_k in counts.items():
                row[k] += weight * (n_c * (n_c - 1) if c == k else n_c * n_k)
    marginals = [sum(row) for row in coincidences]
    total = sum(marginals)
    if total == 0:
        return None
    difference = _difference(level, values_seen, marginals, order)
    observed = 0.0
    expected = 0.0
    for c in range(size):
        for k in range(size):
            if c == k:
                continue
            delta = difference(c, k)
            observed += coincidences[c][k] * delta
            expected += marginals[c] * marginals[k] * delta
    if expected == 0:
        return None
    return 1.0 - (total - 1) * observed / expected


def _difference(
    level: str, values: list[Hashable], marginals: list[float], order: Sequence[Hashable]
) -> Difference:
    if level == "nominal":
        return lambda c, k: 1.0
    if level == "ordinal":
        return _ordinal(values, marginals, order)
    numbers = [_number(v) for v in values]
    if level == "interval":
        return lambda c, k: (numbers[c] - numbers[k]) ** 2

    def ratio(c: int, k: int) -> float:
        both = numbers[c] + numbers[k]
        # Two zeros are identical; the krippendorff package agrees on 0 here.
        return ((numbers[c] - numbers[k]) / both) ** 2 if both else 0.0

    return ratio


def _ordinal(
    values: list[Hashable], marginals: list[float], order: Sequence[Hashable]
) -> Difference:
    """Krippendorff's ordinal difference, built from marginal frequencies rather than ranks."""
    ranked = sorted(range(len(values)), key=lambda i: ordinal_key(values[i], order))
    rank = {value_index: position for position, value_index in enumerate(ranked)}
    # cumulative[p] = sum of the marginals of the values ranked before position p.
    cumulative = [0.0]
    for value_index in ranked:
        cumulative.append(cumulative[-1] + marginals[value_index])

    def ordinal(c: int, k: int) -> float:
        low, high = sorted((rank[c], rank[k]))
        between = cumulative[high + 1] - cumulative[low]
        return (between - (marginals[c] + marginals[k]) / 2) ** 2

    return ordinal


def ordinal_key(value: Hashable, order: Sequence[Hashable]) -> tuple[int, int, float, str]:
    """Where ``value`` ranks: listed values in list order, then numbers, then other text."""
    try:
        return (0, order.index(value), 0.0, "")
    except ValueError:
        pass
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (1, 0, float(value), "")
    return (2, 0, 0.0, str(value))


def _number(value: Hashable) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"interval and ratio differences need numbers, not {value!r}")
