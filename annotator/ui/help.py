"""Help: the keyboard cheat sheet over the window (generated from ``BINDINGS``), the About box."""

from __future__ import annotations

import html
import platform
from collections.abc import Sequence
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, qVersion
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.paths import user_data_dir
from annotator.store.project import sqlite_version
from annotator.ui.actions import BINDINGS, Actions

NATIVE = QKeySequence.SequenceFormat.NativeText
COLUMNS = 3


def version_line() -> str:
    """The versions a bug report needs (also ``annotator-gui --version``)."""
    return f"annotator {__version__} (Qt {qVersion()}, SQLite {sqlite_version()})"


def key_rows(actions: Actions, schema_actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, command) for every command of the key table in its order, then the schema's;
    the keys as they are now (remapped ones included), commands without a key left out."""
    found = [getattr(actions, b.name) for b in BINDINGS] + list(schema_actions)
    rows = []
    for action in found:
        keys = ", ".join(s.toString(NATIVE) for s in action.shortcuts() if on_keyboards(s))
        if keys:
            rows.append(
                (keys, action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))
            )
    return rows


#: Keys every keyboard has; a standard key also brings dedicated ones (Undo, Zoom In, F14)
#: that few keyboards have and that would only crowd the sheet.
_NAMED = {
    Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
    Qt.Key.Key_Escape,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Insert,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    *(Qt.Key(Qt.Key.Key_F1.value + n) for n in range(12)),
}


def on_keyboards(sequence: QKeySequence) -> bool:
    key = sequence[0].key() if sequence.count() else None  # type: ignore[index]
    return key is not None and (key.value < Qt.Key.Key_Escape.value or key in _NAMED)


def cheat_sheet_html(rows: Sequence[tuple[str, str]]) -> str:
    per_column = -(-len(rows) // COLUMNS)
    columns = [rows[i : i + per_column] for i in range(0, len(rows), per_column)]
    cells = []
    for column in columns:
        lines = "".join(
            f"<tr><td align='right' style='padding-right:10px'><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(text)}</td></tr>"
            for keys, text in column
        )
        cells.append(f"<td valign='top' style='padding-right:28px'><table>{lines}</table></td>")
    return (
        "<h2>"
        + html.escape(QCoreApplication.translate("Help", "Keyboard shortcuts"))
        + "</h2><table><tr>"
        + "".join(cells)
        + "</tr></table><p>"
        + html.escape(
            QCoreApplication.translate(
                "Help",
                "Remap any of them in Edit › Preferences › Keys. Any key or click closes this.",
            )
        )
        + "</p>"
    )


class CheatSheet(QFrame):
    """Every key of the window over a dimmed window; any key or click closes it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("cheat-sheet")
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAutoFillBackground(True)
        self.text.setMargin(18)
        self.text.setFrameShape(QFrame.Shape.StyledPanel)
        # A card the size of its text, centred over the dimmed window.
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignCenter)
        self._focus: QWidget | None = None
        window.installEventFilter(self)
        self.hide()

    def show_keys(self, rows: Sequence[tuple[str, str]]) -> None:
        self._focus = QApplication.focusWidget()
        self.text.setText(cheat_sheet_html(rows))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if event.type() == QEvent.Type.Resize and parent is not None and watched is parent:
            self.setGeometry(parent.rect())
        return False

    def event(self, event: QEvent) -> bool:
        # Every key is ours while it shows: none may label or delete behind the sheet.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() not in (
            Qt.Key.Key_Shift,
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_Meta,
        ):
            self.close_sheet()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_sheet()

    def close_sheet(self) -> None:
        self.hide()
        if self._focus is not None:
            self._focus.setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))


def show_about(parent: QWidget, project: Path) -> QMessageBox:
    """The About box, window-modal: versions, the project file, the data folder."""
    box = QMessageBox(parent)
    box.setObjectName("about")
    box.setWindowTitle(QCoreApplication.translate("Help", "About Annotator"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setText(
        QCoreApplication.translate(
            "Help",
            "<h3>Annotator {0}</h3><p>Annotate quotes, speakers, cues and stances in news "
            "articles.</p><table><tr><td>Qt</td><td>{1} (PySide6 "
            "{pyside_version})</td></tr><tr><td>SQLite</td><td>{2}</td></tr>"
            "<tr><td>Python</td><td>{3}</td></tr><tr><td>Project&nbsp;</td><td>{4}</td></tr>"
            "<tr><td>Data "
            "folder&nbsp;</td><td>{5}</td></tr></table><p>MIT licence. The "
            "<code>annotator</code> command does everything the window does.</p>",
        ).format(
            html.escape(__version__),
            qVersion(),
            sqlite_version(),
            platform.python_version(),
            html.escape(str(project)),
            html.escape(str(user_data_dir())),
            pyside_version=pyside_version,
        )
    )
    box.open()
    return box
