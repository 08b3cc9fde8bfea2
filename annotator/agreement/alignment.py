"""Aligning spans of several annotators into units, so attribute values can be compared.

exact: a unit is the set of same-label spans with identical (document, start, end).
overlap: a unit is a connected component of the graph joining overlapping same-label spans of
*different* annotators in one document. A group holding two spans of one annotator is
ambiguous: it is not a unit, and the report lists it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from operator import itemgetter
from typing import Any

from annotator.agreement.coverage import Coverage
from annotator.agreement.span_match import overlap_edges
from annotator.model.annotation import Span

ALIGNMENTS = ("exact", "overlap")

# (A, B), names sorted -> the pair's units with a span of both, with the group each lies in.
PairUnits = dict[tuple[str, str], list[tuple["Group", Span, Span]]]


@dataclass(slots=True)
class Group:
    """Spans aligned together in one document, by annotator; a unit unless ambiguous."""

    document: str
    label: str
    spans: dict[str, list[Span]]
    start: int
    ambiguous: bool

    @classmethod
    def of(cls, document: str, label: str, spans: dict[str, list[Span]]) -> Group:
        return cls(
            document,
            label,
            spans,
            start=min(group[0].start for group in spans.values()),
            ambiguous=any(len(group) > 1 for group in spans.values()),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "label": self.label,
            "spans": {
                name: [[s.start, s.end] for s in group]
                for name, group in sorted(self.spans.items())
            },
        }


def align(mode: str, document: str, label: str, spans: Mapping[str, Sequence[Span]]) -> list[Group]:
    """Group one document's ``label`` spans (by annotator, each sorted by start) into units."""
    if mode == "exact":
        return _align_exact(document, label, spans)
    if mode == "overlap":
        return _align_overlap(document, label, spans)
    raise ValueError(f'unknown alignment "{mode}" (one of {", ".join(ALIGNMENTS)})')


def align_documents(coverage: Coverage, mode: str, labels: Sequence[str]) -> dict[str, list[Group]]:
    """Label -> groups over every document at least two compared annotators cover."""
    groups: dict[str, list[Group]] = {label: [] for label in labels}
    for document in coverage.compared_documents:
        names = coverage.by_document[document]
        per_name = {name: coverage.labelled(document, name) for name in names}
        for label in labels:
            spans = {name: found[label] for name, found in per_name.items() if label in found}
            if spans:
                groups[label].extend(align(mode, document, label, spans))
    return groups


def pair_units(mode: str, groups: Sequence[Group]) -> PairUnits:
    """Every pair's units inside ``groups`` where both annotators have a span.

    Pairwise coefficients rebuild the alignment from the two annotators' spans only. A pair's
    groups always lie inside the groups of all annotators, so each group is looked at alone.
    """
    found: PairUnits = {}
    exact = mode == "exact"
    for group in groups:
        spans = group.spans
        if len(spans) < 2:
            continue
        if not group.ambiguous:
            singles = [(name, spans[name][0]) for name in sorted(spans)]
            for (first, a), (second, b) in combinations(singles, 2):
                # An overlap group may join the two only through a third annotator's span;
                # then they are two separate units for this pair.
                if exact or (a.start < b.end and b.start < a.end):
                    found.setdefault((first, second), []).append((group, a, b))
            continue
        for first, second in combinations(sorted(spans), 2):
            spans_a, spans_b = spans[first], spans[second]
            if len(spans_a) == 1 and len(spans_b) == 1:
                a, b = spans_a[0], spans_b[0]
                if exact or (a.start < b.end and b.start < a.end):
                    found.setdefault((first, second), []).append((group, a, b))
            elif not exact:
                sub = _align_overlap(group.document, group.label, {first: spans_a, second: spans_b})
                units = [
                    (group, unit.spans[first][0], unit.spans[second][0])
                    for unit in sub
                    if not unit.ambiguous and len(unit.spans) == 2
                ]
                if units:
                    found.setdefault((first, second), []).extend(units)
    return found


def _align_exact(document: str, label: str, spans: Mapping[str, Sequence[Span]]) -> list[Group]:
    positions: dict[tuple[int, int], dict[str, list[Span]]] = {}
    for name, group in spans.items():
        for span in group:
            positions.setdefault((span.start, span.end), {}).setdefault(name, []).append(span)
    return [
        Group(document, label, by_name, start, any(len(g) > 1 for g in by_name.values()))
        for (start, _), by_name in sorted(positions.items())
    ]


def _align_overlap(document: str, label: str, spans: Mapping[str, Sequence[Span]]) -> list[Group]:
    found = chains(spans)
    if found is None:
        # An empty span overlaps the spans around it, yet touches the chain sweep's logic
        # badly; such rare input takes the graph route.
        groups = components(document, label, spans)
    else:
        groups = [group for chain in found for group in chain_groups(document, label, chain)]
    groups.sort(key=lambda g: g.start)
    return groups


# A span in a chain: its start and end, who drew it, and the span.
Link = tuple[int, int, str, Span]
# Ties keep their order (a stable sort on start and end only; spans never compare).
chain_order = itemgetter(0, 1)


def chains(spans: Mapping[str, Sequence[Span]]) -> list[list[Link]] | None:
    """Chains of overlapping spans, ignoring who drew them, found by one sweep; None when a
    span is empty (start >= end), which the sweep's logic does not hold for.

    Each chain is sorted by (start, end), ties in the order of ``spans`` and of each list.
    No span overlaps a span of another chain, and every chain starts after the last one
    ends, so a measure summed over chains is summed over the document. A chain with at most
    one span per annotator is exactly one component of the overlap graph; only a chain
    holding two spans of one annotator needs the graph itself.
    """
    ordered = sorted(
        ((s.start, s.end, name, s) for name, group in spans.items() for s in group),
        key=chain_order,
    )
    return split_chains(ordered)


def split_chains(ordered: Sequence[Link]) -> list[list[Link]] | None:
    """chains() of links already in its order: sorted by (start, end), ties by annotator as
    given, then each annotator's spans in their order."""
    found: list[list[Link]] = []
    chain: list[Link] = []
    reach = 0
    for item in ordered:
        start, end = item[0], item[1]
        if start >= end:
            return None
        if chain and start >= reach:
            found.append(chain)
            chain = []
        if not chain or end > reach:
            reach = end
        chain.append(item)
    if chain:
        found.append(chain)
    return found


def chain_groups(document: str, label: str, chain: list[Link]) -> list[Group]:
    by_name: dict[str, list[Span]] = {}
    for _, _, name, span in chain:
        by_name.setdefault(name, []).append(span)
    if len(by_name) == len(chain):
        return [
            Group(document, label, {n: by_name[n] for n in sorted(by_name)}, chain[0][0], False)
        ]
    return components(document, label, {n: by_name[n] for n in sorted(by_name)})


def components(document: str, label: str, spans: Mapping[str, Sequence[Span]]) -> list[Group]:
    """Connected components of the graph joining overlapping spans of different annotators."""
    names = list(spans)
    offsets: dict[str, int] = {}
    flat: list[tuple[str, Span]] = []
    for name in names:
        offsets[name] = len(flat)
        flat.extend((name, span) for span in spans[name])
    parent = list(range(len(flat)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps the trees flat
            x = parent[x]
        return x

    # Only spans of different annotators are joined directly; two of one annotator end up in
    # one group only through someone else's span, which is what makes the group ambiguous.
    for first, second in combinations(names, 2):
        base_a, base_b = offsets[first], offsets[second]
        for i, j in overlap_edges(spans[first], spans[second]):
            a, b = root(base_a + i), root(base_b + j)
            if a != b:
                parent[b] = a
    components: dict[int, dict[str, list[Span]]] = {}
    for x, (name, span) in enumerate(flat):
        components.setdefault(root(x), {}).setdefault(name, []).append(span)
    return [Group.of(document, label, by_name) for by_name in components.values()]
