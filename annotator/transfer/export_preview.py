"""An export's preview: what it will write before it runs (the files, the documents and spans
of each part, what the format cannot carry), for the export dialog to show as choices change.

The files and counts are exact and cheap: they come from the span counts of the sets and the
same split as the export. What cannot be carried is known only by writing: the preview writes
the first documents (a sample) into a temporary folder with the real writer and reports its
summary, so the reasons are the export's own words.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.formats.parquet_tables import DOCUMENTS, SPANS
from annotator.formats.split import assign
from annotator.formats.summary import TransferSummary
from annotator.model import DocumentId, Status
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.faults import sqlite_errors
from annotator.transfer.export_job import (
    FORMATS,
    ExportRequest,
    Format,
    check_request,
    choose_layer,
    eligible_documents,
    run_export,
)

#: Documents written for the preview's losses: enough to meet every kind of span and
#: relation a project has in practice, few enough to answer while the user chooses.
SAMPLE = 100


@dataclass(frozen=True, slots=True)
class PartPreview:
    """One part of the export (the whole of it when not split)."""

    name: str
    documents: int
    spans: int


@dataclass(slots=True)
class ExportPreview:
    """What an export will write."""

    files: list[str]
    parts: list[PartPreview]
    #: the losses and notes of writing the first ``sampled`` documents
    sample: TransferSummary
    sampled: int
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = list(self.notes)
        out += [f"writes {name}" for name in self.files]
        for part in self.parts:
            where = f"{part.name}: " if part.name else ""
            documents, spans = plural(part.documents, "document"), plural(part.spans, "span")
            out.append(f"{where}{documents}, {spans}")
        total = sum(p.documents for p in self.parts)
        of = "all" if self.sampled >= total else f"the first {self.sampled}"
        lost = sorted(self.sample.lost.items())
        if lost:
            out.append(f"not carried ({of} documents written as a sample):")
            out += [f"  {count} x {reason}" for reason, count in lost]
        elif self.sampled:
            out.append(f"everything carried ({of} documents written as a sample)")
        out += [f"note: {text}" for text in self.sample.notes]
        return out


def planned_files(fmt: Format, out: Path, parts: list[str]) -> list[str]:
    """The files and folders an export writes to ``out`` (one per part when split)."""
    targets = [out / f"{name}{fmt.suffix}" for name in parts] if parts else [out]
    files: list[str] = []
    for target in targets:
        if fmt.name == "parquet":
            files += [str(target / DOCUMENTS), str(target / SPANS)]
        elif fmt.name == "label-studio":
            files += [str(target), str(target.with_suffix(".label_config.xml"))]
        elif fmt.kind == "folder":
            files.append(f"{target}/ ({fmt.description})")
        else:
            files.append(str(target))
    return files


class ExportPreviewer:
    """Previews of exports of one project; the span counts are read once and kept (the
    project does not change while the export dialog is open)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._counts: dict[tuple[DocumentId, str], int] | None = None
        self._order: list[DocumentId] | None = None
        self._layers: list[str] | None = None
        #: (layers, status) -> document -> spans: choices come back to earlier ones
        self._spans: dict[tuple[tuple[str, ...], Status | None], dict[DocumentId, int]] = {}

    def _read(self) -> tuple[dict[tuple[DocumentId, str], int], list[DocumentId], list[str]]:
        if self._counts is None or self._order is None or self._layers is None:
            with sqlite_errors(self.project.path, "reading it"):
                self._counts = self.project.bulk.span_counts()
                self._order = self.project.documents.ids()
                self._layers = self.project.annotators()
        return self._counts, self._order, self._layers

    def _spans_per_document(
        self, layers: list[str], status: Status | None
    ) -> dict[DocumentId, int]:
        key = (tuple(layers), status)
        found = self._spans.get(key)
        if found is not None:
            return found
        counts, _, _ = self._read()
        keep: dict[str, dict[DocumentId, Status]] | None = None
        if status is not None:
            with sqlite_errors(self.project.path, "reading it"):
                keep = {name: self.project.sets.statuses(name) for name in layers}
        found = {}
        chosen = set(layers)
        for (document, name), count in counts.items():
            if name in chosen and (keep is None or keep[name].get(document) == status):
                found[document] = found.get(document, 0) + count
        self._spans[key] = found
        return found

    def preview(self, request: ExportRequest) -> ExportPreview:
        """What ``request`` will write; AnnotatorError as the export itself would refuse."""
        project = self.project
        fmt = check_request(request)
        layer, chosen = choose_layer(project, request)
        _, order, every = self._read()
        wanted = eligible_documents(project, request, layer)
        ids = order if wanted is None else [d for d in order if d in wanted]
        layers = [layer] if layer is not None else every
        per_document = self._spans_per_document(layers, request.status)

        def spans_of(document: DocumentId) -> int:
            return per_document.get(document, 0)

        if request.split is not None:
            places = assign(ids, request.split, request.seed)
            parts = [
                PartPreview(
                    name,
                    sum(1 for d in ids if places[d] == name),
                    sum(spans_of(d) for d in ids if places[d] == name),
                )
                for name in request.split.names
            ]
        else:
            parts = [PartPreview("", len(ids), sum(map(spans_of, ids)))]
        out = request.out if request.out is not None else Path("-")
        names = list(request.split.names) if request.split is not None else []
        sample = ids[:SAMPLE]
        with tempfile.TemporaryDirectory(prefix="annotator-preview-") as folder:
            target = Path(folder) / f"preview{FORMATS[fmt.name].suffix}"
            trial = replace(request, out=target, split=None)
            written = run_export(project, trial, only=sample).summary
        return ExportPreview(
            planned_files(fmt, out, names),
            parts,
            written,
            len(sample),
            notes=[chosen] if chosen else [],
        )


class ReaderPreviewer:
    """Previews of the export of the project at ``path`` on a read-only connection of their
    own, opened at the first preview and kept (with the previewer's counts) until
    :meth:`close`: the dialog runs previews in worker threads, one at a time, beside the
    window's own connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._previewer: ExportPreviewer | None = None

    def lines(self, request: ExportRequest) -> list[str]:
        if self._previewer is None:
            self._previewer = ExportPreviewer(Project.open(self.path, read_only=True))
        return self._previewer.preview(request).lines()

    def close(self) -> None:
        if self._previewer is not None:
            self._previewer.project.close()
            self._previewer = None
