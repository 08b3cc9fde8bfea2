"""The annotation session: project, annotator, open document, and the undo stack of Edits.

Every change goes through :meth:`Session.push`, which applies an Edit (one committed
transaction) and records it on the QUndoStack; views listen to :attr:`Session.changed`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.edits import Change, Edit
from annotator.edits.spans import SetStatus
from annotator.errors import AnnotatorError, StorageError
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    Span,
    SpanId,
    Status,
)
from annotator.model.ids import GOLD
from annotator.store import Project
from annotator.store.catalogue import DocumentQuery
from annotator.store.recovery import READ_FAILURES
from annotator.ui.project_hold import BUSY, ProjectHold

# A set of more spans than this is shown in two steps: the first screen's spans, painted,
# then the whole set (reading 50,000 spans takes longer than the text takes to show).
LONG_SET = 2000


class FirstScreen(NamedTuple):
    """What a long set's first paint shows: the first screen's spans, every link, and the
    set's size and status (for the status bar)."""

    spans: list[Span]
    relations: list[Relation]
    total: int
    status: Status


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id)


def _relation_id(relation: Relation) -> int:
    return relation.id


class EditCommand(QUndoCommand):
    """Adapts one Edit to Qt's undo framework; the Edit holds all the logic."""

    def __init__(self, session: Session, edit: Edit, change: Change) -> None:
        super().__init__(edit.text)
        self.session = session
        self.edit = edit
        #: What the edit touched when it was applied: its document, and its spans to show.
        self.change = change
        # The session runs a step before it moves the stack (so a failed step leaves the
        # stack where it was); Qt then calls redo() or undo(), which must do nothing.
        self.already_run = True

    def redo(self) -> None:
        if self.already_run:
            self.already_run = False
            return
        self.session.run(self.edit.apply)

    def undo(self) -> None:
        if self.already_run:
            self.already_run = False
            return
        self.session.run(self.edit.revert)


class Session(QObject):
    """What one annotator has open; the single path for changes from the window."""

    changed = Signal(object)  # Change
    document_opened = Signal(object)  # Document
    failed = Signal(str)
    #: The project file could not be written (StorageError): nothing of the edit was saved,
    #: and the open document was reloaded from the file.
    not_saved = Signal(object)  # StorageError
    #: An undo or redo acted on another document: it was opened; show (document, start, end).
    revealed = Signal(str, int, int)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.annotator = AnnotatorName(annotator)
        #: Whose layer is shown; another than our own is read-only.
        self.layer = self.annotator
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        # The open document's set, kept up to date from each Change: a long document's set
        # holds tens of thousands of spans, too many to reload after every key press.
        self._set: AnnotationSet | None = None
        self._last_change: Change | None = None
        self._by_id: dict[SpanId, Span] = {}
        self._by_id_of: AnnotationSet | None = None
        # The links a long set's first screen read (with its document and layer): the set
        # read just after takes them instead of reading them again, unless a change came
        # in between.
        self._first_links: tuple[DocumentId, AnnotatorName, list[Relation]] | None = None
        #: Why the last apply or revert failed (None after one that succeeded).
        self.last_failure: AnnotatorError | None = None
        # Whether an import, merge or the suggester holds the project (edits wait for it).
        self.hold = ProjectHold(project, self)
        if not project.read_only:  # a damaged project, open to read what is readable
            project.ensure_annotator(annotator)

    @property
    def read_only(self) -> bool:
        """Another annotator's layer is read-only; gold is the reviewer's to edit. A project
        open read-only (a damaged one) is read-only throughout."""
        return self.project.read_only or self.layer not in (self.annotator, GOLD)

    # --- the one path for changes ------------------------------------------------------------

    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` and make it undoable; False (and a message) when it is refused."""
        if self.project.read_only:
            self.failed.emit(
                self.tr("The project is open read-only (it is damaged); nothing can be changed")
            )
            return False
        if self.read_only:
            self.failed.emit(
                self.tr("{0}'s layer is read-only; switch back to your own").format(self.layer)
            )
            return False
        if self._held():
            return False
        if not self.run(edit.apply):
            return False
        assert self._last_change is not None
        self.undo_stack.push(EditCommand(self, edit, self._last_change))
        self._start_work()
        return True

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        """Undo or redo: on another document, open it first and show the span; the stack moves
        only if the step was saved. A step refused for good (its target changed since) leaves
        the stack, so the ones before it stay reachable; one that failed on the disk stays, to
        be tried again."""
        stack = self.undo_stack
        command = self.command(undo)
        if command is None or self._held():
            return
        elsewhere = self._elsewhere(command)
        if elsewhere:
            self.open_document(command.change.document)
        before = self._where(command.change)
        ok = self.run(command.edit.revert if undo else command.edit.apply)
        if ok:
            command.already_run = True
        elif not isinstance(self.last_failure, StorageError):
            command.setObsolete(True)  # Qt drops it from the stack without calling it
        else:
            return
        stack.undo() if undo else stack.redo()
        if ok and elsewhere:
            shown = (self._where(self._last_change) if self._last_change else None) or before
            if shown is not None:
                self.revealed.emit(command.change.document, *shown)

    def _held(self) -> bool:
        """Refuse a change while a job holds the project (one from a window the job's
        dialog does not block, as the Team view): it would join the job's transaction."""
        if self.hold.busy:
            self.failed.emit(self.tr(BUSY))
        return self.hold.busy

    def command(self, undo: bool) -> EditCommand | None:
        """The command the next undo (or redo) would run."""
        stack = self.undo_stack
        index = stack.index() - 1 if undo else stack.index()
        found = stack.command(index) if 0 <= index < stack.count() else None
        return found if isinstance(found, EditCommand) else None

    def step_text(self, undo: bool) -> str:
        """The undo (or redo) text; it names the document when that is not the open one."""
        command = self.command(undo)
        if command is None:
            return ""
        if not self._elsewhere(command):
            return command.text()
        document = self.project.documents.title(command.change.document)
        return f"{command.text()} in «{document or command.change.document}»"

    def _elsewhere(self, command: EditCommand) -> bool:
        document = command.change.document
        return bool(document) and (self.document is None or self.document.id != document)

    def _where(self, change: Change) -> tuple[int, int] | None:
        """Where the first span an edit touched is stored now, if it still is."""
        for span_id in (*change.spans, *change.removed):
            span = self.project.spans.get(span_id)
            if span is not None and span.document == change.document:
                return span.start, span.end
        return None

    def _start_work(self) -> None:
        """The first edit of a document's set starts it: todo becomes in progress. Not
        undoable ("undo" never means "unstart"), and only on an edit: looking writes nothing."""
        change, document = self._last_change, self.document
        if change is None or document is None or change.status:
            return
        if (change.document, change.annotator) != (document.id, self.layer):
            return
        if self.current_set().status == Status.TODO:
            self.run(SetStatus(document.id, self.layer, status=Status.IN_PROGRESS).apply)

    def run(self, step: Callable[[Project], Change]) -> bool:
        """Run one apply or revert; a refusal becomes a message, not an exception. Refused
        while a job holds the project, as a change pushed is (derived state, as gold's
        status settled by the review, is settled again at its next reload)."""
        if self._held():
            return False
        self.last_failure = None
        self._first_links = None  # whatever the step did, they may be out of date
        try:
            change = step(self.project)
        except StorageError as exc:
            self.last_failure = exc
            self._reload()
            self.not_saved.emit(exc)
            return False
        except AnnotatorError as exc:
            self.last_failure = exc
            self.failed.emit(str(exc))
            return False
        self._last_change = change
        self._follow(change)
        self.changed.emit(change)
        return True

    def _follow(self, change: Change) -> None:
        """Bring the cached set up to date with what an edit touched."""
        cached = self._set
        if cached is None:
            return
        if change.registry or (change.document, change.annotator) != (
            cached.document,
            cached.annotator,
        ):
            if change.registry or not change.document:
                self._set = None
            return
        project = self.project
        touched = set(change.spans) | set(change.removed)
        if touched:
            # In place, by bisection: the work per edit must not grow with the document.
            by_id = self._span_ids(cached)
            spans = cached.spans
            for span_id in touched:
                old = by_id.pop(span_id, None)
                if old is not None:
                    at = bisect_left(spans, _order(old), key=_order)
                    if at < len(spans) and spans[at].id == span_id:
                        del spans[at]
            for span in map(project.spans.get, change.spans):
                if span is not None and span.annotator == cached.annotator:
                    insort(spans, span, key=_order)
                    by_id[span.id] = span
        if change.relations or change.removed:
            # Every link an edit makes or breaks has an end among its spans (a deleted span's
            # links go with it): re-read the links of those spans only.
            kept = [r for r in cached.relations if r.head not in touched and r.child not in touched]
            fresh = project.relations.of_spans(change.spans)
            cached.relations = sorted({r.id: r for r in kept + fresh}.values(), key=_relation_id)
        if change.status or change.doc_attrs:
            cached.status = project.sets.status(cached.document, cached.annotator)
            cached.doc_attrs = project.sets.doc_attrs(cached.document, cached.annotator)

    def _span_ids(self, cached: AnnotationSet) -> dict[SpanId, Span]:
        """The cached set's spans by id, built once per set (then kept up to date)."""
        if self._by_id_of is not cached:
            self._by_id = {span.id: span for span in cached.spans}
            self._by_id_of = cached
        return self._by_id

    def _reload(self) -> None:
        """What is shown is what is stored: after a failed write, read the document again."""
        self._set = None
        if self.document is not None:
            self.document_opened.emit(self.document)

    # --- documents -----------------------------------------------------------------------------

    def open_document(self, document_id: DocumentId) -> None:
        read: AnnotationSet | None = None
        try:
            document = self.project.documents.get(document_id)
            if document is not None and self.project.read_only:
                # A damaged file: read the set now, so a damaged page is reported here (and
                # kept: it is shown whole, never read again after the first paint).
                read = self.project.sets.get(document_id, self.layer)
        except READ_FAILURES:
            self.project.note_damage()
            self.failed.emit(
                self.tr("Document {0} is unreadable: the file is damaged there").format(document_id)
            )
            return
        if document is None:
            self.failed.emit(self.tr('no document "{document_id}"').format(document_id=document_id))
            return
        self.document = document
        self._set = read
        self.document_opened.emit(document)

    def first_unfinished(self) -> DocumentId | None:
        """The first document (in import order) the shown layer has not done or skipped."""
        catalogue = self.project.catalogue
        open_work = frozenset({Status.TODO, Status.IN_PROGRESS})
        found = catalogue.rows(DocumentQuery(self.layer, statuses=open_work), 0, 1)
        if not found:
            found = catalogue.rows(DocumentQuery(self.layer), 0, 1)
        return found[0].id if found else None

    def first_screen(self, end: int) -> FirstScreen | None:
        """For a long set not read yet (over ``LONG_SET`` spans): its spans starting before
        ``end``, its links, size and status, enough to paint the text's first ``end`` code
        points before the whole set is read (:meth:`current_set`). None for a set read
        whole at once."""
        assert self.document is not None, "open a document first"
        document, cached = self.document.id, self._set
        if cached is not None and (cached.document, cached.annotator) == (document, self.layer):
            return None
        project = self.project
        total = project.spans.count_in_set(document, self.layer)
        if total <= LONG_SET:
            return None
        relations = project.relations.in_set(document, self.layer)
        self._first_links = (document, self.layer, relations)
        return FirstScreen(
            project.spans.starting_before(document, self.layer, end),
            relations,
            total,
            project.sets.status(document, self.layer),
        )

    def current_set(self) -> AnnotationSet:
        """The shown layer's set of the open document (cached; do not modify it)."""
        assert self.document is not None, "open a document first"
        cached = self._set
        key = (self.document.id, self.layer)
        if cached is None or (cached.document, cached.annotator) != key:
            first, self._first_links = self._first_links, None
            links = first[2] if first is not None and first[:2] == key else None
            cached = self.project.sets.get(*key, relations=links)
            self._set = cached
        return cached

    def set_layer(self, layer: str) -> None:
        self.layer = AnnotatorName(layer)
        self._set = None
        if self.document is not None:
            self.document_opened.emit(self.document)
        self.changed.emit(
            Change(self.document.id if self.document else DocumentId(""), self.layer, status=True)
        )

    def layers(self) -> list[str]:
        names = set(self.project.annotators()) | {self.annotator}
        return sorted(names, key=lambda n: (n != self.annotator, n == GOLD, n))
