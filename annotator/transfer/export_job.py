"""One export, the same for the command line and the window: which layer, which documents,
which format, split into parts or not, written aside and moved into place whole.

The layer: ``jsonl`` without ``annotator`` writes every layer (the whole project); every
other format is training or interchange data of ONE layer, ``gold`` when none is named,
and fails with the list of layers when the project has no gold; ``label-studio`` with
``all_layers`` writes every layer, each annotator's set as its own annotation of the task (as
Label Studio keeps several annotators' work). ``status`` keeps the documents whose set in that
layer has it. A split assigns documents to parts by a hash of
the seed and their id (:mod:`annotator.formats.split`), so the same documents land in the
same part for every format; each part is one file (or folder) in the ``out`` folder.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

from annotator.collector import gc_paused
from annotator.errors import AnnotatorError
from annotator.formats.claims import write_claims
from annotator.formats.conll import write_conll
from annotator.formats.csv_table import write_csv
from annotator.formats.layer import LayerItem, Output, binary_output
from annotator.formats.parquet_tables import write_parquet
from annotator.formats.peers import WRITERS
from annotator.formats.spacy_docbin import DEFAULT_KEY, write_spacy
from annotator.formats.split import Split, assign
from annotator.formats.stance import write_stance
from annotator.formats.summary import TransferSummary
from annotator.formats.xmi import write_xmi
from annotator.model import DocumentId, Status
from annotator.model.progress import Progress, no_progress
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.faults import sqlite_errors
from annotator.store.recovery import Damage
from annotator.transfer.exporting import export_jsonl, iter_documents_with_sets
from annotator.transfer.staging import staged

GOLD = "gold"
#: The project meta key naming the language of its texts (spaCy's ``spacy.blank(lang)``).
LANGUAGE_META = "language"
DEFAULT_LANGUAGE = "en"

Kind = Literal["stream", "file", "folder"]


@dataclass(frozen=True, slots=True)
class Format:
    """An export format: what it writes (one stream, a file, a folder) and how a part of a
    split is named."""

    name: str
    kind: Kind
    suffix: str
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", "stream", ".jsonl", "Annotator JSONL: every layer, lossless"),
        Format("spacy", "stream", ".spacy", "spaCy DocBin (doc.spans, doc.ents, Span._)"),
        Format("parquet", "folder", "", "Parquet: documents.parquet and spans.parquet"),
        Format("csv", "stream", ".csv", "CSV: one row per span"),
        Format("stance", "stream", ".jsonl", "Stance dataset: one row per quote with a stance"),
        Format("claims", "stream", ".jsonl", "Claims dataset: one row per quote with a claim"),
        Format("conll", "stream", ".conll", "CoNLL: one BIO tag column per label"),
        Format("brat", "folder", "", "brat standoff: .txt, .ann and annotation.conf"),
        Format("xmi", "folder", "", "UIMA CAS XMI for INCEpTION (a folder, or a .zip)"),
        Format("doccano", "file", ".jsonl", "doccano sequence labelling JSONL"),
        Format("label-studio", "file", ".json", "Label Studio task list (and its config)"),
        Format("prodigy", "file", ".jsonl", "Prodigy spans and relations JSONL"),
        Format("citron", "folder", "", "CITRON quote JSON, one file per document"),
    )
}
EXPORT_FORMATS = tuple(FORMATS)
#: The formats that can carry every layer at once (``all_layers``).
ALL_LAYER_FORMATS = ("label-studio",)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and where; ``out`` None writes a stream format to the given stream."""

    format: str
    out: Path | None = None
    annotator: str | None = None
    status: Status | None = None
    split: Split | None = None
    seed: int = 0
    spans_key: str = DEFAULT_KEY
    lang: str | None = None
    #: every layer, each its own annotation (Label Studio); not with ``annotator``
    all_layers: bool = False


@dataclass(slots=True)
class ExportResult:
    """What an export wrote, what it could not carry, and what the user should know."""

    summary: TransferSummary
    #: the layer written; None for every layer (``jsonl`` without ``--annotator``)
    layer: str | None
    written: list[Path] = field(default_factory=list)
    #: part name -> how many documents went into it
    parts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary for stderr or a dialog: the layer, the parts, the counts, the losses."""
        out = list(self.notes)
        if self.parts:
            parts = (f"{n} {plural(c, 'document')}" for n, c in self.parts.items())
            out.append("split: " + ", ".join(parts))
        out += self.summary.lines()
        out += [f"wrote {path}" for path in self.written]
        return out


def check_request(request: ExportRequest) -> Format:
    """Refuse what needs no project to refuse: an unknown format, a missing ``--out``."""
    fmt = FORMATS.get(request.format)
    if fmt is None:
        raise AnnotatorError(
            f'no export format "{request.format}"; the formats are: {", ".join(EXPORT_FORMATS)}'
        )
    out = request.out
    if request.all_layers and fmt.name not in ALL_LAYER_FORMATS:
        raise AnnotatorError(
            f"--all-layers is for --format {', '.join(ALL_LAYER_FORMATS)}; "
            f"--format {fmt.name} exports one layer"
        )
    if request.all_layers and request.annotator is not None:
        raise AnnotatorError("--all-layers exports every layer: leave out --annotator")
    if request.split is not None:
        if out is None:
            raise AnnotatorError("--split writes one file per part: give the folder as --out DIR")
        if out.exists() and not out.is_dir():
            raise AnnotatorError(f"{out}: is a file; --split writes its parts into a folder")
    elif out is None and fmt.kind != "stream":
        what = "a folder" if fmt.kind == "folder" else "a file"
        where = "DIR" if fmt.kind == "folder" else "FILE"
        raise AnnotatorError(f"--format {fmt.name} writes {what}: give it as --out {where}")
    elif out is not None and fmt.kind == "folder" and out.is_file() and out.suffix != ".zip":
        raise AnnotatorError(f"{out}: is a file; --format {fmt.name} writes a folder")
    elif out is not None and fmt.kind != "folder" and out.is_dir():
        raise AnnotatorError(f"{out}: is a folder; --format {fmt.name} writes a file there")
    return fmt


def choose_layer(project: Project, request: ExportRequest) -> tuple[str | None, str | None]:
    """The layer to export and, when it was chosen for the user, a sentence saying so."""
    with sqlite_errors(project.path, "reading it"):
        layers = project.annotators()
    listed = ", ".join(layers) if layers else "none yet"
    if request.annotator is not None:
        if request.annotator not in layers:
            raise AnnotatorError(
                f'{project.path}: there is no layer "{request.annotator}"; the layers are: {listed}'
            )
        return request.annotator, None
    if request.all_layers:
        return None, "layers: every layer, each its own annotation (gold as ground truth)"
    if request.format == "jsonl":
        return None, None
    if GOLD in layers:
        return GOLD, f"layer: {GOLD} (no --annotator given)"
    raise AnnotatorError(
        f"{project.path}: --format {request.format} exports one layer, and there is no "
        f"{GOLD} layer (adjudicate first, or name one with --annotator); the layers are: {listed}"
    )


def run_export(
    project: Project,
    request: ExportRequest,
    *,
    stream: IO[bytes] | None = None,
    progress: Progress = no_progress,
    damage: list[Damage] | None = None,
    only: Collection[DocumentId] | None = None,
) -> ExportResult:
    """Write the export; raises AnnotatorError (nothing written) or ``Cancelled`` from
    ``progress`` (nothing written). With ``damage`` (``--skip-damaged``), damaged documents
    are listed there and left out instead of stopping the export. ``only`` narrows the
    documents further (a preview's sample)."""
    fmt = check_request(request)
    layer, chosen = choose_layer(project, request)
    result = ExportResult(TransferSummary(), layer, notes=[chosen] if chosen else [])
    job = _Job(project, request, layer, damage, result)
    wanted = job.eligible()
    if only is not None:
        wanted = set(only) if wanted is None else wanted & set(only)
    total = len(wanted) if wanted is not None else _count(project, damage)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        progress(done, total)

    job.tick = tick
    progress(0, total)
    if request.out is None:
        if stream is None:
            raise AnnotatorError(f"--format {fmt.name}: give --out, or a stream to write to")
        job.write(wanted, stream)
        return result
    with staged(request.out) as staging:
        if request.split is None:
            job.write(wanted, staging.target)
        else:
            ids = wanted if wanted is not None else _all_ids(project)
            places = assign(ids, request.split, request.seed)
            staging.target.mkdir()
            for name in request.split.names:
                part = {DocumentId(d) for d, where in places.items() if where == name}
                result.parts[name] = len(part)
                job.write(part, staging.target / f"{name}{fmt.suffix}")
        result.written = staging.commit()
    return result


def eligible_documents(
    project: Project, request: ExportRequest, layer: str | None
) -> set[DocumentId] | None:
    """The documents an export of ``layer`` covers; None for all of them."""
    status = request.status
    if status is None and not (layer is not None and request.format == "jsonl"):
        return None
    with sqlite_errors(project.path, "reading it"):
        layers = [layer] if layer is not None else project.annotators()
        found: set[DocumentId] = set()
        for name in layers:
            statuses = project.sets.statuses(name)
            found.update(d for d, s in statuses.items() if status is None or s == status)
        return found


def _count(project: Project, damage: list[Damage] | None) -> int | None:
    try:
        with sqlite_errors(project.path, "reading it"):
            return project.documents.count()
    except AnnotatorError:
        if damage is None:
            raise
        return None  # a damaged file: the export salvages what it can, count unknown


def _all_ids(project: Project) -> list[DocumentId]:
    with sqlite_errors(project.path, "reading it"):
        return project.documents.ids()


class _Job:
    """One export's reading side: the documents of the layer, and the writer of the format."""

    def __init__(
        self,
        project: Project,
        request: ExportRequest,
        layer: str | None,
        damage: list[Damage] | None,
        result: ExportResult,
    ) -> None:
        self.project = project
        self.request = request
        self.layer = layer
        self.damage = damage
        self.result = result
        self.tick: Callable[[], None] = lambda: None

    def eligible(self) -> set[DocumentId] | None:
        """The documents the export covers; None for all of them (read as they come)."""
        return eligible_documents(self.project, self.request, self.layer)

    def items(self, wanted: set[DocumentId] | None) -> Iterator[LayerItem]:
        """The layer's documents with their set (None where the document has none); with
        ``all_layers``, a document once per set of it, consecutively (None: it has none)."""
        status = self.request.status
        for document, sets in iter_documents_with_sets(
            self.project, self.layer, self.damage, wanted
        ):
            self.tick()
            if not self.request.all_layers:
                yield document, (sets[0] if sets else None)
                continue
            kept = [s for s in sets if status is None or s.status == status]
            if not kept:
                yield document, None
            for annotation in kept:
                yield document, annotation

    def write(self, wanted: set[DocumentId] | None, out: Path | IO[bytes]) -> None:
        request, project = self.request, self.project
        fmt = request.format
        summary = self.result.summary
        if fmt == "jsonl":
            part = TransferSummary()
            with binary_output(out) as stream:
                export_jsonl(
                    project,
                    stream,
                    self.layer,
                    self.damage,
                    status=request.status.value if request.status else None,
                    documents=wanted,
                    summary=part,
                    tick=self.tick,
                )
            summary.merge(part)
            return
        with sqlite_errors(project.path, "reading it"):
            schema = project.schema
            speakers = project.speakers.all()
            targets = project.targets.all()
            lang = request.lang or project.meta(LANGUAGE_META) or DEFAULT_LANGUAGE
        # As in export_jsonl: these writers make no cycles for the collector to find; spaCy's
        # objects (a Doc and the span groups that point back at it) may, so it keeps it.
        with gc_paused() if fmt != "spacy" else nullcontext():
            items = self.items(wanted)
            if fmt == "spacy":
                found = write_spacy(
                    items, schema, out, speakers=speakers, lang=lang, spans_key=request.spans_key
                )
            elif fmt == "csv":
                found = write_csv(items, schema, out)
            elif fmt == "stance":
                found = write_stance(items, schema, out, targets=targets)
            elif fmt == "claims":
                found = write_claims(items, schema, out)
            elif fmt == "conll":
                found = write_conll(items, schema, out)
            else:
                found = self._write_path(fmt, items, out)
        summary.merge(found)

    def _write_path(self, fmt: str, items: Iterator[LayerItem], out: Output) -> TransferSummary:
        """The writers that take a path: folders, and the peers' single files."""
        assert isinstance(out, Path), f"{fmt} writes to a path"
        schema = self.project.schema
        if fmt == "parquet":
            return write_parquet(items, schema, out)
        if fmt == "xmi":
            return write_xmi(out, items, schema)
        return WRITERS[fmt](out, items, schema, TransferSummary())
