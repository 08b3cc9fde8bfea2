"""The agreement report folded one document at a time, so a project of any size fits in memory.

Every measure of the report is a sum over documents: span counts per pair, label and mode;
value profiles and value pairs per variable (counted in the order first seen, which fixes the
order of every floating-point sum); unitizing sums over a continuum of documents laid end to
end in id order. Each document is aligned once, and the alignment serves the attribute units
and the disagreements alike. Only the counters and the report's own lists outlive a document,
and the numbers are those of the whole-project computation to the last digit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.agreement.alignment import ALIGNMENTS, Group, pair_units
from annotator.agreement.attributes import counted_block
from annotator.agreement.coverage import LabelledSpans, counting, labelled_spans, pair_key
from annotator.agreement.disagreements import (
    SortKey,
    document_disagreement,
    group_disagreements,
)
from annotator.agreement.profiles import Profiles, multiset
from annotator.agreement.span_f1 import MODES, PairCounts, SpanCounts, scored_section
from annotator.agreement.sweep import LabelSweep, sweep
from annotator.agreement.unitizing import (
    Interval,
    counted_terms,
    overall_alpha,
    pair_disagreement,
    shifted_union,
)
from annotator.agreement.variables import (
    Variable,
    document_variables,
    linked_speakers,
    span_variables,
)
from annotator.model.annotation import AnnotationSet, AttrValue
from annotator.model.schema import Schema

Pair = tuple[str, str]
Progress = Callable[[int, int], None]
# The stages report() announces after the documents are in, as agreement_report always did.
STAGES = 6
_NO_MATCHES = (0, 0, 0, 0)


@dataclass(slots=True)
class _Coded:
    """One variable's units in one alignment: raw profiles and per-pair value counts."""

    pairable: Counter[tuple[Hashable, ...]] = field(default_factory=Counter)
    complete: Counter[tuple[Hashable, ...]] = field(default_factory=Counter)
    cells: dict[Pair, Counter[tuple[Hashable, Hashable]]] = field(default_factory=dict)

    def unit(self, values: list[AttrValue], raters: int) -> None:
        if len(values) < 2:
            return
        shape = multiset(values)
        self.pairable[shape] += 1
        if len(values) == raters:
            self.complete[shape] += 1

    def pair(self, pair: Pair, first: AttrValue, second: AttrValue) -> None:
        cells = self.cells.get(pair)
        if cells is None:
            cells = self.cells[pair] = Counter()
        cells[(first, second)] += 1

    def block(self, variable: Variable, pairs: Sequence[Pair]) -> dict[str, Any]:
        return counted_block(
            variable,
            Profiles.counted_from(self.pairable),
            Profiles.counted_from(self.complete),
            self.cells,
            pairs,
        )


@dataclass(slots=True)
class _Continuum:
    """Unitizing sums of the documents every compared annotator covers, laid end to end."""

    coders: tuple[str, ...]
    labels: Sequence[str]
    length: int = 0
    observed: dict[str, int] = field(default_factory=dict)
    units: dict[str, Counter[int]] = field(default_factory=dict)
    gaps: dict[str, Counter[int]] = field(default_factory=dict)
    # Per label and coder: where their last unit ends (a gap runs on into the next document).
    ends: dict[str, list[int]] = field(default_factory=dict)
    documents: int = 0

    def __post_init__(self) -> None:
        for label in self.labels:
            self.observed[label] = 0
            self.units[label] = Counter()
            self.gaps[label] = Counter()
            self.ends[label] = [0] * len(self.coders)

    def add(self, spans: dict[str, LabelledSpans], length: int | None) -> None:
        """Lay a document on, measured by its spans (the route of a lone annotator)."""
        per_coder = [spans[name] for name in self.coders]
        base = self.length
        for label in self.labels:
            coded: list[list[Interval]] = [
                shifted_union(found[label], base) if label in found else [] for found in per_coder
            ]
            observed = sum(pair_disagreement(a, b) for a, b in combinations(coded, 2))
            self.add_label(label, observed, coded)
        last = max(
            (s.end for found in spans.values() for group in found.values() for s in group),
            default=0,
        )
        self.close(last, length)

    def add_label(self, label: str, observed: int, coded: Sequence[Sequence[Interval]]) -> None:
        """One label of the document being laid on: the distance of its coders (summed over
        pairs) and each coder's units, moved to its base."""
        self.observed[label] += observed
        units, gaps, ends = self.units[label], self.gaps[label], self.ends[label]
        for r, intervals in enumerate(coded):
            end = ends[r]
            for start, stop in intervals:
                if start > end:
                    gaps[start - end] += 1
                units[stop - start] += 1
                end = stop
            ends[r] = end

    def close(self, last: int, length: int | None) -> None:
        """The document is laid on (its last span ends at ``last``): the continuum grows by
        its length."""
        # Never cut an annotated span short, even if a given length is too small.
        size = max(last, length) if length is not None else last
        self.length += size
        self.documents += 1

    def section(self) -> dict[str, Any]:
        if len(self.coders) < 2 or not self.documents:
            return {"overall": None, "labels": {label: None for label in self.labels}}
        terms = {}
        for label in self.labels:
            gaps = Counter(self.gaps[label])
            for end in self.ends[label]:
                if self.length > end:
                    gaps[self.length - end] += 1
            terms[label] = counted_terms(
                len(self.coders), self.length, self.observed[label], self.units[label], gaps
            )
        return {
            "overall": overall_alpha(terms.values()),
            "labels": {label: t.alpha if t is not None else None for label, t in terms.items()},
        }


class AgreementTally:
    """Fold documents in (in id order) with :meth:`add`, then read :meth:`report`."""

    def __init__(
        self,
        schema: Schema,
        annotators: Sequence[str] | None = None,
        include_unfinished: bool = False,
    ) -> None:
        self._labels = [label.name for label in schema.labels]
        self._span_vars = [v for v in span_variables(schema) if v.label is not None]
        self._doc_vars = document_variables(schema)
        attribute_labels = list(dict.fromkeys(v.label for v in self._span_vars if v.label))
        self._aligned_labels = {
            mode: self._labels if mode == "overlap" else attribute_labels for mode in ALIGNMENTS
        }
        self._attribute_labels = attribute_labels
        self._attribute_set = set(attribute_labels)
        # label -> attribute -> its variable; the variables read through links apart.
        self._attributes: dict[str, dict[str, Variable]] = {}
        for variable in self._span_vars:
            if not variable.via_speaker_link and variable.label is not None:
                self._attributes.setdefault(variable.label, {})[variable.name] = variable
        self._linked = [v for v in self._span_vars if v.via_speaker_link]
        self._label_variables = {
            label: [v for v in self._span_vars if v.label == label] for label in self._labels
        }
        self._wanted = sorted(annotators) if annotators is not None else None
        self.counts = counting(annotators, include_unfinished)
        self._seen: set[str] = set()
        self._compared = 0
        self._spans: dict[Pair, dict[str, dict[str, SpanCounts]]] = {}
        self._continuum = _Continuum(tuple(self._wanted or ()), self._labels)
        self._coded = {(v.key, mode): _Coded() for v in self._span_vars for mode in ALIGNMENTS}
        self._doc_coded = {v.key: _Coded() for v in self._doc_vars}
        self._ambiguous: dict[tuple[str, str], list[dict[str, Any]]] = {
            (mode, label): [] for mode in ALIGNMENTS for label in attribute_labels
        }
        self._disagreements: list[dict[str, Any]] = []

    def add(
        self,
        document: str,
        sets: Iterable[AnnotationSet],
        length: int | None = None,
        text: str | None = None,
    ) -> None:
        """Fold in one document's sets (those that do not count are passed over).

        ``length`` is its text length (without it, it ends at its last span), ``text`` its
        text (for QUOTE.speaker's unnamed mentions). Documents come in id order.
        """
        counted: dict[str, AnnotationSet] = {}
        for annotation_set in sets:
            if self.counts(annotation_set):
                counted[annotation_set.annotator] = annotation_set
        if not counted:
            return
        names = sorted(counted)
        self._seen.update(names)
        spans = {name: labelled_spans(counted[name].spans, self._labels) for name in names}
        everyone = tuple(self._everyone())
        if everyone != self._continuum.coders:
            # Someone new: no document before this one was covered by every annotator.
            self._continuum = _Continuum(everyone, self._labels)
        complete = len(names) == len(everyone)
        if len(names) < 2:
            if complete:
                self._continuum.add(spans, length)
            return
        self._compared += 1
        raters = len(names)
        continuum = self._continuum
        swept: dict[str, LabelSweep] = {}
        for label in self._labels:
            per_name = {name: spans[name][label] for name in names if label in spans[name]}
            if per_name:
                exact = label in self._attribute_set
                found = swept[label] = sweep(
                    document, label, per_name, names, continuum.length, exact
                )
                if complete:
                    laid = [found.units.get(n, ()) for n in names]
                    continuum.add_label(label, found.observed, laid)
        if complete:
            continuum.close(max((found.reach for found in swept.values()), default=0), length)
        for first, second in combinations(names, 2):
            self._count_spans((first, second), spans[first], spans[second], swept)
        groups = {
            mode: {
                label: (getattr(swept[label], mode) if label in swept else [])
                for label in self._aligned_labels[mode]
            }
            for mode in ALIGNMENTS
        }
        values = self._values(counted, names, spans, text)
        for label in self._attribute_labels:
            variables = self._label_variables[label]
            for mode in ALIGNMENTS:
                found = groups[mode][label]
                if not found:
                    continue
                ambiguous = self._ambiguous[(mode, label)]
                # A unit or a pair needs two values: most variables have none here.
                active = [
                    (self._coded[(v.key, mode)], values[v.key].get)
                    for v in variables
                    if len(values[v.key]) > 1
                ]
                for group in found:
                    if group.ambiguous:
                        ambiguous.append(group.as_json())
                    if active:
                        _count_units(mode, group, active, raters)
        given = {}
        for variable in self._doc_vars:
            coded_values = given[variable.key] = _document_values(counted, names, variable)
            tally = self._doc_coded[variable.key]
            tally.unit(list(coded_values.values()), raters)
            for first, second in combinations(list(coded_values), 2):
                tally.pair((first, second), coded_values[first], coded_values[second])
        self._disagree(document, names, groups["overlap"], values, given)

    def report(self, progress: Progress | None = None) -> dict[str, Any]:
        """The report of every document added, in the layout of docs/agreement.md."""
        step = 0
        if progress is not None:
            progress(step, STAGES)

        def advance() -> None:
            nonlocal step
            step += 1
            if progress is not None:
                progress(step, STAGES)

        pairs = sorted(self._spans)
        counted: PairCounts = {pair_key(*pair): self._spans[pair] for pair in pairs}
        spans = scored_section(counted, self._labels)
        advance()
        unitizing = self._continuum.section()
        advance()
        attributes: dict[str, Any] = {}
        for variable in self._span_vars:
            label = variable.label
            assert label is not None
            attributes[variable.key] = {
                mode: {
                    **self._coded[(variable.key, mode)].block(variable, pairs),
                    "ambiguous": list(self._ambiguous[(mode, label)]),
                }
                for mode in ALIGNMENTS
            }
        advance()
        doc_attrs = {v.key: self._doc_coded[v.key].block(v, pairs) for v in self._doc_vars}
        advance()
        advance()
        report = {
            "annotators": self._everyone(),
            "documents": self._compared,
            "spans": spans,
            "unitizing_alpha": unitizing,
            "attributes": attributes,
            "doc_attrs": doc_attrs,
            "disagreements": self._disagreements,
        }
        advance()
        return report

    def _everyone(self) -> list[str]:
        return list(self._wanted) if self._wanted is not None else sorted(self._seen)

    def _count_spans(
        self,
        pair: Pair,
        spans_a: LabelledSpans,
        spans_b: LabelledSpans,
        swept: dict[str, LabelSweep],
    ) -> None:
        totals = self._spans.get(pair)
        if totals is None:
            totals = self._spans[pair] = {
                label: {mode: SpanCounts() for mode in MODES} for label in self._labels
            }
        for label in spans_a.keys() | spans_b.keys():
            size_a, size_b = len(spans_a.get(label, ())), len(spans_b.get(label, ()))
            exact, overlap, hits_a, hits_b = swept[label].matches.get(pair, _NO_MATCHES)
            by_mode = totals[label]
            by_mode["exact"].add_found(size_a, size_b, exact, 0, 0)
            by_mode["overlap"].add_found(size_a, size_b, overlap, 0, 0)
            by_mode["overlap_any"].add_found(size_a, size_b, 0, hits_a, hits_b)

    def _values(
        self,
        counted: dict[str, AnnotationSet],
        names: list[str],
        spans: dict[str, LabelledSpans],
        text: str | None,
    ) -> dict[str, dict[int, AttrValue]]:
        """Per span variable: id(span) -> its value, for this document's spans that have one."""
        values: dict[str, dict[int, AttrValue]] = {v.key: {} for v in self._span_vars}
        for name in names:
            labelled = spans[name]
            for label, by_attribute in self._attributes.items():
                found_spans = labelled.get(label)
                if not found_spans:
                    continue
                # A span holds few attributes: look at those, not at every variable.
                for span in found_spans:
                    for attribute, raw in span.attrs.items():
                        variable = by_attribute.get(attribute)
                        if variable is not None:
                            value = variable.coded(raw)
                            if value is not None:
                                values[variable.key][id(span)] = value
            for variable in self._linked:
                found_spans = labelled.get(variable.label or "")
                if not found_spans:
                    continue
                if not counted[name].relations:
                    continue  # no link, no speaker
                speakers = linked_speakers(counted[name], text)
                found = values[variable.key]
                for span in found_spans:
                    if span.id in speakers:
                        found[id(span)] = speakers[span.id]
        return values

    def _disagree(
        self,
        document: str,
        names: list[str],
        overlap: dict[str, list[Group]],
        values: dict[str, dict[int, AttrValue]],
        given: dict[str, dict[str, AttrValue]],
    ) -> None:
        """This document's disagreements, in the order of docs/agreement.md (see
        disagreements.py): by position, label and kind, document attributes first."""
        found: list[tuple[SortKey, dict[str, Any]]] = []
        for label, groups in overlap.items():
            # A variable with fewer than two values here cannot disagree.
            variables = [
                (v.key, values[v.key])
                for v in self._label_variables[label]
                if len(values[v.key]) > 1
            ]
            for group in groups:
                found += group_disagreements(group, len(names), variables)
        for variable in self._doc_vars:
            entry = document_disagreement(document, variable.key, given[variable.key], names)
            if entry is not None:
                found.append(entry)
        found.sort(key=lambda item: item[0])
        self._disagreements.extend(entry for _, entry in found)


def _count_units(
    mode: str,
    group: Group,
    active: Sequence[tuple[_Coded, Callable[[int], AttrValue | None]]],
    raters: int,
) -> None:
    """One group's unit (unless ambiguous) and its pairs' value pairs, for each variable with
    values here: in group order, as ``pair_units`` lists them."""
    if group.ambiguous:
        # Not a unit; a pair may still hold a unit of its own inside it.
        for pair, found in pair_units(mode, [group]).items():
            for coded, value_of in active:
                for _, a, b in found:
                    va, vb = value_of(id(a)), value_of(id(b))
                    if va is not None and vb is not None:
                        coded.pair(pair, va, vb)
        return
    # The sweep keys every group's spans by name in sorted order.
    chosen = [(name, spans[0]) for name, spans in group.spans.items()]
    # Pairs as pair_units finds them: names sorted; in an overlap group, only spans that
    # overlap each other (two may be joined through a third annotator's span only).
    exact = mode == "exact"
    pairs = [
        (first, second)
        for (first, a), (second, b) in combinations(chosen, 2)
        if exact or (a.start < b.end and b.start < a.end)
    ]
    for coded, value_of in active:
        given = {name: v for name, span in chosen if (v := value_of(id(span))) is not None}
        coded.unit(list(given.values()), raters)
        for first, second in pairs:
            va, vb = given.get(first), given.get(second)
            if va is not None and vb is not None:
                coded.pair((first, second), va, vb)


def _document_values(
    counted: dict[str, AnnotationSet], names: list[str], variable: Variable
) -> dict[str, AttrValue]:
    """Covering annotator -> their value of a document attribute; empty ones are left out."""
    found: dict[str, AttrValue] = {}
    for name in names:
        value = variable.coded(counted[name].doc_attrs.get(variable.name))
        if value is not None:
            found[name] = value
    return found
