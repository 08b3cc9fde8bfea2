"""Consistency checks of one annotation set: the schema's requirements plus quote-specific ones.

Used before a document is marked done, in the window's problems list, and by
``annotator check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model.annotation import AnnotationSet, Span, SpanId
from annotator.model.attribution import speaker_mentions
from annotator.model.schema import Schema
from annotator.model.snippet import quoted


@dataclass(frozen=True, slots=True)
class Problem:
    """Something to fix; ``span`` points at the span concerned, if any."""

    message: str
    span: SpanId | None = None
    start: int = 0
    end: int = 0


def describe(span: Span, text: str) -> str:
    return f"{span.label} {quoted(text[span.start : span.end], 52)} [{span.start}–{span.end}]"


def problems(annotation: AnnotationSet, schema: Schema, text: str) -> list[Problem]:
    """Everything a reviewer would flag in this set, in text order."""
    found: list[Problem] = []
    by_id = {span.id: span for span in annotation.spans}
    heads: dict[str, set[SpanId]] = {}
    linked: set[SpanId] = set()
    for relation in annotation.relations:
        heads.setdefault(relation.label, set()).add(relation.head)
        linked.update((relation.head, relation.child))
        kind = schema.relation(relation.label)
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if kind is None or head is None or child is None:
            continue
        if head.label not in kind.head or child.label not in kind.child:
            found.append(_at(head, f"{relation.label} may not link {head.label} to {child.label}"))
    quote_needs_speaker = _has_relation(schema, "attributed_to", "QUOTE", "SPEAKER")
    attributed = speaker_mentions(annotation, follow_continues=True)
    required: dict[str, list[str]] = {
        label.name: [a.name for a in schema.span_attributes(label.name) if a.required]
        for label in schema.labels
    }
    links: dict[str, list[str]] = {
        label.name: [k.name for k in schema.relations if k.required and label.name in k.head]
        for label in schema.labels
    }
    has_target = {
        label.name: schema.span_attribute(label.name, "target") is not None
        for label in schema.labels
    }
    for span in annotation.spans:
        # Described only when something is wrong: long documents hold tens of thousands.
        def where(span: Span = span) -> str:
            return describe(span, text)

        for name in required.get(span.label, ()):
            if name not in span.attrs:
                found.append(_at(span, f"{where()} has no {name}"))
        for name in links.get(span.label, ()):
            if span.id not in heads.get(name, set()):
                found.append(_at(span, f"{where()} has no {name} link"))
        # Built-in checks of the quote scheme (only where the schema has the pieces).
        if span.label == "QUOTE" and quote_needs_speaker and span.id not in attributed:
            found.append(_at(span, f"{where()} has no speaker (attributed_to)"))
        if span.label == "CUE" and span.id not in linked:
            found.append(_at(span, f"{where()} is not linked to a quote"))
        if (
            span.attrs.get("stance", "none") != "none"
            and has_target.get(span.label)
            and "target" not in span.attrs
        ):
            found.append(_at(span, f"{where()} has a stance but no target"))
    for attribute in schema.document_attributes:
        if attribute.required and attribute.name not in annotation.doc_attrs:
            found.append(Problem(f"the document has no {attribute.name}"))
    return found


def _at(span: Span, message: str) -> Problem:
    return Problem(message, span.id, span.start, span.end)


def _has_relation(schema: Schema, name: str, head: str, child: str) -> bool:
    kind = schema.relation(name)
    return kind is not None and head in kind.head and child in kind.child
