"""Driving the window as a user does: keys, clicks, typing into editors; shared by GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QListWidgetItem

from annotator.paths import seeds_dir
from annotator.ui.main_window import MainWindow
from annotator.ui.text.text_view import TextView

SEED = next(seeds_dir().glob("*.txt"))
DOC = SEED.stem
TEXT = SEED.read_text(encoding="utf-8")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class FakeClock:
    """A clock a test moves by hand (the window's active time takes one)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle() -> None:
    """Let the window finish what it defers until after a repaint (panel refreshes)."""
    QApplication.processEvents()


def select_words(qtbot, window: MainWindow, words: int) -> None:
    """Ctrl+Home, then Shift+Ctrl+Right ``words`` times."""
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    for _ in range(words):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)


def label(qtbot, window: MainWindow, part: str, key: str, nth: int = 0) -> None:
    """Select the ``nth`` occurrence of ``part`` in the seed article and press ``key``."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    window.view.set_selection_cp(start, start + len(part))
    qtbot.keyClick(window.view, key)
    settle()


def point_of(view: TextView, cp: int) -> QPoint:
    """Where code point ``cp`` is drawn, in viewport coordinates (mid-height of its line)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(cp))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def click_text(qtbot, view: TextView, cp: int) -> None:
    """A left click on the character at ``cp`` (scrolled into view first)."""
    view.scroll_to_cp(cp)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, cp))


def type_into(qtbot, editor: QComboBox, text: str) -> None:
    """Replace an editable combo's text by typing, then Return."""
    line = editor.lineEdit()
    assert line is not None, "not an editable combo"
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    settle()


def set_editor(qtbot, window: MainWindow, name: str, text: str) -> None:
    """Type ``text`` into the inspector's editor of attribute ``name`` for the selected span."""
    settle()
    type_into(qtbot, window.inspector.editors[name], text)


def pick(qtbot, editor: QComboBox, text: str) -> None:
    """Choose ``text`` in a combo by the keyboard, as a user tabbing into it would."""
    editor.setFocus()
    target = editor.findText(text)
    assert target >= 0, f"{text!r} is not offered"
    key = Qt.Key.Key_Down if target > editor.currentIndex() else Qt.Key.Key_Up
    for _ in range(abs(target - editor.currentIndex())):
        qtbot.keyClick(editor, key)
    settle()


def click_item(qtbot, widget: QListWidget, item: QListWidgetItem) -> None:
    widget.scrollToItem(item)
    rect = widget.visualItemRect(item)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
