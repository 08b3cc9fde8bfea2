"""A reviewer's decisions on units, pushed as adjudication edits: what every review view shares.

The table (``view.py``) and the review in context (``ui/review/``) decide the same way:
accept a version, reject with a reason, accept and edit the gold copy, accept every unanimous
unit; each through ``Session.push``, so Ctrl+Z undoes it wherever it was made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from annotator.adjudication.units import Progress, Unit
from annotator.edits.adjudication import AcceptUnanimous, AcceptVersion, MarkEdited, RejectUnit
from annotator.edits.spans import SetStatus
from annotator.model import DocumentId, SpanId, Status
from annotator.model.adjudication import Decision, Verdict
from annotator.model.ids import GOLD
from annotator.ui.session import Session


class Decider:
    """Decides units of one document into its gold layer, as the session's annotator."""

    def __init__(self, session: Session, document: DocumentId) -> None:
        self.session = session
        self.document = document

    def accept(self, unit: Unit, number: int) -> str | None:
        """Accept version ``number``; the reason it could not, or None when it did."""
        if unit.version(number) is None:
            return QCoreApplication.translate("Decider", "this unit has no version {0}").format(
                number
            )
        edit = AcceptVersion.of(unit, number, self.session.annotator)
        return None if self.session.push(edit) else ""

    def reject(self, unit: Unit, reason: str = "") -> bool:
        reviewer = self.session.annotator
        edit = RejectUnit(self.document, unit.key, reviewer=reviewer, reason=reason.strip())
        return self.session.push(edit)

    def edit(self, unit: Unit, decisions: Mapping[str, Decision]) -> SpanId | None:
        """Accept the version most annotators drew (unless gold has one already); return the
        gold copy to edit."""
        decision = decisions.get(unit.key)
        reviewer = self.session.annotator
        if decision is None or decision.gold_span is None:
            top = max(unit.versions, key=lambda v: (len(v.annotators), -v.number))
            edit = AcceptVersion.of(unit, top.number, reviewer, verdict=Verdict.EDITED)
            if not self.session.push(edit):
                return None
        elif decision.verdict == Verdict.ACCEPTED and not self.session.push(
            MarkEdited(self.document, unit.key, reviewer)
        ):
            return None
        after = self.session.project.adjudications.get(self.document, unit.key)
        return after.gold_span if after is not None else None

    def accept_unanimous(self, found: Sequence[Unit]) -> bool:
        return self.session.push(
            AcceptUnanimous(self.document, list(found), self.session.annotator)
        )

    def settle_gold_status(self, found: Progress) -> None:
        """Gold's status follows the decisions: done once every unit has one, in progress
        before. Derived state, so it is kept in step (undo included) and not undoable itself;
        a document nobody has decided on yet is left as it is (looking writes nothing)."""
        if found.decided == 0 or found.total == 0:
            return
        wanted = Status.DONE if found.complete else Status.IN_PROGRESS
        if self.session.project.sets.status(self.document, GOLD) != wanted:
            self.session.run(SetStatus(self.document, GOLD, status=wanted).apply)
