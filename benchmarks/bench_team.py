"""Packing and merging a team's work: 10,000 documents x 5 annotators (each under 10 s).

The project holds DOCUMENTS generated articles (about 3,000 characters each), assigned to
five annotators with 20 % overlap by two. Timed: ``pack --all`` (five blind packs), then,
after every annotator has done every document of their pack (SPANS_PER_DOCUMENT spans, a
relation, a status and active time each), ``merge`` of the five packs, and the same merge
again (nothing to change). Baseline measured in the same run on the same files: copying
the project once (``copyfile`` + ``fsync``), the disk's price of writing that many bytes.

Usage: python benchmarks/bench_team.py [DOCUMENTS] [SPANS_PER_DOCUMENT]
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.edits.assignment import AssignDocuments
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.merging import merge_projects
from annotator.transfer.packing import write_all_packs

TEAM = ["alice", "bob", "carol", "dave", "erin"]
WORDS = ["the", "minister", "said", "that", "plan", "would", "work", "critics", "told", "it"]
LIMIT = 10.0


def timed(label: str, results: dict[str, float], func: Callable[..., Any], *args: Any) -> Any:
    start = time.perf_counter()
    value = func(*args)
    results[label] = time.perf_counter() - start
    print(f"{label:<38} {results[label]:7.2f} s", flush=True)
    return value


def copy_and_sync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def annotate_pack(path: Path, spans_per_document: int, rng: random.Random) -> int:
    """Every document of the pack done by its annotator, in one transaction."""
    with Project.open(path) as pack:
        name = AnnotatorName(pack.meta("pack_annotator") or "")
        sets: list[AnnotationSet] = []
        for document in (d for batch in pack.documents.iter_all() for d in batch):
            length = len(document.text)
            spans = []
            for s in range(spans_per_document):
                start = rng.randrange(0, length - 200)
                label = ("QUOTE", "SPEAKER", "CUE")[s % 3]
                spans.append(
                    Span(
                        SpanId(s + 1), document.id, name, start, start + 50, label, {}, f"T{s + 1}"
                    )
                )
            relations = [Relation(RelationId(1), "attributed_to", SpanId(1), SpanId(2))]
            seconds = rng.uniform(60, 400)
            sets.append(
                AnnotationSet(document.id, name, Status.DONE, spans, relations, {}, seconds)
            )
        with pack.transaction():
            pack.bulk.insert_sets(sets)
        return len(sets)


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    per_document = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rng = random.Random(1)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "team.db"
        with Project.create(path, load_schema(default_schema_path())) as project:
            with project.transaction():
                project.documents.insert_many(
                    Document(
                        DocumentId(f"doc{d:06d}"),
                        " ".join(rng.choice(WORDS) for _ in range(480)),
                        f"Document {d}",
                    )
                    for d in range(documents)
                )
            AssignDocuments(TEAM, overlap=0.2, per_document=2, seed=1).apply(project)
        size = path.stat().st_size
        print(f"{documents:,} documents, {len(TEAM)} annotators: project {size / 1e6:.0f} MB")
        timed("baseline: copy the project + fsync", results, copy_and_sync, path, folder / "c.db")
        with Project.open(path, read_only=True) as project:
            reports = timed(
                "pack --all (5 packs)", results, write_all_packs, project, folder / "out"
            )
        packs = [r.path for r in reports]
        print(
            f"  packs: {sum(r.documents for r in reports):,} documents, "
            f"{sum(p.stat().st_size for p in packs) / 1e6:.0f} MB"
        )
        sets = sum(annotate_pack(p, per_document, rng) for p in packs)
        print(f"  annotated in the packs: {sets:,} sets, {sets * per_document:,} spans")
        with Project.open(path) as project:
            report = timed("merge 5 packs", results, merge_projects, project, packs)
            print(f"  {report.summary()}")
            again = timed("merge the same 5 packs again", results, merge_projects, project, packs)
            print(f"  {again.summary()}")
        slow = [k for k in ("pack --all (5 packs)", "merge 5 packs") if results[k] >= LIMIT]
        print("within 10 s each" if not slow else f"SLOW: {', '.join(slow)}")


if __name__ == "__main__":
    main()
