"""The lead's view of a team: per annotator what is assigned, done and skipped, the time it
took, and agreement so far on the documents they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from statistics import median
from typing import Any

from annotator.agreement.overlap_f1 import pair_overlap_f1
from annotator.model import AnnotatorName, DocumentId, Span, Status
from annotator.store import Project

_BATCH = 400


@dataclass(slots=True)
class AnnotatorProgress:
    name: AnnotatorName
    assigned: int = 0
    done: int = 0
    skipped: int = 0
    in_progress: int = 0
    active_seconds: float = 0.0
    #: Median active seconds of a done document; None before the first one is done.
    median_seconds: float | None = None
    #: Mean span F1 (overlap) with each annotator sharing done overlap documents; None if none.
    agreement_f1: float | None = None

    @property
    def todo(self) -> int:
        return self.assigned - self.done - self.skipped - self.in_progress

    def as_json(self) -> dict[str, Any]:
        return {
            "assigned": self.assigned,
            "done": self.done,
            "skipped": self.skipped,
            "in_progress": self.in_progress,
            "active_seconds": round(self.active_seconds, 1),
            "median_seconds": (
                round(self.median_seconds, 1) if self.median_seconds is not None else None
            ),
            "agreement_f1": (
                round(self.agreement_f1, 4) if self.agreement_f1 is not None else None
            ),
        }


@dataclass(slots=True)
class TeamProgress:
    documents: int = 0
    overlap_documents: int = 0
    annotators: dict[AnnotatorName, AnnotatorProgress] = field(default_factory=dict)
    #: Span F1 (overlap) of each pair over the overlap documents both have done.
    pairs: dict[tuple[AnnotatorName, AnnotatorName], float | None] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overlap_documents": self.overlap_documents,
            "annotators": {name: a.as_json() for name, a in self.annotators.items()},
            "pairs": {f"{a}|{b}": f1 for (a, b), f1 in self.pairs.items()},
        }


def team_progress(project: Project) -> TeamProgress:
    """Progress of every assigned annotator (read-only: works beside the writer)."""
    assignments = project.assignments.all()
    report = TeamProgress(project.documents.count())
    shared = {d: names for d, names in assignments.items() if len(names) > 1}
    report.overlap_documents = len(shared)
    by_annotator: dict[AnnotatorName, list[DocumentId]] = {}
    for document, names in assignments.items():
        for name in names:
            by_annotator.setdefault(name, []).append(document)
    done_by: dict[AnnotatorName, set[DocumentId]] = {}
    for name in sorted(by_annotator):
        statuses = project.sets.statuses(name)
        seconds = project.active_time.of_annotator(name)
        row = AnnotatorProgress(name, assigned=len(by_annotator[name]))
        done_here: list[float] = []
        for document in by_annotator[name]:
            status = statuses.get(document, Status.TODO)
            if status == Status.DONE:
                row.done += 1
                done_here.append(seconds.get(document, 0.0))
            elif status == Status.SKIPPED:
                row.skipped += 1
            elif status == Status.IN_PROGRESS:
                row.in_progress += 1
        row.active_seconds = sum(seconds.values())
        row.median_seconds = median(done_here) if done_here else None
        done_by[name] = {d for d in by_annotator[name] if statuses.get(d) == Status.DONE}
        report.annotators[name] = row
    report.pairs = _pair_agreement(project, shared, done_by)
    for name, row in report.annotators.items():
        scores = [f1 for pair, f1 in report.pairs.items() if name in pair and f1 is not None]
        row.agreement_f1 = sum(scores) / len(scores) if scores else None
    return report


def _pair_agreement(
    project: Project,
    shared: dict[DocumentId, list[AnnotatorName]],
    done_by: dict[AnnotatorName, set[DocumentId]],
) -> dict[tuple[AnnotatorName, AnnotatorName], float | None]:
    """F1 of each pair over the overlap documents both have marked done."""
    documents: dict[tuple[AnnotatorName, AnnotatorName], list[DocumentId]] = {}
    for document, names in shared.items():
        for a, b in combinations(sorted(names), 2):
            if document in done_by.get(a, ()) and document in done_by.get(b, ()):
                documents.setdefault((a, b), []).append(document)
    wanted = sorted({d for ids in documents.values() for d in ids})
    spans: dict[tuple[DocumentId, AnnotatorName], list[Span]] = {}
    for start in range(0, len(wanted), _BATCH):
        for document, sets in project.bulk.sets_for(wanted[start : start + _BATCH]).items():
            for aset in sets:
                spans[(document, aset.annotator)] = aset.spans
    return {
        pair: pair_overlap_f1(
            (spans.get((d, pair[0]), []), spans.get((d, pair[1]), [])) for d in ids
        )
        for pair, ids in sorted(documents.items())
    }
