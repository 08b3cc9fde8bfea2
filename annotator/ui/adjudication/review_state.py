"""One document under review: its units, the decisions on them, and the decider; what the
adjudication table and the review in context both read, so they cannot drift apart.

The state follows the session: an edit of the document (a decision, an undo, a span changed
elsewhere) reloads it and ``reloaded`` tells the view to redraw; gold's status is kept in step
with the decisions on every reload.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.adjudication.units import Progress, Unit, covers, progress, units
from annotator.edits import Change
from annotator.model import AnnotationSet, DocumentId
from annotator.model.adjudication import Decision
from annotator.ui.adjudication.deciding import Decider
from annotator.ui.session import Session


class ReviewState(QObject):
    """The units of one document and the decisions on them, reloaded as the project changes."""

    #: Open this gold span in the normal editing flow (key E).
    edit_gold = Signal(int)
    #: Units and decisions were read again (after an edit, or a change of what counts).
    reloaded = Signal()

    def __init__(
        self, session: Session, document: DocumentId, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = document
        self.decider = Decider(session, document)
        loaded = session.project.documents.get(document)
        self.text = loaded.text if loaded else ""
        self.title = loaded.title if loaded else str(document)
        #: Count layers not marked done yet (those with spans), as the checkbox asks.
        self.unfinished = False
        self.sets: list[AnnotationSet] = []
        #: The layers whose spans make the units (done ones, or unfinished ones too).
        self.counted: list[AnnotationSet] = []
        self.units: list[Unit] = []
        self.decisions: dict[str, Decision] = {}
        self.found = Progress(decided=0, total=0)
        session.changed.connect(self._changed)

    def reload(self) -> Progress:
        """Read units and decisions again; settle gold's status; say how far the review is."""
        project = self.session.project
        self.sets = project.bulk.sets_for([self.document]).get(self.document, [])
        self.units = units(self.sets, self.unfinished)
        self.decisions = project.adjudications.for_document(self.document)
        self.counted = [s for s in self.sets if covers(s, self.unfinished)]
        self.found = progress(self.units, self.decisions.keys())
        self.decider.settle_gold_status(self.found)
        self.reloaded.emit()
        return self.found

    def set_unfinished(self, on: bool) -> None:
        self.unfinished = on
        self.reload()

    def unit(self, key: str) -> Unit | None:
        """The unit with ``key`` now (units are rebuilt on every reload)."""
        return next((u for u in self.units if u.key == key), None)

    def undecided(self, unit: Unit) -> bool:
        return unit.key not in self.decisions

    def disputed(self) -> list[Unit]:
        """Units the annotators drew differently that nobody has decided yet."""
        return [u for u in self.units if not u.unanimous and self.undecided(u)]

    def edit(self, unit: Unit) -> bool:
        """Accept the version most annotators drew (unless gold has one) and hand the gold
        copy over for editing."""
        gold_span = self.decider.edit(unit, self.decisions)
        if gold_span is None:
            return False
        self.edit_gold.emit(int(gold_span))
        return True

    def accept_unanimous(self) -> bool:
        return self.decider.accept_unanimous(self.units)

    def _changed(self, change: Change) -> None:
        if change.document in (self.document, ""):
            self.reload()
