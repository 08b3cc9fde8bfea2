"""Imports: files into a project in one transaction, all or nothing; new projects from seeds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from annotator.collector import gc_paused
from annotator.errors import InputError
from annotator.formats.jsonl import Parsed, Record, looks_like_jsonl, parsed_from, read_jsonl_values
from annotator.formats.plaintext import text_documents
from annotator.model import DocumentId, Speaker, Target
from annotator.model.progress import Progress, no_progress
from annotator.model.schema import Schema
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.bulk import SetRows, SetValues, Statements, set_rows
from annotator.store.documents import DocumentRows, DocumentValues, document_rows
from annotator.store.ledger import SetKey, set_lines
from annotator.transfer.read_ahead import read_ahead

IMPORT_FORMATS = ("jsonl", "text")
_BATCH = 2000


@dataclass(slots=True)
class ImportReport:
    documents_added: int = 0
    documents_present: int = 0
    sets_added: int = 0
    sets_replaced: int = 0
    spans: int = 0
    relations: int = 0
    registry_added: int = 0
    registry_kept: int = 0
    backup: Path | None = None
    #: Where each file without text was (a folder's empty or blank ``.txt``): skipped, as
    #: every format skips a document without text (see ``TransferSummary.skip_textless``).
    textless: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{plural(self.documents_added, 'document')} added"]
        if self.documents_present:
            parts.append(f"{self.documents_present} already present")
        parts.append(
            f"{plural(self.sets_added, 'annotation set')} with {plural(self.spans, 'span')}"
        )
        if self.registry_added:
            added = plural(self.registry_added, "speaker or target", "speakers and targets")
            parts.append(f"{added} added")
        if self.registry_kept:
            kept = plural(
                self.registry_kept, "differing speaker or target", "differing speakers or targets"
            )
            parts.append(f"{kept} kept as they were")
        if self.sets_replaced:
            replaced = plural(self.sets_replaced, "set")
            parts.append(f"{replaced} replaced (backup before: {self.backup})")
        return ", ".join(parts)


def _detect(path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in IMPORT_FORMATS:
            raise InputError(path, f'unknown import format "{fmt}" ({", ".join(IMPORT_FORMATS)})')
        return fmt
    if path.is_dir() or path.suffix.lower() == ".txt":
        return "text"
    if not path.exists():
        raise InputError(path, "no such file or folder")
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json") or looks_like_jsonl(path):
        return "jsonl"
    raise InputError(path, "cannot tell the format from the content; pass --format")


def _records(
    path: Path, fmt: str, schema: Schema, annotator: str | None, textless: list[str]
) -> Iterator[Parsed | Record]:
    """The records of one path; a folder's text file without text is put in ``textless``
    instead (one named alone is refused: there is nothing at all to import)."""
    if fmt == "jsonl":
        yield from read_jsonl_values(path, schema, annotator)
        return
    for document in text_documents(path, textless.append):
        yield Record(0, document, None)


@dataclass(slots=True)
class Batch:
    """Records of one path, and how far the import is once they are stored (its Progress:
    done and total, None when not known)."""

    path: Path
    records: Sequence[Parsed | Record]
    done: int = 0
    total: int | None = None


@dataclass(slots=True)
class _Plan:
    """What a batch's lines bring, told from what the project had (see :func:`_plan`)."""

    new_documents: list[DocumentValues]
    #: Documents the project had before this batch, met here for the first time.
    present: list[DocumentId]
    sets: list[SetValues]
    #: (document, annotator) -> its line, of every set of the batch.
    set_lines: dict[SetKey, int]


def _plan(
    path: Path,
    lines: Sequence[Parsed],
    known: dict[DocumentId, str],
    seen: set[DocumentId],
    first_lines: dict[SetKey, int],
) -> _Plan:
    """Check a batch's lines against each other and against what the project holds:
    ``known`` (sha256 of the documents it has, including earlier batches'), ``seen`` (those
    an earlier batch met), ``first_lines`` (the lines of sets earlier batches brought)."""
    batch_text: dict[DocumentId, str] = {}
    batch_sets: dict[SetKey, int] = {}
    new_documents: list[DocumentValues] = []
    present: list[DocumentId] = []
    sets: list[SetValues] = []
    for p in lines:
        document = p.document
        sha = p.sha256
        earlier = batch_text.get(document) or known.get(document)
        if earlier is not None and earlier != sha:
            raise InputError(
                path,
                f'document "{document}" already exists with a different text; give it another id',
                p.line or None,
            )
        if document not in batch_text and document not in seen:
            batch_text[document] = sha
            if document in known:
                present.append(document)
            else:
                new_documents.append((document, p.text, p.title, p.meta, sha))
        annotator = p.annotator
        if annotator is not None:
            key = (document, annotator)
            first = batch_sets.get(key, first_lines.get(key))
            if first is not None:
                raise InputError(
                    path,
                    f'document "{document}" has a second line for annotator '
                    f'"{annotator}" (first on line {first})',
                    p.line or None,
                )
            batch_sets[key] = p.line
            sets.append(
                (document, annotator, p.status, p.doc_attrs, p.seconds, p.spans, p.relations)
            )
    return _Plan(new_documents, present, sets, batch_sets)


@dataclass(slots=True)
class _Rows:
    """A plan's rows as statements of at most ``limit`` parameters each, and the registry
    names its spans' attributes give."""

    documents: DocumentRows
    sets: SetRows
    set_lines: Statements
    speakers: set[str]
    targets: set[str]


def _rows(plan: _Plan, limit: int) -> _Rows:
    # Open attributes that name entities feed the project registries.
    attrs = [span[4] for s in plan.sets for span in s[5] if span[4]]
    return _Rows(
        document_rows(plan.new_documents, limit),
        set_rows(plan.sets, limit),
        set_lines(plan.set_lines.items(), limit),
        {str(a["speaker"]) for a in attrs if "speaker" in a},
        {str(a["target"]) for a in attrs if "target" in a},
    )


@dataclass(slots=True)
class _Prepared:
    """A batch as its reading thread prepares it, without the project: its lines checked
    against each other as if the project held none of its documents, and the rows of that
    plan. The connection's thread stores them as they are when the project has none of the
    batch's documents (any import of new documents); otherwise it plans the batch again
    with what the project holds (:meth:`_Importer.store`)."""

    batch: Batch
    lines: list[Parsed]
    entries: list[Speaker | Target]
    #: The batch's documents, each once, in order.
    ids: list[DocumentId]
    #: The plan's first complaint (then no rows), or the rows' (a CHECK constraint).
    problem: Exception | None = None
    plan: _Plan | None = None
    rows: _Rows | None = None


def _prepare(batch: Batch, limit: int) -> _Prepared:
    """The pure part of storing a batch, done on the reading thread; ``limit``: parameters
    per statement."""
    lines: list[Parsed] = []
    entries: list[Speaker | Target] = []
    for record in batch.records:
        if isinstance(record, Parsed):
            lines.append(record)
        elif record.document is not None:
            lines.append(parsed_from(record.line, record.document, record.annotation))
        elif record.entry is not None:
            entries.append(record.entry)
    prepared = _Prepared(batch, lines, entries, list(dict.fromkeys(p.document for p in lines)))
    try:
        prepared.plan = _plan(batch.path, lines, {}, set(), {})
        prepared.rows = _rows(prepared.plan, limit)
    except Exception as exc:  # a clash, a CHECK constraint: raised where the batch is stored
        prepared.problem = exc
    return prepared


class _Importer:
    """Checks what no single line can know (clashes with the project and earlier lines).

    What earlier batches brought is looked up in the project (their documents are inserted
    already) and in the import's ledger (``store/ledger.py``), never kept in Python: memory
    stays flat however many records an import holds."""

    def __init__(self, project: Project, report: ImportReport) -> None:
        self.project = project
        self.report = report
        self.ledger = project.import_ledger
        #: The import order of the project's newest document before this import: those
        #: after it are this import's own, added by its earlier batches.
        self.start = project.documents.last_order()
        self.limit = project.bulk.variable_limit()
        self.annotators: set[str] = set()

    def store(self, prepared: _Prepared) -> None:
        """Check and store one batch (its documents and sets, registry entries)."""
        project = self.project
        for entry in prepared.entries:
            # Registry entries touch only the registry: their place among the documents
            # changes nothing (documents and sets are stored below).
            self._entry(entry)
        # The project's, including what earlier batches of this import added.
        found = project.documents.hashes_and_order(prepared.ids)
        if found:
            plan, rows = self._plan(prepared, found)
        elif prepared.problem is not None:
            raise prepared.problem
        else:
            assert prepared.plan is not None and prepared.rows is not None
            plan, rows = prepared.plan, prepared.rows
        self.ledger.add(plan.present, rows.set_lines)
        self.report.documents_present += len(plan.present)
        self.report.documents_added += project.documents.insert_rows(rows.documents)
        if found:
            # Only documents that were already in the project can hold a set to replace.
            existing = project.sets.existing((s[0], s[1]) for s in plan.sets if s[0] in found)
            for document_id, who in existing:
                project.sets.delete(document_id, who)
            self.report.sets_replaced += len(existing)
        inserted = project.bulk.insert_rows(rows.sets)
        self.ledger.counted(inserted.statuses)
        self.report.sets_added += inserted.sets
        self.report.spans += inserted.spans
        self.report.relations += inserted.relations
        for name, _ in inserted.statuses:
            if name not in self.annotators:  # once per import, not once per batch
                self.annotators.add(name)
                project.ensure_annotator(name)
        if rows.speakers:
            project.speakers.ensure(rows.speakers)
        if rows.targets:
            project.targets.ensure(rows.targets)

    def _plan(
        self, prepared: _Prepared, found: dict[DocumentId, tuple[str, int]]
    ) -> tuple[_Plan, _Rows]:
        """The batch planned again with what the project holds of its documents."""
        known = {d: sha for d, (sha, _) in found.items()}
        # Only a document the project had before can have been met already without being
        # this import's own; the ledger keeps just those (none in an import of new ones).
        before = [d for d, (_, order) in found.items() if order <= self.start]
        seen = self.ledger.seen_documents(before) if before else set()
        seen.update(d for d, (_, order) in found.items() if order > self.start)
        # A set an earlier batch brought has its document in the project by now.
        keys = [
            (p.document, p.annotator)
            for p in prepared.lines
            if p.annotator is not None and p.document in known
        ]
        first_lines = self.ledger.first_lines(keys) if keys else {}
        plan = _plan(prepared.batch.path, prepared.lines, known, seen, first_lines)
        return plan, _rows(plan, self.limit)

    def _entry(self, entry: Speaker | Target) -> None:
        """A registry line adds what the project lacks; the project's own records stay."""
        if isinstance(entry, Speaker):
            existing: Speaker | Target | None = self.project.speakers.get(entry.name)
            if existing is None:
                self.project.speakers.upsert(entry)
        else:
            existing = self.project.targets.get(entry.label)
            if existing is None:
                self.project.targets.upsert(entry)
        if existing is None:
            self.report.registry_added += 1
        elif existing != entry:
            self.report.registry_kept += 1


def write_records(
    project: Project,
    batches: Iterable[Batch],
    annotator: str | None,
    details: Callable[[ImportReport], dict[str, object]],
    before_history: Callable[[], None] | None = None,
    progress: Progress = no_progress,
) -> ImportReport:
    """The one write path of every import: a backup first when the project holds documents,
    then every batch in one transaction, so on any error or cancel nothing at all is
    imported. ``batches`` is read, and each batch checked and made into rows, on a second
    thread a few batches ahead (``read_ahead``), while this one stores the batch before:
    a streaming reader keeps memory flat, and the two cores work. ``progress`` is called
    here, on the caller's thread, after each batch (a cancel raised from it stops the
    reading thread too). ``before_history`` runs after the last batch (a schema change
    goes last); the history entry is ``details`` of the finished report."""
    report = ImportReport()
    if project.documents.count():
        report.backup = project.backup("import")
    importer = _Importer(project, report)
    with project.transaction(), gc_paused():
        importer.ledger.start()
        with (
            project.fulltext.deferred(importer.start) as index_added,
            importer.ledger.counted_at_end(),
            project.documents.indexed_at_end(),
            project.bulk.checked_in_python(),
            read_ahead(batches, partial(_prepare, limit=importer.limit)) as prepared_batches,
        ):
            for prepared in prepared_batches:
                importer.store(prepared)
                index_added()
                progress(prepared.batch.done, prepared.batch.total)
                del prepared  # freed now, not when the next batch has come
        if before_history is not None:
            before_history()
        project.history.record(annotator or "", "import", None, details(report))
        importer.ledger.finish()
    return report


def import_paths(
    project: Project,
    paths: Iterable[Path],
    fmt: str | None = None,
    annotator: str | None = None,
    progress: Progress = no_progress,
) -> ImportReport:
    """Import every path in one transaction: on any error, or a cancel from ``progress``
    (told how many records are stored, of a total not known), nothing at all is imported."""
    sources = [(path, _detect(path, fmt)) for path in paths]
    # Read here: the batches are read on another thread, which never touches the project.
    schema = project.schema
    # Appended on the reading thread, read here once the import is stored.
    textless: list[str] = []

    def batches() -> Iterator[Batch]:
        done = 0
        for path, kind in sources:
            batch: list[Parsed | Record] = []
            for record in _records(path, kind, schema, annotator, textless):
                batch.append(record)
                if len(batch) >= _BATCH:
                    done += len(batch)
                    yield Batch(path, batch, done)
                    batch = []
            done += len(batch)
            yield Batch(path, batch, done)

    report = write_records(
        project,
        batches(),
        annotator,
        lambda report: {
            "paths": [str(p) for p, _ in sources],
            "documents": report.documents_added,
            "sets": report.sets_added,
            "replaced": report.sets_replaced,
        },
        progress=progress,
    )
    report.textless = textless
    return report


def create_project(path: Path, schema: Schema, seeds: Path | None = None) -> Project:
    """A new project, optionally filled with the documents of a seeds folder."""
    project = Project.create(path, schema)
    if seeds is not None:
        try:
            import_paths(project, [seeds], "text")
        except BaseException:
            project.close()
            path.unlink(missing_ok=True)
            raise
    return project
