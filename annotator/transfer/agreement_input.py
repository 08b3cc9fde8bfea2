"""What the agreement report reads from a project, loaded the same way for the CLI and window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.agreement import agreement_report
from annotator.agreement.coverage import counted_annotator, counted_statuses, counting
from annotator.agreement.tally import AgreementTally
from annotator.agreement.tally import Progress as ReportProgress
from annotator.agreement.variables import has_speaker_link
from annotator.collector import gc_paused
from annotator.errors import AnnotatorError
from annotator.model import AnnotationSet
from annotator.model.progress import Progress, no_progress
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.faults import damaged, sqlite_errors
from annotator.store.recovery import text_damage
from annotator.transfer.exporting import iter_documents_with_sets


@dataclass(frozen=True, slots=True)
class AgreementInputs:
    """Everything the report needs, as plain data a worker thread may read."""

    sets: list[AnnotationSet]
    schema: Schema
    lengths: dict[str, int]
    texts: dict[str, str]
    annotators: list[str] | None
    include_unfinished: bool

    def report(self, progress: ReportProgress | None = None) -> dict[str, Any]:
        """The agreement report of these sets (``agreement_report`` with these options)."""
        return agreement_report(
            self.sets,
            self.schema,
            annotators=self.annotators,
            include_unfinished=self.include_unfinished,
            progress=progress,
            lengths=self.lengths,
            texts=self.texts,
        )


def load_agreement_inputs(
    project: Project,
    annotators: list[str] | None = None,
    include_unfinished: bool = False,
    labels: Sequence[str] | None = None,
    progress: Progress = no_progress,
) -> AgreementInputs:
    """Every counted set and every text of the project; ``labels`` narrows the schema to those
    labels.
    ``progress(done, total)`` counts the documents read."""
    schema = _narrowed(project, labels)
    lengths: dict[str, int] = {}
    texts: dict[str, str] = {}
    sets: list[AnnotationSet] = []
    labels_seen: dict[str, str] = {}
    counts = counting(annotators, include_unfinished)
    total = project.documents.count()
    progress(0, total)
    # Every span read stays alive until the report is done.
    with gc_paused():
        for done, (document, found) in enumerate(iter_documents_with_sets(project), start=1):
            lengths[document.id] = len(document.text)
            texts[document.id] = document.text
            for annotation_set in found:
                # Only the sets the report counts are kept: a project's suggest:* layers or
                # unfinished sets can hold as many spans as everything compared.
                if counts(annotation_set):
                    _share_names(annotation_set, labels_seen)
                    sets.append(annotation_set)
            progress(done, total)
    return AgreementInputs(sets, schema, lengths, texts, annotators, include_unfinished)


def _share_names(annotation_set: AnnotationSet, labels: dict[str, str]) -> None:
    """Point every span at one string per document, annotator and label.

    Each row read brings its own copies; the report keeps millions of spans alive at once,
    and three short strings per span were an eighth of its memory at 100,000 x 3.
    """
    document, annotator = annotation_set.document, annotation_set.annotator
    for span in annotation_set.spans:
        span.document = document
        span.annotator = annotator
        span.label = labels.setdefault(span.label, span.label)


def tally_project(
    project: Project,
    annotators: list[str] | None = None,
    include_unfinished: bool = False,
    labels: Sequence[str] | None = None,
    progress: Progress = no_progress,
) -> AgreementTally:
    """Every document of the project folded into an agreement tally, read one at a time.

    Its ``report()`` is what ``agreement_report`` gives for ``load_agreement_inputs`` with
    the same arguments, in memory bounded by one document plus the counters and the report's
    own lists. ``progress(done, total)`` counts the documents read."""
    schema = _narrowed(project, labels)
    tally = AgreementTally(schema, annotators, include_unfinished)
    statuses = counted_statuses(include_unfinished)
    keep = counted_annotator(annotators)
    # Relations serve only QUOTE.speaker, texts only its unnamed mentions.
    speakers = has_speaker_link(schema)
    total = project.documents.count()
    progress(0, total)
    # The report's lists grow to millions of small acyclic objects.
    with gc_paused(), sqlite_errors(project.path, "reading it"):
        stream = project.bulk.by_document(statuses, keep, relations=speakers)
        for done, (document, found) in enumerate(stream, start=1):
            damage = text_damage(document)
            if damage is not None:
                raise damaged(project.path, damage.message())
            text = document.text
            tally.add(document.id, found, len(text), text if speakers else None)
            progress(done, total)
    return tally


def _narrowed(project: Project, labels: Sequence[str] | None) -> Schema:
    """The project's schema, with only ``labels`` if given."""
    schema = project.schema
    if labels:
        unknown = [n for n in labels if schema.label(n) is None]
        if unknown:
            raise AnnotatorError(f'{project.path}: the schema has no label "{unknown[0]}"')
        schema = replace(schema, labels=tuple(lab for lab in schema.labels if lab.name in labels))
    return schema
