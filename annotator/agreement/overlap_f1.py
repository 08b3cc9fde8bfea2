"""Span F1 (overlap mode) of two annotators over the documents they share: the team's gauge."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.agreement.span_f1 import SpanCounts, compare_spans, span_scores
from annotator.model import Span


def pair_overlap_f1(documents: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> float | None:
    """Micro span F1 (overlap mode, same label) of A's and B's spans, summed over documents;
    None when neither marked anything."""
    total = SpanCounts()
    for left, right in documents:
        by_label: dict[str, tuple[list[Span], list[Span]]] = {}
        for side, spans in enumerate((left, right)):
            for span in spans:
                by_label.setdefault(span.label, ([], []))[side].append(span)
        for a, b in by_label.values():
            a.sort(key=lambda s: (s.start, s.end))
            b.sort(key=lambda s: (s.start, s.end))
            total.add(compare_spans(a, b)["overlap"])
    f1 = span_scores(total, "overlap")["f1"]
    return float(f1) if f1 is not None else None
