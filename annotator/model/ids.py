"""Typed ids, so a span id is never passed where a document id belongs."""

from typing import NewType

DocumentId = NewType("DocumentId", str)
SpanId = NewType("SpanId", int)
RelationId = NewType("RelationId", int)
AnnotatorName = NewType("AnnotatorName", str)

GOLD = AnnotatorName("gold")
SUGGEST_PREFIX = "suggest:"


def is_human(annotator: str) -> bool:
    """Gold and machine-suggestion layers are not people; agreement leaves them out by default."""
    return annotator != GOLD and not annotator.startswith(SUGGEST_PREFIX)
