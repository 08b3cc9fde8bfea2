"""Agreement on span attributes (after aligning spans into units) and on document attributes.

Krippendorff's alpha and percent agreement use every unit (an annotator without a value is
missing there); Fleiss' kappa only units rated by every annotator covering the document;
Cohen's kappa and Scott's pi each pair's own units where both gave a value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.agreement.alignment import ALIGNMENTS, Group, pair_units
from annotator.agreement.alpha import krippendorff_alpha
from annotator.agreement.coverage import Coverage, pair_key
from annotator.agreement.kappa import (
    Pairs,
    cohen_kappa,
    fleiss_kappa,
    percent_agreement,
    scott_pi,
)
from annotator.agreement.profiles import Profiles, multiset
from annotator.agreement.span_f1 import mean
from annotator.agreement.variables import Variable, linked_speakers
from annotator.model.annotation import AttrValue

# A unit's values, and how many annotators cover its document (Fleiss needs all of them).
CodedUnit = tuple[list[AttrValue], int]
PairValues = dict[tuple[str, str], list[tuple[AttrValue, AttrValue]]]
# id(span) -> the variable's value on that span; spans without a value are absent.
SpanValues = dict[int, AttrValue]


def span_values(coverage: Coverage, variable: Variable) -> SpanValues:
    """Every compared span's value of ``variable``, read once and shared by all sections."""
    label = variable.label
    found: SpanValues = {}
    if label is None:
        return found
    for document in coverage.compared_documents:
        for name in coverage.by_document[document]:
            spans = coverage.labelled(document, name).get(label)
            if not spans:
                continue
            if variable.via_speaker_link:
                speakers = linked_speakers(
                    coverage.sets[(document, name)], coverage.texts.get(document)
                )
                for span in spans:
                    if span.id in speakers:
                        found[id(span)] = speakers[span.id]
                continue
            attribute = variable.name
            for span in spans:
                value = variable.coded(span.attrs.get(attribute))
                if value is not None:
                    found[id(span)] = value
    return found


def unit_profiles(units: Iterable[CodedUnit]) -> tuple[Profiles, Profiles]:
    """Profiles of the units with two values or more, and of those every coverer rated."""
    pairable: Counter[tuple[Hashable, ...]] = Counter()
    complete: Counter[tuple[Hashable, ...]] = Counter()
    # One pass for both: the complete units are the pairable ones with a value per coverer.
    for values, raters in units:
        if len(values) < 2:
            continue
        shape = multiset(values)
        pairable[shape] += 1
        if len(values) == raters:
            complete[shape] += 1
    return Profiles.counted_from(pairable), Profiles.counted_from(complete)


def coefficient_block(
    variable: Variable,
    units: Iterable[CodedUnit],
    pair_values: PairValues,
    pairs: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """units, alpha, Fleiss, per-pair Cohen and Scott, their mean, percent agreement."""
    return counted_block(variable, *unit_profiles(units), pair_values, pairs)


def counted_block(
    variable: Variable,
    pairable: Profiles,
    complete: Profiles,
    pair_values: Mapping[tuple[str, str], Pairs],
    pairs: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """coefficient_block() of units already counted: the profiles of the pairable and of the
    complete units, and each pair's value pairs (or their counts)."""
    cohen = {pair_key(*p): cohen_kappa(pair_values.get(p, [])) for p in pairs}
    return {
        "units": pairable.units,
        "krippendorff_alpha": krippendorff_alpha(pairable, variable.level, variable.order),
        "fleiss_kappa": fleiss_kappa(complete),
        "cohen_kappa": cohen,
        "scott_pi": {pair_key(*p): scott_pi(pair_values.get(p, [])) for p in pairs},
        "mean_cohen_kappa": mean(cohen.values()),
        "percent_agreement": percent_agreement(pairable),
    }


@dataclass(frozen=True, slots=True)
class _Aligned:
    """One label's units in one alignment, as span ids, shared by all of the label's variables."""

    units: list[tuple[list[int], int]]  # ids of a unit's spans, and its document's coverers
    pairs: dict[tuple[str, str], list[tuple[int, int]]]
    ambiguous: list[dict[str, Any]]

    @classmethod
    def of(cls, mode: str, groups: Sequence[Group], coverage: Coverage) -> _Aligned:
        return cls(
            units=[
                (
                    [id(spans[0]) for spans in g.spans.values()],
                    len(coverage.by_document[g.document]),
                )
                for g in groups
                if not g.ambiguous
            ],
            pairs={
                pair: [(id(a), id(b)) for _, a, b in found]
                for pair, found in pair_units(mode, groups).items()
            },
            ambiguous=[g.as_json() for g in groups if g.ambiguous],
        )


def attribute_section(
    coverage: Coverage,
    variables: Sequence[Variable],
    groups: Mapping[str, Mapping[str, list[Group]]],
    values: Mapping[str, SpanValues],
) -> dict[str, Any]:
    """The report's "attributes": per variable and alignment, the coefficient block.

    ``groups[mode][label]`` are the aligned groups; ``values[variable.key]`` the span values.
    """
    pairs = coverage.pairs
    aligned: dict[tuple[str, str], _Aligned] = {}
    section: dict[str, Any] = {}
    for variable in variables:
        label = variable.label
        if label is None:
            continue
        value_of = values[variable.key].get
        entry: dict[str, Any] = {}
        for mode in ALIGNMENTS:
            if (mode, label) not in aligned:
                aligned[(mode, label)] = _Aligned.of(mode, groups[mode][label], coverage)
            found = aligned[(mode, label)]
            units = (
                ([v for v in map(value_of, ids) if v is not None], raters)
                for ids, raters in found.units
            )
            pair_values: PairValues = {}
            for pair, id_pairs in found.pairs.items():
                pair_values[pair] = [
                    (a, b)
                    for a, b in ((value_of(i), value_of(j)) for i, j in id_pairs)
                    if a is not None and b is not None
                ]
            entry[mode] = {
                **coefficient_block(variable, units, pair_values, pairs),
                "ambiguous": list(found.ambiguous),
            }
        section[variable.key] = entry
    return section


def document_values(coverage: Coverage, variable: Variable, document: str) -> dict[str, AttrValue]:
    """Covering annotator -> their value of a document attribute; empty ones are left out."""
    found: dict[str, AttrValue] = {}
    for name in coverage.by_document[document]:
        value = variable.coded(coverage.sets[(document, name)].doc_attrs.get(variable.name))
        if value is not None:
            found[name] = value
    return found


def document_attribute_section(coverage: Coverage, variables: Sequence[Variable]) -> dict[str, Any]:
    """The report's "doc_attrs": each document is one unit; an empty value is missing."""
    pairs = coverage.pairs
    section: dict[str, Any] = {}
    for variable in variables:
        units: list[CodedUnit] = []
        pair_values: PairValues = {}
        for document in coverage.compared_documents:
            coded = document_values(coverage, variable, document)
            units.append((list(coded.values()), len(coverage.by_document[document])))
            for first, second in pairs:
                if first in coded and second in coded:
                    pair_values.setdefault((first, second), []).append(
                        (coded[first], coded[second])
                    )
        section[variable.key] = coefficient_block(variable, units, pair_values, pairs)
    return section
