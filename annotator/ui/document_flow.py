"""Moving through documents: next and previous, done (after the problems list), skip."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.edits.spans import SetStatus
from annotator.model import Status
from annotator.model.checks import problems

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def step_document(window: MainWindow, delta: int) -> None:
    ids = window.documents.model.ids()
    current = window.session.document
    if not ids or current is None:
        return
    index = ids.index(current.id) + delta
    if 0 <= index < len(ids):
        window.open_document(ids[index])
    else:
        window.statusBar().showMessage("no more documents that way", 4000)


def mark_done(window: MainWindow) -> None:
    document = window.session.document
    if document is None:
        return
    found = problems(window.session.current_set(), window.session.project.schema, document.text)
    if found:
        listed = "\n".join(f"• {p.message}" for p in found[:12])
        more = f"\n… and {len(found) - 12} more" if len(found) > 12 else ""
        if not window.confirm(
            "Mark done?",
            f"This document still has problems:\n\n{listed}{more}\n\nMark it done anyway?",
        ):
            return
    if window.session.push(SetStatus(document.id, window.session.annotator, status=Status.DONE)):
        go_to_next_unfinished(window)


def skip_document(window: MainWindow) -> None:
    document = window.session.document
    if document and window.session.push(
        SetStatus(document.id, window.session.annotator, status=Status.SKIPPED)
    ):
        go_to_next_unfinished(window)


def go_to_next_unfinished(window: MainWindow) -> None:
    following = window.session.first_unfinished()
    current = window.session.document
    if following is not None and current is not None and following != current.id:
        window.open_document(following)
    else:
        window.statusBar().showMessage("every document is done or skipped", 6000)
