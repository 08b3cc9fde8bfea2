"""Units reduced to value profiles: which values a unit holds, how often, and how many such units.

Every coefficient here depends on a unit only through its profile, and real reliability data
has few distinct profiles, so counting them first makes each coefficient one short loop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# A profile as value indices, sorted: (0, 0, 2) is a unit coded twice as value 0, once as 2.
Shape = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Profiles:
    """The distinct values seen and how many units have each shape."""

    values: list[Hashable]
    shapes: Counter[Shape]

    @classmethod
    def of(cls, units: Iterable[Sequence[Hashable]] | Profiles, min_values: int = 2) -> Profiles:
        """Profiles of the units holding at least ``min_values`` values."""
        if isinstance(units, Profiles):
            return units
        raw: Counter[tuple[Hashable, ...]] = Counter()
        for values in units:
            if len(values) < min_values:
                continue
            raw[multiset(values)] += 1
        return cls.counted_from(raw)

    @classmethod
    def counted_from(cls, raw: Counter[tuple[Hashable, ...]]) -> Profiles:
        """Profiles of units already counted by ``multiset`` of their values."""
        # Values become indices only now, once per distinct raw shape rather than per unit.
        index: dict[Hashable, int] = {}
        shapes: Counter[Shape] = Counter()
        for values, repeats in raw.items():
            shapes[tuple(sorted([index.setdefault(v, len(index)) for v in values]))] += repeats
        return cls(list(index), shapes)

    @property
    def units(self) -> int:
        return sum(self.shapes.values())

    def counted(self) -> Iterable[tuple[Counter[int], int, int]]:
        """Per shape: value index -> count, the unit's number of values, and how many units."""
        for shape, repeats in self.shapes.items():
            yield Counter(shape), len(shape), repeats


def multiset(values: Sequence[Hashable]) -> tuple[Hashable, ...]:
    """A unit's values in a fixed order, so equal multisets count as one shape."""
    try:
        return tuple(sorted(values))  # type: ignore[type-var]
    except TypeError:
        # Text and numbers do not sort together; any fixed order names a multiset.
        return tuple(sorted(values, key=_mixed_order))


def _mixed_order(value: Hashable) -> tuple[str, str]:
    return type(value).__name__, repr(value)
