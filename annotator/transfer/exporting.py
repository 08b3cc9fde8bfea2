"""Exports: a project (or one layer of it) streamed out to files, never built in memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from annotator.formats.jsonl import SetRows, write_jsonl
from annotator.model import AnnotationSet, Document, Speaker, Target
from annotator.store import Project

EXPORT_FORMATS = ("jsonl",)


def export_jsonl(project: Project, out: IO[bytes], annotator: str | None = None) -> int:
    """Stream the project (or one annotator's layer) as native JSONL; returns the line count."""

    def items() -> Iterator[tuple[Document, list[SetRows]]]:
        for documents in project.documents.iter_all(400):
            sets = project.bulk.export_rows([d.id for d in documents], annotator)
            for document in documents:
                found = sets.get(document.id, [])
                if annotator is None or found:
                    yield document, found

    registry: list[Speaker | Target] = [*project.speakers.all(), *project.targets.all()]
    return write_jsonl(out, items(), registry)


def iter_documents_with_sets(
    project: Project, annotator: str | None = None
) -> Iterator[tuple[Document, list[AnnotationSet]]]:
    """Every document with its annotation sets (as model objects), in import order."""
    for documents in project.documents.iter_all(400):
        sets = project.bulk.sets_for([d.id for d in documents], annotator)
        for document in documents:
            yield document, sets.get(document.id, [])
