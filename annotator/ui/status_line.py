"""The status bar's permanent part: who is annotating, the document's counts and status, and
whether every change is saved."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.errors import StorageError
from annotator.model import Status
from annotator.ui.translation import QT_TRANSLATE_NOOP, status_text

SAVED = QT_TRANSLATE_NOOP("StatusLine", "All changes saved")
SAVED_TIP = QT_TRANSLATE_NOOP("StatusLine", "Every edit is committed to the project file at once")
#: Red on light and dark themes alike: the one state the annotator must not miss.
NOT_SAVED_STYLE = "color: #d32f2f; font-weight: bold"


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.annotator = QLabel()
        self.document = QLabel()
        self.saved = QLabel(QCoreApplication.translate("StatusLine", SAVED))
        self.saved.setToolTip(QCoreApplication.translate("StatusLine", SAVED_TIP))
        for widget in (self.annotator, self.document, self.saved):
            bar.addPermanentWidget(widget)

    def show_identity(self, annotator: str, layer: str) -> None:
        self.annotator.setText(
            QCoreApplication.translate("StatusLine", "Annotator: {annotator}").format(
                annotator=annotator
            )
            if layer == annotator
            else QCoreApplication.translate(
                "StatusLine", "Viewing {layer}'s layer (read-only) as {annotator}"
            ).format(layer=layer, annotator=annotator)
        )

    def show_document(self, spans: int, status: Status) -> None:
        counted = (
            QCoreApplication.translate("StatusLine", "1 span")
            if spans == 1
            else QCoreApplication.translate("StatusLine", "{0} spans").format(spans)
        )
        self.document.setText(f"{counted} · {status_text(status)}")

    def show_not_saved(self, error: StorageError) -> None:
        """The last edit failed on the disk or the file: say so until an edit is saved."""
        self.saved.setText(
            QCoreApplication.translate("StatusLine", "Not saved: {0}").format(error.kind)
        )
        self.saved.setToolTip(str(error))
        self.saved.setStyleSheet(NOT_SAVED_STYLE)

    def show_read_only(self) -> None:
        """A damaged project open read-only: nothing is saved, for nothing can be changed."""
        self.saved.setText(QCoreApplication.translate("StatusLine", "Read-only: damaged file"))
        self.saved.setToolTip(
            QCoreApplication.translate(
                "StatusLine",
                "File › Backups restores a backup; File › Export saves what is readable",
            )
        )
        self.saved.setStyleSheet(NOT_SAVED_STYLE)

    def show_saved(self) -> None:
        saved = QCoreApplication.translate("StatusLine", SAVED)
        if self.saved.text() != saved:
            self.saved.setText(saved)
            self.saved.setToolTip(QCoreApplication.translate("StatusLine", SAVED_TIP))
            self.saved.setStyleSheet("")
