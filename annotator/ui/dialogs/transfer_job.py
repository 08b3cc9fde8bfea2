"""Long transfer work (an import's preview, the import itself) off the GUI thread, with progress
and a cancel that the work honours at its next progress call."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThread, Signal, SignalInstance

from annotator.errors import AnnotatorError
from annotator.model.progress import Cancelled, Progress

Work = Callable[[Progress], object]


class TransferJob(QThread):
    """Runs ``work(progress)``; says how it ended by exactly one of ``done``, ``failed`` (a
    user's mistake, as its sentence) or ``cancelled``, each with the job's ``tag`` so that
    a receiver can tell an overtaken job's answer from the one it waits for."""

    progressed = Signal(int, int)  # done, total (0 while not known)
    done = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    # The work is over, with the job itself: Qt's ``finished`` may reach a receiver after
    # ``deleteLater`` has run, with no sender left to say which job it was. Emitted before
    # the one of the three above: the project lent to the job is given back before anyone
    # hears how it ended (a receiver of ``done`` reads the schema the import added to).
    ended = Signal(object)

    def __init__(self, work: Work, tag: int = 0) -> None:
        # Owned by the application: a dialog closed while the job runs must not take a
        # running QThread down with it (Qt aborts the process then).
        super().__init__(QCoreApplication.instance())
        self._work = work
        self.tag = tag
        self._stop = threading.Event()
        self.finished.connect(self.deleteLater)

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int | None) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total or 0)

    def run(self) -> None:
        outcome: tuple[SignalInstance, tuple[object, ...]]
        try:
            result = self._work(self._progress)
        except Cancelled:
            outcome = self.cancelled, (self.tag,)
        except AnnotatorError as exc:
            outcome = self.failed, (self.tag, str(exc))
        except Exception as exc:  # a thread has nobody above it to tell: the dialog shows it
            outcome = self.failed, (self.tag, f"{type(exc).__name__}: {exc}")
        else:
            # Finished before the cancel was seen: the work is done (an import committed).
            outcome = self.done, (self.tag, result)
        self.ended.emit(self)
        signal, arguments = outcome
        signal.emit(*arguments)
