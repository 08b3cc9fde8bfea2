"""Which annotation sets count, which annotators are compared, and who covers which document.

An annotator covers a document when their set for it is done (or in progress, when unfinished
work is asked for). Covered with no spans means "found nothing"; not covered means missing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from operator import attrgetter

from annotator.model.annotation import AnnotationSet, Span, Status
from annotator.model.ids import is_human

_position = attrgetter("start", "end")

# label -> that annotator's spans of the label in one document, sorted by (start, end).
LabelledSpans = dict[str, list[Span]]


@dataclass(frozen=True, slots=True)
class Coverage:
    """The compared annotators and their counted sets, indexed by (document, annotator)."""

    annotators: tuple[str, ...]
    sets: dict[tuple[str, str], AnnotationSet]
    by_document: dict[str, tuple[str, ...]]
    spans: dict[tuple[str, str], LabelledSpans] = field(repr=False)
    #: Document texts where known: unnamed speaker mentions are compared by their words.
    texts: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(
        cls,
        sets: Iterable[AnnotationSet],
        labels: Collection[str],
        annotators: Sequence[str] | None = None,
        include_unfinished: bool = False,
        texts: Mapping[str, str] | None = None,
    ) -> Coverage:
        """Count ``sets``; spans whose label is not in ``labels`` are left out."""
        wanted = set(annotators) if annotators is not None else None
        counts = counting(annotators, include_unfinished)
        counted: dict[tuple[str, str], AnnotationSet] = {}
        for annotation_set in sets:
            if counts(annotation_set):
                counted[(annotation_set.document, annotation_set.annotator)] = annotation_set
        names = sorted(wanted) if wanted is not None else sorted({a for _, a in counted})
        by_document: dict[str, list[str]] = {}
        for document, name in counted:
            by_document.setdefault(document, []).append(name)
        spans = {key: labelled_spans(found.spans, labels) for key, found in counted.items()}
        return cls(
            annotators=tuple(names),
            sets=counted,
            by_document={d: tuple(sorted(who)) for d, who in sorted(by_document.items())},
            spans=spans,
            texts=texts or {},
        )

    @property
    def compared_documents(self) -> list[str]:
        """Documents covered by at least two of the compared annotators, sorted."""
        return [d for d, names in self.by_document.items() if len(names) >= 2]

    @property
    def complete_documents(self) -> list[str]:
        """Documents every compared annotator covers, sorted."""
        everyone = len(self.annotators)
        return [d for d, names in self.by_document.items() if len(names) == everyone]

    def shared(self, first: str, second: str) -> list[str]:
        """Documents both annotators cover, sorted."""
        return [d for d, names in self.by_document.items() if first in names and second in names]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every pair of annotators (names sorted) sharing at least one covered document."""
        shared: set[tuple[str, str]] = set()
        for names in self.by_document.values():
            shared.update(combinations(names, 2))
        return sorted(shared)

    def labelled(self, document: str, annotator: str) -> LabelledSpans:
        return self.spans.get((document, annotator), {})


def counted_statuses(include_unfinished: bool = False) -> frozenset[Status]:
    """The statuses of the sets the report counts."""
    if include_unfinished:
        return frozenset({Status.DONE, Status.IN_PROGRESS})
    return frozenset({Status.DONE})


def counted_annotator(annotators: Sequence[str] | None = None) -> Callable[[str], bool]:
    """Whether an annotator's sets take part: the named ones, or by default every human
    (gold and suggest:* layers take part only when someone names them)."""
    if annotators is None:
        return is_human
    return set(annotators).__contains__


def counting(
    annotators: Sequence[str] | None = None, include_unfinished: bool = False
) -> Callable[[AnnotationSet], bool]:
    """Whether a set counts: its status, and its annotator among the compared.

    Readers use it to leave out, while reading, the sets the report would drop anyway.
    """
    statuses = counted_statuses(include_unfinished)
    takes_part = counted_annotator(annotators)

    def counts(annotation_set: AnnotationSet) -> bool:
        status = annotation_set.status
        # A member (or its text) is found as it is; anything else is made one, which
        # refuses a status that is none.
        counted = status in statuses or Status(status) in statuses
        return counted and takes_part(annotation_set.annotator)

    return counts


def pair_key(first: str, second: str) -> str:
    """The report's name for a pair: both names sorted, joined by "|"."""
    return "|".join(sorted((first, second)))


def labelled_spans(spans: Iterable[Span], labels: Collection[str]) -> LabelledSpans:
    """One set's spans of ``labels``, by label, each list sorted by (start, end)."""
    by_label: LabelledSpans = {}
    for span in spans:
        if span.label in labels:
            by_label.setdefault(span.label, []).append(span)
    for group in by_label.values():
        group.sort(key=_position)
    return by_label
