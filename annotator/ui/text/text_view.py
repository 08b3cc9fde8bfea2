"""The document text view: a read-only QPlainTextEdit with spans painted over its visible part.

Why this shape (docs/design.md 5, performance-limits.md 2(c)): QPlainTextEdit lays out only what
it shows, and painting spans ourselves for the visible lines keeps the QTextDocument
untouched, so opening, scrolling and adding a span cost the same at 10 or 50,000 spans.
Offsets cross the Qt boundary only through ``OffsetMap``; text is never read back from Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from annotator.model import Relation, Span, SpanId
from annotator.ui.text.arc_painter import Arc, ArcLayer, arc_at, describe, paint_arcs
from annotator.ui.text.offsets import OffsetMap
from annotator.ui.text.span_index import SpanIndex
from annotator.ui.text.span_painter import (
    FALLBACK,
    KEY_LETTERS_FROM_PT,
    LANES,
    Badge,
    Fragment,
    LaneLayout,
    Line,
    Palette,
    build_palettes,
    key_badges,
    paint_key_badges,
    paint_marks,
    paint_spans,
    paint_suggestions,
    span_fragments,
)

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class TextView(QPlainTextEdit):
    """Shows one document's text with its spans; selection and offsets in code points."""

    span_activated = Signal(int)
    """A span was clicked (the innermost one under the pointer); carries its id."""
    span_deselected = Signal()
    """A click off every span cleared the selected span."""
    selection_changed_cp = Signal(int, int)
    """The text selection changed; start <= end in code points (equal: just the caret)."""
    spans_loaded = Signal()
    """The rest of a long document's spans arrived (see :meth:`defer_spans`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = LaneLayout(QTextDocument(self))
        document = self._layout.document()
        document.setUndoRedoEnabled(False)  # read-only: an undo stack would only cost memory
        document.setDocumentLayout(self._layout)
        self.setDocument(document)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._map = OffsetMap("")
        self._index = SpanIndex()
        # A long document's rest of spans: (the end of the text they cover, what loads them).
        self._pending: tuple[int, Callable[[], None]] | None = None
        self._load_timer = QTimer(self, singleShot=True, interval=0)
        self._load_timer.timeout.connect(self.complete_spans)
        self._label_colors: dict[str, str] = {}
        self._palettes: dict[str, Palette] = {}
        self._arc_colors: dict[str, QColor] = {}
        self._arcs = ArcLayer()
        self._disputed: list[tuple[int, int]] = []
        self._current_mark: tuple[int, int] | None = None
        self._selected: SpanId | None = None
        self._linked: frozenset[SpanId] = frozenset()
        # Machine suggestions, drawn as dashed outlines over the layer's own spans.
        self._suggestions = SpanIndex()
        self._current_suggestion: frozenset[SpanId] = frozenset()
        self._read_only_layer = False
        self._last_selection = (0, 0)
        self._press_cp: int | None = None
        self._press_arc: Arc | None = None
        self._lane_height = 2.0
        # The label's key letter at a span's start (not its colour alone): every span when
        # zoomed in, else the one under the pointer.
        self._label_keys: dict[str, str] = {}
        self._hovered: SpanId | None = None
        self.viewport().setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(12.0)
        self.setFont(font)
        self._size_lanes()  # changeEvent does it too, but only if the font really changed
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._emit_selection)

    # -- content -------------------------------------------------------------------------

    def set_content(self, text: str, spans: Sequence[Span], colors: Mapping[str, str]) -> None:
        """Show ``text`` with ``spans``; ``colors`` maps a label to ``#RRGGBB``."""
        # Checked here, not in paintEvent: a bad offset must fail the caller, not every paint.
        bad = next((s for s in spans if not 0 <= s.start <= s.end <= len(text)), None)
        if bad is not None:
            raise ValueError(f"span {bad.id} [{bad.start}, {bad.end}) is outside the text")
        self._map = OffsetMap(text)
        self._index = SpanIndex(spans)
        self.cancel_spans()
        self._label_colors = dict(colors)
        self._rebuild_palettes()
        self._selected = None
        self._suggestions = SpanIndex()
        self._current_suggestion = frozenset()
        self._arcs.set_relations(())
        self._last_selection = (0, 0)
        self.setPlainText(self._map.display_text)

    def defer_spans(self, covered: int, load: Callable[[], None]) -> None:
        """The view holds only the spans that start before ``covered`` (a long document's
        first screen); ``load`` brings the rest (with :meth:`load_spans`). It runs just after
        the first paint, or before it as soon as anything needs more: the spans read
        (:attr:`spans`), changed or selected, or a paint beyond ``covered``."""
        self._pending = (covered, load)
        self.viewport().update()

    def load_spans(self, spans: Sequence[Span]) -> None:
        """Replace the shown spans by ``spans`` (the whole set of the same text). Those shown
        keep their lanes: lanes are given in document order, and they were the first."""
        bad = next((s for s in spans if not 0 <= s.start <= s.end <= self._map.cp_length), None)
        if bad is not None:
            raise ValueError(f"span {bad.id} [{bad.start}, {bad.end}) is outside the text")
        self.cancel_spans()
        self._index = SpanIndex(spans)
        if self._selected is not None and self._selected not in self._index:
            self._selected = None
        self.viewport().update()
        self.spans_loaded.emit()

    def complete_spans(self) -> None:
        """Load the rest of the spans now, if some are still to come."""
        if self._pending is not None:
            _, load = self._pending
            self.cancel_spans()
            load()

    def cancel_spans(self) -> None:
        """Forget the spans still to come (another text, or the window closing)."""
        self._pending = None
        self._load_timer.stop()

    def set_label_keys(self, keys: Mapping[str, str]) -> None:
        """Each label's key letter, drawn at its spans' starts (default: the initial)."""
        self._label_keys = dict(keys)
        self.viewport().update()

    def set_relations(self, relations: Iterable[Relation]) -> None:
        """The links between the shown spans, drawn as arcs above the lines."""
        self._arcs.set_relations(relations)
        self.viewport().update()

    def set_arcs_for_all(self, on: bool) -> None:
        """Draw the links of every quote on screen (on) or of the selected span only (off)."""
        if on != self._arcs.show_all:
            self._arcs.show_all = on
            self.viewport().update()

    def arcs_for_all(self) -> bool:
        return self._arcs.show_all

    def set_marks(
        self, disputed: Sequence[tuple[int, int]], current: tuple[int, int] | None
    ) -> None:
        """Review marks in code points: a bar over each disputed range, a box around the
        current one (the unit a reviewer's keys decide)."""
        self._disputed = sorted(disputed)
        self._current_mark = current
        self.viewport().update()

    @property
    def offsets(self) -> OffsetMap:
        return self._map

    @property
    def spans(self) -> SpanIndex:
        """The index behind the view (read it; change spans through the methods below)."""
        self.complete_spans()
        return self._index

    def add_span(self, span: Span) -> None:
        self._check_range(span)
        self.spans.add(span)
        self._update_cp_range(span.start, span.end)

    def remove_span(self, span_id: SpanId) -> None:
        span = self.spans.remove(span_id)
        if self._selected == span_id:
            self._selected = None
        self._update_cp_range(span.start, span.end)

    def replace_span(self, span: Span) -> None:
        self._check_range(span)
        old = self.spans.replace(span)
        self._update_cp_range(old.start, old.end)
        self._update_cp_range(span.start, span.end)
        if self._arcs.relations_of(span.id):
            self.viewport().update()  # its arcs reach lines the span is not on

    def show_span(self, span: Span) -> None:
        """Add ``span``, or redraw it where it changed."""
        if span.id in self.spans:
            self.replace_span(span)
        else:
            self.add_span(span)

    def discard_span(self, span_id: SpanId) -> None:
        """Remove the span if it is shown."""
        if span_id in self.spans:
            self.remove_span(span_id)

    def _check_range(self, span: Span) -> None:
        if not 0 <= span.start <= span.end <= self._map.cp_length:
            raise ValueError(f"span {span.id} [{span.start}, {span.end}) is outside the text")

    def set_selected_span(self, span_id: SpanId | None) -> None:
        if span_id is not None and span_id not in self.spans:
            raise KeyError(f"span {span_id} is not shown in this view")
        for old in (self._selected, span_id):
            span = self._index.get(old) if old is not None else None
            if span is not None:
                self._update_cp_range(span.start, span.end)
            if old is not None and self._arcs.relations_of(old):
                self.viewport().update()  # its arcs reach lines the span is not on
        self._selected = span_id

    def set_linked_spans(self, span_ids: Iterable[SpanId]) -> None:
        """Mark the spans linked to the selected one (drawn with a dashed outline)."""
        changed = self._linked.symmetric_difference(span_ids)
        self._linked = frozenset(span_ids)
        for span_id in changed:
            span = self._index.get(span_id)
            if span is not None:
                self._update_cp_range(span.start, span.end)

    def set_suggestions(self, spans: Sequence[Span], current: Iterable[SpanId] = ()) -> None:
        """Show ``spans`` (another layer's: suggestions) as dashed outlines; ``current``
        drawn bolder."""
        for span in spans:
            self._check_range(span)
        self._suggestions = SpanIndex(spans)
        self._current_suggestion = frozenset(current)
        self.viewport().update()

    def set_current_suggestion(self, span_ids: Iterable[SpanId]) -> None:
        current = frozenset(span_ids)
        if current != self._current_suggestion:
            self._current_suggestion = current
            self.viewport().update()

    @property
    def suggestions(self) -> SpanIndex:
        """The suggestions shown (read it; change them with :meth:`set_suggestions`)."""
        return self._suggestions

    def selected_span(self) -> Span | None:
        return self.spans.get(self._selected) if self._selected is not None else None

    def set_read_only_layer(self, read_only: bool) -> None:
        """Grey the spans out, e.g. while showing another annotator's layer."""
        self._read_only_layer = read_only
        self._rebuild_palettes()
        self.viewport().update()

    # -- selection and caret in code points ------------------------------------------------

    def selection_cp(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (
            self._map.clamp_from_qt(cursor.selectionStart()),
            self._map.clamp_from_qt(cursor.selectionEnd()),
        )

    def set_selection_cp(self, start: int, end: int) -> None:
        """Select ``[start, end)``: the anchor at ``start``, the caret at ``end``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def caret_cp(self) -> int:
        return self._map.clamp_from_qt(self.textCursor().position())

    def scroll_to_cp(self, cp: int) -> None:
        """Bring ``cp`` into view without moving caret or selection, scrolling as little as
        possible: not at all when its line is on screen, a few lines when it is just off an
        edge, and only a jump far away puts it a third from the top."""
        pos = self._map.to_qt(cp)
        block = self.document().findBlock(pos)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        line = block.layout().lineForTextPosition(pos - block.position())
        line_top = top + line.y()
        height = self.viewport().height()
        if line_top >= 0 and line_top + line.height() <= height:
            return
        # The vertical scroll bar counts layout lines when wrapping (QPlainTextEdit).
        target = block.firstLineNumber() + line.lineNumber()
        bar = self.verticalScrollBar()
        band = line.height() + self._layout.gap
        page = max(1, bar.pageStep())
        if line_top < 0 and line_top > -height:
            bar.setValue(max(0, target - 1))  # just above: it becomes the second line
        elif height <= line_top + band < 2 * height:
            bar.setValue(max(0, target - page + 2))  # just below: it becomes the last line
        else:
            bar.setValue(max(0, target - page // 3))

    # -- zoom ------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self._set_point_size(self.font().pointSizeF() + 1)

    def zoom_out(self) -> None:
        self._set_point_size(self.font().pointSizeF() - 1)

    def _set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(min(max(size, 6.0), 48.0))
        self.setFont(font)

    # -- hit testing and tooltips ----------------------------------------------------------

    def cp_at(self, pos: QPoint | QPointF) -> int | None:
        """The code point under a viewport point, or None off the text (lanes count as text)."""
        point = QPointF(pos)
        for ln in self._visible_lines(QRect(0, int(point.y()), self.viewport().width(), 1)):
            if not ln.top <= point.y() < ln.top + ln.height + self._layout.gap:
                continue
            x = point.x() - ln.left
            line = ln.line
            if x < line.x() or x > line.x() + line.naturalTextWidth() or ln.start == ln.end:
                return None
            qt_pos = ln.block_pos + line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            return self._map.clamp_from_qt(min(qt_pos, ln.end - 1))
        return None

    def tooltip_text_at(self, pos: QPoint | QPointF) -> str:
        """The link under a viewport point (``attributed_to: QUOTE [200–260] → SPEAKER …``),
        else every span under it, one per line: ``QUOTE [12–40] stance=favor``;
        suggestions after them (``suggested SPEAKER [0–6] speaker=Dmitry Peskov``)."""
        arc = self.arc_at(pos)
        if arc is not None:
            return describe(arc)
        cp = self.cp_at(pos)
        if cp is None:
            return ""
        spans = sorted(self.spans.at(cp), key=lambda s: (s.start, -s.end, s.id))
        suggested = sorted(self._suggestions.at(cp), key=lambda s: (s.start, -s.end, s.id))
        return "\n".join(
            [_describe(s) for s in spans] + [f"suggested {_describe(s)}" for s in suggested]
        )

    def arc_at(self, pos: QPoint | QPointF) -> Arc | None:
        """The arc drawn under a viewport point, if any."""
        point = QPointF(pos)
        clip = QRect(0, int(point.y()) - 8, self.viewport().width(), 16)
        return arc_at(self._arcs_on(self._visible_lines(clip)), point)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # The viewport ignores tooltip events, so Qt forwards them here in our coordinates.
            text = self.tooltip_text_at(self.viewport().mapFrom(self, event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- input -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            # Tab steps through the spans here; Ctrl+Tab leaves the text, as in Qt's editors.
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
            return
        # Label and attribute keys belong to the window; a read-only view has no use for them.
        if _is_label_key(event) or event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_cp = self.cp_at(event.position())
            self._press_arc = self.arc_at(event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cp = self.cp_at(event.position())
        span = self.spans.innermost_at(cp) if cp is not None else None
        hovered = span.id if span is not None else None
        if hovered != self._hovered:
            self._hovered = hovered
            self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.viewport().update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return  # a drag selects text, it does not activate spans
        span = self.spans.innermost_at(self._press_cp) if self._press_cp is not None else None
        if self._press_arc is not None:
            # A click on a link selects its quote (the head: attributed_to and cued_by go from
            # the quote, continues from its later part), as clicking the quote itself would.
            span = self.spans.get(self._press_arc.relation.head)
        if span is not None:
            self.set_selected_span(span.id)
            self.span_activated.emit(span.id)
        elif self._selected is not None:
            self.set_selected_span(None)
            self.span_deselected.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_lanes()  # before Qt re-lays out the document for the new font
        elif event.type() == QEvent.Type.PaletteChange:
            self._rebuild_palettes()
        super().changeEvent(event)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pending is not None:
            self._after_first_paint(event.rect())
        shown = len(self._index) or len(self._suggestions) or self._disputed or self._current_mark
        lines = self._visible_lines(event.rect()) if shown else []
        fragments: list[Fragment] = []
        if lines and len(self._index):
            painter = QPainter(self.viewport())
            # Under the text, so glyphs keep the palette's own text colour on any background;
            # arcs and review marks too (they keep to the band above the text, and one
            # painter costs less than two).
            fragments = self._paint_spans(painter, lines)
            paint_arcs(painter, self._arcs_on(lines), self._arc_colors)
            badges = self._badges(fragments, lines)
            if badges:
                paint_key_badges(painter, badges, self._palettes, self.font())
            if self._disputed or self._current_mark:
                paint_marks(painter, lines, self._map, self._disputed, self._current_mark)
            painter.end()
        super().paintEvent(event)
        if lines and len(self._suggestions):
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            suggested = span_fragments(lines, self._suggestions, self._map)
            paint_suggestions(painter, suggested, self._palettes, self._current_suggestion)
            painter.end()
        outline = [rect for span, rect in fragments if span.id == self._selected]
        linked = [rect for span, rect in fragments if span.id in self._linked]
        if outline or linked:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            text_color = self.palette().color(QPalette.ColorRole.Text)
            # The selected span's links: a dashed outline, so "who said it" shows at a glance.
            painter.setPen(QPen(text_color, 1.5, Qt.PenStyle.DashLine))
            for rect in linked:
                painter.drawRoundedRect(rect.adjusted(-1.0, 0.0, 1.0, 0.0), 3.0, 3.0)
            painter.setPen(QPen(text_color, 2.0))
            for rect in outline:
                painter.drawRoundedRect(rect.adjusted(-1.0, 0.0, 1.0, 0.0), 3.0, 3.0)
            painter.end()

    def _after_first_paint(self, clip: QRect) -> None:
        """With a long document's spans still to come: paint now if the screen shows only
        text they cover (else load them first), and load them just after."""
        covered, _ = self._pending or (0, None)
        lines = self._visible_lines(clip)
        if lines and self._map.from_qt(lines[-1].end) > covered:
            self.complete_spans()
        else:
            self._load_timer.start()

    def _badges(self, fragments: list[Fragment], lines: list[Line]) -> list[Badge]:
        zoomed = self.font().pointSizeF() >= KEY_LETTERS_FROM_PT
        shown = fragments if zoomed else [f for f in fragments if f[0].id == self._hovered]
        if not shown:
            return []
        return key_badges(shown, lines[0].start, self._map, self._label_keys)

    def _paint_spans(self, painter: QPainter, lines: list[Line]) -> list[Fragment]:
        """Paint backgrounds, lanes and deep-overlap markers; return the text fragments drawn."""
        return paint_spans(
            painter,
            lines,
            self._index,
            self._map,
            self._palettes,
            self._layout.gap,
            self._lane_height,
        )

    def _arcs_on(self, lines: list[Line]) -> list[Arc]:
        band = self._layout.band
        width = float(self.viewport().width())
        return self._arcs.arcs(lines, self._index, self._map, self._selected, band, width)

    def _visible_lines(self, clip: QRect) -> list[Line]:
        """The laid-out lines of the visible blocks whose band (text + lanes) meets ``clip``."""
        lines: list[Line] = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        gap, band = self._layout.gap, self._layout.band
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > clip.bottom():
                break
            if block.isVisible() and geometry.bottom() >= clip.top():
                layout = block.layout()
                block_pos = block.position()
                count = layout.lineCount()
                for i in range(count):
                    line = layout.lineAt(i)
                    top = geometry.top() + line.y()
                    if top - band > clip.bottom():
                        break
                    if top + line.height() + gap < clip.top():
                        continue
                    start = block_pos + line.textStart()
                    end = start + line.textLength()
                    left, height = geometry.left(), line.height()
                    lines.append(
                        Line(start, end, block_pos, left, top, height, i == count - 1, line)
                    )
            block = block.next()
        return lines

    def _update_cp_range(self, start: int, end: int) -> None:
        """Schedule a repaint of the visible lines holding ``[start, end)``, nothing else."""
        q_start, q_end = self._map.to_qt(start), self._map.to_qt(end)
        area = QRectF()
        width = float(self.viewport().width())
        above = self._layout.band + 2.0  # the arcs drawn above the line are its own
        for ln in self._visible_lines(self.viewport().rect()):
            if ln.start <= q_end and ln.end + 1 > q_start:
                band = QRectF(0.0, ln.top - above, width, ln.height + self._layout.gap + 4 + above)
                area = area.united(band)
        if not area.isEmpty():
            self.viewport().update(area.toAlignedRect())

    # -- colours and metrics ---------------------------------------------------------------

    def _size_lanes(self) -> None:
        height = QFontMetricsF(self.font()).height()
        self._lane_height = max(2.0, round(height / 9.0))
        self._layout.gap = LANES * (self._lane_height + 2.0) + 1.0
        self._layout.band = max(12.0, round(height * 0.9))

    def _rebuild_palettes(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._palettes = build_palettes(self._label_colors, dark, self._read_only_layer)
        self._arc_colors = {label: palette.lane for label, palette in self._palettes.items()}

    def _palette_for(self, label: str) -> Palette:
        return self._palettes.get(label) or self._palettes[FALLBACK]

    def _emit_selection(self) -> None:
        selection = self.selection_cp()
        if selection != self._last_selection:
            self._last_selection = selection
            self.selection_changed_cp.emit(*selection)


def _is_label_key(event: QKeyEvent) -> bool:
    """A printable key without Ctrl/Alt/Meta: the window's label and attribute shortcuts."""
    text = event.text()
    return (
        bool(text)
        and text.isprintable()
        and not text.isspace()
        and not event.modifiers() & _COMMAND_MODIFIERS
    )


def _describe(span: Span) -> str:
    attrs = " ".join(f"{name}={value}" for name, value in span.attrs.items())
    return f"{span.label} [{span.start}–{span.end}]" + (f" {attrs}" if attrs else "")
