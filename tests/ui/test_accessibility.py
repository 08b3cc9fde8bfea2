"""Every control can be named by a screen reader, and Tab walks the controls in reading order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from annotator.ui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
    QKeySequenceEdit,
)
#: Widgets whose inner parts are one control to a screen reader (a spin box's line edit, a
#: tab bar's scroll arrows, a table's header): the outer widget carries the name.
COMPOSITE = (QComboBox, QAbstractSpinBox, QKeySequenceEdit, QTabBar, QAbstractItemView, QLineEdit)


def _inside_composite(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOSITE):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(top: QWidget) -> list[str]:
    """The interactive widgets under ``top`` that have no visible text, no label pointing at
    them (a buddy, as QFormLayout rows make) and no accessible name."""
    buddies = {id(label.buddy()) for label in top.findChildren(QLabel) if label.buddy()}
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or _inside_composite(widget, top):
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if text.replace("&", "").strip() or id(widget) in buddies or widget.accessibleName():
            continue
        where = type(widget.parentWidget()).__name__
        found.append(f"{type(widget).__name__} {widget.objectName()!r} in {where}")
    return found


def opened_windows(before: set[int]) -> list[QWidget]:
    QApplication.processEvents()
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and not isinstance(w, QMessageBox)
    ]


def test_every_control_of_the_main_window_has_a_name(window: MainWindow) -> None:
    assert unnamed(window) == []


@pytest.mark.parametrize(
    "command",
    [
        "team",
        "agreement",
        "adjudicate",
        "review",
        "preferences",
        "export_files",
        "backups",
    ],
)
def test_every_control_of_each_tool_window_has_a_name(window: MainWindow, command: str) -> None:
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    getattr(window.commands, command).trigger()
    shown = opened_windows(before) + [
        d for d in window.findChildren(QDialog) if d.isVisible() and not isinstance(d, QMessageBox)
    ]
    assert shown, f"{command} opened no window"
    for top in shown:
        assert unnamed(top) == []
        top.close()


def test_every_control_of_the_import_dialog_has_a_name(window: MainWindow) -> None:
    window.commands.import_files.trigger()
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert dialogs
    for dialog in dialogs:
        assert unnamed(dialog) == []
        dialog.close()


def test_the_check_finds_a_nameless_field(window: MainWindow) -> None:
    field = QLineEdit(window.statusBar())
    field.setObjectName("nameless")
    assert unnamed(window) == ["QLineEdit 'nameless' in QStatusBar"]
    field.setAccessibleName("Named")
    assert unnamed(window) == []


def tab_order(qtbot, top: QWidget, start: QWidget, steps: int) -> list[QWidget]:
    """The widgets that take the focus on each press of Tab, from ``start``."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    walked = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    return walked


def names(widgets: list[QWidget]) -> list[str]:
    return [
        w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else type(w).__name__)
        for w in widgets
    ]


def test_tab_walks_the_main_window_in_reading_order(qtbot, window: MainWindow) -> None:
    """Left column, the text, then the right column top to bottom, and round again. The text
    keeps Tab for its spans; Ctrl+Tab leaves it, as in Qt's own editors."""
    walked = tab_order(qtbot, window, window.documents.filter, 5)
    assert names(walked) == [
        "Filter documents",
        "Show documents with status",
        "Status and spans of annotator",
        "Assigned to me",
        "Documents",
        "Document text",
    ]
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.view  # Tab: the next span, not a new widget
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(QApplication.focusWidget(), QTabBar)
    right = tab_order(qtbot, window, QApplication.focusWidget(), 4)
    assert names(right[1:]) == [
        "relevance",
        "overall_stance",
        "Spans of this document",
        "Filter documents",
    ]


def test_tab_walks_the_preferences_top_to_bottom(qtbot, window: MainWindow) -> None:
    window.commands.preferences.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    walked = tab_order(qtbot, dialog, dialog.name, 9)
    assert names(walked) == [
        "Annotator name",
        "Snap new spans to whole words",
        "Text font",
        "Text size",
        "Theme",
        "Language",
        "Backup interval",
        "OK",
        "Cancel",
        "Restore Defaults",
    ]
    dialog.close()
