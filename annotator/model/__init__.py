"""The pure domain: documents, spans, relations, speakers, targets and the label schema."""

from annotator.model.annotation import (
    AnnotationSet,
    AttrValue,
    Relation,
    Span,
    Status,
)
from annotator.model.document import Document, text_sha256
from annotator.model.ids import AnnotatorName, DocumentId, RelationId, SpanId
from annotator.model.registry import Speaker, SpeakerType, Target

__all__ = [
    "AnnotationSet",
    "AnnotatorName",
    "AttrValue",
    "Document",
    "DocumentId",
    "Relation",
    "RelationId",
    "Span",
    "SpanId",
    "Speaker",
    "SpeakerType",
    "Status",
    "Target",
    "text_sha256",
]
