"""Reviewing machine suggestions in the window: shown over the text, accepted or rejected by key.

The open document's ``suggest:rules`` quotes that the annotator has not decided on are drawn
as dashed outlines in their own view; the one under the caret is current. Enter accepts it
(its speaker, cue and links too) into the shown layer, Backspace rejects it, Shift+Enter
accepts them all; each is one undoable Edit through the Session, and the caret moves on to
the next. Document > Suggest runs the suggester from the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QStatusBar, QWidget

from annotator.edits import Change
from annotator.edits.suggestions import AcceptSuggestions, RejectSuggestion
from annotator.errors import AnnotatorError
from annotator.model import Span, SpanId
from annotator.model.progress import Cancelled
from annotator.store.suggestions import ACCEPTED
from annotator.suggest import ANNOTATOR
from annotator.suggest.suggestion import Suggestion, suggestions
from annotator.ui.actions import Actions
from annotator.ui.messages import Messages
from annotator.ui.session import Session
from annotator.ui.text.labelling import Labeller
from annotator.ui.text.text_view import TextView


class SuggestionReview(QObject):
    """The open document's undecided suggestions, the current one, and the keys on them."""

    def __init__(
        self,
        session: Session,
        view: TextView,
        actions: Actions,
        messages: Messages,
        status_bar: QStatusBar,
        labeller: Labeller,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.messages = messages
        self._window = parent
        # Backspace off every suggestion keeps its old meaning: delete the selected span.
        self._labeller = labeller
        self.open: list[Suggestion] = []
        self.current: Suggestion | None = None
        self.counts = (0, 0)
        self.label = QLabel()
        self.label.setObjectName("suggestion-counts")
        status_bar.addPermanentWidget(self.label)
        session.document_opened.connect(lambda _document: self.reload())
        session.changed.connect(self._changed)
        view.selection_changed_cp.connect(lambda _start, _end: self._follow_caret())
        actions.accept_suggestion.triggered.connect(self.accept)
        actions.reject_suggestion.triggered.connect(self.reject)
        actions.accept_all_suggestions.triggered.connect(self.accept_all)
        actions.next_suggestion.triggered.connect(lambda: self.step(True))
        actions.previous_suggestion.triggered.connect(lambda: self.step(False))
        actions.suggest_document.triggered.connect(lambda: self.run_suggester(False))
        actions.suggest_all.triggered.connect(lambda: self.run_suggester(True))

    # --- what is shown ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the open document's suggestions and this annotator's decisions on them."""
        session, document = self.session, self.session.document
        self.open, self.current = [], None
        if document is None or session.read_only:
            self.view.set_suggestions([])
            self._show_counts()
            return
        project = session.project
        decided = project.suggestions.decided(document.id, session.layer, ANNOTATOR)
        found = suggestions(project.sets.get(document.id, ANNOTATOR))
        self.open = [s for s in found if s.key not in decided]
        accepted = sum(1 for d in decided.values() if d == ACCEPTED)
        self.counts = (accepted, len(decided) - accepted)
        shown: dict[SpanId, Span] = {}
        for suggestion in self.open:
            shown.update((span.id, span) for span in suggestion.spans)
        self.view.set_suggestions(list(shown.values()))
        self._follow_caret()
        self._show_counts()

    def _changed(self, change: Change) -> None:
        document = self.session.document
        if document is not None and change.document == document.id and change.suggestions:
            self.reload()
        elif change.annotator == self.session.layer and not change.document:
            self.reload()  # the shown layer changed

    def _show_counts(self) -> None:
        accepted, rejected = self.counts
        if self.session.document is None or not (self.open or accepted or rejected):
            self.label.setText("")
            return
        self.label.setText(
            self.tr("Suggestions: {0} open, {accepted} accepted, {rejected} rejected").format(
                len(self.open), accepted=accepted, rejected=rejected
            )
        )

    def _follow_caret(self) -> None:
        cp = self.view.caret_cp()
        under = [s for s in self.open if s.covers(cp)]
        before = self.current
        self.current = min(under, key=lambda s: s.width_at(cp)) if under else None
        self.view.set_current_suggestion((s.id for s in self.current.spans) if self.current else ())
        if self.current is not None and self.current != before:
            self.messages.status(_hint(self.current))

    # --- keys ------------------------------------------------------------------------------

    def accept(self) -> None:
        chosen, document = self.current, self.session.document
        if document is None:
            return
        if chosen is None:
            self.messages.status(self.tr("No suggestion under the caret (F8 goes to the next one)"))
            return
        edit = AcceptSuggestions(document.id, self.session.layer, ANNOTATOR, chosen=(chosen,))
        if self.session.push(edit):
            self._go_after(chosen)

    def reject(self) -> None:
        chosen, document = self.current, self.session.document
        if document is None:
            return
        if chosen is None:
            self._labeller.delete_selected()
            return
        edit = RejectSuggestion(document.id, self.session.layer, ANNOTATOR, key=chosen.key)
        if self.session.push(edit):
            self._go_after(chosen)

    def accept_all(self) -> None:
        document = self.session.document
        if document is None or not self.open:
            self.messages.status(self.tr("No open suggestions in this document"))
            return
        chosen = tuple(self.open)
        edit = AcceptSuggestions(document.id, self.session.layer, ANNOTATOR, chosen=chosen)
        if self.session.push(edit):
            self.messages.status(
                self.tr("Accepted {0} suggestions (undo takes them all back)").format(len(chosen))
            )

    def step(self, forward: bool) -> None:
        """Put the caret on the next (or previous) open suggestion."""
        if not self.open:
            self.messages.status(self.tr("No open suggestions in this document"))
            return
        cp = self.view.caret_cp()
        if forward:
            target = next((s for s in self.open if s.start > cp), self.open[0])
        else:
            target = next((s for s in reversed(self.open) if s.start < cp), self.open[-1])
        self._go_to(target)

    def _go_after(self, decided: Suggestion) -> None:
        target = next((s for s in self.open if s.start >= decided.start), None)
        if target is not None:
            self._go_to(target)

    def _go_to(self, suggestion: Suggestion) -> None:
        self.view.set_selection_cp(suggestion.start, suggestion.start)
        self.view.scroll_to_cp(suggestion.start)
        self._follow_caret()

    # --- running the suggester -------------------------------------------------------------

    def run_suggester(self, every_document: bool) -> None:
        """Suggest for the open document (or every one, with a progress dialog that can
        cancel: then nothing changes). Not undoable, as an import: the layer is the
        machine's, and the annotators' layers and decisions are left as they are."""
        # Imported on first use: the batch machinery is not needed for the first paint.
        from annotator.transfer.suggesting import suggest_documents

        session, document = self.session, self.session.document
        if not every_document and document is None:
            return
        wanted = None if every_document else [document.id] if document is not None else []
        dialog: QProgressDialog | None = None
        if every_document:
            dialog = QProgressDialog(self.tr("Suggesting…"), self.tr("Cancel"), 0, 0, self._window)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
        try:
            # Every document: on every core (above a few hundred documents), in workers
            # spawned fresh, since forking a process that runs Qt is unsafe.
            with session.hold.held() as project:
                summary = suggest_documents(
                    project,
                    wanted,
                    workers=None if every_document else 1,
                    progress=_progress(dialog),
                    spawn=True,
                )
        except Cancelled:
            self.messages.status(self.tr("Suggesting cancelled; nothing changed"))
            return
        except AnnotatorError as exc:
            self.messages.warn(str(exc))
            return
        finally:
            if dialog is not None:
                dialog.close()
        self.reload()
        self.messages.status(summary.line().capitalize())


def _hint(suggestion: Suggestion) -> str:
    """ "Suggested: direct quote, Dmitry Peskov. Enter accepts, Backspace rejects, ..." """
    kind = str(suggestion.parts[0].attrs.get("quote_type", ""))
    speaker = next((s for s in suggestion.spans if s.label == "SPEAKER"), None)
    name = str(speaker.attrs.get("speaker", "")) if speaker is not None else ""
    no_speaker = QCoreApplication.translate("SuggestionReview", ", no speaker")
    who = f", {name}" if name else no_speaker if speaker is None else ""
    return QCoreApplication.translate(
        "SuggestionReview",
        "Suggested: {kind} quote{who}. Enter accepts, Backspace rejects, F8 goes on.",
    ).format(kind=kind, who=who)


def _progress(dialog: QProgressDialog | None) -> Callable[[int, int | None], None]:
    def report(done: int, total: int | None) -> None:
        if dialog is None:
            return
        if total is not None and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled

    return report
