"""Start-up: a new process to an idle, painted window on the demo project.

    python benchmarks/bench_startup.py [--runs 9]

Each run is a fresh interpreter timed from the parent (wall clock, process start to the
event loop idle after the first paint; the project opened for writing, its whole-file damage
check skipped as the file is as our writer left it: see store/clean_close.py). The baseline,
measured in the same run and interleaved: a bare PySide6 window (import PySide6,
QApplication, a QMainWindow shown, idle). Peak RSS of each is printed too.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1360, 860)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

WINDOW = """
import resource, sys
from PySide6.QtCore import QTimer
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import make_application
app = make_application()
window = MainWindow(Session(Project.open(sys.argv[1]), "alice"))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
window.session.project.close()
"""


def run(script: str, *args: str) -> tuple[float, float]:
    """Wall seconds to the idle window, and peak RSS in MB."""
    began = time.perf_counter()
    # Run outside the source tree: "-c" puts the working folder first on sys.path, and the
    # annotator found must be the installed one (or PYTHONPATH's).
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    # The child prints its RSS once the loop is idle; closing the project after is not timed
    # by it, but is by the parent, so time to the line the child printed is not separable:
    # closing a small project takes a millisecond (a checkpoint of an empty WAL).
    wall = time.perf_counter() - began
    return wall, int(done.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from annotator.model.schema import load_schema
    from annotator.paths import default_schema_path, seeds_dir
    from annotator.transfer.importing import create_project

    # Byte-compiled first, as an installed copy is (PYTHONDONTWRITEBYTECODE would otherwise
    # make every child compile every module it imports).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "annotator"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        create_project(path, load_schema(default_schema_path()), seeds_dir()).close()
        bare, window = [], []
        for _ in range(args.runs):
            bare.append(run(BARE))
            window.append(run(WINDOW, str(path)))
    b = statistics.median(w for w, _ in bare)
    a = statistics.median(w for w, _ in window)
    print(f"start-up, medians of {args.runs} fresh processes, offscreen, 2 shared cores (loaded)")
    print(f"{'bare PySide6 window (baseline)':40} {b:6.2f} s  {max(r for _, r in bare):6.0f} MB")
    print(
        f"{'demo project to an idle window':40} {a:6.2f} s  {max(r for _, r in window):6.0f} MB"
        f"  ({a / b:.1f}x the baseline, +{a - b:.2f} s)"
    )


if __name__ == "__main__":
    main()
