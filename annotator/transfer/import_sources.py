"""Where an import's files come from: each path's format (given or told from its content), the
options that shape reading, and the raw documents and layers the readers make of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.conll import read_conll
from annotator.formats.csv_documents import read_csv_documents
from annotator.formats.detect import detect_format, unknown_json_array
from annotator.formats.label_map import LabelMapping
from annotator.formats.label_studio import read_label_studio
from annotator.formats.peers import READERS, Items, name_layers
from annotator.formats.plaintext import text_documents
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_json import read_uima_json
from annotator.formats.webanno_tsv import read_webanno_tsv
from annotator.formats.xmi import read_xmi
from annotator.model.progress import Progress, no_progress

#: what ``--format`` accepts, ours first
FORMATS = (
    "jsonl",
    "text",
    "brat",
    "xmi",
    "uima-json",
    "webanno-tsv",
    "doccano",
    "label-studio",
    "prodigy",
    "citron",
    "conll",
    "csv",
    "html",
)
#: the formats that go the schema-strict way of ``importing.import_paths``
NATIVE = frozenset({"jsonl", "text"})
#: the formats whose reader takes ``text_column`` (``--text-column``): CSV's column holding
#: the text, Label Studio's data field holding it
TEXT_COLUMN_FORMATS = frozenset({"csv", "label-studio"})
#: readers that take one file: a folder gives them each of its files with these endings
_FILE_READERS = {
    "label-studio": (".json", ".jsonl"),
    "prodigy": (".jsonl", ".json"),
    "conll": (".conll", ".conll03", ".conllu", ".bio", ".iob", ".iob2", ".txt", ".tsv"),
    "csv": (".csv", ".tsv"),
}


@dataclass(frozen=True, slots=True)
class ImportOptions:
    fmt: str | None = None
    #: every human layer takes this name; without it unnamed layers are named after the format
    annotator: str | None = None
    mapping: LabelMapping = field(default_factory=LabelMapping)
    add_labels: bool = False
    text_column: str = "text"

    @property
    def maps(self) -> bool:
        """Whether mapping options were given (they mean nothing to JSONL)."""
        given = self.mapping
        return self.add_labels or any(
            (given.labels, given.relations, given.attributes, given.values, given.any)
        )


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    fmt: str


def resolve_sources(paths: Iterable[Path], fmt: str | None = None) -> list[Source]:
    """Each path with its format: ``fmt`` when given, else told from the content."""
    out: list[Source] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if fmt is not None:
            if fmt not in FORMATS:
                raise InputError(path, f'unknown import format "{fmt}" ({", ".join(FORMATS)})')
            out.append(Source(path, fmt))
            continue
        found = detect_format(path)
        if found is None and (problem := unknown_json_array(path)) is not None:
            raise InputError(path, problem)
        if found is None and path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            found = "jsonl"  # the JSONL reader then says which line is wrong
        if found is None:
            raise InputError(
                path,
                "cannot tell its format from the content; pass --format "
                f"(one of {', '.join(FORMATS)})",
            )
        out.append(Source(path, found))
    if not out:
        raise InputError(None, "no files to import")
    return out


# -- reading -------------------------------------------------------------------------------------


def _each_file(path: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    if not files:
        raise InputError(path, f"the folder holds no {' or '.join(suffixes)} files")
    return files


def read_one(source: Source, file: Path, options: ImportOptions, summary: TransferSummary) -> Items:
    fmt = source.fmt
    if fmt == "text":
        return [(document, []) for document in text_documents(file, summary.skip_textless)]
    if fmt == "csv":
        return read_csv_documents(file, text_column=options.text_column, summary=summary)
    if fmt == "label-studio" and options.text_column != "text":
        # the data field the labelling config's <Text value="$name"> reads, where the file
        # cannot tell it
        return read_label_studio(file, summary, options.text_column)
    if fmt == "conll":
        return [(document, [layer]) for document, layer in read_conll(file, None, "", summary)]
    if fmt == "xmi":
        return read_xmi(file, summary)
    if fmt == "uima-json":
        return read_uima_json(file, summary)
    if fmt == "webanno-tsv":
        return read_webanno_tsv(file, summary)
    if fmt == "jsonl":
        raise InputError(file, "JSONL is read by the schema-strict import, not as a peer format")
    return READERS[fmt](file, summary)


def read_source(source: Source, options: ImportOptions, summary: TransferSummary) -> Items:
    """The documents and raw layers of one source, its unnamed layers named."""
    suffixes = _FILE_READERS.get(source.fmt)
    files = _each_file(source.path, suffixes) if suffixes else [source.path]
    items: Items = []
    for file in files:
        items += read_one(source, file, options, summary)
    try:
        return name_layers(items, options.annotator, source.fmt)
    except InputError as exc:
        raise InputError(source.path, exc.problem) from None


def read_sources(
    sources: list[Source], options: ImportOptions, progress: Progress = no_progress
) -> tuple[list[tuple[Source, Items]], TransferSummary]:
    summary = TransferSummary()
    read: list[tuple[Source, Items]] = []
    for source in sources:
        progress(0, None)  # a chance to cancel between sources; the count comes later
        read.append((source, read_source(source, options, summary)))
    return read, summary
