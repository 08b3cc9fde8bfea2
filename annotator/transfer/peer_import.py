"""Imports of every format, other tools' files included: the one path of the command line and
the window's Import dialog.

A path's format is given or told from its content. JSONL (our own, schema-strict) and plain
texts go the way of :func:`annotator.transfer.importing.import_paths`. Other tools' files are
read raw, their unnamed layers named (``--annotator`` overrides every human layer's name),
their labels, relations, attributes and values mapped onto the schema (by name in any case,
by ``--map`` pairs or a mapping file); names that map to nothing stop the import unless
``add_labels`` adds them to the schema. Then everything is written in one transaction: on any
error or a cancel nothing at all is imported. :func:`preview_import` does all of it but the
writing, for the dialog to show before anything changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.errors import AnnotatorError, InputError
from annotator.formats.jsonl import Record, read_jsonl
from annotator.formats.label_map import MappedImport, MappedName, map_labels
from annotator.formats.peers import Items
from annotator.formats.schema_additions import describe_additions, needs_additions, with_additions
from annotator.formats.summary import TransferSummary
from annotator.model.progress import Progress, no_progress
from annotator.model.schema import Schema
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.transfer.import_sources import (
    NATIVE,
    ImportOptions,
    Source,
    read_one,
    read_sources,
    resolve_sources,
)
from annotator.transfer.importing import Batch, ImportReport, import_paths, write_records

_BATCH = 2000


# -- the plan: what an import would write --------------------------------------------------------


@dataclass(slots=True)
class ImportPlan:
    """Everything an import would write, and how the peer names mapped; nothing written yet."""

    schema: Schema
    #: each source with its documents and mapped layers
    parts: list[tuple[Source, Items]] = field(default_factory=list)
    mapping: list[MappedName] = field(default_factory=list)
    #: what the readers and the mapping could not carry, and their notes
    summary: TransferSummary = field(default_factory=TransferSummary)
    #: what add_labels adds to the schema, one line per kind
    added: list[str] = field(default_factory=list)
    #: the sentence that stops this import as it stands (names that map to nothing), if any
    problem: str | None = None
    #: JSONL or texts: written by ``importing.import_paths``, which checks as it streams
    native: bool = False

    @property
    def sources(self) -> list[Source]:
        return [source for source, _ in self.parts]

    @property
    def items(self) -> Items:
        return [item for _, items in self.parts for item in items]

    @property
    def documents(self) -> int:
        return len({document.id for document, _ in self.items})

    @property
    def layers(self) -> list[str]:
        return sorted({s.annotator for _, sets in self.items for s in sets})

    @property
    def spans(self) -> int:
        return sum(len(s.spans) for _, sets in self.items for s in sets)

    @property
    def relations(self) -> int:
        return sum(len(s.relations) for _, sets in self.items for s in sets)


def _merge_report(rows: list[MappedName], more: list[MappedName]) -> list[MappedName]:
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], MappedName] = {}
    for row in [*rows, *more]:
        counts[(row.kind, row.peer)] += row.count
        first.setdefault((row.kind, row.peer), row)
    merged = [replace(row, count=counts[key]) for key, row in first.items()]
    merged.sort(key=lambda r: (r.kind, -r.count, r.peer))
    return merged


def _merge_additions(into: MappedImport, more: MappedImport) -> None:
    into.new_labels += [n for n in more.new_labels if n not in into.new_labels]
    relations = {name: (head, child) for name, head, child in into.new_relations}
    for name, head, child in more.new_relations:
        old_head, old_child = relations.get(name, ((), ()))
        relations[name] = (
            tuple(sorted({*old_head, *head})),
            tuple(sorted({*old_child, *child})),
        )
    into.new_relations = [(name, head, child) for name, (head, child) in relations.items()]
    attributes = {name: on for name, on in into.new_attributes}
    for name, on in more.new_attributes:
        attributes[name] = tuple(sorted({*attributes.get(name, ()), *on}))
    into.new_attributes = list(attributes.items())
    into.new_values += [v for v in more.new_values if v not in into.new_values]


def plan_import(
    read: list[tuple[Source, Items]],
    schema: Schema,
    options: ImportOptions,
    summary: TransferSummary,
    strict: bool = True,
) -> ImportPlan:
    """Map what was read onto ``schema``. ``strict``: names that map to nothing raise (the
    import); else they are shown as unmapped and the plan says why it cannot go (the preview).
    """
    plan = ImportPlan(schema, summary=summary)
    total = MappedImport([], [], TransferSummary())
    for source, items in read:
        try:
            mapped = map_labels(items, schema, options.mapping, options.add_labels, source.path)
        except InputError as exc:
            if strict or "map to nothing" not in exc.problem:
                raise
            plan.problem = plan.problem or str(exc)
            mapped = map_labels(items, schema, options.mapping, True, source.path)
            mapped.report = [
                replace(row, ours=None, how="unmapped") if row.how == "added" else row
                for row in mapped.report
            ]
            mapped.new_labels, mapped.new_relations = [], []
            mapped.new_attributes, mapped.new_values = [], []
        plan.parts.append((source, mapped.items))
        plan.summary.merge(mapped.summary)
        total.report = _merge_report(total.report, mapped.report)
        _merge_additions(total, mapped)
    plan.mapping = total.report
    if needs_additions(total) and plan.problem is None:
        plan.schema = with_additions(schema, total)
        plan.added = describe_additions(total)
    return plan


def _native_plan(sources: list[Source], schema: Schema, options: ImportOptions) -> ImportPlan:
    """What a JSONL or text import holds, counted as it streams; its labels are the schema's."""
    plan = ImportPlan(schema, native=True)
    labels: Counter[str] = Counter()
    for source in sources:
        items: Items = []
        for record in _native_records(source, schema, options):
            if record.document is not None:
                items.append((record.document, []))
            if record.annotation is not None:
                items[-1][1].append(record.annotation)
                labels.update(s.label for s in record.annotation.spans)
        plan.parts.append((source, items))
    plan.mapping = [
        MappedName("label", name, name, "same name", count) for name, count in labels.items()
    ]
    return plan


def _native_records(source: Source, schema: Schema, options: ImportOptions) -> Iterator[Record]:
    if source.fmt == "jsonl":
        yield from read_jsonl(source.path, schema, options.annotator)
    else:
        for document, _ in read_one(source, source.path, options, TransferSummary()):
            yield Record(0, document)


def _refuse_mixing(sources: list[Source], options: ImportOptions) -> bool:
    """True for a JSONL/text import; JSONL beside other tools' files is refused."""
    native = [s for s in sources if s.fmt in NATIVE]
    jsonl = [s for s in native if s.fmt == "jsonl"]
    if jsonl and len(native) != len(sources):
        raise InputError(
            jsonl[0].path,
            "JSONL imports on its own, with the schema's names; import the other tools' "
            "files in a second run",
        )
    if len(native) == len(sources) and jsonl and options.maps:
        raise InputError(
            jsonl[0].path,
            "--map, --mapping and --add-labels are for other tools' files; JSONL already "
            "uses the schema's own names",
        )
    return len(native) == len(sources)


def preview_import(
    paths: Iterable[Path],
    schema: Schema,
    options: ImportOptions,
    progress: Progress = no_progress,
) -> ImportPlan:
    """What importing ``paths`` would bring in and how its names map; writes nothing.

    A file that cannot be read raises its InputError; names that map to nothing do not: the
    plan lists them as unmapped and ``problem`` holds the sentence the import would stop with.
    """
    sources = resolve_sources(paths, options.fmt)
    if _refuse_mixing(sources, options):
        return _native_plan(sources, schema, options)
    read, summary = read_sources(sources, options, progress)
    return plan_import(read, schema, options, summary, strict=False)


# -- writing -------------------------------------------------------------------------------------


@dataclass(slots=True)
class FilesImportReport:
    """What an import wrote, how the names mapped, and what it could not carry."""

    stored: ImportReport
    sources: list[Source]
    summary: TransferSummary = field(default_factory=TransferSummary)
    mapping: list[MappedName] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report for stderr or a dialog: the counts first, then the details."""
        formats = sorted({s.fmt for s in self.sources})
        relations = plural(self.stored.relations, "relation")
        out = [f"{self.stored.summary()}, {relations} ({', '.join(formats)})"]
        out += mapping_lines(self.mapping)
        out += [f"  added to the schema: {line}" for line in self.added]
        out += self.summary.lines()[1:]
        return out


_HOW = {
    "any case": "in another case",
    "peer spelling": "spelled with _ for spaces",
    "mapped": "by the mapping",
    "added": "added to the schema",
    "wrong ends": "its ends do not fit",
}


def mapping_lines(rows: list[MappedName]) -> list[str]:
    """How each peer name mapped, one line each, skipping names the schema has as they are."""
    out: list[str] = []
    for row in rows:
        if row.how == "same name":
            continue
        if row.how == "dropped":
            what = "dropped"
        elif row.ours is None:
            what = "maps to nothing"
        elif row.how == "added" or row.ours == row.peer:
            what = _HOW.get(row.how, row.how)
        else:
            what = f"-> {row.ours}, {_HOW.get(row.how, row.how)}"
        out.append(f"  {row.kind} {row.peer}: {what} ({row.count})")
    return out


def _native_report(stored: ImportReport, sources: list[Source]) -> FilesImportReport:
    """The report of a JSONL or text import, with the text files it skipped."""
    report = FilesImportReport(stored, sources)
    for place in stored.textless:
        report.summary.skip_textless(place)
    return report


def import_files(
    project: Project,
    paths: Iterable[Path],
    options: ImportOptions | None = None,
    progress: Progress = no_progress,
) -> FilesImportReport:
    """Import every path in one transaction: on any error, or a cancel from ``progress``,
    nothing at all is imported (the backup taken before stays)."""
    options = options or ImportOptions()
    sources = resolve_sources(list(paths), options.fmt)
    if _refuse_mixing(sources, options):
        progress(0, None)
        native = options.fmt if options.fmt in NATIVE else None
        stored = import_paths(
            project, [s.path for s in sources], native, options.annotator, progress
        )
        return _native_report(stored, sources)
    read, summary = read_sources(sources, options, progress)
    plan = plan_import(read, project.schema, options, summary)
    return write_plan(project, plan, options, progress)


def write_plan(
    project: Project, plan: ImportPlan, options: ImportOptions, progress: Progress = no_progress
) -> FilesImportReport:
    """Write a plan without a problem into ``project`` in one transaction (the window imports
    what it previewed this way; a JSONL or text plan is read again, as it streams)."""
    if plan.problem is not None:
        raise AnnotatorError(plan.problem)
    if plan.native:
        progress(0, None)
        native = options.fmt if options.fmt in NATIVE else None
        stored = import_paths(
            project, [s.path for s in plan.sources], native, options.annotator, progress
        )
        return _native_report(stored, plan.sources)
    total = sum(len(items) for _, items in plan.parts)
    progress(0, total)

    def batches() -> Iterator[Batch]:
        done = 0
        for source, items in plan.parts:
            for start in range(0, len(items), _BATCH):
                chunk = items[start : start + _BATCH]
                records: list[Record] = []
                for document, sets in chunk:
                    records += [Record(0, document, layer) for layer in sets]
                    if not sets:
                        records.append(Record(0, document))
                done += len(chunk)
                yield Batch(source.path, records, done, total)

    def add_to_schema() -> None:
        # Last, so a cancel or a failure above leaves the project's schema as it was.
        if plan.added:
            project.set_schema(plan.schema)

    stored = write_records(
        project,
        batches(),
        options.annotator,
        lambda report: {
            "paths": [str(s.path) for s in plan.sources],
            "formats": sorted({s.fmt for s in plan.sources}),
            "documents": report.documents_added,
            "sets": report.sets_added,
            "replaced": report.sets_replaced,
            "added to the schema": plan.added,
        },
        add_to_schema,
        progress,
    )
    return FilesImportReport(stored, plan.sources, plan.summary, plan.mapping, plan.added)
