"""INCEpTION's export layouts: the files of a zip or folder, each with its document and annotator.

INCEpTION writes a project export as a zip holding ``annotation/<document>/<user>.<ext>`` (for
XMI each of those is itself a zip of ``<user>.xmi`` and ``TypeSystem.xml``) and
``curation/<document>/CURATION_USER.<ext>``; a single document comes as a zip of the XMI and its
type system. Users also unpack these into folders, or keep a plain ``.xmi`` beside its
``TypeSystem.xml``. :func:`members` walks all of these the same way.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from annotator.errors import InputError
from annotator.formats.raw_layer import textless
from annotator.formats.source import MAX_BYTES, read_bytes
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document, DocumentId, Relation, Span
from annotator.model.ids import AnnotatorName

#: The pseudo-user INCEpTION exports the untouched imported state of each document as.
INITIAL_CAS = "INITIAL_CAS"
#: Folders of a project export that hold annotations, and so name document and annotator.
_ANNOTATION_FOLDERS = ("annotation", "curation")
#: Extensions INCEpTION keeps in document names ("article1.txt"); dropped to make our ids.
_DOCUMENT_EXTENSIONS = frozenset(
    {".txt", ".text", ".xmi", ".xml", ".json", ".tsv", ".html", ".htm", ".pdf", ".md"}
    | {".conll", ".conllu", ".tei", ".zip"}
)
_NESTING = 3
_WEBANNO_TEMP = re.compile(r"^webanno\d+export$")

Item = tuple[Document, list[AnnotationSet]]


@dataclass(slots=True)
class Member:
    """One file of the peer's export, read into memory."""

    #: Where it is, for messages: ``export.zip!annotation/a.txt/anna.zip!anna.xmi``.
    origin: str
    name: str
    data: bytes
    #: The document and annotator the layout gives it; "" when the layout says nothing.
    document: str = ""
    annotator: str = ""
    #: The other files of its folder with the suffixes the caller asked for (type systems).
    beside: dict[str, bytes] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem


def document_id(name: str) -> str:
    """Our id for a document INCEpTION calls ``name``: the name without a file extension."""
    path = PurePosixPath(name)
    return path.stem if path.suffix.lower() in _DOCUMENT_EXTENSIONS and path.stem else name


def members(
    path: Path,
    suffixes: tuple[str, ...],
    beside: tuple[str, ...] = (),
    summary: TransferSummary | None = None,
) -> Iterator[Member]:
    """The files ending in ``suffixes`` in ``path`` (a file, a zip or a folder), in name order.

    Zips inside zips and folders are opened too. Inside a project export only the annotation
    and curation folders count, and INCEpTION's ``INITIAL_CAS`` copies are skipped.
    """
    if path.is_dir():
        files = {
            item.relative_to(path).as_posix(): item
            for item in sorted(path.rglob("*"))
            if item.is_file() and not item.name.startswith(".")
        }
        yield from _walk(f"{path}/", files, _disk_reader, suffixes, beside, "", "", 0, summary)
    elif path.suffix.lower() == ".zip":
        yield from _zip(str(path), read_bytes(path), suffixes, beside, "", "", 0, summary)
    else:
        data = read_bytes(path)
        neighbours = {}
        if beside:
            for item in sorted(path.parent.iterdir()):
                if item.is_file() and item != path and item.suffix.lower() in beside:
                    neighbours[item.name] = read_bytes(item)
        yield Member(str(path), path.name, data, beside=neighbours)


def _disk_reader(item: object) -> bytes:
    assert isinstance(item, Path)
    return read_bytes(item)


def _zip(
    origin: str,
    data: bytes,
    suffixes: tuple[str, ...],
    beside: tuple[str, ...],
    document: str,
    annotator: str,
    depth: int,
    summary: TransferSummary | None,
) -> Iterator[Member]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(origin, f"is not a readable zip archive ({exc})") from None
    if sum(info.file_size for info in infos) > MAX_BYTES:
        raise InputError(origin, f"unpacks to more than the limit of {MAX_BYTES:,} bytes")
    files = {info.filename: info for info in sorted(infos, key=lambda i: i.filename)}

    def read(item: object) -> bytes:
        assert isinstance(item, zipfile.ZipInfo)
        try:
            return archive.read(item)
        # RuntimeError is what zipfile raises for an encrypted member.
        except (
            zipfile.BadZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise InputError(f"{origin}!{item.filename}", f"cannot be unpacked ({exc})") from None

    prefix = f"{origin}!"
    yield from _walk(prefix, files, read, suffixes, beside, document, annotator, depth, summary)


def _walk(
    prefix: str,
    files: Mapping[str, object],
    read: Callable[[object], bytes],
    suffixes: tuple[str, ...],
    beside: tuple[str, ...],
    document: str,
    annotator: str,
    depth: int,
    summary: TransferSummary | None,
) -> Iterator[Member]:
    project = any(_layout(name) is not None for name in files)
    cache: dict[str, dict[str, bytes]] = {}

    def neighbours(name: str) -> dict[str, bytes]:
        folder = str(PurePosixPath(name).parent)
        if folder not in cache:
            cache[folder] = {
                PurePosixPath(other).name: read(item)
                for other, item in files.items()
                if other != name
                and str(PurePosixPath(other).parent) == folder
                and PurePosixPath(other).suffix.lower() in beside
            }
        return {
            key: value for key, value in cache[folder].items() if key != PurePosixPath(name).name
        }

    for name, item in files.items():
        suffix = PurePosixPath(name).suffix.lower()
        layout = _layout(name)
        if project and layout is None:
            continue  # sources, serialised CASes, logs and settings of a project export
        # A file inside WebAnno's per-user zip (named by the zip's layout) names its user
        doc, who = (
            layout if layout is not None else (document, annotator or _stem_in(document, name))
        )
        # Loose files (a user's folder or zip) name the annotator by the file: INITIAL_CAS.xmi
        # beside anna.xmi is the untouched copy there too, not an annotator's empty layer.
        if INITIAL_CAS in (who, PurePosixPath(name).stem):
            if summary is not None and (suffix in suffixes or suffix == ".zip"):
                summary.note(
                    f"{INITIAL_CAS} files (INCEpTION's untouched copy of a document) skipped"
                )
            continue
        where = f"{prefix}{name}"
        if suffix == ".zip" and depth < _NESTING:
            yield from _zip(where, read(item), suffixes, beside, doc, who, depth + 1, summary)
        elif suffix in suffixes:
            yield Member(where, PurePosixPath(name).name, read(item), doc, who, neighbours(name))


def _layout(name: str) -> tuple[str, str] | None:
    """(document, annotator) for ``annotation/<document>/<user>.<ext>``, else None. WebAnno
    named each user's zip ``webanno<digits>export.zip`` (a temporary file's name): annotator ""
    there, for the file inside to name."""
    parts = PurePosixPath(name).parts
    for index in range(len(parts) - 2):
        if parts[index] in _ANNOTATION_FOLDERS and index + 3 == len(parts):
            user = PurePosixPath(parts[-1]).stem
            return parts[index + 1], "" if _WEBANNO_TEMP.match(user) else user
    return None


def _stem_in(document: str, name: str) -> str:
    """The annotator a file inside a user's zip names when the zip did not: its own name."""
    return PurePosixPath(name).stem if document else ""


class Collected:
    """Documents in the order first met, each with its annotators' sets; ids made unique."""

    def __init__(self, summary: TransferSummary | None) -> None:
        self.summary = summary
        self.documents: dict[str, Item] = {}

    def add(
        self,
        origin: str,
        name: str,
        who: str,
        text: str,
        spans: list[Span],
        relations: list[Relation],
        doc_attrs: dict[str, AttrValue] | None = None,
        annotated: bool = True,
    ) -> None:
        """One file's content (at ``origin``): document ``name`` (INCEpTION's), annotated by
        ``who``.

        A document that comes again with the same text gets another annotation set; with
        another text it becomes another document (``name-2``). Without an annotator and
        without annotations (``annotated``) only the document is kept. A file without text
        is skipped, annotations and all, and counted.
        """
        if textless(text):
            if self.summary is not None:
                self.summary.skip_textless(origin)
            return
        base = document_id(name) or "document"
        doc_id, number = base, 1
        while doc_id in self.documents and self.documents[doc_id][0].text != text:
            number += 1
            doc_id = f"{base}-{number}"
        if doc_id not in self.documents:
            self.documents[doc_id] = (Document(DocumentId(doc_id), text, name), [])
            if self.summary is not None:
                self.summary.documents += 1
        if not who and not annotated:
            return
        document, annotator = DocumentId(doc_id), AnnotatorName(who)
        sets = self.documents[doc_id][1]
        if any(s.annotator == annotator for s in sets):
            if self.summary is not None:
                self.summary.note(
                    f'document "{doc_id}" came twice from annotator "{who}": the later file kept'
                )
            sets[:] = [s for s in sets if s.annotator != annotator]
        owned = [_owned(span, document, annotator) for span in spans]
        sets.append(
            AnnotationSet(
                document, annotator, spans=owned, relations=relations, doc_attrs=doc_attrs or {}
            )
        )
        if self.summary is not None:
            self.summary.spans += len(owned)
            self.summary.relations += len(relations)

    def items(self) -> list[Item]:
        return list(self.documents.values())


def _owned(span: Span, document: DocumentId, annotator: AnnotatorName) -> Span:
    span.document = document
    span.annotator = annotator
    return span


def file_head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a file (for format detection); empty when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""
