"""Handing documents out: the assignment plan stored in the project, in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.model.assignment import plan_assignment
from annotator.model.ids import is_human
from annotator.store import Project


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
            f"{self.documents} documents assigned, {self.overlap_documents} of them to "
            f"several annotators: {each}"
        )


def assign_documents(
    project: Project,
    annotators: Sequence[str],
    *,
    overlap: float = 0.0,
    per_document: int = 2,
    seed: int = 0,
    reassign: bool = False,
) -> AssignReport:
    """Assign the documents that have no annotator yet (all of them with ``reassign``).

    A document someone already has work in keeps that annotator (the layer is theirs).
    """
    existing = project.assignments.all()
    worked = {
        document: {name for name in names if is_human(name)}
        for document, names in project.assignments.worked_on().items()
    }
    if reassign:
        todo = project.documents.ids()
        load: dict[str, int] = {}
    else:
        todo = [d for d in project.documents.ids() if d not in existing]
        load = {}
        for names in existing.values():
            for name in names:
                load[name] = load.get(name, 0) + 1
    plan = plan_assignment(
        todo,
        annotators,
        overlap=overlap,
        per_document=per_document,
        seed=seed,
        load=load,
        kept={d: worked[d] for d in todo if worked.get(d)},
    )
    report = AssignReport(len(todo), sum(1 for names in plan.assignees.values() if len(names) > 1))
    report.given = {str(name): n for name, n in plan.counts().items()}
    if not todo:
        return report
    with project.transaction():
        if reassign:
            project.assignments.clear()
        project.assignments.add(
            [(d, name) for d, names in plan.assignees.items() for name in names]
        )
        for name in {n for names in plan.assignees.values() for n in names}:
            project.ensure_annotator(name)
        project.history.record(
            "",
            "assign",
            None,
            {
                "annotators": list(annotators),
                "overlap": overlap,
                "per_document": per_document,
                "seed": seed,
                "reassign": reassign,
                "documents": report.documents,
            },
        )
    return report
