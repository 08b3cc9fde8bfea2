"""Merging: other copies of a project, and annotators' packs, brought in by document id and hash.

Nothing is overwritten and nothing is dropped silently: whatever cannot be merged is listed as
a :class:`Conflict` and the project keeps its own version. A pack (``transfer/packing.py``) is
the one exception: it is its annotator's own newer copy of their layer, so their sets in it
replace the project's, and it must come from this very project.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from annotator.errors import AnnotatorError
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    Document,
    DocumentId,
    Speaker,
    Status,
)
from annotator.model.progress import Progress
from annotator.model.schema import Schema
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.faults import sqlite_errors
from annotator.transfer.pack_origin import PackOrigin, pack_origin

_BATCH = 400
#: A span as two copies of one set can share it: (name, start, end, label, attrs).
_SpanKey = tuple[str, int, int, str, tuple[tuple[str, AttrValue], ...]]
_Key = TypeVar("_Key")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Something of ``source`` left out because the project holds something else there."""

    document: DocumentId
    annotator: AnnotatorName | None
    reason: str
    source: Path | None = None

    def line(self) -> str:
        where = f"{self.source}: " if self.source is not None else ""
        who = f" ({self.annotator})" if self.annotator is not None else ""
        # A registry conflict belongs to no document.
        what = f"{self.document}{who}: " if self.document else ""
        return f"{where}{what}{self.reason}"


@dataclass(slots=True)
class MergeReport:
    documents_added: int = 0
    documents_matched: int = 0
    sets_added: int = 0
    sets_unchanged: int = 0
    #: An annotator's sets replaced by the newer ones of their pack.
    sets_replaced: int = 0
    packs: int = 0
    speakers_added: int = 0
    targets_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    backup: Path | None = None

    def summary(self) -> str:
        parts = [
            f"{plural(self.documents_added, 'document')} added",
            f"{self.documents_matched} matched",
            f"{plural(self.sets_added, 'annotation set')} added",
            f"{self.sets_unchanged} unchanged",
        ]
        if self.packs:
            parts.insert(0, plural(self.packs, "pack"))
            parts.append(f"{self.sets_replaced} replaced by newer work")
        if self.speakers_added or self.targets_added:
            speakers = plural(self.speakers_added, "speaker")
            parts.append(f"{speakers} and {plural(self.targets_added, 'target')} added")
        if self.conflicts:
            conflicts = plural(len(self.conflicts), "conflict")
            parts.append(f"{conflicts} (the project's version was kept)")
        else:
            parts.append("no conflicts")
        return ", ".join(parts)

    def conflict_lines(self) -> list[str]:
        return [conflict.line() for conflict in self.conflicts]


def merge_projects(
    project: Project, others: Sequence[Path], progress: Progress | None = None
) -> MergeReport:
    """Merge every project file or pack of ``others`` into ``project`` in one transaction.

    Every file is opened before anything is written, so a missing, locked or foreign file
    (or a pack of another project) fails the merge with the project untouched. A file given
    twice is merged once. ``progress`` counts the documents read; raising ``Cancelled`` in
    it rolls the whole merge back.
    """
    paths = _distinct(project.path, [Path(p) for p in others])
    report = MergeReport()
    with ExitStack() as opened:
        sources: list[tuple[Project, PackOrigin | None]] = []
        for path in paths:
            # Read-only: the other annotators' files stay byte-identical.
            other = Project.open(path, read_only=True)
            opened.callback(other.close)
            with sqlite_errors(path, "reading it"):
                origin = pack_origin(other)
            if origin is not None:
                origin.check_fits(project)
                report.packs += 1
            sources.append((other, origin))
        with sqlite_errors(paths[0] if paths else project.path, "reading it"):
            total = sum(other.documents.count() for other, _ in sources)
        if project.documents.count():
            report.backup = project.backup("merge")
        counter = _Counter(progress, total)
        with project.transaction():
            for other, origin in sources:
                _Merger(project, other, report, origin, counter).run()
            project.history.record(
                "",
                "merge",
                None,
                {
                    "paths": [str(p) for p in paths],
                    "documents_added": report.documents_added,
                    "documents_matched": report.documents_matched,
                    "sets_added": report.sets_added,
                    "sets_unchanged": report.sets_unchanged,
                    "sets_replaced": report.sets_replaced,
                    "packs": report.packs,
                    "conflicts": len(report.conflicts),
                },
            )
    return report


def _distinct(own: Path, others: list[Path]) -> list[Path]:
    seen: list[Path] = []
    for path in others:
        if _same_file(path, own):
            raise AnnotatorError(f"{path}: cannot merge a project into itself")
        if not any(_same_file(path, earlier) for earlier in seen):
            seen.append(path)
    return seen


def _same_file(a: Path, b: Path) -> bool:
    try:
        # samefile also sees through hard links and different spellings of one path.
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


class _Counter:
    """Documents read so far, told to the caller's Progress."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0
        if progress is not None:
            progress(0, total)

    def add(self, documents: int) -> None:
        self.done += documents
        if self.progress is not None:
            self.progress(self.done, self.total)


class _Merger:
    """Merges one other project; the caller holds the transaction."""

    def __init__(
        self,
        project: Project,
        other: Project,
        report: MergeReport,
        origin: PackOrigin | None = None,
        counter: _Counter | None = None,
    ) -> None:
        self.project = project
        self.other = other
        self.report = report
        #: Set for a pack: only its annotator's layer is taken, and it replaces theirs.
        self.origin = origin
        self.counter = counter or _Counter(None, 0)
        self.seconds: list[tuple[DocumentId, AnnotatorName, float]] = []
        # The same schema text needs no check per set; another may lack labels or values.
        same = other.meta("schema") == project.meta("schema")
        self.schema: Schema | None = None if same else project.schema
        self.entity_names: dict[str, set[str]] = {"speaker": set(), "target": set()}

    def run(self) -> None:
        batches = self.other.documents.iter_all(_BATCH)
        while True:
            # A failure reading the other file names that file, not the project.
            with sqlite_errors(self.other.path, "reading it"):
                documents = next(batches, None)
            if documents is None:
                break
            self.batch(documents)
            self.counter.add(len(documents))
        self.project.active_time.keep_larger(self.seconds)
        self.registries()

    def conflict(self, document: DocumentId, annotator: AnnotatorName | None, why: str) -> None:
        self.report.conflicts.append(Conflict(document, annotator, why, self.other.path))

    def batch(self, documents: list[Document]) -> None:
        ids = [d.id for d in documents]
        known = self.project.documents.hashes(ids)
        with sqlite_errors(self.other.path, "reading it"):
            theirs = self.other.bulk.sets_for(
                ids, self.origin.annotator if self.origin is not None else None
            )
        # A pack brings one annotator's layer: only theirs here is compared with it.
        mine = self.origin.annotator if self.origin is not None else None
        ours = self.project.bulk.sets_for(list(known), mine) if known else {}
        new = [d for d in documents if d.id not in known]
        self.project.documents.insert_many(new)
        self.report.documents_added += len(new)
        to_add: list[AnnotationSet] = []
        for document in documents:
            sets = theirs.get(document.id, [])
            here = known.get(document.id)
            if here is not None and here != document.sha256:
                # Offsets only mean something in their own text: the sets cannot come along.
                left_out = ", ".join(s.annotator for s in sets) or "none"
                self.conflict(
                    document.id,
                    None,
                    f"the text differs (sha256 {here} here, {document.sha256} there); "
                    f"annotation sets not merged: {left_out}",
                )
                continue
            if here is not None:
                self.report.documents_matched += 1
            existing = {s.annotator: s for s in ours.get(document.id, [])}
            for there in sets:
                merged = self.merge_set(existing.get(there.annotator), there)
                if merged is not None:
                    to_add.append(merged)
        self.project.bulk.insert_sets(to_add)

    def merge_set(self, here: AnnotationSet | None, there: AnnotationSet) -> AnnotationSet | None:
        """The set to insert, or None when the project already has it or keeps its own."""
        if _is_blank(there) and here is not None:
            self.report.sets_unchanged += 1
            self.keep_time(there)
            return None
        blank_here = here is None or _is_blank(here)
        difference = None if here is None or blank_here else _difference(here, there)
        replace_ours = self.origin is not None and difference is not None
        if blank_here or replace_ours:
            problem = _schema_problem(there, self.schema) if self.schema else None
            if problem:
                if self.origin is not None:
                    # A pack is one annotator's work: all of it arrives, or none.
                    raise self.origin.schema_refusal(problem)
                self.conflict(there.document, there.annotator, f"not merged: {problem}")
                return None
            if here is not None:
                # A blank todo row says no more than a missing one; let the real set in.
                # A pack's set is its annotator's newer work on their own layer.
                self.project.sets.delete(here.document, here.annotator)
                if replace_ours:
                    self.report.sets_replaced += 1
                    return there
            for span in there.spans:
                for kind, names in self.entity_names.items():
                    if kind in span.attrs:
                        names.add(str(span.attrs[kind]))
            self.report.sets_added += 1
            return there
        if difference is None:
            self.report.sets_unchanged += 1
            self.keep_time(there)
        else:
            self.conflict(there.document, there.annotator, difference)
        return None

    def keep_time(self, there: AnnotationSet) -> None:
        """The same set may come with more active time (the annotator read on)."""
        if there.seconds:
            self.seconds.append((there.document, there.annotator, there.seconds))

    def registries(self) -> None:
        project, report = self.project, self.report
        with sqlite_errors(self.other.path, "reading it"):
            their_speakers, their_targets = self.other.speakers.all(), self.other.targets.all()
            their_annotators = self.other.annotators()
        speakers = {s.name: s for s in project.speakers.all()}
        for speaker in their_speakers:
            ours = speakers.get(speaker.name)
            if ours is None:
                project.speakers.upsert(speaker)
                report.speakers_added += 1
            elif ours != speaker and (speaker.description or speaker.wikidata):
                # The same name is one speaker; differing details are for a person to settle.
                self.conflict(
                    DocumentId(""),
                    None,
                    f'speaker "{speaker.name}" differs ({_entry_text(ours)} here, '
                    f"{_entry_text(speaker)} there); this project's record was kept",
                )
        targets = {t.label: t for t in project.targets.all()}
        for target in their_targets:
            ours_target = targets.get(target.label)
            if ours_target is None:
                project.targets.upsert(target)
                report.targets_added += 1
            elif ours_target != target and target.definition:
                self.conflict(
                    DocumentId(""),
                    None,
                    f'target "{target.label}" has another definition there '
                    f"({target.definition!r}); this project's definition was kept",
                )
        # As imports do: entities named by merged spans exist even if OTHER never listed them.
        report.speakers_added += project.speakers.ensure(self.entity_names["speaker"])
        report.targets_added += project.targets.ensure(self.entity_names["target"])
        for annotator in their_annotators:
            project.ensure_annotator(annotator)


def _is_blank(aset: AnnotationSet) -> bool:
    # The store reads a missing set as todo with nothing in it, so this one is no different.
    return (
        aset.status == Status.TODO and not aset.spans and not aset.relations and not aset.doc_attrs
    )


def _entry_text(speaker: Speaker) -> str:
    details = [speaker.type.value, speaker.description, speaker.wikidata]
    return ", ".join(d for d in details if d)


def _span_keys(aset: AnnotationSet) -> Counter[_SpanKey]:
    return Counter(
        (s.name, s.start, s.end, s.label, tuple(sorted(s.attrs.items()))) for s in aset.spans
    )


def _relation_keys(aset: AnnotationSet) -> Counter[tuple[str, str, str]]:
    # Span ids differ between files; names are what one set's copies share.
    names = {span.id: span.name for span in aset.spans}
    return Counter((r.label, names[r.head], names[r.child]) for r in aset.relations)


def _difference(here: AnnotationSet, there: AnnotationSet) -> str | None:
    """How two copies of one (document, annotator) set differ, in a few words; None if equal."""
    parts: list[str] = []
    if here.status != there.status:
        parts.append(f"status {here.status} here vs {there.status} there")
    if here.doc_attrs != there.doc_attrs:
        parts.append("document attributes differ")
    parts.append(_count_difference("spans", _span_keys(here), _span_keys(there)))
    parts.append(_count_difference("relations", _relation_keys(here), _relation_keys(there)))
    return "; ".join(p for p in parts if p) or None


def _count_difference(what: str, mine: Counter[_Key], theirs: Counter[_Key]) -> str:
    if mine == theirs:
        return ""
    return (
        f"{what} differ: {(mine - theirs).total()} only here, {(theirs - mine).total()} only there"
    )


def _schema_problem(aset: AnnotationSet, schema: Schema) -> str | None:
    """Why ``aset`` does not fit ``schema`` (the other file's schema may differ), or None."""
    for span in aset.spans:
        if schema.label(span.label) is None:
            return f'label "{span.label}" is not in this project\'s schema'
        for name, value in span.attrs.items():
            attribute = schema.span_attribute(span.label, name)
            if attribute is None:
                return f'{span.label} has no attribute "{name}" in this project\'s schema'
            problem = schema.check_value(attribute, value)
            if problem:
                return problem
    for name, value in aset.doc_attrs.items():
        attribute = schema.document_attribute(name)
        if attribute is None:
            return f'this project\'s schema has no document attribute "{name}"'
        problem = schema.check_value(attribute, value)
        if problem:
            return problem
    labels = {span.id: span.label for span in aset.spans}
    for relation in aset.relations:
        kind = schema.relation(relation.label)
        if kind is None:
            return f'relation "{relation.label}" is not in this project\'s schema'
        if labels[relation.head] not in kind.head or labels[relation.child] not in kind.child:
            return (
                f"{relation.label} may not link {labels[relation.head]} to "
                f"{labels[relation.child]} in this project's schema"
            )
    return None
