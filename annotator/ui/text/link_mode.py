"""Link mode: from a selected QUOTE, pick the speaker or cue to link by keyboard or mouse.

While active it owns Tab, arrows, Enter and Escape on the text view (taking them before the
window's shortcuts), shows the current candidate as the selected span, and pushes an
AddRelation when the user confirms.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from annotator.edits.spans import AddRelation
from annotator.model import Span
from annotator.model.linking import candidates, previous_segment
from annotator.model.snippet import quoted
from annotator.ui.session import Session
from annotator.ui.text.text_view import TextView

_NEXT = {Qt.Key.Key_Tab, Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS = {Qt.Key.Key_Backtab, Qt.Key.Key_Left, Qt.Key.Key_Up}
_ACCEPT = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
_OWNED = _NEXT | _PREVIOUS | _ACCEPT | {Qt.Key.Key_Escape}


class LinkMode(QObject):
    message = Signal(str)
    finished = Signal()

    def __init__(self, session: Session, view: TextView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.relation: str | None = None
        self.head: Span | None = None
        self.options: list[Span] = []
        self.position = 0
        view.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.relation is not None

    def start(self, relation: str) -> bool:
        kind = self.session.project.schema.relation(relation)
        head = self.view.selected_span()
        if kind is None:
            self.message.emit(
                self.tr("the schema has no {relation} relation").format(relation=relation)
            )
            return False
        if head is None or head.label not in kind.head:
            self.message.emit(
                self.tr("select a {0} first, then link it").format(" or ".join(kind.head))
            )
            return False
        options = candidates(head, kind, self.view.spans)
        if not options:
            self.message.emit(self.tr("no {0} span to link to yet").format(" or ".join(kind.child)))
            return False
        self.relation, self.head, self.options, self.position = relation, head, options, 0
        self._show()
        return True

    def join_previous(self) -> None:
        """A split quote's later part continues the nearest earlier quote: one keystroke."""
        head = self.view.selected_span()
        if head is None:
            self.message.emit(self.tr("select the later part of a split quote first"))
            return
        earlier = previous_segment(head, self.view.spans)
        if earlier is None:
            self.message.emit(self.tr("no earlier {0} for this one to continue").format(head.label))
            return
        self.session.push(AddRelation("continues", head.id, earlier.id))

    def step(self, forward: bool) -> None:
        self.position = (self.position + (1 if forward else -1)) % len(self.options)
        self._show()

    def accept(self) -> None:
        if self.head is not None and self.relation is not None:
            self.link_to(self.options[self.position])

    def link_to(self, child: Span) -> bool:
        """Link the head to ``child`` (a click during link mode lands here)."""
        head, relation = self.head, self.relation
        if head is None or relation is None:
            return False
        if child.id not in {s.id for s in self.options}:
            self.message.emit(
                self.tr("{relation} cannot link to a {0}").format(child.label, relation=relation)
            )
            return False
        self._end(head)
        self.session.push(AddRelation(relation, head.id, child.id))
        return True

    def cancel(self) -> None:
        if self.head is not None:
            self._end(self.head)
            self.message.emit(self.tr("linking cancelled"))

    def _end(self, head: Span) -> None:
        self.relation, self.head, self.options = None, None, []
        self.view.set_selected_span(head.id if head.id in self.view.spans else None)
        self.finished.emit()

    def _show(self) -> None:
        option = self.options[self.position]
        self.view.set_selected_span(option.id)
        self.view.scroll_to_cp(option.start)
        text = self.session.document.text if self.session.document else ""
        shown = quoted(text[option.start : option.end], 50)
        self.message.emit(
            self.tr(
                "Link {0} → {1} {shown} ({2} of {3}): Tab or arrows for the next, Enter links, "
                "Esc cancels"
            ).format(self.relation, option.label, self.position + 1, len(self.options), shown=shown)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.active or event.type() not in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            return False
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        if key not in _OWNED:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            # Accepting the override keeps window shortcuts (Tab, Escape) from firing.
            event.accept()
            return True
        if key in _NEXT:
            self.step(True)
        elif key in _PREVIOUS:
            self.step(False)
        elif key in _ACCEPT:
            self.accept()
        else:
            self.cancel()
        return True
