"""A sorted interval index over spans: range queries, navigation order and underline lanes.

Spans are kept in one list sorted by ``(start, -end, id)`` (document order, outer span first
when two start together) with a parallel list of starts for ``bisect``. A query for spans
intersecting ``[a, b)`` scans only the starts in ``[a - bound, b)``, where ``bound`` is the
longest *short* span seen; spans longer than ``LONG_SPAN`` (a whole-section quote, say) also
live in a small side table that is scanned linearly, so one long span cannot widen every
query's window to the whole document. Single-span updates are a bisect plus a list insert or
delete (a memmove: microseconds at 10^5 spans).

Lanes (which underline row a span is drawn in, 0 closest to the text) are *sticky*: a span
gets the lowest lane not used by the spans it overlaps at the moment it is added, and keeps
it until it is removed or replaced with a different range. Adding or removing a span
therefore never moves another span's underline, so the screen does not jump while
annotating, and a repaint of the changed span's own lines is enough. A bulk load
(``SpanIndex(spans)``) assigns lanes by a sweep in document order, which is the same rule
applied in that order and uses the minimum number of lanes (greedy interval colouring is
optimal for intervals). After many edits lanes may have gaps; reloading re-packs them.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from annotator.model import Span, SpanId

LONG_SPAN = 4096
"""Spans longer than this (code points) are kept in the linearly scanned side table."""


class SpanIndex:
    """Spans of one document, ordered, queryable by range, with a sticky lane per span."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        # A decorated sort: tuples compare in C, far faster than a key function at 10^5 spans.
        rows = [(s.start, -s.end, s.id, s) for s in spans]
        self._by_id: dict[SpanId, Span] = {row[2]: row[3] for row in rows}
        if len(self._by_id) != len(rows):  # unique ids also keep sort() off the Spans
            raise ValueError("span ids must be unique within one index")
        rows.sort()
        self._starts: list[int] = [row[0] for row in rows]
        self._spans: list[Span] = [row[3] for row in rows]
        self._long: dict[SpanId, Span] = {}
        self._bound = 0
        self._lanes: dict[SpanId, int] = self._sweep(rows)

    # -- reading ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def __iter__(self) -> Iterator[Span]:
        return iter(list(self._spans))

    def get(self, span_id: SpanId) -> Span | None:
        return self._by_id.get(span_id)

    def lane(self, span_id: SpanId) -> int:
        """The underline row of a span (0 = closest to the text)."""
        return self._lanes[span_id]

    @property
    def lane_count(self) -> int:
        """One more than the highest lane in use (0 when empty)."""
        return max(self._lanes.values(), default=-1) + 1

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans intersecting ``[start, end)``, in document order (long spans last).

        An empty range ``[p, p)`` is treated as ``[p, p + 1)``: the spans covering ``p``.
        """
        end = max(end, start + 1)
        low = start - self._bound
        first = bisect_left(self._starts, low)
        last = bisect_left(self._starts, end, lo=first)
        found = [s for s in self._spans[first:last] if s.end > start or s.start == s.end == start]
        for span in self._long.values():
            if span.start < low and span.end > start:
                found.append(span)
        return found

    def at(self, cp: int) -> list[Span]:
        """Spans containing the character at ``cp``."""
        return [s for s in self.overlapping(cp, cp + 1) if s.start <= cp < s.end]

    def innermost_at(self, cp: int) -> Span | None:
        """The shortest span containing ``cp`` (the latest-starting one on a tie)."""
        spans = self.at(cp)
        if not spans:
            return None
        return min(spans, key=lambda s: (s.end - s.start, -s.start, s.id))

    def next_span(self, cp: int, after: SpanId | None = None) -> Span | None:
        """The span following ``after`` in document order, or the first starting at/after ``cp``.

        For Tab navigation: with a selected span pass its id; otherwise the caret offset.
        Returns None past the last span (the caller decides whether to wrap).
        """
        if after is not None and after in self._by_id:
            i = self._position(self._by_id[after]) + 1
        else:
            i = bisect_left(self._starts, cp)
        return self._spans[i] if i < len(self._spans) else None

    def previous_span(self, cp: int, before: SpanId | None = None) -> Span | None:
        """The span preceding ``before`` in document order, or the last starting before ``cp``."""
        if before is not None and before in self._by_id:
            i = self._position(self._by_id[before]) - 1
        else:
            i = bisect_left(self._starts, cp) - 1
        return self._spans[i] if i >= 0 else None

    # -- changing --------------------------------------------------------------------------

    def add(self, span: Span, prefer_lane: int | None = None) -> int:
        """Insert a span; return its lane (the lowest one its overlapping spans leave free)."""
        if span.id in self._by_id:
            raise ValueError(f"span {span.id} is already in the index")
        used = {self._lanes[s.id] for s in self.overlapping(span.start, span.end)}
        if prefer_lane is not None and prefer_lane not in used:
            lane = prefer_lane
        else:
            lane = 0
            while lane in used:
                lane += 1
        i = self._position(span)
        self._starts.insert(i, span.start)
        self._spans.insert(i, span)
        self._by_id[span.id] = span
        self._lanes[span.id] = lane
        self._note_length(span)
        return lane

    def remove(self, span_id: SpanId) -> Span:
        """Delete a span by id and return it; other spans keep their lanes."""
        span = self._by_id.pop(span_id)
        i = self._position(span)
        del self._starts[i], self._spans[i]
        del self._lanes[span_id]
        self._long.pop(span_id, None)
        return span

    def replace(self, span: Span) -> Span:
        """Swap in a new version of a span (same id); return the old one.

        The span keeps its lane when that lane is still free at its new range.
        """
        old_lane = self._lanes.get(span.id)
        old = self.remove(span.id)
        self.add(span, prefer_lane=old_lane)
        return old

    # -- internals -------------------------------------------------------------------------

    def _note_length(self, span: Span) -> None:
        length = span.end - span.start
        if length > LONG_SPAN:
            self._long[span.id] = span
        elif length > self._bound:
            self._bound = length

    def _position(self, span: Span) -> int:
        """Where ``span`` is (or belongs) in document order: bisect, then step over equal starts."""
        starts, spans = self._starts, self._spans
        i = bisect_left(starts, span.start)
        key = (-span.end, span.id)
        while i < len(spans) and starts[i] == span.start and (-spans[i].end, spans[i].id) < key:
            i += 1
        return i

    def _sweep(self, rows: list[tuple[int, int, SpanId, Span]]) -> dict[SpanId, int]:
        """Bulk lanes by greedy interval colouring in document order; also notes span lengths.

        Each span takes the lowest lane not held by a span still open at its start: the same
        rule ``add`` applies, and optimal for intervals (lanes = maximum nesting depth).
        """
        lanes: dict[SpanId, int] = {}
        active: list[tuple[int, int]] = []  # (end, lane) of spans still open
        free: list[int] = []  # lanes released by spans that ended
        next_lane = bound = 0
        heappush, heappop = heapq.heappush, heapq.heappop
        for start, neg_end, sid, span in rows:
            while active and active[0][0] <= start:
                heappush(free, heappop(active)[1])
            if free:
                lane = heappop(free)
            else:
                lane = next_lane
                next_lane += 1
            lanes[sid] = lane
            length = -neg_end - start
            if length > LONG_SPAN:
                self._long[sid] = span
            elif length > bound:
                bound = length
            # A zero-length span still holds its lane at its own offset.
            heappush(active, (start + length if length > 0 else start + 1, lane))
        self._bound = bound
        return lanes
