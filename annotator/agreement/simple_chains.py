"""A label of a document whose chains hold one span per annotator at most, read in one pass.

Nearly every label of a real document is like that: no annotator's spans of it overlap each
other. Then each chain of ``alignment.chains`` is one overlap unit, its runs of spans at one
position are its exact units, and neither is ever ambiguous. This reads from each chain
everything the general route (``sweep``, then the tally's unit counting and disagreement
list over its ``Group`` objects) gives for it: the pairs' span matches, the coders' units and
unitizing distance, each variable's units and value pairs in both alignments, and the
disagreements. It makes no group, and calls the counters in the order the general route
does (chain by chain; names sorted inside a unit), so the report is the same to the digit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from operator import itemgetter
from typing import Any

from annotator.agreement.alignment import Link
from annotator.agreement.coded_units import CodedUnits
from annotator.agreement.continuum import Laid
from annotator.agreement.disagreements import SortKey, span_entry
from annotator.agreement.sweep import LabelSweep, add_match
from annotator.model.annotation import AttrValue, Span

#: One variable with values here: its report key, its counters in the exact and the overlap
#: alignment, and span id -> its value.
Coded = tuple[str, CodedUnits, CodedUnits, Mapping[int, AttrValue]]
Entries = list[tuple[SortKey, dict[str, Any]]]
_by_name = itemgetter(2)
_NO_VALUES: dict[str, AttrValue | None] = {}


def one_span_each(found: list[list[Link]]) -> bool:
    """Whether no chain holds two spans of one annotator."""
    for chain in found:
        size = len(chain)
        if size == 2:
            if chain[0][2] == chain[1][2]:
                return False
        elif size > 2 and len({link[2] for link in chain}) != size:
            return False
    return True


def read_chains(
    document: str,
    label: str,
    found: list[list[Link]],
    names: Sequence[str],
    base: int,
    coded: Sequence[Coded],
    entries: Entries,
    laid: Laid | None,
) -> LabelSweep:
    """Read ``found`` (chains for which ``one_span_each`` holds) of a document ``names``
    (sorted, at least two) cover: its disagreements go to ``entries``, its units and value
    pairs to ``coded``, the coders' units to ``laid`` (the continuum's, when ``names`` are
    all its coders). The rest is returned as ``sweep`` returns it, without the groups and
    the units."""
    coders = len(names)
    read = LabelSweep([], [], {}, {})
    observed = 0
    for chain in found:
        size = len(chain)
        if size == 1:
            start, end, name, span = chain[0]
            observed += (coders - 1) * (end - start) * (end - start)
            entries.append(span_entry(document, label, start, "missing", {name: span}, _NO_VALUES))
        elif size == 2:
            observed += _pair(document, label, chain, coders, read, coded, entries)
        else:
            observed += _unit(document, label, chain, coders, read, coded, entries)
    read.observed = observed
    if found:
        read.reach = max(link[1] for link in found[-1])
    if laid is not None:
        _lay(found, names, base, laid)
    return read


def _lay(found: list[list[Link]], names: Sequence[str], base: int, laid: Laid) -> None:
    """Each coder's units laid on the continuum at ``base``: in a chain each coder has one
    span at most, and chains do not overlap, so the spans are the units (Continuum.add_label
    without the lists of intervals)."""
    units, gaps, ends = laid
    coder = {name: r for r, name in enumerate(names)}
    for chain in found:
        for start, end, name, _ in chain:
            r = coder[name]
            at = start + base
            if at > ends[r]:
                gaps[at - ends[r]] += 1
            units[end - start] += 1
            ends[r] = end + base


def _pair(
    document: str,
    label: str,
    chain: list[Link],
    coders: int,
    read: LabelSweep,
    coded: Sequence[Coded],
    entries: Entries,
) -> int:
    """The commonest chain: two annotators' spans, which overlap. Returns its distance."""
    first, second = chain
    if first[2] > second[2]:
        first, second = second, first
    a_start, a_end, a_name, a = first
    b_start, b_end, b_name, b = second
    same = a_start == b_start and a_end == b_end
    pair = (a_name, b_name)
    add_match(read.matches, pair, same)
    start = chain[0][0]
    by_name = {a_name: a, b_name: b}
    if coders > 2:
        entries.append(span_entry(document, label, start, "missing", by_name, _NO_VALUES))
    if not same:
        entries.append(span_entry(document, label, start, "boundary", by_name, _NO_VALUES))
    for key, exact, overlap, value_of in coded:
        a_value, b_value = value_of.get(id(a)), value_of.get(id(b))
        if a_value is None or b_value is None:
            continue  # one value: no unit, no pair, no disagreement
        overlap.unit([a_value, b_value], coders)
        overlap.pair(pair, a_value, b_value)
        if same:
            exact.unit([a_value, b_value], coders)
            exact.pair(pair, a_value, b_value)
        if len({a_value, b_value}) > 1:
            given = {a_name: a_value, b_name: b_value}
            entries.append(span_entry(document, label, start, key, by_name, given))
    # Each is unmatched by the coders absent here; with each other, they overlap (squares as
    # products, the same integers).
    a_length, b_length = a_end - a_start, b_end - b_start
    moved, stretched = a_start - b_start, a_end - b_end
    return (coders - 2) * (a_length * a_length + b_length * b_length) + (
        moved * moved + stretched * stretched
    )


def _unit(
    document: str,
    label: str,
    chain: list[Link],
    coders: int,
    read: LabelSweep,
    coded: Sequence[Coded],
    entries: Entries,
) -> int:
    """A chain of three or more annotators' spans, one each. Returns its distance."""
    matches = read.matches
    ordered = sorted(chain, key=_by_name)
    size = len(ordered)
    names = [link[2] for link in ordered]
    # Each span is unmatched by every other coder, except those it overlaps; pairs by name
    # (the distance is a sum over pairs, in any order). The overlapping pairs are those
    # pair_units finds in the overlap unit: two spans may be joined through a third only.
    # (Squares as products: x * x is the same integer as x ** 2, without the power.)
    squares = [(link[1] - link[0]) * (link[1] - link[0]) for link in ordered]
    observed = (coders - 1) * sum(squares)
    overlapping: list[tuple[int, int]] = []
    for i in range(size - 1):
        start, end, name, _ = ordered[i]
        for j in range(i + 1, size):
            other_start, other_end, other, _ = ordered[j]
            if other_start >= end or start >= other_end:
                continue
            overlapping.append((i, j))
            moved, stretched = start - other_start, end - other_end
            observed += moved * moved + stretched * stretched - squares[i] - squares[j]
            add_match(matches, (name, other), not moved and not stretched)
    by_name: dict[str, Span] = {name: link[3] for name, link in zip(names, ordered, strict=True)}
    start = chain[0][0]
    if size < coders:
        entries.append(span_entry(document, label, start, "missing", by_name, _NO_VALUES))
    positions = [(link[0], link[1]) for link in ordered]
    distinct = len(set(positions))
    if distinct > 1:
        entries.append(span_entry(document, label, start, "boundary", by_name, _NO_VALUES))
    if not coded:
        return observed
    # Exact units (two spans or more at one position) in (start, end) order, names sorted.
    runs: list[list[int]] = []
    if distinct == 1:
        runs.append(list(range(size)))
    elif distinct < size:
        at: dict[tuple[int, int], list[int]] = {}
        for i, position in enumerate(positions):
            at.setdefault(position, []).append(i)
        runs = [at[position] for position in sorted(at) if len(at[position]) > 1]
    for key, exact, overlap, value_of in coded:
        got = [value_of.get(id(link[3])) for link in ordered]
        given = [v for v in got if v is not None]
        if len(given) < 2:
            continue  # one value at most: no unit, no pair, no disagreement
        overlap.unit(given, coders)
        for i, j in overlapping:
            a_value, b_value = got[i], got[j]
            if a_value is not None and b_value is not None:
                overlap.pair((names[i], names[j]), a_value, b_value)
        for run in runs:
            exact.unit([v for i in run if (v := got[i]) is not None], coders)
            for i, j in combinations(run, 2):
                a_value, b_value = got[i], got[j]
                if a_value is not None and b_value is not None:
                    exact.pair((names[i], names[j]), a_value, b_value)
        if len(set(given)) > 1:
            values = dict(zip(names, got, strict=True))
            entries.append(span_entry(document, label, start, key, by_name, values))
    return observed
