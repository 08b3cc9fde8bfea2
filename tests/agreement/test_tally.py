"""The report folded one document at a time equals the sections computed over every set at once.

The whole-project functions (``Coverage`` and the ``*_section`` functions) are the reference:
each follows docs/agreement.md over all documents together. The tally must give the same
numbers to the last digit, on data with every shape that makes streaming hard.
"""

from __future__ import annotations

import json
import random
from typing import Any

from annotator.agreement import agreement_report
from annotator.agreement.alignment import ALIGNMENTS, align_documents
from annotator.agreement.attributes import (
    attribute_section,
    document_attribute_section,
    span_values,
)
from annotator.agreement.coverage import Coverage
from annotator.agreement.disagreements import disagreement_list
from annotator.agreement.span_f1 import span_section
from annotator.agreement.unitizing import unitizing_section
from annotator.agreement.variables import document_variables, span_variables
from annotator.model.annotation import AnnotationSet, Status
from annotator.model.schema import Schema


def whole_project(
    sets: list[AnnotationSet],
    schema: Schema,
    annotators: list[str] | None,
    include_unfinished: bool,
    lengths: dict[str, int],
) -> dict[str, Any]:
    labels = [label.name for label in schema.labels]
    span_vars = span_variables(schema)
    coverage = Coverage.of(sets, labels, annotators, include_unfinished)
    attribute_labels = list(dict.fromkeys(v.label for v in span_vars if v.label is not None))
    groups = {
        mode: align_documents(coverage, mode, labels if mode == "overlap" else attribute_labels)
        for mode in ALIGNMENTS
    }
    values = {v.key: span_values(coverage, v) for v in span_vars}
    doc_vars = document_variables(schema)
    return {
        "annotators": list(coverage.annotators),
        "documents": len(coverage.compared_documents),
        "spans": span_section(coverage, labels),
        "unitizing_alpha": unitizing_section(coverage, labels, lengths),
        "attributes": attribute_section(coverage, span_vars, groups, values),
        "doc_attrs": document_attribute_section(coverage, doc_vars),
        "disagreements": disagreement_list(
            coverage, groups["overlap"], span_vars, doc_vars, values
        ),
    }


def varied_sets(make_set: Any, seed: int) -> tuple[list[AnnotationSet], dict[str, int]]:
    """Shifted, missed, doubled (ambiguous) spans, every status, gold, a late annotator."""
    rng = random.Random(seed)
    sets: list[AnnotationSet] = []
    lengths: dict[str, int] = {}
    documents = [f"d{rng.randrange(1000):03d}-{n}" for n in range(40)]
    for document in documents:
        lengths[document] = rng.randrange(150, 400)
        truth = [
            (start, start + rng.randrange(1, 40), rng.choice(["QUOTE", "QUOTE", "SPEAKER", "CUE"]))
            for start in sorted(rng.randrange(0, 140) for _ in range(rng.randrange(0, 8)))
        ]
        for name in ("ann1", "ann2", "ann3", "late", "gold"):
            if (name == "late" and document < "d5") or rng.random() < 0.1:
                continue
            spans = []
            for start, end, label in truth:
                if rng.random() < 0.1:
                    continue
                if rng.random() < 0.3:
                    start = max(0, start + rng.randrange(-3, 4))
                    end = max(start + 1, end + rng.randrange(-3, 4))
                attrs = {}
                if label == "QUOTE":
                    attrs = {
                        "stance": rng.choice(["favor", "against", "none"]),
                        "intensity": rng.choice(["low", "mid", "high"]),
                    }
                spans.append((start, end, label, attrs))
                if rng.random() < 0.1:
                    spans.append((start + 2, end + 5, label))
            status = rng.choice([Status.DONE, Status.DONE, Status.IN_PROGRESS, Status.TODO])
            relevance = rng.choice(["relevant", "partly", None])
            sets.append(
                make_set(document, name, spans, status=status, doc_attrs={"relevance": relevance})
            )
    rng.shuffle(sets)
    return sets, lengths


def test_the_folded_report_is_the_whole_project_report(make_set, quote_schema) -> None:
    measured: list[bool] = []
    for seed in range(4):
        sets, lengths = varied_sets(make_set, seed)
        for annotators, unfinished in (
            (None, False),
            (None, True),
            (["ann1", "ann3", "gold"], False),
            (["ann2", "late"], True),
        ):
            folded = agreement_report(
                sets, quote_schema, annotators=annotators, include_unfinished=unfinished,
                lengths=lengths,
            )  # fmt: skip
            whole = whole_project(sets, quote_schema, annotators, unfinished, lengths)
            assert json.dumps(folded) == json.dumps(whole), (seed, annotators, unfinished)
            measured.append(folded["unitizing_alpha"]["overall"] is not None)
            assert folded["attributes"]["QUOTE.intensity"]["overlap"]["ambiguous"]
    # Most runs have documents every compared annotator covers, so unitizing is compared too.
    assert sum(measured) >= 12


def test_gaps_of_one_character_and_across_documents_count(make_set, quote_schema) -> None:
    # One-character gaps inside a document, and gaps that run on from the end of one
    # document into the start of the next (the continuum lays them end to end).
    sets = [
        make_set("a", "A", [(0, 5, "QUOTE"), (6, 10, "QUOTE")]),
        make_set("a", "B", [(0, 5, "QUOTE"), (7, 11, "QUOTE")]),
        make_set("b", "A", [(1, 4, "QUOTE")]),
        make_set("b", "B", [(2, 4, "QUOTE"), (5, 6, "QUOTE")]),
    ]
    lengths = {"a": 12, "b": 7}
    folded = agreement_report(sets, quote_schema, lengths=lengths)
    whole = whole_project(sets, quote_schema, None, False, lengths)
    assert folded["unitizing_alpha"] == whole["unitizing_alpha"]
    assert folded["unitizing_alpha"]["labels"]["QUOTE"] is not None


def test_ambiguous_groups_of_one_chain_are_listed_by_position(make_set, quote_schema) -> None:
    # One chain of overlapping spans (11-37) that falls apart into two ambiguous groups; the
    # overlap graph finds the later one first (A's spans come first in it).
    def quotes(*spans: tuple[int, int]) -> list[tuple[Any, ...]]:
        return [(start, end, "QUOTE", {"stance": "favor"}) for start, end in spans]

    sets = [
        make_set("d", "A", quotes((1, 7), (26, 35), (27, 37))),
        make_set("d", "B", quotes((12, 21), (28, 34))),
        make_set("d", "C", quotes((11, 13), (11, 17), (16, 23), (21, 32))),
    ]
    folded = agreement_report(sets, quote_schema, lengths={"d": 50})
    ambiguous = folded["attributes"]["QUOTE.stance"]["overlap"]["ambiguous"]
    firsts = [min(s[0] for spans in group["spans"].values() for s in spans) for group in ambiguous]
    assert firsts == [11, 21]
    assert json.dumps(folded) == json.dumps(
        whole_project(sets, quote_schema, None, False, {"d": 50})
    )


def test_chains_of_one_span_per_annotator_give_the_whole_project_report(
    make_set, quote_schema
) -> None:
    # Every chain holds one span per annotator (the path read without groups): alone, two,
    # three with two at one position and the third joined through one of them only, values
    # that agree, differ, are missing, or mix numbers and text; a document one annotator
    # misses. Then a tangled chain in the same label of another document.
    def quote(start: int, end: int, **attrs: Any) -> tuple[Any, ...]:
        return (start, end, "QUOTE", attrs)

    stanced = {"stance": "none"}
    sets = [
        make_set("a", "A", [quote(0, 5, stance="favor"), quote(10, 20, **stanced, intensity="low"),
                            (30, 31, "CUE")]),
        make_set("a", "B", [quote(0, 5, stance="against"),
                            quote(10, 20, **stanced, intensity="high"), (30, 32, "CUE")]),
        make_set("a", "C", [quote(2, 6, stance="favor"),
                            quote(19, 25, stance="favor", intensity="high"), quote(40, 44)]),
        make_set("b", "A", [quote(1, 9, stance="favor"), (12, 14, "SPEAKER")]),
        make_set("b", "B", [quote(1, 9, stance="favor"), (12, 14, "SPEAKER")]),
        make_set("c", "A", [quote(0, 8, stance="favor"), quote(4, 12, stance="none")]),
        make_set("c", "B", [quote(3, 9, stance="against")]),
        make_set("c", "C", [quote(3, 9, stance="against"), quote(20, 22, stance="none")]),
    ]  # fmt: skip
    lengths = {"a": 50, "b": 20, "c": 30}
    folded = agreement_report(sets, quote_schema, lengths=lengths)
    whole = whole_project(sets, quote_schema, None, False, lengths)
    assert json.dumps(folded) == json.dumps(whole)
    kinds = {(entry["document"], entry["kind"]) for entry in folded["disagreements"]}
    assert {("a", "missing"), ("a", "boundary"), ("a", "QUOTE.stance"), ("c", "missing")} <= kinds
    assert folded["attributes"]["QUOTE.stance"]["exact"]["units"] == 4
