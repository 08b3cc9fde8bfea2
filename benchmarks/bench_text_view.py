"""Benchmark the document text view: a 5 MB article with 50,000 overlapping spans.

    python benchmarks/bench_text_view.py [--mb 5] [--spans 50000] [--frames 80] [--profile]

Each scenario runs in a fresh child process (so memory growth and Qt caches are its own):
``textview`` (TextView with the spans) and ``baseline`` (a plain read-only QPlainTextEdit with
the same text, same font and size, no spans). Measured per scenario:

* open + paint: widget created, content set, shown, first paint of the viewport completed;
* label -> paint: selection read, one span built and added (what a label key does), until
  the dirty part of the viewport has been repainted (TextView only);
* scroll frame: scroll bar moved by one page and the viewport repainted (median, p95, max),
  plus random jumps across the document (lays out blocks never shown before);
* RSS growth: VmRSS after all of the above minus VmRSS before the widget was created.

Targets (DESIGN.md 5, performance-limits.md): open + paint <= 0.5 s, label -> paint <= 30 ms,
scroll frame <= 30 ms, memory growth <= 100 MB. Numbers are from offscreen raster painting.
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

VOCABULARY = """
the of and to a in that is was he for it with as his on be at by had are but from or have
an they which one you were all we she there would their will when who him been has more if
no out so said what up its about than into them can only other new some could time these
two may then do first any my now such like our over man me even most made after also did
many before must through back years where much your way well down should because each just
those people how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great
old year off come since against go came right used take three government minister
president officials ceasefire talks Kremlin Washington Ukraine Russia NATO proposal
statement reporters spokesperson agreement security sanctions negotiations military troops
border forces attack drones missiles region economy election parliament policy ministry
council summit delegation envoy
"""
WORDS = VOCABULARY.split()
NAMES = ["Peskov", "Kellogg", "Zelensky", "Putin", "Trump", "Lavrov", "Rubio", "Witkoff"]
CUES = ["said", "told", "confirmed", "stated", "claimed", "warned", "added", "noted", "insisted"]
LABELS = {"QUOTE": "#E69F00", "SPEAKER": "#56B4E9", "CUE": "#009E73"}
TARGETS = {"open_paint_s": 0.5, "label_paint_ms": 30.0, "scroll_ms": 30.0, "rss_mb": 100.0}


def make_text(megabytes: float, seed: int = 7) -> str:
    """News-like prose: sentences of common words, attributions and quotes, ~600-char paragraphs."""
    rnd = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = []
    size = 0
    while size < target:
        sentences = []
        for _ in range(rnd.randint(2, 7)):
            words = rnd.choices(WORDS, k=rnd.randint(8, 28))
            sentence = " ".join(words).capitalize()
            kind = rnd.random()
            if kind < 0.25:
                sentence = f"“{sentence},” {rnd.choice(NAMES)} {rnd.choice(CUES)}."
            elif kind < 0.4:
                sentence = f"{rnd.choice(NAMES)} {rnd.choice(CUES)} that {sentence.lower()}."
            else:
                sentence += rnd.choice([".", ".", ".", "?", " — officials’ view."])
            sentences.append(sentence)
        if rnd.random() < 0.02:
            sentences.append("\U0001f1fa\U0001f1e6 \U0001f54a")  # flags and a dove: astral
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def make_spans(text: str, count: int, seed: int = 11) -> list[object]:
    from annotator.model import AnnotatorName, DocumentId, Span, SpanId

    rnd = random.Random(seed)
    lengths = {"QUOTE": (30, 400), "SPEAKER": (5, 40), "CUE": (3, 15)}
    labels = list(LABELS)
    spans: list[object] = []
    for i in range(count):
        label = labels[i % 3]
        low, high = lengths[label]
        start = rnd.randrange(0, len(text) - high)
        end = start + rnd.randint(low, high)
        attrs = {"stance": rnd.choice(["favor", "against", "none"])} if label == "QUOTE" else {}
        spans.append(
            Span(SpanId(i + 1), DocumentId("bench"), AnnotatorName("a"), start, end, label, attrs)
        )
    return spans


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def child(scenario: str, megabytes: float, span_count: int, frames: int, profile: bool) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.model import AnnotatorName, DocumentId, Span, SpanId
    from annotator.ui.text.text_view import TextView

    app = QApplication([])
    text = make_text(megabytes)
    spans = make_spans(text, span_count) if scenario == "textview" else []

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    def settle(widget: QPlainTextEdit, before: int) -> None:
        """Process events until the viewport has painted at least once more."""
        app.processEvents()
        while counter.count <= before:
            app.processEvents()

    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    rss_before = rss_mb()
    counter = PaintCounter()
    t0 = time.perf_counter()
    if scenario == "textview":
        widget: QPlainTextEdit = TextView()
        widget.viewport().installEventFilter(counter)
        widget.set_content(text, spans, LABELS)  # type: ignore[attr-defined]
        set_content = time.perf_counter() - t0
    else:
        widget = QPlainTextEdit()
        widget.viewport().installEventFilter(counter)
        widget.setReadOnly(True)
        font = QFont(widget.font())
        font.setPointSizeF(12.0)
        widget.setFont(font)
        widget.setPlainText(text)
        set_content = time.perf_counter() - t0
    widget.resize(1200, 800)
    widget.show()
    settle(widget, 0)
    open_paint = time.perf_counter() - t0

    result: dict[str, object] = {"scenario": scenario, "open_paint_s": open_paint}
    result["set_content_s"] = set_content
    rnd = random.Random(3)
    if scenario == "textview":
        view = widget
        assert isinstance(view, TextView)
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
            settle(view, before)
            label_ms.append((time.perf_counter() - t) * 1000)
        result["label_paint_ms"] = statistics.median(label_ms)
        result["label_paint_p95_ms"] = pct(label_ms, 0.95)
        view.set_selection_cp(0, 0)

    bar = widget.verticalScrollBar()
    page_ms = []
    for _ in range(frames):
        before = counter.count
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        settle(widget, before)
        page_ms.append((time.perf_counter() - t) * 1000)
    jump_ms = []
    for _ in range(frames // 2):
        before = counter.count
        t = time.perf_counter()
        bar.setValue(rnd.randrange(bar.maximum()))
        settle(widget, before)
        jump_ms.append((time.perf_counter() - t) * 1000)
    result["scroll_ms"] = statistics.median(page_ms)
    result["scroll_p95_ms"] = pct(page_ms, 0.95)
    result["scroll_max_ms"] = max(page_ms)
    result["jump_ms"] = statistics.median(jump_ms)
    result["jump_p95_ms"] = pct(jump_ms, 0.95)
    result["rss_mb"] = rss_mb() - rss_before
    result["text_chars"] = len(text)
    result["spans"] = len(spans)
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    widget.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--spans", type=int, default=50_000)
    parser.add_argument("--frames", type=int, default=80)
    parser.add_argument("--profile", action="store_true", help="cProfile the TextView child")
    parser.add_argument("--child", choices=["textview", "baseline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        profile = args.profile and args.child == "textview"
        print(json.dumps(child(args.child, args.mb, args.spans, args.frames, profile)))
        return
    results = {}
    for scenario in ("baseline", "textview"):
        command = [sys.executable, __file__, "--child", scenario, "--mb", str(args.mb)]
        command += ["--spans", str(args.spans), "--frames", str(args.frames)]
        command += ["--profile"] if args.profile else []
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        if args.profile and scenario == "textview":
            print(done.stderr, file=sys.stderr)
        results[scenario] = json.loads(done.stdout.strip().splitlines()[-1])
    base, view = results["baseline"], results["textview"]
    chars, spans = view["text_chars"] / 1e6, view["spans"]
    print(f"text {chars:.2f} M chars, {spans} spans, 1200x800 viewport, offscreen")
    print(f"{'measure':<26}{'baseline':>12}{'TextView':>12}{'target':>10}  ok")
    rows = [
        ("set content / text (s)", "set_content_s", None, "{:.3f}"),
        ("open + first paint (s)", "open_paint_s", TARGETS["open_paint_s"], "{:.3f}"),
        ("label -> paint (ms)", "label_paint_ms", TARGETS["label_paint_ms"], "{:.1f}"),
        ("label -> paint p95 (ms)", "label_paint_p95_ms", None, "{:.1f}"),
        ("scroll page, median (ms)", "scroll_ms", TARGETS["scroll_ms"], "{:.1f}"),
        ("scroll page, p95 (ms)", "scroll_p95_ms", TARGETS["scroll_ms"], "{:.1f}"),
        ("scroll page, max (ms)", "scroll_max_ms", None, "{:.1f}"),
        ("random jump, median (ms)", "jump_ms", None, "{:.1f}"),
        ("random jump, p95 (ms)", "jump_p95_ms", None, "{:.1f}"),
        ("RSS growth (MB)", "rss_mb", TARGETS["rss_mb"], "{:.1f}"),
    ]
    failed = False
    for name, key, target, fmt in rows:
        b = fmt.format(base[key]) if key in base else "-"
        v = fmt.format(view[key])
        ok = "" if target is None else ("yes" if view[key] <= target else "NO")
        failed = failed or ok == "NO"
        print(f"{name:<26}{b:>12}{v:>12}{'' if target is None else target:>10}  {ok}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
