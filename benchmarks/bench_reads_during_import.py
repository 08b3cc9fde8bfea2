"""The window's reads while an import writes from its thread: how long each waits, and what
it sees.

    python benchmarks/bench_reads_during_import.py [DOCUMENTS] [SPANS_PER_DOCUMENT] [--rounds N]

Imports a generated native JSONL (``bench_import_export.generate``) into a project holding
one document, on a worker thread as the window's import job does, while this thread reads
the first page of the document list and its count (``Catalogue.rows`` and ``count``, as the
list does on a filter or a scroll) over and over until the import ends. Two ways, in the
same run and interleaved, each on a fresh copy of the project:

- ``shared``: the import writes on the window's own connection (main before the lending):
  a read waits for the statement the import is running, and sees its uncommitted rows;
- ``lent``: the import is lent the writer connection (``Project.lent``) and the window
  reads through a read-only one: it sees the last commit and never waits for the import.

Prints per way the reads made, their median, 95th percentile and longest wait (wall, ms),
the most documents a read saw while the import's transaction was open (the project holds
one before it), and the import's wall time; best of ``--rounds`` (default
3) by the longest wait. Wall times: the machine's load shows in them, the shares between
the two ways (same run, interleaved) are what to compare.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).parent))
from bench_import_export import generate

from annotator.model import Document, DocumentId
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.store.catalogue import DocumentQuery
from annotator.transfer.importing import import_paths

WAYS = ("shared", "lent")


def one(way: str, seed: Path, source: Path, folder: Path) -> dict[str, float]:
    path = Path(tempfile.mkdtemp(dir=folder)) / f"{way}.db"  # a fresh copy, with its backups
    shutil.copy(seed, path)
    project = Project.open(path)
    query = DocumentQuery("alice")
    lending: AbstractContextManager[Project] = (
        project.lent() if way == "lent" else nullcontext(project)
    )
    waits: list[float] = []
    counts: list[tuple[float, int]] = []
    with lending as writer:
        done = threading.Event()
        took: list[float] = []

        told: list[float] = []  # when the import said how far it was: inside its transaction

        def work() -> None:
            start = time.perf_counter()
            try:
                import_paths(writer, [source], progress=lambda *_: told.append(time.perf_counter()))
            finally:
                took.append(time.perf_counter() - start)
                done.set()

        thread = threading.Thread(target=work)
        thread.start()
        while not done.is_set():
            start = time.perf_counter()
            count = project.catalogue.count(query)
            project.catalogue.rows(query, 0, 50)
            end = time.perf_counter()
            waits.append((end - start) * 1000)
            counts.append((end, count))
            time.sleep(0.005)  # a user's reads come between events, not back to back
        thread.join()
    # The most documents a read saw that ended before the import's last word, which it says
    # before it commits: the import's rows not committed yet, if the read could see them.
    seen = max((count for end, count in counts if told and end < told[-1]), default=0)
    project.close()
    waits.sort()
    return {
        "reads": len(waits),
        "median": statistics.median(waits),
        "p95": waits[int(len(waits) * 0.95)],
        "longest": waits[-1],
        "seen": seen,
        "import": took[0],
    }


def line(way: str, r: dict[str, float]) -> str:
    return (
        f"{way:7} {r['reads']:5.0f} reads  median {r['median']:7.2f} ms  p95 {r['p95']:7.2f} ms"
        f"  longest {r['longest']:7.1f} ms  saw {r['seen']:6.0f} documents"
        f"  import {r['import']:5.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("documents", type=int, nargs="?", default=20_000)
    parser.add_argument("spans", type=int, nargs="?", default=5, help="per document")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-reads-"))
    source = folder / "import.jsonl"
    with source.open("wb") as out:
        for record in generate(args.documents, args.spans):
            out.write(orjson.dumps(record) + b"\n")
    seed = folder / "seed.db"
    with Project.create(seed, load_schema(default_schema_path())) as project, project.transaction():
        project.documents.insert_many([Document(DocumentId("first"), "One text.", "First")])
    best: dict[str, dict[str, float]] = {}
    for _ in range(args.rounds):
        for way in WAYS:
            result = one(way, seed, source, folder)
            if way not in best or result["longest"] < best[way]["longest"]:
                best[way] = result
    spans = args.documents * args.spans
    print(f"{args.documents:,} documents, {spans:,} spans, best of {args.rounds}")
    for way in WAYS:
        print(line(way, best[way]))
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
