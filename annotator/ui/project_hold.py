"""Whether a job holds the project: an import writing from a worker thread, or a merge or the
suggester running under a progress dialog. Either has a transaction open while the event loop
goes on (an import's with SQLite's CHECK constraints off). The job works on the project's
writer connection, lent to it (``Project.lent``); meanwhile the window reads through a
read-only connection, so its lists, the document it opens and the Team view show the last
commit, never the job's rows, and a cancel or a failure takes nothing away that was shown.
The window's own writes (active time, the periodic backup, an edit from another window) wait
while the project is held and go on at :attr:`ProjectHold.released`; a second job is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.errors import AnnotatorError
from annotator.store.project import Project
from annotator.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the dialogs' module is imported with the first import, not at start-up
    from annotator.ui.dialogs.transfer_job import TransferJob

# Said when a change, or a second job, comes while the project is held.
BUSY = QT_TRANSLATE_NOOP(
    "Session", "An import, merge or suggestion run holds the project; try again when it ends"
)


class ProjectHold(QObject):
    """The jobs holding one session's project, and work on the GUI thread that does."""

    # Nothing holds the project any more: writes that waited may go.
    released = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        # Each job's lending of the writer connection, given back when the job has ended.
        self._jobs: dict[TransferJob, ExitStack] = {}
        self._depth = 0

    @property
    def busy(self) -> bool:
        return bool(self._jobs) or self._depth > 0

    def hold_for(self, job_of: Callable[[Project], TransferJob]) -> TransferJob:
        """The job ``job_of`` makes to write into the project lent to it from its thread (the
        caller connects and starts it): held until it has ended. Raises AnnotatorError while
        another job holds the project."""
        self.refuse_if_busy()
        lending = ExitStack()
        lent = lending.enter_context(self.project.lent())
        try:
            job = job_of(lent)
        except BaseException:
            lending.close()
            raise
        self._jobs[job] = lending
        # A slot of this object: run on the GUI thread, after the job's last write.
        job.ended.connect(self._job_ended)
        return job

    @contextmanager
    def held(self) -> Iterator[Project]:
        """Held around work on the GUI thread that lets the event loop run (a progress
        dialog's ``processEvents``) inside its transaction: the work writes into the project
        given. Raises AnnotatorError while another job holds the project."""
        self.refuse_if_busy()
        self._depth += 1
        try:
            with self.project.lent() as lent:
                yield lent
        finally:
            self._depth -= 1
            self._release_if_free()

    def finish(self) -> None:
        """Cancel the jobs and wait for them (the window closes: the project must be left
        at a commit, then it is backed up and closed). A cancelled import imports nothing."""
        jobs, self._jobs = self._jobs, {}
        for job in jobs:
            job.cancel()
        for job, lending in jobs.items():
            job.wait()
            lending.close()
        if jobs:
            self._release_if_free()

    def refuse_if_busy(self) -> None:
        """Raise AnnotatorError, in one sentence, while a job holds the project."""
        # One lending at a time: a second job would be lent the read-only connection, or
        # (on the GUI thread) write inside the first one's transaction.
        if self.busy:
            raise AnnotatorError(QCoreApplication.translate("Session", BUSY))

    def _job_ended(self, job: TransferJob) -> None:
        lending = self._jobs.pop(job, None)
        if lending is not None:
            lending.close()
            self._release_if_free()

    def _release_if_free(self) -> None:
        if not self.busy:
            self.released.emit()
