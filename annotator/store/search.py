"""Searching the whole project: words in the texts, or annotations by label or value."""

from __future__ import annotations

from annotator.model.search import Hit, find_all, snippet
from annotator.store import Project


def search_text(project: Project, term: str, limit: int = 500) -> list[Hit]:
    """Every occurrence of ``term`` (ignoring case) in the documents, in import order."""
    hits: list[Hit] = []
    for document in project.documents.containing(term, limit):
        for start, end in find_all(document.text, term):
            hits.append(Hit(document.id, start, end, snippet(document.text, start, end)))
    return hits[:limit]


def search_annotations(project: Project, term: str, layer: str, limit: int = 500) -> list[Hit]:
    """Spans of ``layer`` labelled ``term`` or with an attribute value (a speaker, a target,
    a stance...) containing it."""
    texts: dict[str, str] = {}
    hits: list[Hit] = []
    for span in project.annotations.search_spans(term, layer, limit):
        if span.document not in texts:
            found = project.documents.get(span.document)
            texts[span.document] = found.text if found else ""
        values = ", ".join(f"{k}={v}" for k, v in span.attrs.items())
        why = span.label + (f" ({values})" if values else "")
        text = texts[span.document]
        hits.append(
            Hit(span.document, span.start, span.end, snippet(text, span.start, span.end), why)
        )
    return hits
