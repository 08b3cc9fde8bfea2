"""One way to tell the user something: the status bar for news, a dialog for what must be read.

Everything in the window that reports, warns or asks goes through :class:`Messages`, so the
wording, the timeouts and (in tests) the answers to questions live in one place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox

#: How long a status-bar message stays, in milliseconds.
SHORT = 4000
NORMAL = 6000
LONG = 10000


class Messages:
    def __init__(self, window: QMainWindow) -> None:
        self._window = window

    def status(self, text: str, timeout: int = NORMAL) -> None:
        """News that needs no answer: shown in the status bar, then gone."""
        self._window.statusBar().showMessage(text, timeout)

    def clear(self) -> None:
        self._window.statusBar().clearMessage()

    def warn(self, text: str, title: str = "Annotator") -> None:
        """Something failed and the user must read why before going on."""
        QMessageBox.warning(self._window, title, text)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._window, title, text)

    def confirm(self, title: str, text: str) -> bool:
        """A yes/no question; tests answer it by replacing this method."""
        answer = QMessageBox.question(self._window, title, text)
        return answer == QMessageBox.StandardButton.Yes
