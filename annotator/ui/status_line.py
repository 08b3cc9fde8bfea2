"""The status bar's permanent part: who is annotating, the document's counts and status, and
whether every change is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.model import Status
from annotator.model.snippet import plural


class StatusLine:
    def __init__(self, bar: QStatusBar) -> None:
        self.annotator = QLabel()
        self.document = QLabel()
        self.saved = QLabel("All changes saved")
        self.saved.setToolTip("Every edit is committed to the project file at once")
        for widget in (self.annotator, self.document, self.saved):
            bar.addPermanentWidget(widget)

    def show_identity(self, annotator: str, layer: str) -> None:
        self.annotator.setText(
            f"Annotator: {annotator}"
            if layer == annotator
            else f"Viewing {layer}'s layer (read-only) as {annotator}"
        )

    def show_document(self, spans: int, status: Status) -> None:
        self.document.setText(f"{plural(spans, 'span')} · {status.value.replace('_', ' ')}")
