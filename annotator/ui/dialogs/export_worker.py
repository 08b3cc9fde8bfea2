"""An export off the GUI thread: its own read-only connection, a progress dialog with Cancel,
and the summary told through :class:`~annotator.ui.messages.Messages` at the end."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import AnnotatorError
from annotator.model.progress import Cancelled
from annotator.store import Project
from annotator.transfer.export_job import ExportRequest, ExportResult, run_export
from annotator.ui.messages import LONG, Messages


class ExportWorker(QThread):
    """Runs :func:`run_export` on a read-only connection of its own (SQLite connections stay
    in the thread that made them; read-only opens work beside the window's writer)."""

    progressed = Signal(int, int)
    exported = Signal(object)  # ExportResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, project: Path, request: ExportRequest) -> None:
        # Owned by the application: a window closed meanwhile must not take a running
        # QThread down with it (Qt aborts the process then).
        super().__init__(QCoreApplication.instance())
        self._project = project
        self._request = request
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int | None) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total if total is not None else 0)

    def run(self) -> None:
        try:
            with Project.open(self._project, read_only=True) as project:
                result = run_export(project, self._request, progress=self._progress)
        except Cancelled:
            self.cancelled.emit()
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            self.failed.emit(f"{where}{(exc.strerror or str(exc)).lower()}")
        except Exception as exc:  # a thread has nobody above it to tell: the window shows it
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.exported.emit(result)


class ExportRun(QObject):
    """One export from the window: the worker, its progress dialog, and what the user is told."""

    #: the export ended, however it ended
    done = Signal()

    def __init__(
        self, project: Path, request: ExportRequest, parent: QWidget, messages: Messages
    ) -> None:
        super().__init__(parent)
        self.messages = messages
        self.request = request
        self.worker = ExportWorker(project, request)
        self.progress = QProgressDialog(
            self.tr("Exporting {0}…").format(request.format), self.tr("Cancel"), 0, 0, parent
        )
        self.progress.setWindowTitle(self.tr("Export"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.worker.progressed.connect(self._progressed)
        self.worker.exported.connect(self._exported)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)
        self.worker.finished.connect(self._finished)
        self.worker.finished.connect(self.worker.deleteLater)

    def start(self) -> None:
        self.progress.show()
        self.worker.start()

    def cancel(self) -> None:
        self.progress.setLabelText(self.tr("Cancelling: removing what was written…"))
        self.worker.cancel()

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _exported(self, result: ExportResult) -> None:
        self.progress.hide()
        self.messages.inform(self.tr("Export finished"), "\n".join(result.lines()))
        self.messages.status(
            self.tr("Exported {0} to {1}").format(self.request.format, self.request.out), LONG
        )

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.messages.warn(self.tr("Nothing was exported.\n\n{message}").format(message=message))

    def _cancelled(self) -> None:
        self.progress.hide()
        self.messages.status(self.tr("Export cancelled: nothing was written"), LONG)

    def _finished(self) -> None:
        self.progress.hide()
        self.progress.deleteLater()
        self.done.emit()
        self.deleteLater()
