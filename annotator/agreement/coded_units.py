"""One variable's units in one alignment, counted document by document.

A unit is counted by the multiset of its values (``profiles.multiset``) and each pair's value
pairs in a Counter, in the order first seen: that order fixes the order of every
floating-point sum of the coefficients, so documents must come in the same order each time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.agreement.attributes import counted_block
from annotator.agreement.profiles import Profiles, multiset
from annotator.agreement.variables import Variable
from annotator.model.annotation import AttrValue

Pair = tuple[str, str]


@dataclass(slots=True)
class CodedUnits:
    """One variable's units in one alignment: raw profiles and per-pair value counts."""

    pairable: Counter[tuple[Hashable, ...]] = field(default_factory=Counter)
    complete: Counter[tuple[Hashable, ...]] = field(default_factory=Counter)
    cells: dict[Pair, Counter[tuple[Hashable, Hashable]]] = field(default_factory=dict)

    def unit(self, values: list[AttrValue], raters: int) -> None:
        if len(values) < 2:
            return
        shape = multiset(values)
        self.pairable[shape] += 1
        if len(values) == raters:
            self.complete[shape] += 1

    def pair(self, pair: Pair, first: AttrValue, second: AttrValue) -> None:
        cells = self.cells.get(pair)
        if cells is None:
            cells = self.cells[pair] = Counter()
        cells[(first, second)] += 1

    def block(self, variable: Variable, pairs: Sequence[Pair]) -> dict[str, Any]:
        return counted_block(
            variable,
            Profiles.counted_from(self.pairable),
            Profiles.counted_from(self.complete),
            self.cells,
            pairs,
        )
