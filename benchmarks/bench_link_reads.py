"""A long document's links read while the window opens it: how many times, and their CPU.

    python benchmarks/bench_link_reads.py [--spans 50000] [--links 20000] [--main PATH]

Builds ``bench_window.py``'s 5 MB document (its spans and ``--links`` links), then opens the
window on it ``--opens`` times, each until every span is in and the span table filled, and
prints the calls of ``Relations.in_set`` for the open set, their CPU time and the whole
open's CPU time. ``--main PATH`` runs another checkout (its folder first on PYTHONPATH) in
the same way, interleaved, as the baseline. Each run is a fresh process; the collector runs
before each open, so that a full collection falls in no one read.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def one_run(path: Path, spans: int, opens: int) -> None:
    """In this process: ``opens`` opens of ``path``, one line each."""
    from bench_window import painted

    from annotator.store import Project
    from annotator.store.relations import Relations
    from annotator.ui.main_window import MainWindow
    from annotator.ui.session import Session
    from annotator.ui.shell import make_application

    app = make_application()
    calls: list[float] = []
    read = Relations.in_set

    def counted(self: Relations, document: Any, annotator: str) -> Any:
        cpu = time.process_time()
        found = read(self, document, annotator)
        if annotator == "alice":  # not the suggestions' layer
            calls.append((time.process_time() - cpu) * 1000)
        return found

    Relations.in_set = counted  # type: ignore[method-assign]
    for _ in range(opens):
        calls.clear()
        gc.collect()
        cpu = time.process_time()
        window = MainWindow(Session(Project.open(path), "alice"))
        window.show()
        painted(app)
        while window.span_model.rowCount() < spans:
            painted(app)
        total = (time.process_time() - cpu) * 1000
        window.close()
        window.session.project.close()
        each = ", ".join(f"{ms:.1f}" for ms in calls)
        print(f"{len(calls)} reads, {sum(calls):6.1f} ms ({each}); open {total:6.0f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--links", type=int, default=20_000)
    parser.add_argument("--opens", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--main", type=Path, help="another checkout to compare, interleaved")
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)  # a child's project
    args = parser.parse_args()
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    if args.run is not None:
        one_run(args.run, args.spans, args.opens)
        return
    from bench_window import build

    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), 5.0, args.spans, args.links)
        checkouts = [("this branch", here.parent)]
        if args.main is not None:
            checkouts.insert(0, ("main", args.main.resolve()))
        print(
            f"5.0 MB document, {args.spans:,} spans, {args.links:,} links; Relations.in_set "
            f"of the set while the window opens it (CPU ms), and the open until settled"
        )
        for _ in range(args.rounds):
            for name, checkout in checkouts:
                env = {**os.environ, "PYTHONPATH": f"{checkout}{os.pathsep}{here}"}
                command = [sys.executable, __file__, "--run", str(path)]
                command += ["--spans", str(args.spans), "--opens", str(args.opens)]
                done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
                for line in done.stdout.splitlines():
                    print(f"  {name:12} {line}")


if __name__ == "__main__":
    main()
