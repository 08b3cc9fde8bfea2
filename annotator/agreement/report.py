"""The agreement report: every measure of docs/agreement.md, as one JSON-ready dict."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from annotator.agreement.tally import STAGES, AgreementTally, Progress
from annotator.collector import gc_paused
from annotator.model.annotation import AnnotationSet
from annotator.model.schema import Schema


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
    ``progress(done, total)`` is called after each document and each stage of the report.
    ``lengths`` maps document ids to their text length in code points, which unitizing alpha
    needs for the gaps after the last span; without it a document ends at its last span.
    ``texts`` maps document ids to their texts: a quote linked to a speaker mention that
    names no registry speaker yet is then compared by the mention's words (QUOTE.speaker).
    """
    with gc_paused():  # millions of small acyclic objects
        return _report(sets, schema, annotators, include_unfinished, progress, lengths, texts)


def _report(
    sets: Iterable[AnnotationSet],
    schema: Schema,
    annotators: Sequence[str] | None,
    include_unfinished: bool,
    progress: Progress | None,
    lengths: Mapping[str, int] | None,
    texts: Mapping[str, str] | None,
) -> dict[str, Any]:
    tally = AgreementTally(schema, annotators, include_unfinished)
    by_document: dict[str, list[AnnotationSet]] = {}
    for annotation_set in sets:
        if tally.counts(annotation_set):
            by_document.setdefault(annotation_set.document, []).append(annotation_set)
    # The tally takes documents in id order, as a project streams them.
    documents = sorted(by_document)
    # Adding the documents is the work; the report's own stages follow it.
    total = len(documents) + STAGES
    if progress is not None:
        progress(0, total)
    for done, document in enumerate(documents, start=1):
        length = lengths.get(document, 0) if lengths is not None else None
        tally.add(document, by_document[document], length, (texts or {}).get(document))
        if progress is not None:
            progress(done, total)

    def stage(step: int, _stages: int | None) -> None:
        if step and progress is not None:  # its step 0 is the last document's
            progress(len(documents) + step, total)

    return tally.report(stage)
