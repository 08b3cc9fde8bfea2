"""Moving through documents: next and previous, done (after the problems list), skip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from annotator.edits.spans import SetStatus
from annotator.model import DocumentId, Status
from annotator.model.checks import problems
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
        current = self.session.document
        if current is None:
            return
        found = self.neighbour(current.id, delta)
        if found is not None:
            self.session.open_document(found)
        else:
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
