"""Peak memory and time of importing many short JSONL records (default 1,000,000).

Each import runs in its own subprocess, whose peak RSS (``ru_maxrss``) is read when it ends:
- baseline: the same rows parsed line by line with orjson and streamed into bare tables by
  ``sqlite3.executemany`` (same pragmas, one transaction, no validation): the floor for
  both time and memory;
- annotator: ``import_paths`` into a new project (validated, all or nothing).

Each import also reports its CPU time (user + system, ``RUSAGE_CHILDREN`` of its process):
on a shared, loaded machine wall time swings with the other processes, CPU time much less,
so both ratios are printed (the import reads its file on a second thread: its CPU time may
run above its wall time; wall is the target). Each pair runs ``ROUNDS`` times (default 1),
interleaved; the best of each counts, baseline included.

Usage: python benchmarks/bench_import_memory.py [RECORDS] [ROUNDS | --rounds N]
Targets: annotator's peak RSS under 200 MB, and its time within 3x the baseline's.
"""

from __future__ import annotations

import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import orjson

WORDS = ("the", "kremlin", "said", "talks", "would", "continue", "while", "officials", "denied")
LIMIT_MB = 200
RATIO = 3.0


def generate(path: Path, records: int, seed: int = 1) -> None:
    """Short documents (about 60 characters), each with one annotator's set of one span."""
    rng = random.Random(seed)
    with path.open("wb") as out:
        for n in range(records):
            text = " ".join(rng.choice(WORDS) for _ in range(10))
            record = {
                "id": f"d{n:07d}",
                "text": text,
                "annotator": "alice",
                "status": "done",
                "spans": [{"id": "T1", "start": 0, "end": len(text.split()[0]), "label": "CUE"}],
            }
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))


def _rows(source: Path) -> Iterator[dict]:
    with source.open("rb") as handle:
        for line in handle:
            yield orjson.loads(line)


def baseline(source: Path, target: Path) -> None:
    conn = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT)")
    conn.execute(
        "CREATE TABLE spans (id INTEGER PRIMARY KEY, document TEXT, annotator TEXT, "
        'name TEXT, start INT, "end" INT, label TEXT)'
    )
    conn.execute("CREATE TABLE sets (document TEXT, annotator TEXT, status TEXT)")
    conn.execute("BEGIN")
    batch: list[dict] = []
    for record in _rows(source):
        batch.append(record)
        if len(batch) == 2000:
            _insert(conn, batch)
            batch = []
    _insert(conn, batch)
    conn.execute("COMMIT")
    conn.close()


def _insert(conn: sqlite3.Connection, batch: list[dict]) -> None:
    conn.executemany("INSERT INTO documents VALUES (?, ?)", [(r["id"], r["text"]) for r in batch])
    conn.executemany(
        "INSERT INTO spans VALUES (NULL, ?, ?, ?, ?, ?, ?)",
        [
            (r["id"], r["annotator"], s["id"], s["start"], s["end"], s["label"])
            for r in batch
            for s in r["spans"]
        ],
    )
    conn.executemany(
        "INSERT INTO sets VALUES (?, ?, ?)", [(r["id"], r["annotator"], r["status"]) for r in batch]
    )


def annotator_import(source: Path, target: Path) -> None:
    from annotator.model.schema import load_schema
    from annotator.paths import default_schema_path
    from annotator.store import Project
    from annotator.transfer.importing import import_paths

    with Project.create(target, load_schema(default_schema_path())) as project:
        import_paths(project, [source])


def child(kind: str, source: Path, target: Path) -> None:
    """Run one import in this process and print its time and peak RSS (MB)."""
    start = time.perf_counter()
    (baseline if kind == "baseline" else annotator_import)(source, target)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{seconds:.3f} {peak_mb:.1f}")


def measure(kind: str, source: Path, target: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one import in a fresh process."""
    target.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(source), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    seconds, peak = done.stdout.split()
    return float(seconds), cpu, float(peak)


def take_rounds(args: list[str]) -> int:
    """``--rounds N`` taken out of ``args`` (1 when not given): each row runs N times,
    interleaved, and the best of N of each row counts, baselines included."""
    if "--rounds" not in args:
        return 1
    at = args.index("--rounds")
    rounds = int(args[at + 1])
    del args[at : at + 2]
    return rounds


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        return
    args = sys.argv[1:]
    rounds = take_rounds(args)
    records = int(args[0]) if len(args) > 0 else 1_000_000
    if len(args) > 1:
        rounds = int(args[1])
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    best: dict[str, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "short.jsonl"
        generate(source, records)
        print(f"{records:,} records, {source.stat().st_size / 1e6:.0f} MB of JSONL", flush=True)
        for _ in range(rounds):
            for kind, what in (
                ("baseline", "baseline: orjson + executemany"),
                ("annotator", "annotator import (validated)"),
            ):
                wall, cpu, peak = measure(kind, source, folder / f"{kind}.db")
                print(f"{what:33} {wall:7.2f} s wall {cpu:7.2f} s CPU  peak {peak:6.1f} MB")
                old = best.get(kind)
                best[kind] = (
                    (min(wall, old[0]), min(cpu, old[1]), max(peak, old[2]))
                    if old
                    else (wall, cpu, peak)
                )
    base_s, base_cpu, _ = best["baseline"]
    ours_s, ours_cpu, ours_mb = best["annotator"]
    ratio = ours_s / base_s
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"time / baseline (best of {rounds}): {ratio:.2f}x wall, {ours_cpu / base_cpu:.2f}x CPU")
    print(f"  (target <= {RATIO:g}x)")
    print(f"peak RSS: {ours_mb:.0f} MB (target < {LIMIT_MB} MB)")
    if ours_mb >= LIMIT_MB or ratio > RATIO:
        sys.exit(1)


if __name__ == "__main__":
    main()
