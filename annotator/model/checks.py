"""Consistency checks of one annotation set: the schema's requirements plus quote-specific ones.

Used before a document is marked done, in the window's problems list, and by
``annotator check``.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    for span, reason, described in findings(annotation, schema):
        if span is None:
            found.append(Problem(reason))
        else:
            # Described only when something is wrong: long documents hold tens of thousands.
            message = f"{describe(span, text)} {reason}" if described else reason
            found.append(Problem(message, span.id, span.start, span.end))
    return found


def problem_count(annotation: AnnotationSet, schema: Schema) -> int:
    """How many ``problems`` there are, without writing their messages (the tab title's count)."""
    return sum(1 for _ in findings(annotation, schema))


def findings(annotation: AnnotationSet, schema: Schema) -> Iterator[tuple[Span | None, str, bool]]:
    """Each problem as (span, reason, whether the message starts with the span's description)."""
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
            yield head, f"{relation.label} may not link {head.label} to {child.label}", False
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
        for name in required.get(span.label, ()):
            if name not in span.attrs:
                yield span, f"has no {name}", True
        for name in links.get(span.label, ()):
            if span.id not in heads.get(name, set()):
                yield span, f"has no {name} link", True
        # Built-in checks of the quote scheme (only where the schema has the pieces).
        if span.label == "QUOTE" and quote_needs_speaker and span.id not in attributed:
            yield span, "has no speaker (attributed_to)", True
        if span.label == "CUE" and span.id not in linked:
            yield span, "is not linked to a quote", True
        if (
            span.attrs.get("stance", "none") != "none"
            and has_target.get(span.label)
            and "target" not in span.attrs
        ):
            yield span, "has a stance but no target", True
    for attribute in schema.document_attributes:
        if attribute.required and attribute.name not in annotation.doc_attrs:
            yield None, f"the document has no {attribute.name}", False


def _has_relation(schema: Schema, name: str, head: str, child: str) -> bool:
    kind = schema.relation(name)
    return kind is not None and head in kind.head and child in kind.child
