"""Moving through documents: next and previous, done (after the problems list), skip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.edits.spans import SetStatus
from annotator.model import DocumentId, Status
from annotator.model.checks import problems
from annotator.ui import counts
from annotator.ui.messages import Messages
from annotator.ui.session import Session


class DocumentFlow:
    """The order of work: ``neighbour(document, delta)`` is the document ``delta`` rows away
    in the list as it is shown (found without reading the whole list), or None."""

    def __init__(
        self,
        session: Session,
        neighbour: Callable[[DocumentId, int], DocumentId | None],
        messages: Messages,
    ) -> None:
        self.session = session
        self.neighbour = neighbour
        self.messages = messages

    def step(self, delta: int) -> None:
        """Open the next (or previous) document that can be read. In a damaged project
        opened read-only a document may not open: the step goes on past it (else it would
        stop there for good, the next one being counted from the open one) and says which
        were passed over."""
        current = self.session.document
        if current is None:
            return
        passed: list[DocumentId] = []
        found = self.neighbour(current.id, delta)
        while found is not None:
            self.session.open_document(found)
            opened = self.session.document
            if opened is not None and opened.id == found:
                break
            passed.append(found)
            found = self.neighbour(found, delta)
        if passed:
            self.messages.status(_passed_over(passed, found is None))
        elif found is None:
            self.messages.status(
                QCoreApplication.translate("DocumentFlow", "no more documents that way")
            )

    def mark_done(self) -> None:
        session = self.session
        document = session.document
        if document is None:
            return
        found = problems(session.current_set(), session.project.schema, document.text)
        if found:
            listed = "\n".join(f"• {p.message}" for p in found[:12])
            more = f"\n… and {len(found) - 12} more" if len(found) > 12 else ""
            if not self.messages.confirm(
                QCoreApplication.translate("DocumentFlow", "Mark done?"),
                QCoreApplication.translate(
                    "DocumentFlow",
                    "This document still has problems:\n\n{listed}{more}\n\nMark it done anyway?",
                ).format(listed=listed, more=more),
            ):
                return
        if session.push(SetStatus(document.id, session.annotator, status=Status.DONE)):
            self.next_unfinished()

    def skip(self) -> None:
        session = self.session
        document = session.document
        if document and session.push(
            SetStatus(document.id, session.annotator, status=Status.SKIPPED)
        ):
            self.next_unfinished()

    def next_unfinished(self) -> None:
        following = self.session.first_unfinished()
        current = self.session.document
        if following is not None and current is not None and following != current.id:
            self.session.open_document(following)
        else:
            self.messages.status(
                QCoreApplication.translate("DocumentFlow", "every document is done or skipped")
            )


def _passed_over(passed: list[DocumentId], at_end: bool) -> str:
    """What a step passed over, in one sentence: the unreadable documents, by id."""
    shown = ", ".join(passed[:5]) + (", …" if len(passed) > 5 else "")
    sentence = counts.form(
        len(passed),
        QCoreApplication.translate(
            "DocumentFlow",
            "Passed over {0} unreadable document ({names}): the file is damaged there",
        ),
        QCoreApplication.translate(
            "DocumentFlow",
            "Passed over {0} unreadable documents ({names}): the file is damaged there",
        ),
    ).format(len(passed), names=shown)
    if at_end:
        sentence += QCoreApplication.translate("DocumentFlow", "; no more documents that way")
    return sentence
