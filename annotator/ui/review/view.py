"""Review in context: the article once per annotator and once for gold, scrolled together.

Each column is a read-only text view with that layer's spans and links (arcs); units the
annotators disagree on and nobody has decided are marked with a bar, and the unit under the
caret is boxed in every column. The adjudication keys decide that unit (``deciding.py``, the
same edits as the table): 1-9 accept that version, R rejects (with a reason typed below),
E accepts and opens the gold copy for editing, A accepts every unanimous unit, Tab and
Shift+Tab go to the next and previous unit, Ctrl+Z undoes; clicking a span or a link's arc
makes its unit current, as clicking an arc selects its quote in the main view. Columns sit
side by side, or stacked when the window is too narrow for them or the text is long; they
take the annotation view's font and follow its zoom, and the window's zoom keys zoom them
all together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.adjudication.units import Unit
from annotator.model import AnnotationSet, DocumentId, SpanId
from annotator.model.ids import GOLD
from annotator.ui.adjudication.review_state import ReviewState
from annotator.ui.adjudication.view import decision_text
from annotator.ui.counts import counted, form
from annotator.ui.session import Session
from annotator.ui.text.text_view import TextView

COLUMN_WIDTH = 340
"""Narrower than this per column and the columns are stacked."""
LONG_TEXT = 60_000
"""Texts longer than this (code points) are stacked: full-width lines read faster."""


class ReviewColumn(QWidget):
    """One layer over the text: a header and a read-only text view."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.header = QLabel(name)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.view = TextView()
        self.view.setAccessibleName(self.tr("{name}'s layer").format(name=name))
        self.view.set_arcs_for_all(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 2, 2, 2)
        column.addWidget(self.header)
        column.addWidget(self.view, 1)

    def show_layer(self, aset: AnnotationSet) -> None:
        """Bring the view's spans and links in line with ``aset`` (text and scroll kept)."""
        wanted = {s.id: s for s in aset.spans}
        for span in list(self.view.spans):
            if span.id not in wanted:
                self.view.remove_span(span.id)
        for span in wanted.values():
            if self.view.spans.get(span.id) != span:
                self.view.show_span(span)
        self.view.set_relations(aset.relations)


class ReviewView(QWidget):
    """Decide one document's units into gold while reading every layer over the text."""

    def __init__(
        self,
        session: Session,
        document: DocumentId,
        parent: QWidget | None = None,
        *,
        text_view: QWidget | None = None,
        zoom: tuple[QAction, QAction] | None = None,
    ) -> None:
        """``text_view``: the annotation view whose font the columns take and follow;
        ``zoom``: the window's Zoom In and Zoom Out, whose keys (the user's) zoom here too."""
        super().__init__(parent)
        self.session = session
        self._text_view = text_view
        self._zoom = zoom
        self._font: QFont | None = QFont(text_view.font()) if text_view is not None else None
        self._syncing_font = False
        self.state = ReviewState(session, document, self)
        self.columns: dict[str, ReviewColumn] = {}
        self._current: Unit | None = None
        self._disputed: list[tuple[int, int]] = []
        self._last_view: TextView | None = None
        self._syncing = False
        self._colors = {label.name: label.color for label in session.project.schema.labels}
        self.setWindowTitle(self.tr("Review — {0}").format(self.state.title))
        self.include_unfinished = QCheckBox(self.tr("Include unfinished layers that have spans"))
        self.unit_line = QLabel()
        self.unit_line.setTextFormat(Qt.TextFormat.PlainText)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for rejecting"))
        self.reason.setPlaceholderText(
            self.tr("Why reject? (optional) — Enter rejects, Esc cancels")
        )
        self.reason.hide()
        self.progress = QLabel()
        self.message = QLabel()
        keys = QLabel(
            self.tr(
                "Tab / Shift+Tab next / previous unit · 1–9 accept version · E edit gold · "
                "R reject · A accept all unanimous · Ctrl+Z undo"
            )
        )
        keys.setEnabled(False)
        column = QVBoxLayout(self)
        column.addWidget(self.include_unfinished)
        column.addWidget(self.unit_line)
        column.addWidget(self.splitter, 1)
        for widget in (self.reason, self.progress, self.message, keys):
            column.addWidget(widget)
        self.reason.installEventFilter(self)
        self.reason.returnPressed.connect(self._confirm_reject)
        self.include_unfinished.toggled.connect(self.state.set_unfinished)
        self.state.reloaded.connect(self._show)
        session.failed.connect(self.message.setText)
        if text_view is not None:
            text_view.installEventFilter(self)  # its font changes (zoom, preferences) come here
        self.refresh()
        if self.state.units:
            self.go_to_unit(self.state.units[0])

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute units and decisions; show every layer; keep the caret and scroll."""
        self.state.reload()

    def _show(self) -> None:
        state = self.state
        by_name = {s.annotator: s for s in state.sets}
        gold = by_name.get(GOLD) or AnnotationSet(state.document, GOLD)
        self._build_columns([s.annotator for s in state.counted] + [GOLD])
        for aset in [*state.counted, gold]:
            self.columns[aset.annotator].show_layer(aset)
        found = state.found
        self.progress.setText(
            form(
                found.total, self.tr("{0} / {1} unit decided"), self.tr("{0} / {1} units decided")
            ).format(found.decided, found.total)
        )
        self._disputed = [(u.start, u.end) for u in state.disputed()]
        self._caret_moved()

    def _build_columns(self, names: Sequence[str]) -> None:
        if list(self.columns) == list(names):
            return
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()
        self.columns = {}
        for name in names:
            column = ReviewColumn(name)
            view = column.view
            if self._font is not None:
                view.setFont(self._font)
            view.set_content(self.state.text, [], self._colors)
            view.installEventFilter(self)
            view.span_activated.connect(lambda span_id, v=view: self._span_clicked(v, span_id))
            view.verticalScrollBar().valueChanged.connect(lambda _, v=view: self._follow(v))
            view.cursorPositionChanged.connect(self._caret_moved)
            self.splitter.addWidget(column)
            self.columns[name] = column
        self._arrange()

    def current_unit(self) -> Unit | None:
        """The unit under the caret of the column last used (the innermost one)."""
        return self._current

    def _focused_view(self) -> TextView | None:
        """The column the reviewer is in, or was in last (the reason field takes the focus)."""
        views = [column.view for column in self.columns.values()]
        focused = next((view for view in views if view.hasFocus()), None)
        if focused is not None:
            self._last_view = focused
        elif self._last_view not in views:
            self._last_view = views[0] if views else None
        return self._last_view

    def _caret_moved(self) -> None:
        view = self._focused_view()
        cp = view.caret_cp() if view is not None else 0
        under = [u for u in self.state.units if u.start <= cp < u.end or u.start == cp]
        unit = min(under, key=lambda u: u.end - u.start) if under else None
        self._current = unit
        current = (unit.start, unit.end) if unit is not None else None
        for column in self.columns.values():
            column.view.set_marks(self._disputed, current)
            column.header.setText(self._header(column.name, unit))
        self.unit_line.setText(self._describe(unit))

    def _header(self, name: str, unit: Unit | None) -> str:
        if unit is None:
            return name
        if name == GOLD:
            decision = self.state.decisions.get(unit.key)
            decided = decision_text(decision, unit) or self.tr("undecided")
            return f"{GOLD} — {decided}"
        version = unit.version_of(name)
        if version:
            return self.tr("{0} — version {1}").format(name, version.number)
        return self.tr("{0} — nothing here").format(name)

    def _describe(self, unit: Unit | None) -> str:
        if unit is None:
            return self.tr("No unit under the caret: Tab goes to the next one")
        state = (
            self.tr("unanimous")
            if unit.unanimous
            else counted(len(unit.versions), self.tr("{0} version"), self.tr("{0} versions"))
        )
        return f"{unit.label} {unit.start}–{unit.end} · {state}"

    # --- moving ---------------------------------------------------------------------------

    def go_to_unit(self, unit: Unit) -> None:
        """Put the caret at the start of ``unit`` in every column and bring it into view."""
        for column in self.columns.values():
            column.view.set_selection_cp(unit.start, unit.start)
            column.view.scroll_to_cp(unit.start)
        self._caret_moved()

    def _span_clicked(self, view: TextView, span_id: int) -> None:
        """A click on a span, or on a link's arc (the view then names the link's quote): its
        unit becomes the current one, in every column."""
        span = view.spans.get(SpanId(span_id))
        if span is None:
            return
        unit = next(
            (u for u in self.state.units if any(span in found for found in u.spans.values())),
            None,
        )
        if unit is None:  # gold's own span, or one of a layer not counted: just go there
            view.set_selection_cp(span.start, span.start)
        elif unit is not self._current:
            self.go_to_unit(unit)

    def zoom(self, step: int) -> None:
        """Zoom every column together: in for a positive ``step``, out for a negative one."""
        views = [column.view for column in self.columns.values()]
        if views:
            # The text view's own zoom; its font change reaches the others (eventFilter).
            (views[0].zoom_in if step > 0 else views[0].zoom_out)()

    def _set_font(self, font: QFont) -> None:
        """Give every column ``font`` (and every column built later)."""
        self._font = QFont(font)
        self._syncing_font = True
        try:
            for column in self.columns.values():
                if column.view.font() != font:
                    column.view.setFont(font)
        finally:
            self._syncing_font = False

    def step(self, forward: bool) -> None:
        order = self.state.units
        if not order:
            return
        if self._current is not None and self._current in order:
            i = order.index(self._current) + (1 if forward else -1)
        else:
            view = self._focused_view()
            cp = view.caret_cp() if view is not None else 0
            after = next((k for k, u in enumerate(order) if u.start > cp), len(order))
            i = after if forward else after - 1
        self.go_to_unit(order[i % len(order)])  # past either end: round to the other

    def _follow(self, source: TextView) -> None:
        """Scroll the other columns to the line at the top of ``source``."""
        if self._syncing:
            return
        self._syncing = True
        try:
            top = top_line_start(source)
            for column in self.columns.values():
                if column.view is not source:
                    scroll_top_to(column.view, top)
        finally:
            self._syncing = False

    def _arrange(self) -> None:
        """Side by side when each column gets a readable width, else stacked."""
        count = max(1, len(self.columns))
        narrow = self.width() < COLUMN_WIDTH * count
        stacked = narrow or len(self.state.text) > LONG_TEXT
        wanted = Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Focus once shown: the keys work at once, in the first annotator's column.
        if self.columns and not any(c.view.hasFocus() for c in self.columns.values()):
            next(iter(self.columns.values())).view.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    # --- deciding -------------------------------------------------------------------------

    def accept(self, number: int) -> bool:
        unit = self._current
        if unit is None:
            self.message.setText(self.tr("no unit under the caret"))
            return False
        problem = self.state.decider.accept(unit, number)
        if problem is not None:
            if problem:
                self.message.setText(problem)
            return False
        self.message.clear()
        return True

    def reject(self, reason: str = "") -> bool:
        unit = self._current
        return unit is not None and self.state.decider.reject(unit, reason)

    def edit(self) -> bool:
        unit = self._current
        return unit is not None and self.state.edit(unit)

    def accept_unanimous(self) -> bool:
        return self.state.accept_unanimous()

    def ask_reason(self) -> None:
        if self._current is None:
            return
        self.reason.clear()
        self.reason.show()
        self.reason.setFocus()

    def _confirm_reject(self) -> None:
        reason = self.reason.text()
        self._close_reason()
        self.reject(reason)

    def _close_reason(self) -> None:
        view = self._focused_view()  # before hiding: that hands the focus on to any column
        self.reason.hide()
        if view is not None:
            view.setFocus()

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FontChange and not self._syncing_font:
            # The annotation view zoomed, or one column did (Ctrl+wheel): all follow.
            if isinstance(watched, QWidget):
                self._set_font(watched.font())
            return False
        if watched is self._text_view:
            return False  # the main window's keys are its own
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if watched is self.reason:
            if event.key() != Qt.Key.Key_Escape:
                return False
            event.accept()  # claim Escape before the window's Close shortcut does
            if kind == QEvent.Type.KeyPress:
                self._close_reason()
            return True
        action = self._action_for(event)
        if action is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            action()
        return True

    def _action_for(self, event: QKeyEvent) -> Callable[[], object] | None:
        stack = self.session.undo_stack
        if event.matches(QKeySequence.StandardKey.Undo):
            return stack.undo
        if event.matches(QKeySequence.StandardKey.Redo):
            return stack.redo
        zoom = self._zoom_step(event)
        if zoom:
            return lambda: self.zoom(zoom)
        if event.key() == Qt.Key.Key_Backtab:
            return lambda: self.step(False)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Tab:
            return lambda: self.step(modifiers != Qt.KeyboardModifier.ShiftModifier)
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        text = event.text().lower()
        if text in tuple("123456789"):
            return lambda: self.accept(int(text))
        return {"r": self.ask_reason, "e": self.edit, "a": self.accept_unanimous}.get(text)

    def _zoom_step(self, event: QKeyEvent) -> int:
        """+1 for a key of Zoom In, -1 for one of Zoom Out (the window's keys, or the
        platform's standard ones for a review opened on its own), else 0."""
        if self._zoom is None:
            if event.matches(QKeySequence.StandardKey.ZoomIn):
                return 1
            return -1 if event.matches(QKeySequence.StandardKey.ZoomOut) else 0
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # Ctrl++ arrives as Ctrl+Shift++ where + is a shifted key: match it either way.
        pressed = [
            QKeySequence(event.key() | modifiers.value),
            QKeySequence(event.key() | (modifiers & ~Qt.KeyboardModifier.ShiftModifier).value),
        ]
        zoom_in, zoom_out = self._zoom
        if any(key in pressed for key in zoom_in.shortcuts()):
            return 1
        return -1 if any(key in pressed for key in zoom_out.shortcuts()) else 0


def top_line_start(view: TextView) -> int:
    """The Qt position where the view's top line starts: the line the scroll bar names (it
    counts layout lines), as QPlainTextEdit itself reads it."""
    value = view.verticalScrollBar().value()
    document = view.document()
    block = document.findBlockByLineNumber(value)
    document.documentLayout().blockBoundingRect(block)  # laid out, so its lines are known
    layout, index = block.layout(), value - block.firstLineNumber()
    if 0 <= index < layout.lineCount():
        return block.position() + layout.lineAt(index).textStart()
    return block.position()


def scroll_top_to(view: TextView, pos: int) -> None:
    """Scroll ``view`` so the line holding Qt position ``pos`` is its first.

    The scroll bar counts layout lines, a block not laid out yet as one: laying out the
    target block first makes its line number exact (Qt lays out only later blocks after).
    """
    block = view.document().findBlock(pos)
    view.document().documentLayout().blockBoundingRect(block)
    layout, offset = block.layout(), pos - block.position()
    # Not lineForTextPosition: at a wrap it answers the line ending there, not the one starting.
    index = max(
        (i for i in range(layout.lineCount()) if layout.lineAt(i).textStart() <= offset),
        default=0,
    )
    view.verticalScrollBar().setValue(block.firstLineNumber() + index)
