"""Long work of the window (packing, merging) under a progress dialog with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from annotator.model.progress import Cancelled, Progress

T = TypeVar("T")


def run_with_progress(
    parent: QWidget, label: str, work: Callable[[Progress], T]
) -> tuple[T | None, bool]:
    """Run ``work`` with a progress dialog; (its result, False), or (None, True) when the
    user pressed Cancel (the work then left everything as it was)."""
    dialog = QProgressDialog(label, QCoreApplication.translate("LongWork", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(500)
    # Reset (which forgets a Cancel) when the work returns, not at the last report: the work
    # may still be writing after it has counted everything.
    dialog.setAutoReset(False)

    def report(done: int, total: int | None) -> None:
        if total is not None and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, dialog.maximum()) if dialog.maximum() else 0)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled

    try:
        return work(report), False
    except Cancelled:
        return None, True
    finally:
        dialog.reset()
        dialog.deleteLater()
