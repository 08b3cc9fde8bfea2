"""The agreement report: every measure of docs/agreement.md, as one JSON-ready dict."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

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
from annotator.model.annotation import AnnotationSet
from annotator.model.schema import Schema

Progress = Callable[[int, int], None]


def agreement_report(
    sets: Iterable[AnnotationSet],
    schema: Schema,
    *,
    annotators: Sequence[str] | None = None,
    include_unfinished: bool = False,
    progress: Progress | None = None,
    lengths: Mapping[str, int] | None = None,
    texts: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The inter-annotator agreement report in the layout of docs/agreement.md.

    ``annotators`` restricts the comparison (and is the only way to bring in gold or
    suggest:* layers); by default every human annotator with a counted set takes part.
    ``progress(done, total)`` is called after each stage of the computation.
    ``lengths`` maps document ids to their text length in code points, which unitizing alpha
    needs for the gaps after the last span; without it a document ends at its last span.
    ``texts`` maps document ids to their texts: a quote linked to a speaker mention that
    names no registry speaker yet is then compared by the mention's words (QUOTE.speaker).
    """
    # The report allocates millions of small acyclic objects; the cyclic collector would walk
    # the growing heap again and again for nothing (a third of the run time at 10k documents).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _report(sets, schema, annotators, include_unfinished, progress, lengths, texts)
    finally:
        if collecting:
            gc.enable()


def _report(
    sets: Iterable[AnnotationSet],
    schema: Schema,
    annotators: Sequence[str] | None,
    include_unfinished: bool,
    progress: Progress | None,
    lengths: Mapping[str, int] | None,
    texts: Mapping[str, str] | None,
) -> dict[str, Any]:
    labels = [label.name for label in schema.labels]
    span_vars = span_variables(schema)
    doc_vars = document_variables(schema)
    stages = 6
    step = 0

    def advance() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, stages)

    if progress is not None:
        progress(0, stages)
    coverage = Coverage.of(sets, labels, annotators, include_unfinished, texts)
    advance()
    spans = span_section(coverage, labels)
    advance()
    unitizing = unitizing_section(coverage, labels, lengths)
    advance()
    attribute_labels = list(dict.fromkeys(v.label for v in span_vars if v.label is not None))
    groups = {
        mode: align_documents(coverage, mode, labels if mode == "overlap" else attribute_labels)
        for mode in ALIGNMENTS
    }
    values = {variable.key: span_values(coverage, variable) for variable in span_vars}
    attributes = attribute_section(coverage, span_vars, groups, values)
    advance()
    doc_attrs = document_attribute_section(coverage, doc_vars)
    advance()
    disagreements = disagreement_list(coverage, groups["overlap"], span_vars, doc_vars, values)
    advance()
    return {
        "annotators": list(coverage.annotators),
        "documents": len(coverage.compared_documents),
        "spans": spans,
        "unitizing_alpha": unitizing,
        "attributes": attributes,
        "doc_attrs": doc_attrs,
        "disagreements": disagreements,
    }
