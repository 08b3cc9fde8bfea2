"""Links drawn over the text: brat-style arcs in the band above each line, visible lines only.

An arc joins a relation's head (the quote) to its child (speaker, cue, or the earlier part of
a split quote), rising from the middle of each span's first fragment into the band the
:class:`~annotator.ui.text.span_painter.LaneLayout` leaves above every line, with an arrow
at the child. When the two ends lie on different lines each line draws its half, running
off towards the other end (brat's way), so every line's arcs are its own: a repaint of one
line's band is complete, and painting costs only the relations of the lines on screen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from annotator.model import Relation, Span, SpanId
from annotator.model.attribution import SPEAKER_ATTRIBUTE
from annotator.ui.text.offsets import OffsetMap
from annotator.ui.text.span_index import SpanIndex
from annotator.ui.text.span_painter import Line

ARC_LEVELS = 3
"""Heights an arc can take in the band; nested arcs of one line climb, wider ones higher."""

_HIT_WIDTH = 7.0  # pixels either side of an arc that still count as hovering it


class Arc(NamedTuple):
    """One arc (or half arc) on one line, as drawn."""

    relation: Relation
    head: Span
    child: Span
    path: QPainterPath
    arrow: QPolygonF | None  # at the child's end, when that end is on this line
    emphasised: bool  # a link of the selected span


class _Anchor(NamedTuple):
    line: int  # index into the lines; -1 above them, len(lines) below
    x: float


class ArcLayer:
    """The links of the shown layer by span, and which of them to draw."""

    def __init__(self) -> None:
        self._by_span: dict[SpanId, list[Relation]] = {}
        #: Every quote's links on the visible lines, not only the selected span's.
        self.show_all = False

    def set_relations(self, relations: Iterable[Relation]) -> None:
        self._by_span = {}
        for relation in relations:
            self._by_span.setdefault(relation.head, []).append(relation)
            if relation.child != relation.head:
                self._by_span.setdefault(relation.child, []).append(relation)

    def relations_of(self, span_id: SpanId) -> list[Relation]:
        return self._by_span.get(span_id, [])

    def chosen(self, spans: Iterable[Span], selected: SpanId | None) -> list[Relation]:
        """The relations to draw over lines showing ``spans``."""
        found: dict[int, Relation] = {}
        if self.show_all and self._by_span:
            for span in spans:
                for relation in self._by_span.get(span.id, ()):
                    found[relation.id] = relation
        if selected is not None:
            for relation in self._by_span.get(selected, ()):
                found[relation.id] = relation
        return list(found.values())

    def arcs(
        self,
        lines: list[Line],
        index: SpanIndex,
        offsets: OffsetMap,
        selected: SpanId | None,
        band: float,
        right_edge: float,
    ) -> list[Arc]:
        """The arcs on ``lines`` (in viewport coordinates), lowest level first per line."""
        if not lines or band <= 0 or not (self._by_span and (self.show_all or selected)):
            return []
        first_cp = offsets.clamp_from_qt(lines[0].start)
        last_cp = offsets.clamp_from_qt(lines[-1].end + 1)
        shown = index.overlapping(first_cp, last_cp) if self.show_all else []
        starts = [ln.start for ln in lines]
        # Per line: (left, right, relation, head, child, ends) to be levelled, then drawn.
        pending: dict[int, list[tuple[float, float, Relation, Span, Span, tuple[bool, bool]]]]
        pending = {}
        anchors: dict[SpanId, _Anchor] = {}

        def anchor(span: Span) -> _Anchor:
            found = anchors.get(span.id)
            if found is None:
                found = anchors[span.id] = _anchor(span, lines, starts, offsets)
            return found

        for relation in self.chosen(shown, selected):
            head, child = index.get(relation.head), index.get(relation.child)
            if head is None or child is None:
                continue
            a, b = anchor(head), anchor(child)
            child_later = (child.start, child.end) > (head.start, head.end)
            for end, other, at_child in ((a, b, False), (b, a, True)):
                if not 0 <= end.line < len(lines):
                    continue
                if end.line == other.line:
                    if at_child:
                        continue  # the same line: the head's pass draws the whole arc
                    left, right = sorted((end.x, other.x))
                    ends = (True, True)
                else:
                    toward_right = child_later != at_child
                    left, right = (end.x, right_edge) if toward_right else (0.0, end.x)
                    ends = (not toward_right, toward_right)
                pending.setdefault(end.line, []).append((left, right, relation, head, child, ends))
        arcs: list[Arc] = []
        step = max(2.0, (band - 2.0) / ARC_LEVELS)
        for i, found in pending.items():
            top = lines[i].top
            placed: list[tuple[float, float, int]] = []
            for left, right, relation, head, child, ends in sorted(
                found, key=lambda f: (f[1] - f[0], f[0])
            ):
                level = min(
                    ARC_LEVELS - 1,
                    max((lv + 1 for l2, r2, lv in placed if l2 <= right and left <= r2), default=0),
                )
                placed.append((left, right, level))
                peak = top - 1.0 - step * (level + 1)
                path = _arc_path(left, right, top - 1.0, peak, ends)
                tip = anchors[child.id]
                arrow = _arrow(tip.x, top - 1.0) if tip.line == i else None
                emphasised = selected is not None and selected in (head.id, child.id)
                arcs.append(Arc(relation, head, child, path, arrow, emphasised))
        return arcs


def paint_arcs(painter: QPainter, arcs: list[Arc], colors: dict[str, QColor]) -> None:
    """Draw ``arcs``; ``colors`` maps a child's label to its colour (the span's lane).

    Solid strokes in the child's label colour (the kind of link shows without hovering), one
    path per colour: a dashed or antialiased stroke costs several times as much to rasterise,
    and a scroll frame must stay within budget with every quote's links shown.
    """
    if not arcs:
        return
    groups: dict[tuple[str, bool], tuple[QPainterPath, QPainterPath]] = {}
    for arc in arcs:
        key = (arc.child.label, arc.emphasised)
        if key not in groups:
            groups[key] = (QPainterPath(), QPainterPath())
        strokes, arrows = groups[key]
        strokes.addPath(arc.path)
        if arc.arrow is not None:
            arrows.addPolygon(arc.arrow)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for (label, emphasised), (strokes, arrows) in groups.items():
        color = QColor(colors.get(label) or colors.get("") or QColor("#888888"))
        painter.setPen(QPen(color, 2.0 if emphasised else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(strokes)
        painter.fillPath(arrows, color)
    painter.restore()


def arc_at(arcs: list[Arc], point: QPointF) -> Arc | None:
    """The arc drawn nearest under ``point``, if any (for the hover label)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(_HIT_WIDTH)
    for arc in reversed(arcs):  # the last drawn is on top
        if stroker.createStroke(arc.path).contains(point):
            return arc
    return None


def describe(arc: Arc) -> str:
    """The hover label: ``attributed_to: QUOTE [200–260] → SPEAKER [131–167] Dmitry Peskov``."""
    speaker = arc.child.attrs.get(SPEAKER_ATTRIBUTE)
    named = f" {speaker}" if speaker else ""
    head, child = arc.head, arc.child
    return (
        f"{arc.relation.label}: {head.label} [{head.start}–{head.end}] → "
        f"{child.label} [{child.start}–{child.end}]{named}"
    )


def _anchor(span: Span, lines: list[Line], starts: list[int], offsets: OffsetMap) -> _Anchor:
    """Where an arc meets ``span``: the middle of its first fragment, or off the lines."""
    q_start = offsets.to_qt(span.start)
    if q_start < lines[0].start:
        return _Anchor(-1, 0.0)
    if q_start > lines[-1].end:
        return _Anchor(len(lines), 0.0)
    i = bisect_right(starts, q_start) - 1
    ln = lines[i]
    q_start = min(q_start, ln.end)
    q_end = min(offsets.to_qt(span.end), ln.end)
    return _Anchor(i, (ln.x(q_start) + ln.x(max(q_start, q_end))) / 2.0)


def _arc_path(
    left: float, right: float, base: float, peak: float, ends: tuple[bool, bool]
) -> QPainterPath:
    """An arc from ``left`` to ``right``; an end that is not a span's runs flat off the line."""
    curve = min(8.0, max(1.0, (right - left) / 2.0))
    path = QPainterPath()
    if ends[0]:
        path.moveTo(left, base)
        path.quadTo(left, peak, left + curve, peak)
    else:
        path.moveTo(left, peak)
    if ends[1]:
        path.lineTo(right - curve, peak)
        path.quadTo(right, peak, right, base)
    else:
        path.lineTo(right, peak)
    return path


def _arrow(x: float, base: float) -> QPolygonF:
    return QPolygonF([QPointF(x - 4.0, base - 6.0), QPointF(x + 4.0, base - 6.0), QPointF(x, base)])
