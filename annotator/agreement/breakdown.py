"""What lies behind each number of an agreement report: table rows with the filter that
finds their disagreements, and the value pairs of each pairwise kappa (confusion matrices).

Pure functions over the report and the sets; the agreement view lays them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.agreement.alignment import ALIGNMENTS, align_documents, pair_units
from annotator.agreement.attributes import document_values, span_values
from annotator.agreement.coverage import Coverage, pair_key
from annotator.agreement.table import format_cell
from annotator.agreement.variables import document_variables, span_variables
from annotator.model.annotation import AnnotationSet, AttrValue
from annotator.model.schema import Schema

Disagreement = dict[str, Any]
ValuePair = tuple[AttrValue, AttrValue]
SPAN_MODES = ("exact", "overlap", "overlap_any")
DOCUMENT_ALIGNMENT = "document"
#: Span F1 and unitizing alpha are lowered by missing spans and differing boundaries only.
SPAN_KINDS = frozenset({"missing", "boundary"})
_NOT_APPLICABLE = ""


@dataclass(frozen=True, slots=True)
class DisagreementFilter:
    """Which entries of the report's disagreements lie behind one number of the view."""

    title: str
    labels: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    pair: tuple[str, str] | None = None  # names sorted, as in the report's pair keys
    values: ValuePair | None = None  # (first's value, second's value); any pair when no pair

    def matches(self, entry: Disagreement, coverers: Mapping[str, Sequence[str]]) -> bool:
        if self.labels is not None and entry["label"] not in self.labels:
            return False
        if self.kinds is not None and entry["kind"] not in self.kinds:
            return False
        spans: dict[str, list[Any]] = entry["spans"]
        if self.values is not None:
            pairs = [self.pair] if self.pair else _pairs(sorted(spans))
            return any(
                a in spans and b in spans and (spans[a][2], spans[b][2]) == self.values
                for a, b in pairs
            )
        if self.pair is None:
            return True
        a, b = self.pair
        if entry["kind"] == "missing":
            # One of the two drew the unit; the other covers the document but drew nothing.
            covering = coverers.get(entry["document"], ())
            return (a in spans) != (b in spans) and a in covering and b in covering
        if a not in spans or b not in spans:
            return False
        if entry["kind"] == "boundary":
            return spans[a][:2] != spans[b][:2]
        return spans[a][2] != spans[b][2]


def _pairs(names: Sequence[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]


@dataclass(frozen=True, slots=True)
class Row:
    """One table row: its cells, the filter a click applies, and optional cell tooltips."""

    cells: tuple[object, ...]
    filter: DisagreementFilter | None = None
    tips: Mapping[int, str] = field(default_factory=dict)
    total: bool = False  # a summary row, set off in bold


def span_rows(report: Mapping[str, Any]) -> list[Row]:
    """Per label: mean pairwise F1 in each mode and unitizing alpha; then the micro row."""
    spans = report["spans"]
    unitizing = report["unitizing_alpha"]
    labels = list(spans["exact"]["labels"]) if spans else []
    rows = [
        Row(
            (
                label,
                *(spans[m]["labels"][label]["mean_pairwise_f1"] for m in SPAN_MODES),
                unitizing["labels"].get(label),
            ),
            DisagreementFilter(f"missing or boundary, {label}", frozenset({label}), SPAN_KINDS),
        )
        for label in labels
    ]
    rows.append(
        Row(
            (
                "micro (all labels)",
                *(spans[m]["mean_pairwise_micro_f1"] for m in SPAN_MODES),
                unitizing.get("overall"),
            ),
            DisagreementFilter("missing or boundary, all labels", kinds=SPAN_KINDS),
            {0: "F1: mean over pairs of the micro F1; alpha: the overall unitizing alpha"},
            total=True,
        )
    )
    return rows


def attribute_rows(report: Mapping[str, Any]) -> list[Row]:
    """Per span attribute and alignment, then per document attribute: the coefficients."""
    rows: list[Row] = []
    blocks = [
        (key, mode, block)
        for key, entry in report["attributes"].items()
        for mode, block in entry.items()
    ] + [(key, DOCUMENT_ALIGNMENT, block) for key, block in report["doc_attrs"].items()]
    for key, mode, block in blocks:
        ambiguous = block.get("ambiguous")
        kappas = "\n".join(f"{p}: {format_cell(k)}" for p, k in block["cohen_kappa"].items())
        rows.append(
            Row(
                (
                    key,
                    mode,
                    block["units"],
                    block["krippendorff_alpha"],
                    block["fleiss_kappa"],
                    block["mean_cohen_kappa"],
                    block["percent_agreement"],
                    len(ambiguous) if ambiguous is not None else _NOT_APPLICABLE,
                ),
                DisagreementFilter(key, kinds=frozenset({key})),
                {5: kappas} if kappas else {},
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class ValuePairs:
    """(variable key, alignment) -> pair key -> counts of (first's value, second's value)."""

    counts: dict[tuple[str, str], dict[str, Counter[ValuePair]]]
    #: document -> the compared annotators covering it (for "missing" between two of them).
    coverers: dict[str, tuple[str, ...]]

    def matrix(self, key: str, alignment: str, pair: str | None) -> Counter[ValuePair]:
        """One pair's counts, or every pair's summed when ``pair`` is None."""
        by_pair = self.counts.get((key, alignment), {})
        if pair is not None:
            return Counter(by_pair.get(pair, {}))
        total: Counter[ValuePair] = Counter()
        for counts in by_pair.values():
            total.update(counts)
        return total


def value_pairs(
    sets: Sequence[AnnotationSet],
    schema: Schema,
    annotators: Sequence[str] | None = None,
    include_unfinished: bool = False,
    texts: Mapping[str, str] | None = None,
) -> ValuePairs:
    """The value pairs behind each pairwise Cohen's kappa of the report, per alignment.

    Same coverage, alignment and reading of values as ``agreement_report``, so the counts of
    a pair add up to the units its kappa is computed on.
    """
    labels = [label.name for label in schema.labels]
    coverage = Coverage.of(sets, labels, annotators, include_unfinished, texts)
    variables = span_variables(schema)
    attribute_labels = list(dict.fromkeys(v.label for v in variables if v.label is not None))
    units = {
        mode: {
            label: pair_units(mode, groups)
            for label, groups in align_documents(coverage, mode, attribute_labels).items()
        }
        for mode in ALIGNMENTS
    }
    counts: dict[tuple[str, str], dict[str, Counter[ValuePair]]] = {}
    for variable in variables:
        assert variable.label is not None
        value_of = span_values(coverage, variable).get
        for mode in ALIGNMENTS:
            by_pair = counts.setdefault((variable.key, mode), {})
            for pair, found in units[mode][variable.label].items():
                tally = by_pair.setdefault(pair_key(*pair), Counter())
                for _, a, b in found:
                    first, second = value_of(id(a)), value_of(id(b))
                    if first is not None and second is not None:
                        tally[(first, second)] += 1
    for variable in document_variables(schema):
        by_pair = counts.setdefault((variable.key, DOCUMENT_ALIGNMENT), {})
        for document in coverage.compared_documents:
            coded = document_values(coverage, variable, document)
            for first, second in coverage.pairs:
                if first in coded and second in coded:
                    tally = by_pair.setdefault(pair_key(first, second), Counter())
                    tally[(coded[first], coded[second])] += 1
    return ValuePairs(counts, dict(coverage.by_document))


def value_order(schema: Schema, key: str, pairs: Iterable[ValuePair]) -> list[AttrValue]:
    """The values seen in ``pairs``: the schema's order first, then the rest sorted."""
    label, _, name = key.rpartition(".")
    attribute = schema.span_attribute(label, name) if label else schema.document_attribute(name)
    declared = list(attribute.values) if attribute is not None else []
    seen = {value for pair in pairs for value in pair}
    return [v for v in declared if v in seen] + sorted(seen - set(declared), key=str)
