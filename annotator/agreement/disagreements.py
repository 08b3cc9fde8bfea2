"""The list of places where annotators disagree, for review and adjudication.

Units come from the overlap alignment. kind is "missing" (an annotator covering the document
has no span there), "boundary" (the spans there differ in range), or the report key
of the variable whose values differ ("QUOTE.stance", "QUOTE.speaker", or a document attribute
such as "relevance", whose entries carry the label "document" and null offsets).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from annotator.agreement.alignment import Group
from annotator.agreement.attributes import SpanValues, document_values
from annotator.agreement.coverage import Coverage
from annotator.agreement.variables import Variable
from annotator.model.annotation import AttrValue, Span
from annotator.model.schema import DOCUMENT

SortKey = tuple[str, int, str, str]


def disagreement_list(
    coverage: Coverage,
    overlap_groups: Mapping[str, Sequence[Group]],
    span_variables: Sequence[Variable],
    document_variables: Sequence[Variable],
    values: Mapping[str, SpanValues],
) -> list[dict[str, Any]]:
    """Every disagreement, sorted by document, position, label and kind."""
    found: list[tuple[SortKey, dict[str, Any]]] = []
    for label, groups in overlap_groups.items():
        variables = [(v.key, values[v.key]) for v in span_variables if v.label == label]
        for group in groups:
            covering = len(coverage.by_document[group.document])
            found += group_disagreements(group, covering, variables)
    for document in coverage.compared_documents:
        names = coverage.by_document[document]
        for variable in document_variables:
            given = document_values(coverage, variable, document)
            entry = document_disagreement(document, variable.key, given, names)
            if entry is not None:
                found.append(entry)
    found.sort(key=lambda item: item[0])
    return [entry for _, entry in found]


def group_disagreements(
    group: Group, covering: int, variables: Sequence[tuple[str, Mapping[int, AttrValue]]]
) -> list[tuple[SortKey, dict[str, Any]]]:
    """The disagreements of one overlap group among ``covering`` annotators of its document,
    each with its sort key; ``variables``: (report key, span id -> value) of its label."""
    # An ambiguous group has no single span per annotator to show; the attribute sections
    # list it under "ambiguous" instead.
    if group.ambiguous:
        return []
    found: list[tuple[SortKey, dict[str, Any]]] = []
    spans = {name: group.spans[name][0] for name in sorted(group.spans)}
    # Both can hold at once: one annotator missed the unit, two others cut it differently.
    if len(spans) < covering:
        found.append(_entry(group, "missing", spans, {}))
    if len({(s.start, s.end) for s in spans.values()}) > 1:
        found.append(_entry(group, "boundary", spans, {}))
    for key, value_of in variables:
        # Most units agree: look at the values before building the entry's mapping.
        values_here = [v for v in map(value_of.get, map(id, spans.values())) if v is not None]
        if len(values_here) > 1 and len(set(values_here)) > 1:
            coded = {name: value_of.get(id(s)) for name, s in spans.items()}
            found.append(_entry(group, key, spans, coded))
    return found


def document_disagreement(
    document: str, key: str, given: Mapping[str, AttrValue], names: Iterable[str]
) -> tuple[SortKey, dict[str, Any]] | None:
    """The disagreement on a document attribute among the covering ``names`` (``given``: the
    values of those who gave one), or None when they agree."""
    if len(set(given.values())) <= 1:
        return None
    entry = {
        "document": document,
        "label": DOCUMENT,
        "kind": key,
        "spans": {name: [None, None, given.get(name)] for name in names},
    }
    return (document, -1, DOCUMENT, key), entry


def _entry(
    group: Group, kind: str, spans: Mapping[str, Span], coded: Mapping[str, AttrValue | None]
) -> tuple[SortKey, dict[str, Any]]:
    return span_entry(group.document, group.label, group.start, kind, spans, coded)


def span_entry(
    document: str,
    label: str,
    start: int,
    kind: str,
    spans: Mapping[str, Span],
    coded: Mapping[str, AttrValue | None],
) -> tuple[SortKey, dict[str, Any]]:
    """The entry of a unit starting at ``start`` (``spans``: its span by annotator, names
    sorted; ``coded``: their values of the variable ``kind``, if it is one)."""
    entry = {
        "document": document,
        "label": label,
        "kind": kind,
        "spans": {name: [s.start, s.end, coded.get(name)] for name, s in spans.items()},
    }
    return (document, start, label, kind), entry
