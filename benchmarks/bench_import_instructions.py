"""Instructions per imported record, counted by valgrind's callgrind: a measure that the
machine's load does not change (wall and CPU time swing by a quarter on the shared machine).

For each kind of record (20,000 x 10-span documents of ``bench_import_export.py``, the short
records of ``bench_import_memory.py``), the baseline (orjson + ``executemany`` into bare
tables, ``bench_import_memory.baseline``) and ``annotator import`` each import the first N and
the first 2N lines of the same file under callgrind, in a fresh process; the difference of
the two counts is the cost of N records, without the start-up (imports, schema, project).

Usage: python benchmarks/bench_import_instructions.py [N_LONG] [N_SHORT]
(defaults 1000 and 10000; about ten minutes on the loaded 2-core machine). Needs valgrind.
Compare another checkout's code with PYTHONPATH=/that/checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).parent))

import bench_import_export
import bench_import_memory

RATIO = 3.0


def collected(kind: str, source: Path, target: Path) -> int:
    """Instructions of one import (``kind`` baseline or annotator) of ``source``."""
    done = subprocess.run(
        [
            *("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
            *(sys.executable, __file__, "--child", kind, str(source), str(target)),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def per_record(kind: str, small: Path, large: Path, records: int, folder: Path) -> float:
    counts = [collected(kind, source, folder / f"{kind}.db") for source in (small, large)]
    return (counts[1] - counts[0]) / records


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, source, target = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
        target.unlink(missing_ok=True)
        if kind == "baseline":
            bench_import_memory.baseline(source, target)
        else:
            bench_import_memory.annotator_import(source, target)
        return
    n_long = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    n_short = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    print(f"load average (does not matter here): {os.getloadavg()[0]:.2f}")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = bench_import_export.generate(2 * n_long, 10)
        lines = [orjson.dumps(r) + b"\n" for r in records]
        shortest = folder / "short.jsonl"
        bench_import_memory.generate(shortest, 2 * n_short)
        short_lines = shortest.read_bytes().splitlines(keepends=True)
        for what, rows, n in (
            ("20,000 x 10 kind (3,000 characters, 10 spans)", lines, n_long),
            ("short (60 characters, 1 span)", short_lines, n_short),
        ):
            small, large = folder / "small.jsonl", folder / "large.jsonl"
            small.write_bytes(b"".join(rows[:n]))
            large.write_bytes(b"".join(rows[: 2 * n]))
            base = per_record("baseline", small, large, n, folder)
            ours = per_record("annotator", small, large, n, folder)
            print(f"{what}: baseline {base:,.0f}, annotator {ours:,.0f} instructions per record")
            print(f"  annotator / baseline: {ours / base:.2f}x (target <= {RATIO:g}x)", flush=True)
            failed = failed or ours / base > RATIO
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
