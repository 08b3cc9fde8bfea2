"""Pre-annotation of a project: the suggester's layer written, or scored against a layer.

Writing replaces the ``suggest:rules`` sets of the chosen documents in one transaction
(a cancel or a failure leaves the project as it was); human layers and the annotators'
accept and reject decisions are never touched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.formats.jsonl import read_jsonl
from annotator.model import AnnotationSet, Document, DocumentId
from annotator.model.progress import Progress, no_progress
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.suggestions import SuggestionRows
from annotator.suggest import ANNOTATOR
from annotator.suggest.batch import suggest_many, suggest_rows
from annotator.suggest.evaluate import Evaluation, evaluate
from annotator.suggest.schema_fit import check_schema

_BATCH = 500


@dataclass(frozen=True, slots=True)
class SuggestSummary:
    """What one run wrote."""

    documents: int
    quotes: int
    speakers: int
    cues: int
    #: Earlier suggestion sets of those documents that were replaced.
    replaced: int

    def line(self) -> str:
        return (
            f"suggested {plural(self.quotes, 'quote part')}, {plural(self.speakers, 'speaker')} "
            f"and {plural(self.cues, 'cue')} in {plural(self.documents, 'document')} "
            f"(layer {ANNOTATOR}; {plural(self.replaced, 'earlier set')} replaced)"
        )


def _chosen(project: Project, documents: Sequence[str] | None) -> list[DocumentId]:
    if documents is None:
        return project.documents.ids()
    known = set(project.documents.ids())
    missing = [d for d in documents if d not in known]
    if missing:
        raise AnnotatorError(f'{project.path}: no document "{missing[0]}"')
    return [DocumentId(d) for d in dict.fromkeys(documents)]


def _documents(project: Project, ids: Sequence[DocumentId], every: bool) -> Iterator[Document]:
    if every:
        for batch in project.documents.iter_all():
            yield from batch
        return
    for document_id in ids:
        document = project.documents.get(document_id)
        if document is not None:
            yield document


def suggest_documents(
    project: Project,
    documents: Sequence[str] | None = None,
    *,
    workers: int | None = None,
    progress: Progress = no_progress,
    spawn: bool = False,
) -> SuggestSummary:
    """Suggest for ``documents`` (all by default) on ``workers`` processes (every core by
    default; ``spawn``: started fresh, not forked, as a Qt process needs) and replace their
    ``suggest:rules`` sets; the speaker registry's names are reused. ``progress`` may raise
    Cancelled: nothing is then written."""
    check_schema(project.schema, str(project.path))
    ids = _chosen(project, documents)
    registry = [speaker.name for speaker in project.speakers.all()]
    total = len(ids)
    if workers is None and total < _BATCH:
        workers = 1  # starting the processes costs more than a few hundred documents
    quotes = speakers = cues = replaced = 0
    progress(0, total)
    with project.transaction():
        batch: list[SuggestionRows] = []
        found = suggest_rows(
            _documents(project, ids, documents is None),
            registry=registry,
            workers=workers,
            progress=lambda done: progress(done, total),
            spawn=spawn,
        )
        with closing(found):
            for rows in found:
                batch.append(rows)
                labels = Counter(span[2] for span in rows[1])
                quotes += labels["QUOTE"]
                speakers += labels["SPEAKER"]
                cues += labels["CUE"]
                if len(batch) >= _BATCH:
                    replaced += project.suggestions.replace(ANNOTATOR, batch)
                    batch = []
        replaced += project.suggestions.replace(ANNOTATOR, batch)
        project.history.record(ANNOTATOR, "suggest", None, {"documents": total})
    return SuggestSummary(total, quotes, speakers, cues, replaced)


def evaluate_against(
    project: Project, layer: str, documents: Sequence[str] | None = None, workers: int | None = 1
) -> Evaluation:
    """The suggester's scores on the project's documents that ``layer`` annotated (a set
    with spans), against that layer (gold, or an annotator's); nothing is written."""
    check_schema(project.schema, str(project.path))
    ids = _chosen(project, documents)
    pairs: list[tuple[Document, AnnotationSet]] = []
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        sets = project.bulk.sets_for(chunk, annotator=layer)
        for document_id in chunk:
            mine = sets.get(document_id)
            document = project.documents.get(document_id)
            if mine and mine[0].spans and document is not None:
                pairs.append((document, mine[0]))
    if not pairs:
        raise AnnotatorError(f'{project.path}: the layer "{layer}" has no annotated documents')
    return _score(project, pairs, workers)


def evaluate_gold(project: Project, gold: Path, workers: int | None = 1) -> Evaluation:
    """The suggester's scores on the documents of a gold JSONL file, against its sets (read
    with the project's schema); the project's speaker registry is reused as when writing."""
    check_schema(project.schema, str(project.path))
    pairs = [
        (record.document, record.annotation)
        for record in read_jsonl(gold, project.schema)
        if record.document is not None and record.annotation is not None
    ]
    if not pairs:
        raise AnnotatorError(f"{gold}: no annotated documents to evaluate against")
    return _score(project, pairs, workers)


def _score(
    project: Project, pairs: list[tuple[Document, AnnotationSet]], workers: int | None
) -> Evaluation:
    registry = [speaker.name for speaker in project.speakers.all()]
    predicted = suggest_many((d for d, _ in pairs), registry=registry, workers=workers)
    return evaluate((d, g, p) for (d, g), p in zip(pairs, predicted, strict=True))
