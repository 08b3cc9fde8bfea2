"""Gold against one annotator's layer: what differs, worded for the learning view.

Also the one-line text of a version's spans, shared by the adjudication and learning views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.adjudication.units import LinkShape
from annotator.model import AnnotationSet, AttrValue, Span
from annotator.model.snippet import quoted


class DiffKind(StrEnum):
    ONLY_OWN = "only_own"
    ONLY_GOLD = "only_gold"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class GoldDifference:
    """One place where an annotator's layer and gold differ."""

    kind: DiffKind
    label: str
    own: Span | None
    gold: Span | None
    #: CHANGED: the two spans' offsets differ.
    boundaries: bool = False
    #: CHANGED: names of attributes whose values differ (or that only one side has).
    attributes: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return min(s.start for s in (self.own, self.gold) if s is not None)


def gold_diff(own: AnnotationSet, gold: AnnotationSet) -> list[GoldDifference]:
    """Spans only in ``own``, only in ``gold``, and matched spans whose offsets or attributes
    differ, in text order. Identical spans are left out.

    Matching is one-to-one within a label: identical offsets first, then, for what is left,
    the pair sharing the most characters (earliest first on ties), so a quote split in gold
    shows as one changed segment plus one segment only in gold.
    """
    differences: list[GoldDifference] = []
    for label in sorted({s.label for s in own.spans} | {s.label for s in gold.spans}):
        mine = sorted((s for s in own.spans if s.label == label), key=_position)
        theirs = sorted((s for s in gold.spans if s.label == label), key=_position)
        pairs, only_mine, only_theirs = _match(mine, theirs)
        for a, b in pairs:
            changed = _changed_attributes(a.attrs, b.attrs)
            moved = (a.start, a.end) != (b.start, b.end)
            if moved or changed:
                differences.append(GoldDifference(DiffKind.CHANGED, label, a, b, moved, changed))
        differences.extend(GoldDifference(DiffKind.ONLY_OWN, label, a, None) for a in only_mine)
        differences.extend(GoldDifference(DiffKind.ONLY_GOLD, label, None, b) for b in only_theirs)
    differences.sort(key=lambda d: (d.start, d.label, d.kind))
    return differences


def _position(span: Span) -> tuple[int, int, int]:
    return span.start, span.end, span.id


def _match(
    mine: list[Span], theirs: list[Span]
) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    pairs: list[tuple[Span, Span]] = []
    left = list(mine)
    right = list(theirs)
    for a in list(left):
        same = next((b for b in right if (b.start, b.end) == (a.start, a.end)), None)
        if same is not None:
            pairs.append((a, same))
            left.remove(a)
            right.remove(same)
    # Greedy by shared characters: a few spans per label and document, so quadratic is fine.
    candidates = sorted(
        (
            (-(min(a.end, b.end) - max(a.start, b.start)), a.start, b.start, i, j)
            for i, a in enumerate(left)
            for j, b in enumerate(right)
            if a.overlaps(b)
        )
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, _, _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j]))
    return (
        pairs,
        [a for i, a in enumerate(left) if i not in used_left],
        [b for j, b in enumerate(right) if j not in used_right],
    )


def _changed_attributes(
    own: Mapping[str, AttrValue], gold: Mapping[str, AttrValue]
) -> tuple[str, ...]:
    return tuple(sorted(n for n in own.keys() | gold.keys() if own.get(n) != gold.get(n)))


# --- text for the views -------------------------------------------------------------------


def span_text(text: str, spans: Sequence[Span]) -> str:
    """``[start–end] “text” attr=value``, segments joined by ``+``; "—" when there is none."""
    if not spans:
        return "—"
    parts = []
    for span in spans:
        attrs = " ".join(f"{k}={v}" for k, v in sorted(span.attrs.items()))
        parts.append(f"[{span.start}–{span.end}] {_quoted(text, span)} {attrs}".rstrip())
    return " + ".join(parts)


def links_text(text: str, links: Sequence[LinkShape]) -> str:
    """`` · attributed_to → “Dmitry Peskov”`` per link (the speaker's name, else the text)."""
    parts = []
    for relation, start, end, _label, speaker in links:
        shown = speaker or quoted(text[start:end], 32)
        parts.append(f" · {relation} → {shown}")
    return "".join(parts)


def _quoted(text: str, span: Span, width: int = 48) -> str:
    return quoted(text[span.start : span.end], width)


def learning_rows(text: str, differences: Sequence[GoldDifference]) -> list[str]:
    """One line per difference, worded for the annotator whose layer it is (the learning view)."""
    rows = []
    for d in differences:
        if d.kind == DiffKind.ONLY_OWN and d.own is not None:
            rows.append(f"only yours: {d.label} {span_text(text, [d.own])}")
        elif d.kind == DiffKind.ONLY_GOLD and d.gold is not None:
            rows.append(f"only in gold: {d.label} {span_text(text, [d.gold])}")
        elif d.own is not None and d.gold is not None:
            what = []
            if d.boundaries:
                what.append(f"[{d.own.start}–{d.own.end}] → gold [{d.gold.start}–{d.gold.end}]")
            what.extend(
                f"{name}: {d.own.attrs.get(name, '—')} → {d.gold.attrs.get(name, '—')}"
                for name in d.attributes
            )
            rows.append(f"{d.label} {_quoted(text, d.gold)}: {'; '.join(what)}")
    return rows
