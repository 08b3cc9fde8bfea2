"""Exports: a project (or one layer of it) streamed out to files, never built in memory.

Every document's text is checked against its stored checksum on the way out (the CRC32 of
migration 0007, the sha256 where there is none or for ``annotator check``): a damaged
document is never exported as if fine. Given a ``damage`` list, the export saves what is
readable instead (a project opened with ``recovery=True`` is read around damaged pages) and
lists there what it left out; without one, the first damage raises DamagedProjectError.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from typing import IO, TypeVar

from annotator.collector import gc_paused
from annotator.formats.jsonl import SetRows, write_jsonl
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId, Speaker, Target
from annotator.store import Project
from annotator.store.faults import damaged, sqlite_errors
from annotator.store.recovery import Damage, text_damage

EXPORT_FORMATS = ("jsonl",)
_BATCH = 400
_Set = TypeVar("_Set")


def export_jsonl(
    project: Project,
    out: IO[bytes],
    annotator: str | None = None,
    damage: list[Damage] | None = None,
    *,
    status: str | None = None,
    documents: Collection[DocumentId] | None = None,
    summary: TransferSummary | None = None,
    tick: Callable[[], None] | None = None,
) -> int:
    """Stream the project (or one annotator's layer) as native JSONL; returns the line count.

    ``status`` keeps only the sets of that status (and the documents with one), ``documents``
    only those documents; ``summary`` is given the counts of what went out; ``tick`` is
    called for each document read (the progress of a long export).
    """
    counts = summary if summary is not None else TransferSummary()

    def items() -> Iterator[tuple[Document, list[SetRows]]]:
        for document, sets in _checked(
            project, project.export_rows.sets, annotator, damage, documents
        ):
            if tick is not None:
                tick()
            if status is not None:
                sets = [rows for rows in sets if rows[1] == status]
            if (annotator is None and status is None) or sets:
                counts.documents += 1
                for rows in sets:
                    counts.spans += rows[4]
                    counts.relations += len(rows[5])
                yield document, sets

    # SQLite's errors name the project (a damaged page); the output file's are left as they are.
    with sqlite_errors(project.path, "reading it"), gc_paused():
        registry: list[Speaker | Target]
        if damage is not None and project.recovery:
            registry = project.salvage.registry(damage)
        else:
            registry = [*project.speakers.all(), *project.targets.all()]
        return write_jsonl(out, items(), registry)


def iter_documents_with_sets(
    project: Project,
    annotator: str | None = None,
    damage: list[Damage] | None = None,
    documents: Collection[DocumentId] | None = None,
    *,
    thorough: bool = False,
) -> Iterator[tuple[Document, list[AnnotationSet]]]:
    """Every document (of ``documents``, if given) with its annotation sets (as model
    objects), in import order; damage as in :func:`export_jsonl`. ``thorough`` checks each
    text by its sha256 rather than its CRC32 (``annotator check``)."""
    with sqlite_errors(project.path, "reading it"):
        yield from _checked(
            project, project.bulk.sets_for, annotator, damage, documents, thorough=thorough
        )


def _check_texts(
    documents: list[Document], thorough: bool = False
) -> tuple[list[Document], list[Damage]]:
    """The documents whose text matches its checksum, and the damage of the others.

    sha256 runs at 120-200 MB/s on CPUs without SHA instructions, about a sixth of a JSONL
    export: exports check the stored CRC32 instead (about 1 GB/s). (Hashing the next batch
    in a second thread was slower on two busy cores.)"""
    good: list[Document] = []
    bad: list[Damage] = []
    for document in documents:
        found = text_damage(document, thorough)
        if found is None:
            good.append(document)
        else:
            bad.append(found)
    return good, bad


def _checked(
    project: Project,
    read: Callable[[Sequence[DocumentId], str | None], dict[DocumentId, list[_Set]]],
    annotator: str | None,
    damage: list[Damage] | None,
    documents: Collection[DocumentId] | None = None,
    *,
    thorough: bool = False,
) -> Iterator[tuple[Document, list[_Set]]]:
    """Documents (of ``documents``, if given) with their sets as ``read`` gives them, each
    document's text checked (by its sha256 when ``thorough``)."""
    salvaging = damage is not None and project.recovery
    batches: Iterator[list[Document]]
    if salvaging and damage is not None:
        batches = project.salvage.documents(_BATCH, damage)
        if documents is not None:
            # Filtered before the checksums and the set queries.
            batches = ([d for d in batch if d.id in documents] for batch in batches)
    elif documents is not None:
        # Only those texts are read: a split's part, a preview's sample.
        batches = project.documents.iter_some(documents, _BATCH)
    else:
        batches = project.documents.iter_all(_BATCH)
    for batch in batches:
        good, bad = _check_texts(batch, thorough)
        for found in bad:
            if damage is None:
                raise damaged(project.path, found.message())
            damage.append(found)
        ids = [d.id for d in good]
        if salvaging and damage is not None:
            sets = project.salvage.sets(ids, lambda chunk: read(chunk, annotator), damage)
        else:
            sets = read(ids, annotator)
        for document in good:
            yield document, sets.get(document.id, [])
