"""Whether a job holds the project: an import writing from a worker thread, or a merge or the
suggester running under a progress dialog. Either has a transaction open on the project's
one connection (an import's with SQLite's CHECK constraints off), and the event loop goes
on meanwhile, so a timer's write would join that transaction as a savepoint and be rolled
back with it. The window's own writes (active time, the periodic backup, an edit from
another window) wait while the project is held and go on at :attr:`ProjectHold.released`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # the dialogs' module is imported with the first import, not at start-up
    from annotator.ui.dialogs.transfer_job import TransferJob


class ProjectHold(QObject):
    """The jobs holding one session's project, and work on the GUI thread that does."""

    # Nothing holds the project any more: writes that waited may go.
    released = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[TransferJob] = []
        self._depth = 0

    @property
    def busy(self) -> bool:
        return bool(self._jobs) or self._depth > 0

    def hold_for(self, job: TransferJob) -> None:
        """``job`` (started next) writes into the project from its thread: held until it has
        finished."""
        self._jobs.append(job)
        # A slot of this object: run on the GUI thread, after the job's last write.
        job.ended.connect(self._job_ended)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Held around work on the GUI thread that lets the event loop run (a progress
        dialog's ``processEvents``) inside its transaction."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._release_if_free()

    def finish(self) -> None:
        """Cancel the jobs and wait for them (the window closes: the project must be left
        at a commit, then it is backed up and closed). A cancelled import imports nothing."""
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.cancel()
        for job in jobs:
            job.wait()
        if jobs:
            self._release_if_free()

    def _job_ended(self, job: TransferJob) -> None:
        held = len(self._jobs)
        self._jobs = [j for j in self._jobs if j is not job]
        if len(self._jobs) < held:
            self._release_if_free()

    def _release_if_free(self) -> None:
        if not self.busy:
            self.released.emit()
