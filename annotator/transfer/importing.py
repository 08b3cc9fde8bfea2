"""Imports: files into a project in one transaction, all or nothing; new projects from seeds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.collector import gc_paused
from annotator.errors import InputError
from annotator.formats.jsonl import Parsed, Record, looks_like_jsonl, parsed_from, read_jsonl_values
from annotator.formats.plaintext import read_text_document, text_files
from annotator.model import AnnotatorName, DocumentId, Speaker, Target
from annotator.model.schema import Schema
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.bulk import SetValues
from annotator.store.documents import DocumentValues

IMPORT_FORMATS = ("jsonl", "text")
_BATCH = 2000

Progress = Callable[[str], None]


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
    path: Path, fmt: str, project: Project, annotator: str | None
) -> Iterator[Parsed | Record]:
    if fmt == "jsonl":
        yield from read_jsonl_values(path, project.schema, annotator)
        return
    files = text_files(path) if path.is_dir() else [path]
    for file in files:
        yield Record(0, read_text_document(file), None)


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

    def batch(self, path: Path, records: Sequence[Parsed | Record]) -> None:
        """Check and store one batch: a JSONL file's lines as plain values, another
        format's documents and sets as model objects (made plain here), registry entries."""
        project = self.project
        lines: list[Parsed] = []
        for record in records:
            if isinstance(record, Parsed):
                lines.append(record)
            elif record.document is not None:
                lines.append(parsed_from(record.line, record.document, record.annotation))
            elif record.entry is not None:
                # Registry entries touch only the registry: their place among the
                # documents changes nothing (documents and sets are stored below).
                self._entry(record.entry)
        ids = list(dict.fromkeys(p.document for p in lines))
        # The project's, including what earlier batches of this import added.
        found = project.documents.hashes_and_order(ids)
        known = {d: sha for d, (sha, _) in found.items()}
        # Only a document the project had before can have been met already without being
        # this import's own; the ledger keeps just those (none in an import of new ones).
        before = [d for d, (_, order) in found.items() if order <= self.start]
        seen = self.ledger.seen_documents(before) if before else set()
        seen.update(d for d, (_, order) in found.items() if order > self.start)
        # A set an earlier batch brought has its document in the project by now.
        keys = [
            (p.document, p.annotator)
            for p in lines
            if p.annotator is not None and p.document in known
        ]
        first_lines = self.ledger.first_lines(keys) if keys else {}
        batch_text: dict[DocumentId, str] = {}
        batch_sets: dict[tuple[DocumentId, AnnotatorName], int] = {}
        new_documents: list[DocumentValues] = []
        sets: list[SetValues] = []
        for p in lines:
            document = p.document
            sha = p.sha256
            earlier = batch_text.get(document) or known.get(document)
            if earlier is not None and earlier != sha:
                raise InputError(
                    path,
                    f'document "{document}" already exists with a different text; '
                    "give it another id",
                    p.line or None,
                )
            if document not in batch_text and document not in seen:
                batch_text[document] = sha
                if document in known:
                    self.report.documents_present += 1
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
        self.ledger.add((d for d in batch_text if d in known), batch_sets.items())
        project.documents.insert_values(new_documents)
        self.report.documents_added += len(new_documents)
        # Only documents that were already in the project can hold a set to replace.
        existing = project.sets.existing((s[0], s[1]) for s in sets if s[0] in known)
        for document_id, who in existing:
            project.sets.delete(document_id, who)
        self.report.sets_replaced += len(existing)
        project.bulk.insert_values(sets)
        self.ledger.counted((s[1], s[2]) for s in sets)
        self.report.sets_added += len(sets)
        self.report.spans += sum(len(s[5]) for s in sets)
        self.report.relations += sum(len(s[6]) for s in sets)
        for who in {s[1] for s in sets}:
            project.ensure_annotator(who)
        self._register(sets)

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

    def _register(self, sets: list[SetValues]) -> None:
        # Open attributes that name entities feed the project registries.
        attrs = [span[4] for s in sets for span in s[5] if span[4]]
        speakers = {a["speaker"] for a in attrs if "speaker" in a}
        targets = {a["target"] for a in attrs if "target" in a}
        self.project.speakers.ensure(str(v) for v in speakers)
        self.project.targets.ensure(str(v) for v in targets)


def write_records(
    project: Project,
    batches: Iterable[tuple[Path, Sequence[Parsed | Record]]],
    annotator: str | None,
    details: Callable[[ImportReport], dict[str, object]],
    before_history: Callable[[], None] | None = None,
) -> ImportReport:
    """The one write path of every import: a backup first when the project holds documents,
    then every batch (the path it came from, its records) in one transaction, so on any error
    or cancel nothing at all is imported. ``batches`` is read inside the transaction, so a
    streaming reader keeps memory flat. ``before_history`` runs after the last batch (a
    schema change goes last); the history entry is ``details`` of the finished report."""
    report = ImportReport()
    if project.documents.count():
        report.backup = project.backup("import")
    importer = _Importer(project, report)
    with project.transaction(), gc_paused():
        importer.ledger.start()
        with (
            project.fulltext.deferred(importer.start),
            importer.ledger.counted_at_end(),
            project.documents.indexed_at_end(),
            project.bulk.checked_in_python(),
        ):
            for path, records in batches:
                importer.batch(path, records)
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
    progress: Progress | None = None,
) -> ImportReport:
    """Import every path in one transaction: on any error nothing at all is imported."""
    sources = [(path, _detect(path, fmt)) for path in paths]

    def batches() -> Iterator[tuple[Path, list[Parsed | Record]]]:
        for path, kind in sources:
            if progress:
                progress(f"importing {path}")
            batch: list[Parsed | Record] = []
            for record in _records(path, kind, project, annotator):
                batch.append(record)
                if len(batch) >= _BATCH:
                    yield path, batch
                    batch = []
            yield path, batch

    return write_records(
        project,
        batches(),
        annotator,
        lambda report: {
            "paths": [str(p) for p, _ in sources],
            "documents": report.documents_added,
            "sets": report.sets_added,
            "replaced": report.sets_replaced,
        },
    )


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
