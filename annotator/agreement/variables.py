"""The coded variables the report compares, and how each annotator's value is read.

A variable is a span attribute ("QUOTE.stance"), the speaker a QUOTE is attributed to
("QUOTE.speaker", read through the attributed_to relation) or a document attribute
("relevance"). An absent or empty value is missing, never a category of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model.annotation import AnnotationSet, AttrValue
from annotator.model.attribution import (
    ATTRIBUTED_TO,
    QUOTE,
    SPEAKER,
    SPEAKER_ATTRIBUTE,
    quote_speakers,
)
from annotator.model.schema import Schema

# When one quote is linked to several different speakers, their names joined are compared
# as one nominal value, so a partial match counts as a disagreement.
_NUMERIC_LEVELS = ("interval", "ratio")


@dataclass(frozen=True, slots=True)
class Variable:
    """One column of reliability data: its report key and its level of measurement."""

    key: str
    name: str
    label: str | None = None  # None for a document attribute
    level: str = "nominal"
    order: tuple[AttrValue, ...] = ()
    via_speaker_link: bool = False

    def coded(self, raw: object) -> AttrValue | None:
        """The value as compared, or None when it is missing."""
        # Cheap checks first: this runs once per span and variable.
        if raw is None or raw is True or raw is False:
            return None
        if isinstance(raw, str):
            if not raw:
                return None
            if self.level not in _NUMERIC_LEVELS:
                return raw
            # A numeric attribute left open may hold text; a number written as text still
            # counts, anything else has no distance to other values and is treated as missing.
            try:
                return float(raw)
            except ValueError:
                return None
        if isinstance(raw, (int, float)):  # a tuple is faster than int | float
            return raw
        return None


def span_variables(schema: Schema) -> list[Variable]:
    """Every schema attribute of a span label, in schema order, plus QUOTE.speaker when linked."""
    found: list[Variable] = []
    linked = has_speaker_link(schema)
    for label in schema.labels:
        for attribute in schema.span_attributes(label.name):
            if linked and label.name == QUOTE and attribute.name == SPEAKER_ATTRIBUTE:
                continue  # the contract defines QUOTE.speaker through the relation
            found.append(
                Variable(
                    key=f"{label.name}.{attribute.name}",
                    name=attribute.name,
                    label=label.name,
                    level=attribute.level,
                    order=attribute.values,
                )
            )
        if linked and label.name == QUOTE:
            found.append(
                Variable(
                    key=f"{QUOTE}.{SPEAKER_ATTRIBUTE}",
                    name=SPEAKER_ATTRIBUTE,
                    label=QUOTE,
                    via_speaker_link=True,
                )
            )
    return found


def document_variables(schema: Schema) -> list[Variable]:
    return [
        Variable(key=a.name, name=a.name, level=a.level, order=a.values)
        for a in schema.document_attributes
    ]


def has_speaker_link(schema: Schema) -> bool:
    """Does the schema link QUOTE heads to SPEAKER children through attributed_to?"""
    return any(
        rel.name == ATTRIBUTED_TO and QUOTE in rel.head and SPEAKER in rel.child
        for rel in schema.relations
    )


def linked_speakers(annotation_set: AnnotationSet, text: str | None = None) -> dict[int, AttrValue]:
    """QUOTE span id -> canonical speaker of the SPEAKER spans it is attributed_to, read link
    by link as docs/agreement.md defines it (parts of a split quote are not followed).

    Given the document ``text``, a linked mention that names no registry speaker yet counts
    by its words ("Peskov"), so a quote attributed before the registry is filled is compared
    rather than missing; two annotators who linked the same unnamed mention agree."""
    found = quote_speakers(annotation_set, follow_continues=False, text=text)
    return {k: v for k, v in found.items()}
