"""Assignment plans: every document to one annotator, balanced; a random share to several."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError
from annotator.model.ids import AnnotatorName, DocumentId


@dataclass(slots=True)
class AssignmentPlan:
    """Who gets which of the documents that were to be assigned."""

    assignees: dict[DocumentId, list[AnnotatorName]] = field(default_factory=dict)
    #: The documents given to several annotators, for agreement.
    overlap: set[DocumentId] = field(default_factory=set)

    def counts(self) -> dict[AnnotatorName, int]:
        out: dict[AnnotatorName, int] = {}
        for names in self.assignees.values():
            for name in names:
                out[name] = out.get(name, 0) + 1
        return out


def plan_assignment(
    documents: Sequence[DocumentId],
    annotators: Sequence[str],
    *,
    overlap: float = 0.0,
    per_document: int = 2,
    seed: int = 0,
    load: Mapping[str, int] | None = None,
    kept: Mapping[DocumentId, set[AnnotatorName]] | None = None,
) -> AssignmentPlan:
    """Assign ``documents`` to ``annotators``: each to one, and a share ``overlap`` of them
    (chosen at random for ``seed``, not the first ones) to ``per_document`` annotators.

    Each pick goes to the annotator with the fewest documents so far (counting ``load``, what
    they already have), so the counts differ by at most one where nothing is ``kept``; ties
    are broken at random for the seed, so overlap pairs vary. ``kept`` names annotators who
    already have work in a document: they stay on it and count towards its annotators.
    """
    names = [AnnotatorName(n) for n in dict.fromkeys(a.strip() for a in annotators) if n]
    if not names:
        raise AnnotatorError("name at least one annotator")
    if not 0.0 <= overlap <= 1.0:
        raise AnnotatorError(f"--overlap must lie between 0 and 1, not {overlap}")
    if overlap and not 2 <= per_document <= len(names):
        raise AnnotatorError(
            f"--per-document {per_document} needs between 2 and {len(names)} annotators "
            f"(as many as named: {', '.join(names)})"
        )
    rng = random.Random(seed)
    count = round(overlap * len(documents))
    shared = set(rng.sample(list(documents), count)) if count else set()
    counts = {name: (load or {}).get(name, 0) for name in names}
    plan = AssignmentPlan(overlap=shared)
    kept = kept or {}
    # Overlap documents first: their several picks are the hardest to balance.
    ordered = [d for d in documents if d in shared] + [d for d in documents if d not in shared]
    for document in ordered:
        chosen = sorted(kept.get(document, set()))
        wanted = per_document if document in shared else 1
        for name in chosen:
            if name in counts:
                counts[name] += 1
        while len(chosen) < wanted:
            free = [n for n in names if n not in chosen]
            if not free:
                break
            pick = min(free, key=lambda n: (counts[n], rng.random()))
            counts[pick] += 1
            chosen.append(pick)
        plan.assignees[document] = sorted(chosen)
    return plan
