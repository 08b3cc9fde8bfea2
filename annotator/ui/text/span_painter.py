"""Painting spans over the visible lines of the text view: backgrounds, lanes, markers.

Kept apart from the widget so the drawing rules (lanes, batching, palettes) read on their
own; the widget decides what is visible and when to repaint.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import NamedTuple, cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextLine
from PySide6.QtWidgets import QPlainTextDocumentLayout

from annotator.model import Span, SpanId
from annotator.ui.text.offsets import OffsetMap
from annotator.ui.text.span_index import SpanIndex

LANES = 3
"""Underline rows below each line; spans in deeper lanes get a marker (and the tooltip)."""

FALLBACK = ""
"""The palette key for labels without a colour."""
_FALLBACK_COLOR = "#888888"


class LaneLayout(QPlainTextDocumentLayout):
    """QPlainTextEdit's layout with a fixed gap below every line, where the lanes are drawn.

    QPlainTextEdit ignores ``QTextBlockFormat.setLineHeight`` and stacks lines back to back,
    leaving ~4 px of descent for underlines. Qt reads line positions and block heights back
    from the block layout and this virtual for painting, hit testing, cursor rectangles and
    scrolling, so spreading a block's lines after Qt laid it out is enough. Only visible
    blocks are asked for, so this costs a few Python calls per block per paint.

    ``band`` is room above every line for the arcs of links (``arc_painter``).
    """

    gap = 0.0
    band = 0.0

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the block out if needed
        layout = block.layout()
        count = layout.lineCount()
        if count == 0 or not block.isVisible():
            return rect
        y = 0.0
        for i in range(count):
            line = layout.lineAt(i)
            y += self.band
            if line.y() != y:
                line.setPosition(QPointF(line.x(), y))
            y += line.height() + self.gap
        if not block.next().isValid():
            y += self.document().documentMargin()
        return QRectF(0.0, 0.0, rect.width(), y)


class Line(NamedTuple):
    """One visible line: its Qt position range, viewport geometry and the Qt line itself."""

    start: int
    end: int  # excludes the paragraph break
    block_pos: int
    left: float
    top: float
    height: float
    ends_block: bool
    line: QTextLine

    def x(self, pos: int) -> float:
        x, _ = cast("tuple[float, int]", self.line.cursorToX(pos - self.block_pos))
        return self.left + x


Fragment = tuple[Span, QRectF]  # a span's piece on one line


class Palette(NamedTuple):
    background: QColor  # translucent, under the text
    lane: QColor


def paint_spans(
    painter: QPainter,
    lines: list[Line],
    index: SpanIndex,
    offsets: OffsetMap,
    palettes: dict[str, Palette],
    gap: float,
    lane_h: float,
) -> list[Fragment]:
    """Paint backgrounds, lanes and deep-overlap markers of the spans on ``lines``; return
    the text fragments drawn (for outlines). Rects are batched per colour."""
    to_qt = offsets.to_qt
    first_cp = offsets.clamp_from_qt(lines[0].start)
    last_cp = offsets.clamp_from_qt(lines[-1].end + 1)
    starts = [ln.start for ln in lines]
    break_width = 4.0
    backgrounds: dict[str, list[QRectF]] = {}
    lanes: dict[str, list[QRectF]] = {}
    fragments: list[Fragment] = []
    for span in index.overlapping(first_cp, last_cp):
        q_start, q_end = to_qt(span.start), to_qt(span.end)
        lane = index.lane(span.id)
        for i in range(max(0, bisect_right(starts, q_start) - 1), len(lines)):
            ln = lines[i]
            if ln.start >= q_end:
                break
            a, b = max(q_start, ln.start), min(q_end, ln.end)
            covers_break = ln.ends_block and q_end > ln.end
            if b <= a and not covers_break:
                continue
            x1, x2 = ln.x(a), ln.x(b)
            x1, x2 = min(x1, x2), max(x1, x2)  # right-to-left lines
            if covers_break:
                x2 += break_width
            rect = QRectF(x1, ln.top, x2 - x1, ln.height)
            backgrounds.setdefault(span.label, []).append(rect)
            fragments.append((span, rect))
            below = ln.top + ln.height + 1.0
            if lane < LANES:
                # Inset where the span really starts/ends, so abutting or nested spans of
                # one label stay apart in a lane.
                x1 += 1.0 if a == q_start and x2 - x1 > 4.0 else 0.0
                x2 -= 1.0 if b == q_end and x2 - x1 > 4.0 else 0.0
                lane_rect = QRectF(x1, below + lane * (lane_h + 2.0), x2 - x1, lane_h)
                lanes.setdefault(span.label, []).append(lane_rect)
            elif a == q_start:  # too deep for a lane of its own: a tick where it starts
                lanes.setdefault(span.label, []).append(QRectF(x1, below, 3.0, gap - 2.0))
    painter.setPen(Qt.PenStyle.NoPen)
    for label, rects in backgrounds.items():
        painter.setBrush((palettes.get(label) or palettes[FALLBACK]).background)
        painter.drawRects(rects)
    for label, rects in lanes.items():
        painter.setBrush((palettes.get(label) or palettes[FALLBACK]).lane)
        painter.drawRects(rects)
    return fragments


def build_palettes(colors: Mapping[str, str], dark: bool, read_only: bool) -> dict[str, Palette]:
    """Translucent backgrounds and solid lanes per label; muted for a read-only layer."""
    background_alpha = 90 if dark else 60  # the same tint needs more alpha on dark
    lane_alpha = 255
    if read_only:
        background_alpha, lane_alpha = background_alpha // 2, 110
    palettes: dict[str, Palette] = {}
    for label, name in [*colors.items(), (FALLBACK, _FALLBACK_COLOR)]:
        base = QColor(name)
        if read_only:
            base = QColor.fromHsl(base.hslHue(), 20, base.lightness())
        background, lane = QColor(base), QColor(base)
        background.setAlpha(background_alpha)
        lane.setAlpha(lane_alpha)
        palettes[label] = Palette(background, lane)
    return palettes


def span_fragments(lines: list[Line], index: SpanIndex, offsets: OffsetMap) -> list[Fragment]:
    """The pieces of ``index``'s spans on ``lines``, one rectangle per span and line."""
    to_qt = offsets.to_qt
    first_cp = offsets.clamp_from_qt(lines[0].start)
    last_cp = offsets.clamp_from_qt(lines[-1].end + 1)
    starts = [ln.start for ln in lines]
    fragments: list[Fragment] = []
    for span in index.overlapping(first_cp, last_cp):
        q_start, q_end = to_qt(span.start), to_qt(span.end)
        for i in range(max(0, bisect_right(starts, q_start) - 1), len(lines)):
            ln = lines[i]
            if ln.start >= q_end:
                break
            a, b = max(q_start, ln.start), min(q_end, ln.end)
            if b <= a:
                continue
            x1, x2 = sorted((ln.x(a), ln.x(b)))
            fragments.append((span, QRectF(x1, ln.top, x2 - x1, ln.height)))
    return fragments


def paint_suggestions(
    painter: QPainter,
    fragments: list[Fragment],
    palettes: dict[str, Palette],
    current: frozenset[SpanId],
) -> None:
    """Machine suggestions: dashed outlines in their label's colour, drawn over the
    annotator's own spans so both show; the suggestion under the caret is drawn bolder."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for bold in (False, True):
        for span, rect in fragments:
            if (span.id in current) != bold:
                continue
            color = (palettes.get(span.label) or palettes[FALLBACK]).lane
            pen = QPen(color, 2.5 if bold else 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(-1.5, -1.0, 1.5, 1.0), 3.0, 3.0)


MARK_COLOR = QColor("#D55E00")  # vermillion: apart from every label colour of the default schema


def range_rects(lines: list[Line], q_start: int, q_end: int) -> list[QRectF]:
    """The text rectangles of Qt range ``[q_start, q_end)`` on ``lines``, one per line."""
    rects = []
    for ln in lines:
        if ln.start >= q_end or ln.end < q_start:
            continue
        a, b = max(q_start, ln.start), min(q_end, ln.end)
        x1, x2 = sorted((ln.x(a), ln.x(max(a, b))))
        rects.append(QRectF(x1, ln.top, max(x2 - x1, 3.0), ln.height))
    return rects


def paint_marks(
    painter: QPainter,
    lines: list[Line],
    offsets: OffsetMap,
    disputed: list[tuple[int, int]],
    current: tuple[int, int] | None,
) -> None:
    """Review marks: a bar over each disputed range, a box around the current one."""
    first = offsets.clamp_from_qt(lines[0].start)
    last = offsets.clamp_from_qt(lines[-1].end + 1)
    bars = [
        QRectF(rect.left(), rect.top() - 3.0, rect.width(), 3.0)
        for start, end in disputed
        if start <= last and end >= first
        for rect in range_rects(lines, offsets.to_qt(start), offsets.to_qt(end))
    ]
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(MARK_COLOR)
    painter.drawRects(bars)
    if current is not None and current[0] <= last and current[1] >= first:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(MARK_COLOR, 2.0))
        for rect in range_rects(lines, offsets.to_qt(current[0]), offsets.to_qt(current[1])):
            painter.drawRoundedRect(rect.adjusted(-2.0, -1.0, 2.0, 1.0), 3.0, 3.0)
    painter.restore()


#: From this text size up ("zoomed in") every span shows its label's key letter at its
#: start; below it only the span under the pointer does (the view's default is 12 pt).
KEY_LETTERS_FROM_PT = 14.0

Badge = tuple[Span, QRectF, str]  # a span, its first piece, its label's key letter


def key_badges(
    fragments: list[Fragment], first_visible: int, offsets: OffsetMap, keys: Mapping[str, str]
) -> list[Badge]:
    """Each span that starts on the visible lines, the rectangle of its first piece, and its
    label's key letter (a label without a key: its initial), so the label is readable without
    telling colours apart."""
    seen: set[SpanId] = set()
    badges = []
    for span, rect in fragments:
        if span.id in seen:
            continue
        seen.add(span.id)
        if offsets.to_qt(span.start) < first_visible:
            continue  # starts above the screen: its first piece here is not its start
        letter = (keys.get(span.label) or span.label[:1]).upper()
        badges.append((span, rect, letter))
    return badges


def paint_key_badges(
    painter: QPainter,
    badges: list[Badge],
    palettes: dict[str, Palette],
    font: QFont,
) -> None:
    """A small tag in the label's colour with the key letter, on the band above the span's
    first character (the text itself stays uncovered)."""
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.7))
    small.setBold(True)
    metrics = QFontMetricsF(small)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(small)
    for span, rect, letter in badges:
        color = (palettes.get(span.label) or palettes[FALLBACK]).lane
        width = metrics.horizontalAdvance(letter) + 4.0
        height = metrics.height()
        tag = QRectF(rect.left(), rect.top() - height, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(tag, 2.0, 2.0)
        painter.setPen(QColor("#000000") if color.lightnessF() > 0.6 else QColor("#FFFFFF"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, letter)
    painter.restore()
