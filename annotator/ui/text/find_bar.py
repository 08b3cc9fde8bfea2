"""Ctrl+F in the document: every hit highlighted, Enter and Shift+Enter step through them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from annotator.model.search import find_all
from annotator.ui.icons import icon
from annotator.ui.session import Session
from annotator.ui.text.text_view import TextView

_HIT = QColor(255, 214, 0, 150)
_CURRENT = QColor(255, 140, 0, 200)


class FindBar(QWidget):
    def __init__(self, view: TextView, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.session = session
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit(placeholderText=self.tr("Find in this document"))
        self.field.setAccessibleName(self.tr("Find in this document"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(lambda: self.step(True))
        self.field.installEventFilter(self)
        self.count = QLabel()
        close = QToolButton()
        close.setIcon(icon("delete"))
        close.setToolTip(self.tr("Close the find bar (Esc)"))
        close.setAccessibleName(self.tr("Close find bar"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(pixmap=icon("find").pixmap(16, 16)))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        start, end = self.view.selection_cp()
        if start != end and self.session_text():
            self.field.setText(self.session_text()[start:end])
        self.field.setFocus()
        self.field.selectAll()

    def session_text(self) -> str:
        document = self.session.document
        return document.text if document else ""

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.view.setExtraSelections([])
        self.view.setFocus()

    def search(self, term: str) -> None:
        self.hits = find_all(self.session_text(), term)
        self.current = -1
        self.step(True)

    def step(self, forward: bool) -> None:
        if not self.hits:
            self.count.setText(self.tr("no hits") if self.field.text() else "")
            self.view.setExtraSelections([])
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.hits)
        self.count.setText(self.tr("{0} of {1}").format(self.current + 1, len(self.hits)))
        self._highlight()
        self.view.scroll_to_cp(self.hits[self.current][0])

    def _highlight(self) -> None:
        # Extra selections are fine for a few hundred hits; spans never use them (too slow).
        selections = []
        offsets = self.view.offsets
        for index, (start, end) in enumerate(self.hits[:2000]):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(_CURRENT if index == self.current else _HIT)
            selection.format = fmt
            selections.append(selection)
        self.view.setExtraSelections(selections)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape belongs to the find bar while it has focus, not to the window's shortcut.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.step(False)
        else:
            super().keyPressEvent(event)
