"""The whole window on a long article: what an annotator feels, storage included.

    python benchmarks/bench_window.py [--mb 5] [--spans 50000]

Builds a project holding one 5 MB document with 50,000 overlapping spans of one annotator
(imported as JSONL), then, offscreen:

* open: Project.open + MainWindow built, shown and first painted (the document opens
  at start); the baseline is a plain QPlainTextEdit showing the same text in the same run;
* label key -> repainted span: select a word, press ``q`` (AddSpan committed to SQLite with
  synchronous=FULL, pushed on the undo stack, span added to the view) until the viewport
  has repainted; the span table and inspector refresh just after, measured separately;
* undo -> repainted.
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

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_text_view import make_spans, make_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer import import_paths
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import make_application


def build(folder: Path, megabytes: float, count: int) -> Path:
    text = make_text(megabytes)
    spans = make_spans(text, count)
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), args.mb, args.spans)
        text = Project.open(path)
        document_text = text.documents.get("long").text  # type: ignore[arg-type, union-attr]
        text.close()

        start = time.perf_counter()
        plain = QPlainTextEdit()
        plain.setReadOnly(True)
        plain.setPlainText(document_text)
        plain.resize(1360, 860)
        plain.show()
        plain.repaint()
        baseline_open = time.perf_counter() - start
        plain.close()

        start = time.perf_counter()
        window = MainWindow(Session(Project.open(path), "alice"))
        window.show()
        window.view.viewport().repaint()
        opened = time.perf_counter() - start
        painted(app)

        view = window.view
        label_ms, refresh_ms, undo_ms = [], [], []
        for i in range(args.repeat):
            cp = (
                view.offsets.from_qt(
                    view.cursorForPosition(view.viewport().rect().center()).position()
                )
                + i * 7
            )
            view.set_selection_cp(cp, cp + 5)
            start = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_Q)
            view.viewport().repaint()
            label_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            painted(app)  # the deferred span table and inspector refresh
            refresh_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            window.session.undo_stack.undo()
            view.viewport().repaint()
            undo_ms.append((time.perf_counter() - start) * 1000)
            painted(app)
        window.close()
        window.session.project.close()

    print(f"{args.mb:.1f} MB document, {args.spans:,} spans, window 1360x860, offscreen")
    print(f"open (plain QPlainTextEdit baseline)   {baseline_open:6.3f} s")
    print(f"open project + window + first paint    {opened:6.3f} s")
    print(
        f"label key -> repainted span (median)   {statistics.median(label_ms):6.1f} ms"
        f"   (max {max(label_ms):.1f})"
    )
    print(f"then span table + inspector refresh    {statistics.median(refresh_ms):6.1f} ms")
    print(f"undo -> repainted (median)             {statistics.median(undo_ms):6.1f} ms")


if __name__ == "__main__":
    main()
