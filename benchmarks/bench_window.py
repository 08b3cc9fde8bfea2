"""The whole window on a long article: what an annotator feels, storage included.

    python benchmarks/bench_window.py [--mb 5] [--spans 50000]

Builds a project holding one 5 MB document with 50,000 overlapping spans of one annotator
(imported as JSONL), then, offscreen:

* open: Project.open + MainWindow built, shown and first painted (the document opens
  at start; a long set shows its first screen's spans first), then until every span is in
  and the span table filled (the window idle); wall and CPU time; the baseline is a plain
  QPlainTextEdit showing the same text in the same run, interleaved with each open;
* label key -> repainted span: select a word, press ``q`` (AddSpan committed to SQLite with
  synchronous=FULL, pushed on the undo stack, span added to the view) until the viewport
  has repainted; the span table and inspector refresh just after, measured separately;
* undo -> repainted;

each beside the same step on the same text with 500 spans, measured in the same run (the
work per edit must not grow with the document), and beside a repaint of the same viewport
without an edit (the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Offscreen unless asked otherwise: QT_QPA_PLATFORM=xcb under xvfb-run measures a real X
# server (the window is then activated, as a window manager would, so the keys reach it).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_text_view import make_spans, make_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.importing import import_paths
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import make_application


def build(folder: Path, megabytes: float, count: int, links: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = make_text(megabytes)
    spans = make_spans(text, count)
    # Spans come as QUOTE, SPEAKER, CUE in turn: link each quote to the two after it.
    relations = [
        {"label": label, "head": f"T{3 * k + 1}", "child": f"T{3 * k + 1 + step}"}
        for k in range(min(links // 2, count // 3))
        for label, step in (("attributed_to", 1), ("cued_by", 2))
    ]
    record = {
        "id": "long",
        "title": "A long article",
        "text": text,
        "annotator": "alice",
        "status": "in_progress",
        "spans": [
            {"id": f"T{i}", "start": s.start, "end": s.end, "label": s.label}
            for i, s in enumerate(spans, start=1)
        ],
        "relations": relations,
    }
    source = folder / "long.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = folder / "long.db"
    project = Project.create(path, load_schema(default_schema_path()))
    import_paths(project, [source])
    project.close()
    return path


def painted(app: QApplication) -> None:
    app.processEvents()


def plain_open(text: str) -> float:
    """The baseline: a plain read-only QPlainTextEdit showing ``text``, painted (ms)."""
    start = time.perf_counter()
    plain = QPlainTextEdit()
    plain.setReadOnly(True)
    plain.setPlainText(text)
    plain.resize(1360, 860)
    plain.show()
    plain.repaint()
    took = (time.perf_counter() - start) * 1000
    plain.close()
    return took


def open_window(app: QApplication, path: Path, count: int) -> tuple[MainWindow, dict[str, float]]:
    """The window opened on ``path`` (its set of ``count`` spans): ms to the first paint, and
    to every span shown and the span table filled; CPU ms of each."""
    start, cpu = time.perf_counter(), time.process_time()
    window = MainWindow(Session(Project.open(path), "alice"))
    window.show()
    if os.environ["QT_QPA_PLATFORM"] != "offscreen":
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 2000)
    window.view.viewport().repaint()
    opened, opened_cpu = time.perf_counter() - start, time.process_time() - cpu
    painted(app)
    while window.span_model.rowCount() < count or len(window.view.spans) < count:
        painted(app)
    return window, {
        "open": opened * 1000,
        "open cpu": opened_cpu * 1000,
        "settled": (time.perf_counter() - start) * 1000,
        "settled cpu": (time.process_time() - cpu) * 1000,
    }


def measure(app: QApplication, path: Path, repeat: int, count: int) -> dict[str, float]:
    """Open the window on ``path``, then label, let the panels refresh, undo; medians (ms)."""
    window, opening = open_window(app, path, count)

    view = window.view
    label_ms, refresh_ms, undo_ms, repaint_ms = [], [], [], []
    for i in range(repeat):
        cp = (
            view.offsets.from_qt(view.cursorForPosition(view.viewport().rect().center()).position())
            + i * 7
        )
        view.set_selection_cp(cp, cp + 5)
        painted(app)
        # The floor, measured beside each key press: the same viewport repainted, no edit.
        start = time.perf_counter()
        view.viewport().repaint()
        repaint_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_Q)
        view.viewport().repaint()
        label_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        painted(app)  # the deferred span table, inspector, list row and status bar
        refresh_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        window.session.undo_stack.undo()
        view.viewport().repaint()
        undo_ms.append((time.perf_counter() - start) * 1000)
        painted(app)
    window.close()
    window.session.project.close()
    return {
        **opening,
        "label": statistics.median(label_ms),
        "label max": max(label_ms),
        "refresh": statistics.median(refresh_ms),
        "label + refresh": statistics.median(
            a + b for a, b in zip(label_ms, refresh_ms, strict=True)
        ),
        "undo": statistics.median(undo_ms),
        "repaint": statistics.median(repaint_ms),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=500, help="spans of the baseline document")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--links", type=int, default=0, help="attributed_to and cued_by links")
    parser.add_argument("--opens", type=int, default=3, help="opens of the long document")
    args = parser.parse_args()
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        small = build(Path(tmp) / "small", args.mb, args.small, min(args.links, args.small // 2))
        path = build(Path(tmp) / "big", args.mb, args.spans, args.links)
        text = Project.open(path)
        document_text = text.documents.get("long").text  # type: ignore[arg-type, union-attr]
        text.close()

        # Opening, interleaved with the baseline, --opens times (the first warms the caches).
        plain_ms, opens = [], []
        for _ in range(args.opens):
            plain_ms.append(plain_open(document_text))
            window, opening = open_window(app, path, args.spans)
            window.close()
            window.session.project.close()
            opens.append(opening)
        few = measure(app, small, args.repeat, args.small)
        many = measure(app, path, args.repeat, args.spans)

    print(
        f"{args.mb:.1f} MB document, {args.links:,} links, window 1360x860, "
        f"{os.environ['QT_QPA_PLATFORM']}, 2 shared "
        f"cores (other work running); medians of {args.repeat}, ms"
    )
    print(f"{'step':42} {args.spans:>9,} {args.small:>9,} {'ratio':>6}   spans")
    rows = (
        ("open project + window + first paint", "open"),
        ("  (CPU)", "open cpu"),
        ("open until every span, table filled", "settled"),
        ("  (CPU)", "settled cpu"),
        ("label key -> repainted span", "label"),
        ("  (slowest label key)", "label max"),
        ("then span table, inspector, list, status", "refresh"),
        ("label key -> everything updated", "label + refresh"),
        ("undo -> repainted", "undo"),
        ("baseline: the same viewport repainted", "repaint"),
    )
    for label, key in rows:
        print(f"{label:42} {many[key]:9.1f} {few[key]:9.1f} {many[key] / few[key]:5.1f}x")
    print(f"{'baseline: plain QPlainTextEdit open':42} {statistics.median(plain_ms):9.1f}")
    print(f"opens of the {args.spans:,}-span document, interleaved with the baseline (ms):")
    for key, name in (("open", "first paint"), ("open cpu", "  CPU"), ("settled", "settled")):
        print(f"  {name:40} " + " ".join(f"{o[key]:7.0f}" for o in opens))
    print(f"  {'plain QPlainTextEdit':40} " + " ".join(f"{ms:7.0f}" for ms in plain_ms))


if __name__ == "__main__":
    main()
