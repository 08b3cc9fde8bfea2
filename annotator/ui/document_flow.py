"""Moving through documents: next and previous, done (after the problems list), skip."""

from __future__ import annotations

from collections.abc import Callable

from annotator.edits.spans import SetStatus
from annotator.model import DocumentId, Status
from annotator.model.checks import problems
from annotator.ui.messages import Messages
from annotator.ui.session import Session


class DocumentFlow:
    """The order of work: ``order`` gives the document ids as the list shows them."""

    def __init__(
        self, session: Session, order: Callable[[], list[DocumentId]], messages: Messages
    ) -> None:
        self.session = session
        self.order = order
        self.messages = messages

    def step(self, delta: int) -> None:
        ids = self.order()
        current = self.session.document
        if not ids or current is None:
            return
        index = ids.index(current.id) + delta
        if 0 <= index < len(ids):
            self.session.open_document(ids[index])
        else:
            self.messages.status("no more documents that way")

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
                "Mark done?",
                f"This document still has problems:\n\n{listed}{more}\n\nMark it done anyway?",
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
            self.messages.status("every document is done or skipped")
