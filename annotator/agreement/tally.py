"""The agreement report folded one document at a time, so a project of any size fits in memory.

Every measure of the report is a sum over documents: span counts per pair, label and mode;
value profiles and value pairs per variable (counted in the order first seen, which fixes the
order of every floating-point sum); unitizing sums over a continuum of documents laid end to
end in id order. Each document is aligned once, and the alignment serves the attribute units
and the disagreements alike. Only the counters and the report's own lists outlive a document,
and the numbers are those of the whole-project computation to the last digit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import Any

from annotator.agreement.alignment import (
    ALIGNMENTS,
    Group,
    Link,
    chain_order,
    pair_units,
    split_chains,
)
from annotator.agreement.coded_units import CodedUnits
from annotator.agreement.continuum import Continuum
from annotator.agreement.coverage import counting, labelled_spans, pair_key
from annotator.agreement.disagreements import (
    SortKey,
    document_disagreement,
    group_disagreements,
)
from annotator.agreement.simple_chains import one_span_each, read_chains
from annotator.agreement.span_f1 import PairCounts, SpanCounts, scored_section
from annotator.agreement.sweep import LabelSweep, Matches, sweep
from annotator.agreement.unitizing import Interval
from annotator.agreement.variables import (
    Variable,
    document_variables,
    linked_speakers,
    span_variables,
)
from annotator.model.annotation import AnnotationSet, AttrValue, Span
from annotator.model.schema import Schema

Pair = tuple[str, str]
Progress = Callable[[int, int], None]
# The stages report() announces after the documents are in, as agreement_report always did.
STAGES = 6


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
        self._label_set = set(self._labels)
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
        # pair -> label -> [size_a, size_b, exact tp, overlap tp, hits_a, hits_b]: six sums
        # per pair and label, made SpanCounts per mode by report().
        self._spans: dict[Pair, dict[str, list[int]]] = {}
        self._continuum = Continuum(tuple(self._wanted or ()), self._labels)
        self._coded = {(v.key, mode): CodedUnits() for v in self._span_vars for mode in ALIGNMENTS}
        self._doc_coded = {v.key: CodedUnits() for v in self._doc_vars}
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
        everyone = tuple(self._everyone())
        if everyone != self._continuum.coders:
            # Someone new: no document before this one was covered by every annotator.
            self._continuum = Continuum(everyone, self._labels)
        complete = len(names) == len(everyone)
        if len(names) < 2:
            if complete:
                spans = {name: labelled_spans(counted[name].spans, self._labels) for name in names}
                self._continuum.add(spans, length)
            return
        self._compared += 1
        raters = len(names)
        continuum = self._continuum
        links, sizes, values = self._read_spans(counted, names, text)
        entries: list[tuple[SortKey, dict[str, Any]]] = []
        matched: dict[str, dict[Pair, Matches]] = {}
        reach = 0
        for label in self._labels:
            ordered = links.get(label)
            if ordered is None:
                continue
            # A stable sort: ties stay by name, then in each set's order (as chains() has them).
            ordered.sort(key=chain_order)
            found_chains = split_chains(ordered)
            # A variable with fewer than two values here has no unit, pair or disagreement.
            variables = [v for v in self._label_variables[label] if len(values[v.key]) > 1]
            if found_chains is not None and one_span_each(found_chains):
                coded = [
                    (
                        v.key,
                        self._coded[(v.key, "exact")],
                        self._coded[(v.key, "overlap")],
                        values[v.key],
                    )
                    for v in variables
                ]
                laid = continuum.laid(label) if complete else None
                read = read_chains(
                    document, label, found_chains, names, continuum.length, coded, entries, laid
                )
                units: Sequence[Sequence[Interval]] = ()  # laid already
            else:
                per_name: dict[str, list[Span]] = {n: [] for n in names if n in sizes[label]}
                for link in ordered:
                    per_name[link[2]].append(link[3])
                read = self._general_label(
                    document, label, per_name, names, variables, values, entries
                )
                units = [read.units.get(n, ()) for n in names]
            matched[label] = read.matches
            if complete:
                continuum.add_label(label, read.observed, units)
                reach = max(reach, read.reach)
        if complete:
            continuum.close(reach, length)
        for first, second in combinations(names, 2):
            self._count_spans((first, second), sizes, matched)
        for variable in self._doc_vars:
            coded_values = _document_values(counted, names, variable)
            tally = self._doc_coded[variable.key]
            tally.unit(list(coded_values.values()), raters)
            for first, second in combinations(list(coded_values), 2):
                tally.pair((first, second), coded_values[first], coded_values[second])
            entry = document_disagreement(document, variable.key, coded_values, names)
            if entry is not None:
                entries.append(entry)
        # By position, label and kind, document attributes first (see disagreements.py); a
        # stable sort, so ties keep the order of the groups.
        entries.sort(key=_sort_key)
        self._disagreements.extend(entry for _, entry in entries)

    def _general_label(
        self,
        document: str,
        label: str,
        per_name: dict[str, list[Span]],
        names: list[str],
        variables: list[Variable],
        values: dict[str, dict[int, AttrValue]],
        entries: list[tuple[SortKey, dict[str, Any]]],
    ) -> LabelSweep:
        """A label whose chains hold two spans of one annotator (or an empty span): its groups
        from the sweep, their attribute units and disagreements."""
        exact = label in self._attribute_set
        swept = sweep(document, label, per_name, names, self._continuum.length, exact)
        if exact:
            for mode, found in (("exact", swept.exact), ("overlap", swept.overlap)):
                ambiguous = self._ambiguous[(mode, label)]
                active = [(self._coded[(v.key, mode)], values[v.key].get) for v in variables]
                for group in found:
                    if group.ambiguous:
                        ambiguous.append(group.as_json())
                    if active:
                        _count_units(mode, group, active, len(names))
        given = [(v.key, values[v.key]) for v in variables]
        for group in swept.overlap:
            entries += group_disagreements(group, len(names), given)
        return swept

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
        counted: PairCounts = {
            pair_key(*pair): {label: _by_mode(*sums) for label, sums in self._spans[pair].items()}
            for pair in pairs
        }
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
        sizes: dict[str, dict[str, int]],
        matched: dict[str, dict[Pair, Matches]],
    ) -> None:
        """A pair's span counts of the document: ``sizes``, label -> name -> how many spans
        of it they drew (labels nobody drew are absent)."""
        totals = self._spans.get(pair)
        if totals is None:
            totals = self._spans[pair] = {label: [0] * 6 for label in self._labels}
        first, second = pair
        for label, drawn in sizes.items():
            size_a, size_b = drawn.get(first, 0), drawn.get(second, 0)
            if not size_a and not size_b:
                continue
            sums = totals[label]
            sums[0] += size_a
            sums[1] += size_b
            found = matched[label].get(pair)
            if found is not None:
                sums[2] += found[0]
                sums[3] += found[1]
                sums[4] += found[2]
                sums[5] += found[3]

    def _read_spans(
        self, counted: dict[str, AnnotationSet], names: list[str], text: str | None
    ) -> tuple[dict[str, list[Link]], dict[str, dict[str, int]], dict[str, dict[int, AttrValue]]]:
        """One pass over the document's spans: per label, every annotator's spans as chain
        links (names sorted, each set's spans in its order) and how many each drew; per span
        variable, id(span) -> its value, for the spans that have one."""
        links: dict[str, list[Link]] = {}
        sizes: dict[str, dict[str, int]] = {}
        values: dict[str, dict[int, AttrValue]] = {v.key: {} for v in self._span_vars}
        wanted, attributes = self._label_set, self._attributes
        for name in names:
            annotation_set = counted[name]
            for span in annotation_set.spans:
                label = span.label
                found = links.get(label)
                if found is None:
                    if label not in wanted:
                        continue
                    found = links[label] = []
                found.append((span.start, span.end, name, span))
                by_attribute = attributes.get(label)
                if by_attribute is None:
                    continue
                # A span holds few attributes: look at those, not at every variable.
                for attribute, raw in span.attrs.items():
                    variable = by_attribute.get(attribute)
                    if variable is not None:
                        value = variable.coded(raw)
                        if value is not None:
                            values[variable.key][id(span)] = value
            # What this annotator drew of each label: the links added since the last one.
            for label, found in links.items():
                drawn = sizes.get(label)
                if drawn is None:
                    drawn = sizes[label] = {}
                added = len(found) - sum(drawn.values())
                if added:
                    drawn[name] = added
            if not annotation_set.relations:
                continue  # no link, no speaker
            for variable in self._linked:
                speakers = linked_speakers(annotation_set, text)
                by_span = values[variable.key]
                for span in annotation_set.spans:
                    if span.label == variable.label and span.id in speakers:
                        by_span[id(span)] = speakers[span.id]
        return links, sizes, values


def _count_units(
    mode: str,
    group: Group,
    active: Sequence[tuple[CodedUnits, Callable[[int], AttrValue | None]]],
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


def _by_mode(
    size_a: int, size_b: int, exact: int, overlap: int, hits_a: int, hits_b: int
) -> dict[str, SpanCounts]:
    """A pair's sums of one label as each mode counts them."""
    return {
        "exact": SpanCounts(size_a, size_b, exact),
        "overlap": SpanCounts(size_a, size_b, overlap),
        "overlap_any": SpanCounts(size_a, size_b, 0, hits_a, hits_b),
    }


def _sort_key(item: tuple[SortKey, dict[str, Any]]) -> SortKey:
    return item[0]


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
