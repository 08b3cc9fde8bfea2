"""Spans, relations and annotation sets: what one annotator said about one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from annotator.model.ids import AnnotatorName, DocumentId, RelationId, SpanId

AttrValue = str | int | float
#: A span as plain values, (name, start, end, label, attrs): what a bulk import carries
#: instead of a ``Span`` (a million of those cost a second to build and read back).
SpanValues = tuple[str, int, int, str, dict[str, AttrValue]]
#: A relation as plain values, (label, head, child): its ends as positions in its set's spans.
RelationValues = tuple[str, int, int]


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


@dataclass(slots=True)
class Span:
    """A labelled character range; offsets are code points into the document text, end-exclusive.

    Treat it as a value: change it with ``dataclasses.replace``. (Not frozen because frozen
    dataclasses cost five times as much to build, and imports build millions.)

    ``name`` is the span's id inside its annotation set as it travels in JSONL (``"T3"``);
    ``id`` is the project-wide key.
    """

    id: SpanId
    document: DocumentId
    annotator: AnnotatorName
    start: int
    end: int
    label: str
    attrs: dict[str, AttrValue] = field(default_factory=dict)
    name: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Relation:
    """A typed link from a head span to a child span of the same annotation set."""

    id: RelationId
    label: str
    head: SpanId
    child: SpanId


@dataclass(slots=True)
class AnnotationSet:
    """Everything one annotator recorded for one document."""

    document: DocumentId
    annotator: AnnotatorName
    status: Status = Status.TODO
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    doc_attrs: dict[str, AttrValue] = field(default_factory=dict)
    #: Seconds the annotator was active on the document (input within two minutes).
    seconds: float = 0.0

    def values(self) -> tuple[list[SpanValues], list[RelationValues]]:
        """Its spans and relations as plain values (a relation's ends as span positions)."""
        position = {span.id: i for i, span in enumerate(self.spans)}
        return (
            [(s.name, s.start, s.end, s.label, s.attrs) for s in self.spans],
            [(r.label, position[r.head], position[r.child]) for r in self.relations],
        )
