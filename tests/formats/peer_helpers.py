"""Helpers shared by the peer-format tests: spans as (label, covered text) and relations by text."""

from __future__ import annotations

from annotator.model import AnnotationSet, Document


def covered(document: Document, annotation: AnnotationSet) -> list[tuple[str, str]]:
    """Every span as (label, the Python slice of the stored text), in text order."""
    return sorted(
        ((s.label, document.text[s.start : s.end]) for s in annotation.spans),
        key=lambda item: document.text.index(item[1]),
    )


def links(document: Document, annotation: AnnotationSet) -> set[tuple[str, str, str]]:
    """Every relation as (label, head text, child text)."""
    by_id = {s.id: document.text[s.start : s.end] for s in annotation.spans}
    return {(r.label, by_id[r.head], by_id[r.child]) for r in annotation.relations}


def span_with(document: Document, annotation: AnnotationSet, text: str, label: str = ""):
    return next(
        s
        for s in annotation.spans
        if document.text[s.start : s.end] == text and (not label or s.label == label)
    )
