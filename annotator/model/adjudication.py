"""A reviewer's decision about one adjudication unit: accepted, edited or rejected."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from annotator.model.ids import DocumentId, SpanId


class Verdict(StrEnum):
    """What the reviewer decided about a unit (the ``decision`` column)."""

    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Decision:
    """One unit's decision. ``gold_spans`` are every span it wrote into gold; ``gold_span``
    is the first of them, the one the reviewer edits (None once deleted by hand)."""

    document: DocumentId
    unit: str
    verdict: Verdict
    source: str
    gold_span: SpanId | None
    reason: str
    reviewer: str
    at: str
    gold_spans: tuple[SpanId, ...] = ()
