"""A project of many documents in the window: open, scroll the list, filter, search.

    python benchmarks/bench_documents.py [--documents 1000000] [--keep DIR]

Builds (or reuses, with ``--keep``) two projects of short news-like documents, two
annotators with a set on every document (30% done, 10% in progress, the rest todo, N spans
each): the big one and a 1,000-document baseline. Then, each in a fresh process, offscreen:

* start to an idle window: the process from its start (Python, PySide6, the project opened
  for writing, the window built, shown and painted) until the event loop is idle; its peak
  RSS. Twice for the big project: as our writer left it (a clean close: the whole-file
  damage check is skipped, see ``store/clean_close.py``) and with no clean-close stamp (a
  copied or synced file: SQLite's ``quick_check`` reads the whole file first);
* the document list scrolled to its last row and painted;
* the list filtered by status ("done") and painted;
* a corpus search (the side panel's, a word in ~1% of the texts) and the list filtered by
  that word.

Each number is printed beside the same step on the 1,000-document project, measured in the
same run, and the ratio (big / baseline): a ratio near 1 means the step does not grow with
the project. A bare PySide6 window (import, show, paint) is the start-up baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()

PROSE = (
    "the minister said on tuesday that talks would continue government officials told "
    "reporters in the capital a spokesman for the ministry confirmed the plan would cost "
    "billions according to the report analysts expect prices to rise next year while "
    "opposition leaders called the decision a mistake and promised to fight it in court"
)
WORDS = PROSE.split()
RARE = "kremlin"
SPANS_PER_SET = 2


def make_text(rng: random.Random, rare: bool) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randrange(40, 70))]
    if rare:
        words[rng.randrange(len(words))] = RARE
    return " ".join(words).capitalize() + "."


def build(path: Path, documents: int, seed: int = 7) -> None:
    from annotator.model import AnnotationSet, AnnotatorName, Document, DocumentId, Status
    from annotator.model.annotation import Span
    from annotator.model.ids import SpanId
    from annotator.model.schema import load_schema
    from annotator.paths import default_schema_path
    from annotator.store import Project

    rng = random.Random(seed)
    project = Project.create(path, load_schema(default_schema_path()))
    for name in ("alice", "bob"):
        project.ensure_annotator(name)
    batch = 20_000
    with project.transaction():
        for first in range(0, documents, batch):
            docs, sets = [], []
            for n in range(first, min(first + batch, documents)):
                text = make_text(rng, rng.random() < 0.01)
                did = DocumentId(f"doc{n:07d}")
                docs.append(Document(did, text, title=f"Article {n} {text[:30]}"))
                for annotator in ("alice", "bob"):
                    roll = rng.random()
                    status = (
                        Status.DONE
                        if roll < 0.3
                        else Status.IN_PROGRESS
                        if roll < 0.4
                        else Status.TODO
                    )
                    spans = []
                    for k in range(1, SPANS_PER_SET + 1):
                        start = rng.randrange(0, len(text) - 20)
                        spans.append(
                            Span(
                                SpanId(k),
                                did,
                                AnnotatorName(annotator),
                                start,
                                start + rng.randrange(5, 20),
                                "QUOTE",
                                name=f"T{k}",
                            )
                        )
                    sets.append(AnnotationSet(did, AnnotatorName(annotator), status, spans))
            project.documents.insert_many(docs)
            project.bulk.insert_sets(sets)
    project.close()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path: Path, bare: bool) -> dict[str, float]:
    """One fresh process: time to an idle window, then the list and search steps."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if bare:
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([])
        window = QMainWindow()
        window.resize(1360, 860)
        window.show()
        app.processEvents()
        return {"start": time.perf_counter() - START, "rss": rss_mb()}

    from annotator.model import Status
    from annotator.store import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.session import Session
    from annotator.ui.shell import make_application

    app = make_application()
    project = Project.open(path)
    window = MainWindow(Session(project, "alice"))
    window.show()
    app.processEvents()
    started = time.perf_counter() - START
    out = {"start": started, "rss": rss_mb(), "checked": project.damage_check == "whole file"}
    panel = window.documents

    def timed(step: object) -> float:
        begin = time.perf_counter()
        step()  # type: ignore[operator]
        panel.view.viewport().repaint()
        app.processEvents()
        return (time.perf_counter() - begin) * 1000

    def to_end() -> float:
        panel.model.reload()  # cold: no page read yet
        panel.view.scrollToTop()
        app.processEvents()
        return timed(panel.view.scrollToBottom)

    out["scroll"] = statistics.median(to_end() for _ in range(5))
    done = panel.status.findData(Status.DONE.value)
    out["status"] = timed(lambda: panel.status.setCurrentIndex(done))
    panel.status.setCurrentIndex(0)
    app.processEvents()
    search = window.side.search
    search.field.setText(RARE)
    out["search"] = timed(search.search)
    out["hits"] = search.results.count()
    out["words"] = timed(lambda: panel.filter.setText(RARE))
    out["listed"] = panel.model.rowCount()
    window.close()
    window.session.project.close()
    return out


def run_child(path: Path | None, stamps: bool = True) -> dict[str, float]:
    """One measuring process; ``stamps=False`` gives it an empty user state folder, so no
    clean-close stamp vouches for the file and the whole-file check runs."""
    args = [sys.executable, __file__, *(["--measure", str(path)] if path else ["--bare"])]
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as empty:
        if not stamps:
            env["XDG_STATE_HOME"] = empty
        done = subprocess.run(args, capture_output=True, text=True, check=True, env=env)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def compile_sources() -> None:
    """Byte-compile the package first, as an installed copy is: with PYTHONDONTWRITEBYTECODE
    set, every child would otherwise compile every module it imports."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "annotator"), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the projects here, reuse them later")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure or args.bare:
        print(json.dumps(measure(args.measure, args.bare)))
        return
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for size in (1_000, args.documents):
        path = folder / f"documents-{size}.db"
        if not path.exists():
            begin = time.perf_counter()
            build(path, size)
            print(f"built {size:,} documents in {time.perf_counter() - begin:.1f} s", flush=True)
        paths[size] = path
    compile_sources()
    # One open of each first, so both files are as our writer left them (stamped).
    run_child(paths[1_000])
    run_child(paths[args.documents])
    bare = run_child(None)
    small, big = run_child(paths[1_000]), run_child(paths[args.documents])
    cold = run_child(paths[args.documents], stamps=False)
    small_cold = run_child(paths[1_000], stamps=False)
    mb = paths[args.documents].stat().st_size / 1e6
    print(
        f"{args.documents:,} documents ({mb:,.0f} MB, 2 annotators, {SPANS_PER_SET} spans a set)"
        f" vs 1,000 documents; offscreen, 2 shared cores (other work running)"
    )
    print(f"{'step':44} {'big':>10} {'1,000':>10} {'ratio':>7}")
    print(f"{'bare PySide6 window, whole process (s)':44} {bare['start']:10.2f}")
    rows = (
        ("start to idle window, whole process (s)", "start", 1),
        ("peak RSS (MB)", "rss", 1),
        ("scroll the list to the end (ms)", "scroll", 1),
        ("filter by status (ms)", "status", 1),
        (f'corpus search "{RARE}" (ms)', "search", 1),
        (f'list filtered by "{RARE}" (ms)', "words", 1),
    )
    for label, key, _ in rows:
        ratio = big[key] / small[key] if small[key] else float("nan")
        print(f"{label:44} {big[key]:10.2f} {small[key]:10.2f} {ratio:6.1f}x")
    label = "start, no clean-close stamp (whole check) (s)"
    ratio = cold["start"] / small_cold["start"]
    print(f"{label:44} {cold['start']:10.2f} {small_cold['start']:10.2f} {ratio:6.1f}x")
    assert cold["checked"] and not big["checked"], "the stamps did not work as intended"
    print(f"(search hits: {big['hits']:.0f}; documents listed for the word: {big['listed']:.0f})")


if __name__ == "__main__":
    main()
