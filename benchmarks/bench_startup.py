"""Start-up: a new process to an idle, painted window on the demo project.

    python benchmarks/bench_startup.py [--runs 9]

Each run is a fresh interpreter timed from the parent (wall clock and the child's CPU time,
process start to the event loop idle after the first paint: the first time it is about to
wait for input once a paint happened, so work deferred until after the paint is counted; the
project opened for writing, its whole-file damage check skipped as the file is as our writer
left it: see store/clean_close.py). The baseline, measured in the same run and interleaved: a
bare PySide6 window (import PySide6, QApplication, a QMainWindow shown, idle). Peak RSS of
each is printed too. ``--main PATH`` adds, interleaved, the window of another checkout (its
package folder first on PYTHONPATH, byte-compiled here), e.g. the main branch.
``--instructions`` adds one run of each under valgrind's callgrind (instructions executed,
which the machine's load does not change; about a minute).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Quit once the loop is about to wait for input after a paint: idle, everything deferred
# until after the first paint done too.
IDLE = """
from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject
class Idle(QObject):
    painted = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            Idle.painted = True
        return False
def quit_when_idle(app, window):
    idle = Idle(app)
    window.installEventFilter(idle)  # the window's own paint (a filter on app costs per event)
    QAbstractEventDispatcher.instance().aboutToBlock.connect(
        lambda: app.quit() if Idle.painted else None
    )
"""

BARE = (
    IDLE
    + """
import resource, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1360, 860)
window.show()
quit_when_idle(app, window)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
)

# The app's modules first, in the order ``annotator-gui`` imports them (app.py imports the
# shell before anything imports PySide6), then the idle watcher: PySide6 reads the source of
# every module imported after it, so what comes first is not a detail.
WINDOW = (
    """
from annotator.ui.shell import make_application
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.store import Project
"""
    + IDLE
    + """
import resource, sys
app = make_application()
window = MainWindow(Session(Project.open(sys.argv[1]), "alice"))
window.show()
quit_when_idle(app, window)
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
window.session.project.close()
"""
)


def child_env(path: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if path:
        env["PYTHONPATH"] = path
    return env


def instructions(script: str, *args: str, path: str | None = None) -> int:
    """Instructions of one run under valgrind's callgrind: a count the load cannot move."""
    done = subprocess.run(
        [
            *("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"),
            *(sys.executable, "-c", script, *args),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
        env=child_env(path),
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def run(script: str, *args: str, path: str | None = None) -> tuple[float, float, float]:
    """Wall seconds to the idle window, the child's CPU seconds, and peak RSS in MB."""
    env = child_env(path)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    # Run outside the source tree: "-c" puts the working folder first on sys.path, and the
    # annotator found must be the installed one (or PYTHONPATH's).
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
        env=env,
    )
    # The child prints its RSS once the loop is idle; closing the project after is not timed
    # by it, but is by the parent, so time to the line the child printed is not separable:
    # closing a small project takes a millisecond (a checkpoint of an empty WAL).
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, int(done.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--main", type=Path, help="another checkout to compare, interleaved")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (callgrind), once"
    )
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from annotator.model.schema import load_schema
    from annotator.paths import default_schema_path, seeds_dir
    from annotator.transfer.importing import create_project

    # Byte-compiled first, as an installed copy is (PYTHONDONTWRITEBYTECODE would otherwise
    # make every child compile every module it imports).
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "annotator"), quiet=1)
    other = str(args.main.resolve()) if args.main else None
    if other:
        compileall.compile_dir(str(Path(other) / "annotator"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        create_project(path, load_schema(default_schema_path()), seeds_dir()).close()
        runs: dict[str, list[tuple[float, float, float]]] = {"bare": [], "window": [], "main": []}
        for _ in range(args.runs):
            runs["bare"].append(run(BARE))
            runs["window"].append(run(WINDOW, str(path)))
            if other:
                runs["main"].append(run(WINDOW, str(path), path=other))
        counts: dict[str, int] = {}
        if args.instructions:
            counts["bare"] = instructions(BARE)
            counts["window"] = instructions(WINDOW, str(path))
            if other:
                counts["main"] = instructions(WINDOW, str(path), path=other)
    print(
        f"start-up, medians of {args.runs} fresh processes (interleaved), offscreen, 2 shared "
        f"cores, load average {os.getloadavg()[0]:.1f}"
    )
    b = statistics.median(w for w, _, _ in runs["bare"])
    names = {
        "bare": "bare PySide6 window (baseline)",
        "window": "demo project to an idle window",
        "main": f"same, {args.main}",
    }
    for key, name in names.items():
        if not runs[key]:
            continue
        wall = statistics.median(w for w, _, _ in runs[key])
        cpu = statistics.median(c for _, c, _ in runs[key])
        rss = max(r for _, _, r in runs[key])
        ratio = f"  ({wall / b:.1f}x the baseline, +{wall - b:.2f} s)" if key != "bare" else ""
        print(f"{name:40} {wall:6.2f} s wall {cpu:6.2f} s CPU {rss:6.0f} MB{ratio}")
        print(f"{'':40} each: " + " ".join(f"{w:.2f}" for w, _, _ in runs[key]))
    for key, count in counts.items():
        ratio = f"  ({count / counts['bare']:.2f}x the baseline)" if key != "bare" else ""
        print(f"{names[key]:40} {count / 1e6:8.1f} M instructions{ratio}")


if __name__ == "__main__":
    main()
