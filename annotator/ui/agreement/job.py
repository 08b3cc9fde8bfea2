"""The agreement report off the GUI thread: inputs read on it, the report computed in a QThread."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, Signal

from annotator.agreement.breakdown import ValuePairs, value_pairs
from annotator.transfer.agreement_input import AgreementInputs


@dataclass(frozen=True, slots=True)
class AgreementResult:
    report: dict[str, Any]
    pairs: ValuePairs
    texts: dict[str, str]


class _Cancelled(Exception):
    """Raised from the progress callback to stop the report at its next stage."""


class ReportJob(QThread):
    """Computes the report and the confusion counts off the GUI thread."""

    progressed = Signal(int, int)
    computed = Signal(object)  # AgreementResult
    failed = Signal(str)

    def __init__(self, inputs: AgreementInputs) -> None:
        # Owned by the application, not the view: a view deleted while the job runs must not
        # take a running QThread down with it (Qt aborts the process then).
        super().__init__(QCoreApplication.instance())
        self._inputs = inputs
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise _Cancelled
        # One more step than the report's own: the confusion counts come after it.
        self.progressed.emit(done, total + 1)

    def run(self) -> None:
        given = self._inputs
        try:
            report = given.report(self._progress)
            pairs = value_pairs(
                given.sets, given.schema, given.annotators, given.include_unfinished, given.texts
            )
        except _Cancelled:
            return
        except Exception as exc:  # a thread has nobody above it to tell: the view shows it
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        if not self._stop.is_set():
            self.progressed.emit(1, 1)
            self.computed.emit(AgreementResult(report, pairs, given.texts))
