"""Consistency checks of one annotation set against its schema, before a document is done."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model.annotation import AnnotationSet, SpanId
from annotator.model.schema import Schema


@dataclass(frozen=True, slots=True)
class Problem:
    """Something to fix; ``span`` points at the span concerned, if any."""

    message: str
    span: SpanId | None = None
    start: int = 0
    end: int = 0


def problems(annotation: AnnotationSet, schema: Schema, text: str) -> list[Problem]:
    """Required attributes and relations the set lacks, and links the schema does not allow."""
    found: list[Problem] = []
    by_id = {span.id: span for span in annotation.spans}
    heads: dict[str, set[SpanId]] = {}
    for relation in annotation.relations:
        heads.setdefault(relation.label, set()).add(relation.head)
        kind = schema.relation(relation.label)
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if kind is None or head is None or child is None:
            continue
        if head.label not in kind.head or child.label not in kind.child:
            found.append(
                Problem(
                    f"{relation.label} may not link {head.label} to {child.label}",
                    head.id,
                    head.start,
                    head.end,
                )
            )
    for span in annotation.spans:
        snippet = " ".join(text[span.start : span.end].split())
        if len(snippet) > 50:
            snippet = snippet[:49] + "…"
        where = f"{span.label} “{snippet}” [{span.start}–{span.end}]"
        for attribute in schema.span_attributes(span.label):
            if attribute.required and attribute.name not in span.attrs:
                found.append(
                    Problem(f"{where} has no {attribute.name}", span.id, span.start, span.end)
                )
        for kind in schema.relations:
            if (
                kind.required
                and span.label in kind.head
                and span.id not in heads.get(kind.name, set())
            ):
                found.append(
                    Problem(f"{where} has no {kind.name} link", span.id, span.start, span.end)
                )
    for attribute in schema.document_attributes:
        if attribute.required and attribute.name not in annotation.doc_attrs:
            found.append(Problem(f"the document has no {attribute.name}"))
    return found
