"""One document's spans of one label, swept once: its groups, span matches and unitizing units.

The chains of ``alignment.chains`` hold everything a label of a document brings to the
report: its overlap groups, its exact groups (spans at one position), each pair's exact and
overlap matches, and each annotator's units for unitizing alpha. Nothing overlaps across
chains, so each of these is a sum over chains. A chain with one span per annotator, nearly
every chain, is read in a few lines. Any other goes through the general functions (the
overlap graph, maximum matching, the union of one coder's units), restricted to it. A label
with an empty span is measured by the general functions over the whole document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter

from annotator.agreement.alignment import Group, Link, align, chain_groups, chains
from annotator.agreement.span_f1 import compare_spans
from annotator.agreement.unitizing import Interval, pair_disagreement, shifted_union
from annotator.model.annotation import Span

Pair = tuple[str, str]
# A pair's matches in one document: exact tp, overlap tp, hits of first, hits of second.
Matches = list[int]
_by_name = itemgetter(2)


@dataclass(slots=True)
class LabelSweep:
    """What one label of one document brings to the report, by group and by pair."""

    overlap: list[Group]
    exact: list[Group]
    #: (first, second), names sorted -> their matches; pairs without any are absent.
    matches: dict[Pair, Matches]
    #: name -> their merged units of the label, moved ``base`` positions on.
    units: dict[str, list[Interval]]
    #: The unitizing distance summed over every pair of the document's coders.
    observed: int = 0
    #: Where the last span ends.
    reach: int = 0


def sweep(
    document: str,
    label: str,
    spans: Mapping[str, Sequence[Span]],
    coders: Sequence[str],
    base: int,
    exact: bool,
) -> LabelSweep:
    """Sweep ``spans`` (name -> their spans of ``label``, sorted by (start, end); names
    sorted) of a document ``coders`` cover. ``exact``: whether exact groups are wanted."""
    found = chains(spans)
    if found is None:
        return _general(document, label, spans, coders, base, exact)
    swept = LabelSweep([], [], {}, {name: [] for name in spans})
    for chain in found:
        if len(chain) == 1:
            # A lone span: its own unit and exact group, unmatched by every other coder.
            start, end, name, span = chain[0]
            group = Group(document, label, {name: [span]}, start, False)
            swept.overlap.append(group)
            if exact:
                swept.exact.append(group)
            swept.units[name].append((start + base, end + base))
            swept.observed += (len(coders) - 1) * (end - start) ** 2
        elif len({link[2] for link in chain}) == len(chain):
            _simple(swept, document, label, chain, len(coders), base, exact)
        else:
            _tangled(swept, document, label, chain, coders, base, exact)
    swept.reach = max(link[1] for link in found[-1])
    return swept


def _simple(
    swept: LabelSweep,
    document: str,
    label: str,
    chain: list[Link],
    coders: int,
    base: int,
    exact: bool,
) -> None:
    """A chain with one span per annotator: one unit; each overlapping pair one match."""
    by_name = {name: [span] for _, _, name, span in sorted(chain, key=_by_name)}
    group = Group(document, label, by_name, chain[0][0], False)
    swept.overlap.append(group)
    if exact:
        _exact_groups(swept.exact, document, label, chain)
    units = swept.units
    matches = swept.matches
    observed = 0
    for i, (start, end, name, _) in enumerate(chain):
        units[name].append((start + base, end + base))
        # Unmatched by every other coder, until an overlapping unit of theirs is found.
        observed += (coders - 1) * (end - start) ** 2
        for other_start, other_end, other, _ in chain[i + 1 :]:
            if other_start >= end:
                break  # sorted by start: the later spans begin after this one ends too
            observed += (
                (start - other_start) ** 2
                + (end - other_end) ** 2
                - (end - start) ** 2
                - (other_end - other_start) ** 2
            )
            pair = (name, other) if name < other else (other, name)
            add_match(matches, pair, start == other_start and end == other_end)
    swept.observed += observed


def add_match(matches: dict[Pair, Matches], pair: Pair, same: bool) -> None:
    """A pair's overlapping spans (``pair``: their names sorted), at one range if ``same``:
    one overlap match and a hit of each; an exact match too if ``same``."""
    counted = matches.get(pair)
    if counted is None:
        counted = matches[pair] = [0, 0, 0, 0]
    if same:
        counted[0] += 1
    counted[1] += 1
    counted[2] += 1
    counted[3] += 1


def _tangled(
    swept: LabelSweep,
    document: str,
    label: str,
    chain: list[Link],
    coders: Sequence[str],
    base: int,
    exact: bool,
) -> None:
    """A chain holding two spans of one annotator: the general functions, on it alone."""
    swept.overlap.extend(sorted(chain_groups(document, label, chain), key=lambda g: g.start))
    if exact:
        _exact_groups(swept.exact, document, label, chain)
    by_name: dict[str, list[Span]] = {}
    for _, _, name, span in chain:
        by_name.setdefault(name, []).append(span)
    merged = {name: shifted_union(found, base) for name, found in by_name.items()}
    for name, found in merged.items():
        swept.units[name].extend(found)
    swept.observed += _observed(merged, coders)
    for first, second in combinations(sorted(by_name), 2):
        _add(swept.matches, (first, second), by_name[first], by_name[second])


def _exact_groups(groups: list[Group], document: str, label: str, chain: list[Link]) -> None:
    """The chain's spans by position, in (start, end) order: identical spans overlap, so a
    position never spans two chains."""
    position = None
    by_name: dict[str, list[Span]] = {}
    ambiguous = False
    for start, end, name, span in chain:
        if (start, end) != position:
            if position is not None:
                groups.append(Group(document, label, by_name, position[0], ambiguous))
            position, by_name, ambiguous = (start, end), {}, False
        if name in by_name:
            by_name[name].append(span)
            ambiguous = True
        else:
            by_name[name] = [span]
    if position is not None:
        groups.append(Group(document, label, by_name, position[0], ambiguous))


def _general(
    document: str,
    label: str,
    spans: Mapping[str, Sequence[Span]],
    coders: Sequence[str],
    base: int,
    exact: bool,
) -> LabelSweep:
    units = {name: shifted_union(found, base) for name, found in spans.items()}
    swept = LabelSweep(
        overlap=align("overlap", document, label, spans),
        exact=align("exact", document, label, spans) if exact else [],
        matches={},
        units=units,
        observed=_observed(units, coders),
        reach=max(span.end for found in spans.values() for span in found),
    )
    for first, second in combinations(spans, 2):
        _add(swept.matches, (first, second), spans[first], spans[second])
    return swept


def _observed(units: Mapping[str, Sequence[Interval]], coders: Sequence[str]) -> int:
    """The unitizing distance of every pair of coders (those without units have none)."""
    coded = [units.get(name, ()) for name in coders]
    return sum(pair_disagreement(a, b) for a, b in combinations(coded, 2))


def _add(
    matches: dict[Pair, Matches], pair: Pair, first: Sequence[Span], second: Sequence[Span]
) -> None:
    found = compare_spans(first, second)
    counted = matches.setdefault(pair, [0, 0, 0, 0])
    counted[0] += found["exact"].tp
    counted[1] += found["overlap"].tp
    counted[2] += found["overlap_any"].hits_a
    counted[3] += found["overlap_any"].hits_b
