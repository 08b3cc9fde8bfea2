"""Instructions per suggested document, counted by valgrind's callgrind: a measure that the
machine's load does not change (wall and CPU time of ``bench_suggest.py`` swing by half on
the shared 2-core machine, the CPU time per document with them).

Three counts per document over the documents of ``bench_suggest.py`` (wire-style, 5 KB), each
the difference of two runs in fresh processes, one over N documents and one over none, after
the same warm-up (the start-up, imports and the lexicon cancel out):

- baseline: the regular-expression pass of ``bench_suggest.py`` (quoted strings and "said");
- suggest: the suggester's rows for each document, in one process (what a worker does);
- write: storing those rows into a project as ``annotator suggest`` does (the parent's part;
  the rows are computed in both runs, only the writing differs).

Both runs generate the same documents; the generator's work cancels out too.

Usage: python benchmarks/bench_suggest_instructions.py [N] (default 100; about five minutes on
the loaded 2-core machine). Needs valgrind. Compare another checkout's code with
PYTHONPATH=/that/checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_suggest

from annotator.store.suggestions import SuggestionRows
from annotator.suggest import ANNOTATOR
from annotator.suggest.detector import default_detector

_WARM_UP = 20
KINDS = ("baseline", "suggest", "write")


def _child(kind: str, count: int, total: int) -> None:
    # The same documents are generated in both runs (generating them is no part of the count).
    everything = bench_suggest.generate(_WARM_UP + total)
    warm, measured = everything[:_WARM_UP], everything[_WARM_UP : _WARM_UP + count]
    if kind == "baseline":
        bench_suggest._baseline([d.text for d in warm])
        bench_suggest._baseline([d.text for d in measured])
        return
    detector = default_detector()
    if kind == "suggest":
        for document in warm:
            detector.rows(document)
        for document in measured:
            detector.rows(document)
        return
    # write: the same project and rows in both runs; only the measured rows are stored.
    rows: list[SuggestionRows] = [detector.rows(d) for d in everything]
    with tempfile.TemporaryDirectory() as folder:
        project = bench_suggest._project(Path(folder), everything)
        try:
            with project.transaction():
                project.suggestions.replace(ANNOTATOR, rows[:_WARM_UP])
                project.suggestions.replace(ANNOTATOR, rows[_WARM_UP : _WARM_UP + count])
        finally:
            project.close()


def collected(kind: str, count: int, total: int) -> int:
    """Instructions of one run of ``kind`` over the first ``count`` of ``total`` documents
    after the warm-up."""
    done = subprocess.run(
        [
            *("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
            *(sys.executable, __file__, "--child", kind, str(count), str(total)),
        ],
        capture_output=True,
        text=True,
        check=True,
        # The same hash seed in every run: set and dict orders, and so the work, are the same.
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def per_document(kind: str, count: int) -> float:
    return (collected(kind, count, count) - collected(kind, 0, count)) / count


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print(f"{count} documents of bench_suggest.py after {_WARM_UP} to warm up; callgrind")
    baseline = per_document("baseline", count)
    print(f"baseline {baseline:12,.0f} instructions per document (one regex pass)")
    for kind in KINDS[1:]:
        found = per_document(kind, count)
        print(f"{kind:8s} {found:12,.0f} instructions per document ({found / baseline:.1f}x)")


if __name__ == "__main__":
    main()
