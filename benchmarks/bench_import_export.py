"""Import and export of a generated native JSONL (100,000 documents, 1,000,000 spans).

Baselines measured in the same run on the same data:
- import: raw ``sqlite3.executemany`` of the same document and span rows into bare tables
  (same pragmas, one transaction, no validation);
- export: ``orjson.dumps`` of the same records, already in memory, to a file. From 20,000
  documents the export writes its second half in a second process (second_process.py); the
  row "one process" is the export without it, as on one CPU.

Usage: python benchmarks/bench_import_export.py [DOCUMENTS] [SPANS_PER_DOCUMENT] [--rounds N]

``--rounds N`` runs every row N times, interleaved (each round all four), and the ratios
compare the best of N of each row, baselines included (default 1). The import reads its
file on a second thread: its CPU time may run above its wall time; wall is the target.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer import exporting
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths

sys.path.insert(0, str(Path(__file__).parent))
from bench_import_memory import take_rounds

WORDS = [
    "the",
    "kremlin",
    "said",
    "talks",
    "would",
    "continue",
    "while",
    "officials",
    "denied",
    "any",
    "deal",
    "on",
    "ukraine",
    "nato",
    "membership",
    "and",
    "ceasefire",
    "terms",
    "remained",
    "unclear",
]
LABELS = ("QUOTE", "SPEAKER", "CUE")
STANCES = ("favor", "against", "none")


def generate(documents: int, spans_per_document: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for d in range(documents):
        # About 3,000 characters: the length of a short news article like the seed.
        text = " ".join(rng.choice(WORDS) for _ in range(480))
        spans = []
        for s in range(spans_per_document):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(1, 200)
            label = LABELS[s % 3]
            attrs = {"stance": rng.choice(STANCES)} if label == "QUOTE" else {}
            spans.append(
                {"id": f"T{s + 1}", "start": start, "end": end, "label": label, "attrs": attrs}
            )
        relations = [{"label": "attributed_to", "head": "T1", "child": "T2"}]
        records.append(
            {
                "id": f"doc{d:06d}",
                "title": f"Document {d}",
                "text": text,
                "annotator": "alice",
                "status": "done",
                "spans": spans,
                "relations": relations,
            }
        )
    return records


#: label -> CPU seconds (this process, its other threads included, and the processes it
#: started and waited for: a large export's second process), beside
#: ``results`` (wall seconds), the best of the rounds each. On a shared, loaded machine the
#: CPU ratio is the steadier one; wall time is what the user waits.
CPU: dict[str, float] = {}


def timed(label: str, results: dict[str, float], func, *args) -> object:
    start = time.perf_counter()
    cpu = _cpu()
    value = func(*args)
    used = _cpu() - cpu
    wall = time.perf_counter() - start
    CPU[label] = min(used, CPU.get(label, used))
    results[label] = min(wall, results.get(label, wall))
    print(f"{label:<34} {wall:7.2f} s wall {used:7.2f} s CPU", flush=True)
    return value


def _cpu() -> float:
    """CPU seconds of this process and of its children that ended."""
    now = os.times()
    return now.user + now.system + now.children_user + now.children_system


@contextmanager
def one_process() -> Iterator[None]:
    """Exports as one process writes them (below ``HALVING_DOCUMENTS``, or on one CPU)."""
    available = exporting.second_process_available
    exporting.second_process_available = lambda: False
    try:
        yield
    finally:
        exporting.second_process_available = available


def export_one_process(project: Project, out) -> None:
    with one_process():
        export_jsonl(project, out)


def baseline_import(path: Path, records: list[dict]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "locking_mode=EXCLUSIVE"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, title TEXT, text TEXT)")
    conn.execute(
        "CREATE TABLE spans (id INTEGER PRIMARY KEY, document TEXT, annotator TEXT, "
        'name TEXT, start INT, "end" INT, label TEXT, attrs TEXT)'
    )
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO documents VALUES (?, ?, ?)",
        [(r["id"], r["title"], r["text"]) for r in records],
    )
    conn.executemany(
        "INSERT INTO spans VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r["id"],
                r["annotator"],
                s["id"],
                s["start"],
                s["end"],
                s["label"],
                orjson.dumps(s["attrs"]).decode(),
            )
            for r in records
            for s in r["spans"]
        ],
    )
    conn.execute("CREATE TABLE relations (id INTEGER PRIMARY KEY, label TEXT, head INT, child INT)")
    conn.executemany(
        "INSERT INTO relations VALUES (NULL, ?, ?, ?)",
        [(rel["label"], 1, 2) for r in records for rel in r["relations"]],
    )
    conn.execute("CREATE TABLE sets (document TEXT, annotator TEXT, status TEXT)")
    conn.executemany(
        "INSERT INTO sets VALUES (?, ?, ?)",
        [(r["id"], r["annotator"], r["status"]) for r in records],
    )
    conn.execute("COMMIT")
    conn.close()


def baseline_export(path: Path, records: list[dict]) -> None:
    with path.open("wb") as out:
        out.write(b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records))


def main() -> None:
    args = sys.argv[1:]
    rounds = take_rounds(args)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    documents = int(args[0]) if len(args) > 0 else 100_000
    per_document = int(args[1]) if len(args) > 1 else 10
    records = generate(documents, per_document)
    print(f"{documents:,} documents, {documents * per_document:,} spans", flush=True)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        for n in range(rounds):
            if rounds > 1:
                print(f"round {n + 1} of {rounds}")
            timed("baseline: orjson dump to file", results, baseline_export, source, records)
            if n == 0:
                print(f"  file size {source.stat().st_size / 1e6:.0f} MB")
            raw = folder / f"raw{n}.db"
            timed("baseline: sqlite3.executemany", results, baseline_import, raw, records)
            project = Project.create(folder / f"p{n}.db", load_schema(default_schema_path()))
            timed("annotator import (validated)", results, import_paths, project, [source])
            with (folder / "out.jsonl").open("wb") as out:
                timed("annotator export", results, export_jsonl, project, out)
            with (folder / "out1.jsonl").open("wb") as out:
                timed("annotator export, one process", results, export_one_process, project, out)
            if n == 0:
                # What the export writes holds more than the generated records (each span's
                # text, the text's sha256, registry lists).
                print(f"  export size {(folder / 'out.jsonl').stat().st_size / 1e6:.0f} MB")
            project.close()
            # One round's files at a time on disk.
            for path in folder.glob(f"[rp]*{n}.db*"):
                path.unlink()
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    imported = results["annotator import (validated)"] / results["baseline: sqlite3.executemany"]
    imported_cpu = CPU["annotator import (validated)"] / CPU["baseline: sqlite3.executemany"]
    exported = results["annotator export"] / results["baseline: orjson dump to file"]
    exported_cpu = CPU["annotator export"] / CPU["baseline: orjson dump to file"]
    alone = results["annotator export, one process"] / results["baseline: orjson dump to file"]
    best = f" (best of {rounds})" if rounds > 1 else ""
    print(f"import / baseline{best}: {imported:.2f}x wall, {imported_cpu:.2f}x CPU (target <= 3x)")
    print(f"export / baseline{best}: {exported:.2f}x wall, {exported_cpu:.2f}x CPU (target <= 2x)")
    print(f"export in one process / baseline{best}: {alone:.2f}x wall")


if __name__ == "__main__":
    main()
