"""The full agreement report read from a project, next to a JSONL export of the same project.

Builds a project of DOCUMENTS news-sized documents, each annotated by ANNOTATORS annotators
(ten spans each: most copied from a shared truth, some with shifted boundaries, some left out,
some with another stance), then times, alternating and best of two:

- ``annotator export --format jsonl`` of the whole project (the baseline: it reads the same
  documents and sets and writes them out), in one process: from 20,000 documents the export
  writes its second half in a second process (transfer/second_process.py) while the report
  runs in one, so the one-process export is the like-for-like baseline; the export as it
  runs, in two processes, is timed and compared too;
- the agreement report as ``annotator agreement`` computes it: each document's counted sets
  streamed from the store and folded into the report's counters (``tally_project``), then
  the report summed up.

Target: agreement <= 2x the export at 20,000 x 2; <= 30 s and <= 1 GB at 100,000 x 3 (run the
agreement alone with ``--agreement-only`` to read its peak RSS without the export's).

``--project=PATH`` keeps the built project at PATH and reuses it when it is already there
(building 100,000 x 3 takes minutes).

Usage: python benchmarks/bench_agreement_project.py [DOCUMENTS] [ANNOTATORS] [--agreement-only]
       [--project=PATH]
"""

from __future__ import annotations

import gc
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import orjson

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.agreement_input import tally_project
from annotator.transfer.export_job import ExportRequest, run_export
from annotator.transfer.importing import import_paths

sys.path.insert(0, str(Path(__file__).parent))
from bench_import_export import one_process

# fmt: off
WORDS = [
    "the", "kremlin", "said", "talks", "would", "continue", "while", "officials", "denied",
    "any", "deal", "on", "ukraine", "nato", "membership", "and", "ceasefire", "terms",
]
# fmt: on
LABELS = ("QUOTE", "SPEAKER", "CUE")
STANCES = ("favor", "against", "none")
PER_DOCUMENT = 10
REPEATS = 2


def generate(documents: int, annotators: int, seed: int = 1) -> list[bytes]:
    """One JSONL line per (document, annotator): shared truth, perturbed per annotator."""
    rng = random.Random(seed)
    lines: list[bytes] = []
    for d in range(documents):
        text = " ".join(rng.choice(WORDS) for _ in range(480))
        slot = (len(text) - 10) // PER_DOCUMENT
        truth = []
        for s in range(PER_DOCUMENT):
            start = s * slot + rng.randrange(6, slot // 4)
            truth.append((start, start + rng.randrange(20, slot // 2), rng.choice(STANCES)))
        for a in range(annotators):
            spans = []
            for s, (start, end, stance) in enumerate(truth):
                roll = rng.random()
                if roll < 0.05:
                    continue  # missed
                if roll < 0.15:
                    start += rng.randrange(-5, 6)
                    end += rng.randrange(-5, 6)
                if rng.random() < 0.2:
                    stance = rng.choice(STANCES)
                label = LABELS[s % 3]
                attrs = {"stance": stance} if label == "QUOTE" else {}
                spans.append(
                    {"id": f"T{s + 1}", "start": start, "end": end, "label": label, "attrs": attrs}
                )
            record = {
                "id": f"doc{d:06d}",
                "title": f"Document {d}",
                "text": text,
                "annotator": f"ann{a + 1}",
                "status": "done",
                "spans": spans,
            }
            lines.append(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    return lines


def make_project(path: Path, documents: int, annotators: int) -> Path:
    source = path.with_suffix(".input.jsonl")
    source.write_bytes(b"".join(generate(documents, annotators)))
    with Project.create(path, load_schema(default_schema_path())) as project:
        import_paths(project, [source])
    source.unlink()
    return path


def export(path: Path, out: Path) -> None:
    with Project.open(path, read_only=True) as project:
        run_export(project, ExportRequest("jsonl", out))


def export_one_process(path: Path, out: Path) -> None:
    with one_process():
        export(path, out)


def agreement(path: Path) -> None:
    with Project.open(path, read_only=True) as project:
        tally = tally_project(project)
    tally.report()


def timed(label: str, results: dict[str, float], func, *args) -> None:
    """Best of REPEATS runs: the two alternate, so neither gets the other's warm caches."""
    gc.collect()
    start = time.perf_counter()
    func(*args)
    took = time.perf_counter() - start
    results[label] = min(took, results.get(label, took))
    print(f"{label:<40} {took:7.2f} s", flush=True)


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    documents = int(arguments[0]) if arguments else 20_000
    annotators = int(arguments[1]) if len(arguments) > 1 else 2
    results: dict[str, float] = {}
    kept = next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--project=")), None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = Path(kept) if kept else folder / "project.db"
        if path.exists():
            print(f"reusing {path}", flush=True)
        elif "--agreement-only" in sys.argv:
            # Built in a child process, so the peak RSS below is the report's alone.
            builder = multiprocessing.Process(
                target=make_project, args=(path, documents, annotators)
            )
            builder.start()
            builder.join()
        else:
            make_project(path, documents, annotators)
        shape = f"{documents:,} documents x {annotators} annotators x {PER_DOCUMENT} spans"
        print(shape, flush=True)
        if "--agreement-only" in sys.argv:
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            timed("agreement report (read + compute)", results, agreement, path)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"peak RSS {peak / 1024:.0f} MB (before the report: {before / 1024:.0f} MB)")
            return
        for run in range(REPEATS):
            timed("baseline: export --format jsonl, 1 process", results, export_one_process,
                  path, folder / f"out{run}.jsonl")  # fmt: skip
            timed("export --format jsonl (2 processes)", results, export, path,
                  folder / f"two{run}.jsonl")  # fmt: skip
            timed("agreement report (read + compute)", results, agreement, path)
        report = results["agreement report (read + compute)"]
        ratio = report / results["baseline: export --format jsonl, 1 process"]
        print(f"agreement / export in one process: {ratio:.2f}x (target <= 2x)", flush=True)
        ratio = report / results["export --format jsonl (2 processes)"]
        print(f"agreement / export as it runs (two processes): {ratio:.2f}x", flush=True)


if __name__ == "__main__":
    main()
