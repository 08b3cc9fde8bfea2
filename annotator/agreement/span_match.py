"""Matching two annotators' spans: exact multiset matches, overlap edges and maximum matchings.

Spans overlap when they share a character (``a.start < b.end and b.start < a.end``); touching
spans do not. The overlap score needs a maximum one-to-one matching, which a greedy pass does
not always find, so this module runs Hopcroft-Karp.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol


class Extent(Protocol):
    """Anything with a character range, such as a Span."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def exact_matches(left: Sequence[Extent], right: Sequence[Extent]) -> int:
    """Size of the multiset intersection of the (start, end) pairs; both sorted by (start, end)."""
    i = j = matches = 0
    while i < len(left) and j < len(right):
        a = (left[i].start, left[i].end)
        b = (right[j].start, right[j].end)
        if a == b:
            matches += 1
            i += 1
            j += 1
        elif a < b:
            i += 1
        else:
            j += 1
    return matches


def overlap_edges(left: Sequence[Extent], right: Sequence[Extent]) -> list[tuple[int, int]]:
    """Index pairs (i, j) where left[i] and right[j] overlap; both sorted by start.

    The cost follows |left| + |right| + the number of overlaps, not |left| * |right|.
    """
    edges: list[tuple[int, int]] = []
    if not left or not right:
        return edges
    # reach[j] is the furthest end among right[: j + 1]. Once it is <= a.start, none of those
    # spans reaches a, nor any later left span (they start later still), so skip them for good.
    reach = list(accumulate((span.end for span in right), max))
    lo = 0
    size = len(right)
    for i, span in enumerate(left):
        start, end = span.start, span.end
        while lo < size and reach[lo] <= start:
            lo += 1
        j = lo
        while j < size:
            other = right[j]
            if other.start >= end:
                break  # right is sorted by start: nothing further can begin before `end`
            if other.end > start:
                edges.append((i, j))
            j += 1
    return edges


def maximum_matching(edges: Sequence[tuple[int, int]], left_size: int, right_size: int) -> int:
    """Size of a maximum one-to-one matching of a bipartite graph (Hopcroft-Karp)."""
    if not edges:
        return 0
    lefts = {i for i, _ in edges}
    rights = {j for _, j in edges}
    # Most overlap graphs are disjoint single edges: every vertex has degree one.
    if len(lefts) == len(edges) == len(rights):
        return len(edges)
    adjacency: list[list[int]] = [[] for _ in range(left_size)]
    for i, j in edges:
        adjacency[i].append(j)
    return _hopcroft_karp(adjacency, right_size)


def _hopcroft_karp(adjacency: list[list[int]], right_size: int) -> int:
    unmatched = -1
    match_left = [unmatched] * len(adjacency)
    match_right = [unmatched] * right_size
    matching = 0
    while True:
        # Breadth-first layers from every free left vertex along alternating paths.
        layer = [-1] * len(adjacency)
        queue = deque(u for u in range(len(adjacency)) if match_left[u] == unmatched)
        for u in queue:
            layer[u] = 0
        found_free_right = False
        while queue:
            u = queue.popleft()
            for v in adjacency[u]:
                w = match_right[v]
                if w == unmatched:
                    found_free_right = True
                elif layer[w] < 0:
                    layer[w] = layer[u] + 1
                    queue.append(w)
        if not found_free_right:
            return matching
        # Depth-first search for vertex-disjoint shortest augmenting paths, iteratively so a
        # long chain of overlapping spans cannot exhaust Python's recursion limit.
        next_edge = [0] * len(adjacency)
        for root in range(len(adjacency)):
            if match_left[root] != unmatched:
                continue
            path = [root]
            while path:
                u = path[-1]
                if next_edge[u] == len(adjacency[u]):
                    layer[u] = -1  # dead end for the rest of this phase
                    path.pop()
                    continue
                v = adjacency[u][next_edge[u]]
                next_edge[u] += 1
                w = match_right[v]
                if w == unmatched:
                    # Augment: flip every edge on the path from the root to v.
                    for x in reversed(path):
                        previous = match_left[x]
                        match_left[x] = v
                        match_right[v] = x
                        v = previous
                    matching += 1
                    break
                if layer[w] == layer[u] + 1:
                    path.append(w)
