"""Packs: a blind project file for one annotator, holding only what is theirs to annotate.

A pack holds the annotator's assigned documents, the schema and guidelines, the speaker and
target registries, the annotator's own layer of those documents (with its active time) and
nothing of anyone else's; its meta says where it came from (``transfer/pack_origin.py``).
It is an ordinary project file: the app opens it as that annotator, and ``merge`` takes it
back. Packs are written whole to a partial file and renamed into place.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.model import AnnotatorName
from annotator.model.progress import Progress
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.connection import wal_files
from annotator.store.history import now
from annotator.transfer import pack_origin

_BATCH = 500
PACK_SUFFIX = ".db"


@dataclass(frozen=True, slots=True)
class PackReport:
    annotator: AnnotatorName
    path: Path
    documents: int
    sets: int

    def line(self) -> str:
        documents = plural(self.documents, "document")
        return f"{self.path}: {self.annotator}, {documents}, {self.sets} with work"


def pack_path(folder: Path, annotator: str) -> Path:
    """Where ``pack --all`` puts an annotator's pack: ``FOLDER/NAME.db``, the name made safe."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in annotator).strip(".")
    return folder / f"{safe or 'annotator'}{PACK_SUFFIX}"


def write_pack(
    project: Project, annotator: str, out: Path, progress: Progress | None = None
) -> PackReport:
    """Write ``annotator``'s pack of ``project`` to ``out`` (replaced if it exists)."""
    if annotator not in project.assignments.annotators():
        raise AnnotatorError(
            f"{project.path}: no documents are assigned to {annotator} (annotator assign)"
        )
    return write_packs(project, {AnnotatorName(annotator): Path(out)}, progress)[0]


def write_all_packs(
    project: Project, folder: Path, progress: Progress | None = None
) -> list[PackReport]:
    """One pack per assigned annotator into ``folder`` (made if missing)."""
    names = project.assignments.annotators()
    if not names:
        raise AnnotatorError(f"{project.path}: no documents are assigned yet (annotator assign)")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{folder}: not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    targets: dict[AnnotatorName, Path] = {}
    for name in names:
        base = path = pack_path(folder, name)
        n = 1
        # Two names made the same by making them safe ("a/b", "a_b") must not share a file.
        while path in targets.values():
            n += 1
            path = base.with_name(f"{base.stem}-{n}{PACK_SUFFIX}")
        targets[name] = path
    return write_packs(project, targets, progress)


def write_packs(
    project: Project, targets: dict[AnnotatorName, Path], progress: Progress | None = None
) -> list[PackReport]:
    """Write every pack of ``targets`` in one pass over the documents; on any failure (or
    ``Cancelled``) no pack is left behind and existing files at the targets stay as they were."""
    for out in targets.values():
        if not out.parent.is_dir():
            raise AnnotatorError(f"{out}: the folder {out.parent} does not exist")
        if out.exists() and out.resolve() == project.path.resolve():
            raise AnnotatorError(f"{out}: that is the project itself; choose another file")
    assigned = {name: set(project.assignments.documents_of(name)) for name in targets}
    total = project.documents.count()
    partials = {name: _partial(out) for name, out in targets.items()}
    counts = {name: [0, 0] for name in targets}
    try:
        with ExitStack() as stack:
            packs: dict[AnnotatorName, Project] = {}
            for name, partial in partials.items():
                for leftover in (partial, *wal_files(partial)):
                    leftover.unlink(missing_ok=True)
                pack = Project.create(partial, project.schema)
                stack.callback(pack.close)
                stack.enter_context(pack.transaction())
                _start(project, pack, name)
                packs[name] = pack
            done = 0
            if progress is not None:
                progress(0, total)
            for documents in project.documents.iter_all(_BATCH):
                for name, pack in packs.items():
                    mine = [d for d in documents if d.id in assigned[name]]
                    if not mine:
                        continue
                    pack.documents.insert_many(mine)
                    ids = [d.id for d in mine]
                    pack.assignments.add([(d, name) for d in ids])
                    sets = [s for group in project.bulk.sets_for(ids, name).values() for s in group]
                    pack.bulk.insert_sets(sets)
                    counts[name][0] += len(mine)
                    counts[name][1] += len(sets)
                done += len(documents)
                if progress is not None:
                    progress(done, total)
        for name, out in targets.items():
            os.replace(partials[name], out)
    finally:
        for partial in partials.values():
            for leftover in (partial, *wal_files(partial)):
                leftover.unlink(missing_ok=True)
    return [
        PackReport(name, out, counts[name][0], counts[name][1]) for name, out in targets.items()
    ]


def _partial(out: Path) -> Path:
    return out.with_name(f".{out.name}.partial")


def _start(project: Project, pack: Project, annotator: AnnotatorName) -> None:
    """What a pack holds besides the documents and the layer: its origin and the registries."""
    schema = project.schema
    pack.set_meta(pack_origin.PROJECT_ID, project.meta(pack_origin.PROJECT_ID) or "")
    pack.set_meta(pack_origin.ANNOTATOR, annotator)
    pack.set_meta(pack_origin.SCHEMA_VERSION, str(schema.version))
    pack.set_meta(pack_origin.SOURCE, project.path.name)
    pack.set_meta(pack_origin.PACKED_AT, now())
    for speaker in project.speakers.all():
        pack.speakers.upsert(speaker)
    for target in project.targets.all():
        pack.targets.upsert(target)
    pack.ensure_annotator(annotator)
