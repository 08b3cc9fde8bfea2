"""Active time: the seconds a document is open in the window with input in the last two
minutes, counted per document and annotator and stored in the project for costing."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from annotator.errors import AnnotatorError
from annotator.model import Document, DocumentId
from annotator.ui.session import Session

Clock = Callable[[], float]
#: Input within this many seconds counts the time since as work; after it, time stops.
IDLE_AFTER = 120.0
#: How often counted time is written, so a crash loses at most this much of it.
SAVE_EVERY_MS = 30_000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.Shortcut,
    }
)


class ActiveStretch:
    """Counts time covered by input: each input makes the next ``idle_after`` seconds count
    (up to the next input or the present). Qt-free, so a fake clock can drive it."""

    def __init__(self, idle_after: float = IDLE_AFTER) -> None:
        self.idle_after = idle_after
        self._since: float | None = None
        self._until = 0.0
        self._counted = 0.0

    def note_input(self, now: float) -> None:
        if self._since is not None and now <= self._until:
            self._until = now + self.idle_after
            return
        if self._since is not None:
            self._counted += self._until - self._since
        self._since, self._until = now, now + self.idle_after

    def take(self, now: float) -> float:
        """The seconds counted until ``now``; counting goes on from there."""
        if self._since is not None:
            end = min(now, self._until)
            self._counted += max(0.0, end - self._since)
            self._since = now if now < self._until else None
        counted, self._counted = self._counted, 0.0
        return counted

    def stop(self) -> None:
        self._since = None
        self._counted = 0.0


class ActiveTimeCounter(QObject):
    """Watches the application's input while ``session`` has a document open and adds the
    active seconds to the project: on switching documents, every half minute, on close."""

    def __init__(
        self, session: Session, clock: Clock = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        self.stretch = ActiveStretch()
        self.document: DocumentId | None = None
        # Seconds counted and not stored yet, per document: kept while a job holds the
        # project (its transaction is open), stored when it lets go.
        self._owed: dict[DocumentId, float] = {}
        #: Whether the application's input is watched (from the window's show on).
        self.watching = False
        self.timer = QTimer(self, interval=SAVE_EVERY_MS)
        self.timer.timeout.connect(self.save)
        self.timer.start()
        session.hold.released.connect(self.save)
        session.document_opened.connect(self._opened)
        # An edit is input too (label keys arrive as shortcuts, a merge or a click as edits).
        session.changed.connect(lambda _change: self.note_input())
        if session.document is not None:
            self._opened(session.document)

    def watch_input(self) -> None:
        """Watch the application's input from now on (the window calls it on the event
        loop's first turn after it shows: input comes through the loop, none before).

        Not from the start: an application filter is a Python call per event, and each
        object it sees gets a Python wrapper (for a class PySide does not know, such as Qt's
        private widgets, PySide first creates every class of that module). Building, showing
        and painting the window send ~1,100 events before the loop's first turn."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            self.watching = True
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.note_input()
        return False

    def note_input(self) -> None:
        if self.document is not None:
            self.stretch.note_input(self.clock())

    def _opened(self, document: Document) -> None:
        if document.id == self.document:
            return
        self.save()
        self.stretch.stop()
        self.document = document.id
        self.note_input()  # opening it is the first input

    def save(self) -> None:
        """Add the seconds counted so far to the open document's time (or, while a job
        holds the project, keep them until it lets go)."""
        document = self.document
        seconds = self.stretch.take(self.clock())
        if document is not None and seconds > 0:
            self._owed[document] = self._owed.get(document, 0.0) + seconds
        if self.session.hold.busy:
            return
        owed, self._owed = self._owed, {}
        project = self.session.project
        if not owed or project.read_only or project.closed:
            return
        try:
            with project.transaction():
                for owed_document, owed_seconds in owed.items():
                    project.active_time.add(owed_document, self.session.annotator, owed_seconds)
        except AnnotatorError:
            # A full or read-only disk: the time is lost, the work is not; the next edit
            # will say what is wrong with the disk.
            pass

    def shut_down(self) -> None:
        self.save()
        self.timer.stop()
        self.document = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
