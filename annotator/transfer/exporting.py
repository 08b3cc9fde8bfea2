"""Exports: a project (or one layer of it) streamed out to files, never built in memory.

Every document's text is checked against its stored checksum on the way out (the CRC32 of
migration 0007, the sha256 where there is none or for ``annotator check``): a damaged
document is never exported as if fine. Given a ``damage`` list, the export saves what is
readable instead (a project opened with ``recovery=True`` is read around damaged pages) and
lists there what it left out; without one, the first damage raises DamagedProjectError.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TypeVar

from annotator.collector import gc_paused
from annotator.formats.jsonl import Handover, JsonlWriter, SetRows
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId, Speaker, Target
from annotator.store import Project
from annotator.store.documents import ALL_PLACES, Halves, Places
from annotator.store.faults import damaged, sqlite_errors
from annotator.store.recovery import Damage, text_damage
from annotator.transfer.second_process import PartProcess
from annotator.transfer.second_process import available as second_process_available

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

    A large project's second half is written by a second process meanwhile (see
    second_process.py); the file is the same, byte for byte.
    """
    counts = summary if summary is not None else TransferSummary()
    # SQLite's errors name the project (a damaged page); the output file's are left as they are.
    with sqlite_errors(project.path, "reading it"), gc_paused():
        registry: list[Speaker | Target]
        if damage is not None and project.recovery:
            registry = project.salvage.registry(damage)
        else:
            registry = [*project.speakers.all(), *project.targets.all()]
        writer = JsonlWriter(out, registry)
        selection = _Selection(annotator, status, documents)
        halves = _worth_halving(project, damage, documents)
        if halves is None:
            writer.write(selection.items(project, damage, counts, tick))
            return writer.finish()
        with PartProcess.started(
            _write_half, os.path.abspath(project.path), selection, halves.second
        ) as second:
            # What the first half reads, it ticks for; the second half's reads are ticked
            # while this one waits for it.
            writer.write(selection.items(project, damage, counts, tick, halves.first))
            done = second.result(tick) if second is not None else None
            if done is None:
                # Written here after all; the documents the second process had read were
                # ticked already, so they are not ticked twice.
                again = _skipping(second.ticked if second is not None else 0, tick)
                writer.write(selection.items(project, damage, counts, again, halves.second))
            else:
                (handover, part_counts), part = done
                counts.merge(part_counts)
                writer.append(part, handover)
        return writer.finish()


#: The documents (and the characters of text) from which a second process pays: starting
#: it (a fresh interpreter and its imports, 0.2-0.35 s) and copying its part in cost more
#: than half the export of a smaller project. See docs/benchmarks.md.
HALVING_DOCUMENTS = 20_000
HALVING_CHARACTERS = 60_000_000
#: The second process starts late (an interpreter, its imports, the project opened: about
#: 0.35 s, in which one process exports about 26 million characters of news with their
#: spans): the first half is that much larger, so that both end together.
SECOND_PROCESS_LEAD = 26_000_000


def _skipping(ticked: int, tick: Callable[[], None] | None) -> Callable[[], None] | None:
    """``tick``, except for its first ``ticked`` calls."""
    if tick is None or not ticked:
        return tick
    left = ticked

    def once_past() -> None:
        nonlocal left
        if left:
            left -= 1
        else:
            tick()

    return once_past


def _worth_halving(
    project: Project, damage: list[Damage] | None, documents: Collection[DocumentId] | None
) -> Halves | None:
    """The two halves of a project large enough for a second process to pay, if one can
    run; None for one process. A damaged project's salvage is read here only (its reads
    skip what fails and say so), and so is a project in an open transaction (a second
    connection would not see its changes)."""
    if damage is not None or project.in_transaction or not second_process_available():
        return None
    count, characters = project.documents.extent(documents)
    if count < HALVING_DOCUMENTS and characters < HALVING_CHARACTERS:
        return None
    return project.documents.halves(documents, lead=SECOND_PROCESS_LEAD)


@dataclass(frozen=True, slots=True)
class _Selection:
    """What a JSONL export writes: one annotator's layer (or all), sets of one status (or
    all), some documents (or all). Sent to the second process as it is."""

    annotator: str | None
    status: str | None
    documents: Collection[DocumentId] | None

    def items(
        self,
        project: Project,
        damage: list[Damage] | None,
        counts: TransferSummary,
        tick: Callable[[], None] | None,
        places: Places = ALL_PLACES,
    ) -> Iterator[tuple[Document, list[SetRows]]]:
        """The documents at ``places`` with the sets the export writes, counted."""
        annotator, status = self.annotator, self.status
        for document, sets in _checked(
            project, project.export_rows.sets, annotator, damage, self.documents, places=places
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


def _write_half(
    part: IO[bytes], tick: Callable[[], None], path: str, selection: _Selection, places: Places
) -> tuple[Handover, TransferSummary]:
    """The second process's export: the lines of the documents at ``places``, as the first
    process would write them, through a read-only connection of its own."""
    project = Project.open(path, read_only=True)
    try:
        counts = TransferSummary()
        with sqlite_errors(project.path, "reading it"), gc_paused():
            writer = JsonlWriter(part, [*project.speakers.all(), *project.targets.all()])
            writer.write(selection.items(project, None, counts, tick, places))
        return writer.handover(), counts
    finally:
        project.close()


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
    places: Places = ALL_PLACES,
) -> Iterator[tuple[Document, list[_Set]]]:
    """Documents (of ``documents``, if given; at ``places`` in the import order) with their
    sets as ``read`` gives them, each document's text checked (by its sha256 when
    ``thorough``). ``places`` is for an undamaged project only."""
    salvaging = damage is not None and project.recovery
    batches: Iterator[list[Document]]
    if salvaging and damage is not None:
        batches = project.salvage.documents(_BATCH, damage)
        if documents is not None:
            # Filtered before the checksums and the set queries.
            batches = ([d for d in batch if d.id in documents] for batch in batches)
    elif documents is not None:
        # Only those texts are read: a split's part, a preview's sample.
        batches = project.documents.iter_some(documents, _BATCH, places)
    else:
        batches = project.documents.iter_all(_BATCH, places)
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
