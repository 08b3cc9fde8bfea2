"""Benchmark links drawn as arcs: every quote's links on a 5 MB document with 50,000 spans.

    python benchmarks/bench_arcs.py [--mb 5] [--spans 50000] [--frames 80] [--rounds 3]

The document and spans are those of ``bench_text_view.py``; every QUOTE gets an
``attributed_to`` link to the nearest SPEAKER and a ``cued_by`` link to the nearest CUE
(~33,000 links). Two scenarios, each in a fresh child process, alternated for ``--rounds``
rounds (the machine is shared: the baseline is measured in the same run, next to it):

* ``off``: the TextView with the spans and links, arcs off (no span selected, so none drawn);
* ``on``: the same with View > Show All Links on: every quote's arcs on the visible lines.

Measured: a scroll frame (scroll bar moved one page, viewport repainted; median and p95) and
a label key (one span added from the selection, until its lines are repainted; median).
Targets (issue 11): with arcs on, scroll frame <= 16 ms median, and the label key's repaint
no more than 2 ms slower than with arcs off.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from bisect import bisect_left
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_text_view import LABELS, make_spans, make_text, pct

TARGETS = {"scroll_ms": 16.0, "label_slowdown_ms": 2.0}


def make_relations(spans: list) -> list:
    """Each quote linked to the nearest speaker and the nearest cue (by start offset)."""
    from annotator.model import Relation, RelationId

    by_label: dict[str, list] = {"SPEAKER": [], "CUE": []}
    for span in spans:
        if span.label in by_label:
            by_label[span.label].append(span)
    for found in by_label.values():
        found.sort(key=lambda s: s.start)
    starts = {label: [s.start for s in found] for label, found in by_label.items()}
    relations = []
    for span in spans:
        if span.label != "QUOTE":
            continue
        for label, relation in (("SPEAKER", "attributed_to"), ("CUE", "cued_by")):
            found = by_label[label]
            i = bisect_left(starts[label], span.start)
            near = min(
                (found[j] for j in (i - 1, i) if 0 <= j < len(found)),
                key=lambda s: abs(s.start - span.start),
            )
            relations.append(Relation(RelationId(len(relations) + 1), relation, span.id, near.id))
    return relations


def child(scenario: str, megabytes: float, span_count: int, frames: int) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from annotator.model import AnnotatorName, DocumentId, Span, SpanId
    from annotator.ui.text.text_view import TextView

    app = QApplication([])
    text = make_text(megabytes)
    spans = make_spans(text, span_count)
    relations = make_relations(spans)

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter()

    def settle(before: int) -> None:
        app.processEvents()
        while counter.count <= before:
            app.processEvents()

    view = TextView()
    view.viewport().installEventFilter(counter)
    view.set_content(text, spans, LABELS)
    view.set_relations(relations)
    view.set_arcs_for_all(scenario == "on")
    view.resize(1200, 800)
    view.show()
    settle(0)
    rnd = random.Random(3)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)  # into the middle: links on every screen
    settle(counter.count)
    label_ms = []
    for i in range(40):
        first = view.firstVisibleBlock()
        start = view.offsets.clamp_from_qt(first.position()) + rnd.randrange(0, 300)
        view.set_selection_cp(start, start + rnd.randint(3, 30))
        app.processEvents()
        before = counter.count
        t = time.perf_counter()
        selection = view.selection_cp()  # what the window's label action does
        span = Span(
            SpanId(10_000_000 + i), DocumentId("bench"), AnnotatorName("a"), *selection, "CUE"
        )
        view.add_span(span)
        settle(before)
        label_ms.append((time.perf_counter() - t) * 1000)
    view.set_selection_cp(0, 0)
    bar.setValue(bar.maximum() // 3)
    settle(counter.count)
    page_ms = []
    arcs_seen = []
    for _ in range(frames):
        before = counter.count
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        settle(before)
        page_ms.append((time.perf_counter() - t) * 1000)
        # How many arcs that frame drew (the benchmark must not measure an empty band).
        arcs_seen.append(len(view._arcs_on(view._visible_lines(view.viewport().rect()))))
    view.close()
    return {
        "scenario": scenario,
        "label_ms": statistics.median(label_ms),
        "scroll_ms": statistics.median(page_ms),
        "scroll_p95_ms": pct(page_ms, 0.95),
        "arcs_per_frame": statistics.median(arcs_seen),
        "relations": len(relations),
        "text_chars": len(text),
        "spans": len(spans),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--frames", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", choices=["off", "on"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.mb, args.spans, args.frames)))
        return
    runs: dict[str, list[dict]] = {"off": [], "on": []}
    for _ in range(args.rounds):
        for scenario in ("off", "on"):
            command = [sys.executable, __file__, "--child", scenario, "--mb", str(args.mb)]
            command += ["--spans", str(args.spans), "--frames", str(args.frames)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            runs[scenario].append(json.loads(done.stdout.strip().splitlines()[-1]))

    def median(scenario: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[scenario])

    first = runs["on"][0]
    print(
        f"text {first['text_chars'] / 1e6:.2f} M chars, {first['spans']} spans, "
        f"{first['relations']} links, 1200x800 viewport, offscreen, "
        f"median of {args.rounds} alternated rounds"
    )
    print(f"{'measure':<28}{'arcs off':>10}{'arcs on':>10}{'target':>10}  ok")
    scroll_on = median("on", "scroll_ms")
    slowdown = median("on", "label_ms") - median("off", "label_ms")
    rows = [
        ("scroll page, median (ms)", "scroll_ms", f"<= {TARGETS['scroll_ms']:.0f}", scroll_on),
        ("scroll page, p95 (ms)", "scroll_p95_ms", "", None),
        (
            "label -> paint, median (ms)",
            "label_ms",
            f"+<= {TARGETS['label_slowdown_ms']:.0f}",
            None,
        ),
        ("arcs drawn per frame", "arcs_per_frame", "", None),
    ]
    for name, key, target, _ in rows:
        ok = ""
        if key == "scroll_ms":
            ok = "yes" if scroll_on <= TARGETS["scroll_ms"] else "NO"
        elif key == "label_ms":
            ok = "yes" if slowdown <= TARGETS["label_slowdown_ms"] else "NO"
        print(f"{name:<28}{median('off', key):>10.1f}{median('on', key):>10.1f}{target:>10}  {ok}")
    print(f"label key slowdown with arcs on: {slowdown:+.2f} ms")


if __name__ == "__main__":
    main()
