"""Undoable edits of who is assigned which document: handing them all out, or one by hand.

Revert puts back exactly the assignments that were there before, and refuses when they
changed since (another assignment, a merge of packs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.edits import Change, Edit, changed_since
from annotator.model import AnnotatorName, DocumentId
from annotator.model.assignment import plan_assignment
from annotator.model.ids import is_human
from annotator.model.snippet import plural
from annotator.store import Project

Assigned = dict[DocumentId, list[AnnotatorName]]
#: Assignment changes no layer; views that show assignments reload on any such Change.
_ASSIGNMENTS = Change(DocumentId(""), AnnotatorName(""))


@dataclass(slots=True)
class AssignReport:
    documents: int = 0
    overlap_documents: int = 0
    #: Documents each annotator got in this run.
    given: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.documents:
            return "every document is assigned already (--reassign hands them out anew)"
        each = ", ".join(f"{name} {n}" for name, n in sorted(self.given.items()))
        return (
            f"{plural(self.documents, 'document')} assigned, {self.overlap_documents} of them to "
            f"several annotators: {each}"
        )


def _replace(project: Project, before: Assigned, after: Assigned) -> None:
    """Make the assignments of the documents of ``before`` and ``after`` those of ``after``."""
    project.assignments.clear(sorted(set(before) | set(after)))
    project.assignments.add([(d, name) for d, names in after.items() for name in names])


@dataclass
class AssignDocuments(Edit):
    """Hand the unassigned documents out (all of them with ``reassign``), balanced, a share
    ``overlap`` to ``per_document`` annotators; see :func:`plan_assignment`. A document
    someone already has work in keeps that annotator (the layer is theirs)."""

    annotators: Sequence[str]
    overlap: float = 0.0
    per_document: int = 2
    seed: int = 0
    reassign: bool = False
    text: str = "assign documents"
    report: AssignReport = field(default_factory=AssignReport)
    _before: Assigned = field(default_factory=dict)
    _after: Assigned = field(default_factory=dict)

    def apply(self, project: Project) -> Change:
        if self._after and project.assignments.all() != self._before:
            raise changed_since("the assignments", undo=False)
        existing = project.assignments.all()
        worked = {
            document: {name for name in names if is_human(name)}
            for document, names in project.assignments.worked_on().items()
        }
        load: dict[str, int] = {}
        if self.reassign:
            todo = project.documents.ids()
        else:
            todo = [d for d in project.documents.ids() if d not in existing]
            for names in existing.values():
                for name in names:
                    load[name] = load.get(name, 0) + 1
        plan = plan_assignment(
            todo,
            self.annotators,
            overlap=self.overlap,
            per_document=self.per_document,
            seed=self.seed,
            load=load,
            kept={d: worked[d] for d in todo if worked.get(d)},
        )
        self.report = AssignReport(
            len(todo), sum(1 for names in plan.assignees.values() if len(names) > 1)
        )
        self.report.given = {str(name): n for name, n in plan.counts().items()}
        self._before = existing
        self._after = {**({} if self.reassign else existing), **plan.assignees}
        with project.transaction():
            _replace(project, existing, self._after)
            for name in {n for names in plan.assignees.values() for n in names}:
                project.ensure_annotator(name)
            self._record(
                project,
                "",
                "",
                False,
                {
                    "annotators": list(self.annotators),
                    "overlap": self.overlap,
                    "per_document": self.per_document,
                    "seed": self.seed,
                    "reassign": self.reassign,
                    "documents": self.report.documents,
                },
            )
        return _ASSIGNMENTS

    def revert(self, project: Project) -> Change:
        if project.assignments.all() != self._after:
            raise changed_since("the assignments")
        with project.transaction():
            _replace(project, self._after, self._before)
            self._record(project, "", "", True, {"documents": self.report.documents})
        return _ASSIGNMENTS


@dataclass
class SetAssignees(Edit):
    """Make ``annotators`` exactly the ones assigned to ``document``."""

    document: DocumentId
    annotators: Sequence[str]
    text: str = "assign document"
    _before: list[AnnotatorName] = field(default_factory=list)

    def apply(self, project: Project) -> Change:
        after = sorted({a.strip() for a in self.annotators if a.strip()})
        self._before = project.assignments.of_document(self.document)
        with project.transaction():
            project.assignments.set_document(self.document, after)
            for name in after:
                project.ensure_annotator(name)
            self._record(project, "", self.document, False, {"annotators": after})
        self.annotators = after
        return Change(self.document, AnnotatorName(""))

    def revert(self, project: Project) -> Change:
        if project.assignments.of_document(self.document) != list(self.annotators):
            raise changed_since(f"the assignment of {self.document}")
        with project.transaction():
            project.assignments.set_document(self.document, self._before)
            self._record(project, "", self.document, True, {"annotators": self._before})
        return Change(self.document, AnnotatorName(""))
