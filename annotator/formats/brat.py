"""brat standoff: a folder of ``.txt`` + ``.ann`` (+ ``annotation.conf``), read and written.

What brat itself does, and so what we do (nlplab/brat ``server/src/annotation.py``):
the ``.txt`` is read as strict UTF-8 without newline translation (``codecs.open`` forces
binary mode), so offsets count code points with every ``\\r`` of a CR LF; a BOM would count
too (we drop it and shift the offsets by one). The text field of a ``T`` line is the covered
text, the fragments of a discontinuous span joined by single spaces; brat splits a selection
at line breaks and tabs into such fragments itself.

Mapping: ``T`` -> spans (a discontinuous one -> parts joined by ``continues``); ``R`` ->
relations Arg1 -> Arg2; ``E`` -> relations from the trigger span to each argument, labelled by
the role (numeric suffix dropped: ``Theme2`` -> ``Theme``); ``A``/``M`` -> attributes (binary
-> "true"); ``N`` -> an attribute named by the normalisation type whose value is the entry's
name text (its ``DB:ID`` when there is no text); ``#`` AnnotatorNotes -> attribute ``note`` of
the span; ``*`` Equiv -> relations labelled by the Equiv type, each member to the one before.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.label_map import peer_spelling
from annotator.formats.raw_layer import CONTINUES, LayerBuilder, first_line, textless, unique_id
from annotator.formats.source import BOM_BYTES, MAX_BYTES
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document, DocumentId, SpanId
from annotator.model.schema import Schema

NOTE = "note"
# Where brat's own line reader (str.splitlines) would break a line, plus the tab that
# separates fields: a span's text in the .ann must hold none of these.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)[0-9]+.*$")


@dataclass(slots=True)
class _Pending:
    """A reference to resolve once the whole file is read (brat allows forward references)."""

    line: int
    owner: str
    kind: str  # "relation", "attr", "norm", "note"
    label: str
    refs: list[str]
    value: AttrValue = ""


@dataclass(slots=True)
class _AnnFile:
    path: Path
    text: str
    shift: int
    builder: LayerBuilder
    spans: dict[str, list[SpanId]] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)


def _raw_bytes(path: Path) -> bytes:
    """The bytes as they are (brat keeps a BOM); an empty ``.ann`` is normal and allowed."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(path, f"the file is over the limit of {MAX_BYTES:,} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _read_text(path: Path, summary: TransferSummary) -> tuple[str, int]:
    """The text as brat reads it, and 1 if a BOM was dropped (brat counts it as a character)."""
    data = _raw_bytes(path)
    shift = 0
    if data.startswith(BOM_BYTES):
        data = data[len(BOM_BYTES) :]
        shift = 1
        summary.note("a .txt began with a byte order mark: dropped, offsets moved by one")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    return text, shift


def _documents(path: Path) -> list[tuple[Path, str]]:
    """(text file, document id) pairs under ``path``: a folder (searched recursively), a
    ``.txt`` or an ``.ann``."""
    if path.is_dir():
        texts = sorted(p for p in path.rglob("*.txt") if p.is_file())
        for ann in sorted(path.rglob("*.ann")):
            if not ann.with_suffix(".txt").is_file():
                raise InputError(ann, "has no .txt beside it with the text it annotates")
        if not texts:
            raise InputError(path, "the folder holds no brat .txt files")
        return [(p, p.relative_to(path).with_suffix("").as_posix()) for p in texts]
    if path.suffix in (".ann", ".txt"):
        text = path.with_suffix(".txt")
        if not text.is_file():
            raise InputError(path, "has no .txt beside it with the text it annotates")
        return [(text, path.stem)]
    if not path.exists():
        raise InputError(path, "no such file or folder")
    raise InputError(path, "a brat import takes a folder, a .txt or an .ann file")


def read_brat(
    path: Path, summary: TransferSummary | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """Every document under ``path`` with its one raw annotation set (annotator "")."""
    summary = summary if summary is not None else TransferSummary()
    out: list[tuple[Document, list[AnnotationSet]]] = []
    seen: set[str] = set()
    documents = _documents(path)
    for text_path, base in documents:
        text, shift = _read_text(text_path, summary)
        ann_path = text_path.with_suffix(".ann")
        if textless(text):
            # A document never written (corpora hold some): nothing to annotate, and stored
            # it could not travel on in our JSONL; the rest of the corpus goes on.
            summary.skip_textless(str(text_path))
            continue
        doc_id = DocumentId(unique_id(base, seen))
        document = Document(doc_id, text, first_line(text))
        sets: list[AnnotationSet] = []
        if ann_path.is_file():
            raw = text if not shift else "\ufeff" + text
            ann = _AnnFile(ann_path, raw, shift, LayerBuilder(doc_id, ""))
            _parse(ann, summary)
            annotation = ann.builder.build()
            summary.spans += len(annotation.spans)
            summary.relations += len(annotation.relations)
            # An empty .ann is how brat stores a document nobody has annotated yet.
            if annotation.spans:
                sets.append(annotation)
        summary.documents += 1
        out.append((document, sets))
    return out


def _parse(ann: _AnnFile, summary: TransferSummary) -> None:
    data = _raw_bytes(ann.path)
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            ann.path,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            data.count(b"\n", 0, exc.start) + 1,
        ) from None
    seen: set[str] = set()
    for number, raw_line in enumerate(content.split("\n"), start=1):
        line = raw_line.rstrip("\r")
        if not line.strip():
            continue
        if "\t" not in line:
            raise InputError(ann.path, "not a brat annotation line (no tab after the id)", number)
        ann_id, tail = line.split("\t", 1)
        if ann_id != "*" and not _ID.match(ann_id):
            raise InputError(ann.path, f'"{ann_id}" is not a brat annotation id', number)
        if ann_id != "*":
            if ann_id in seen:
                raise InputError(ann.path, f"{ann_id} is defined twice", number)
            seen.add(ann_id)
        data_part, _, rest = tail.partition("\t")
        kind = ann_id[0]
        if kind == "T":
            _textbound(ann, number, ann_id, data_part, tail[len(data_part) :], summary)
        elif kind in "RE*":
            _link(ann, number, ann_id, data_part)
        elif kind in "AM":
            fields = data_part.split()
            if len(fields) not in (2, 3) and not (len(fields) > 3 and kind == "A"):
                raise InputError(ann.path, f"{ann_id}: expected NAME TARGET [VALUE]", number)
            value = " ".join(fields[2:]) if len(fields) > 2 else "true"
            ann.pending.append(_Pending(number, ann_id, "attr", fields[0], [fields[1]], value))
        elif kind == "N":
            match = re.match(r"(\S+) (\S+) (\S+?:\S+)", data_part)
            if match is None:
                raise InputError(ann.path, f"{ann_id}: expected TYPE TARGET DB:ID", number)
            label, target, ref = match.groups()
            value = rest.strip() or ref
            if rest.strip():
                summary.lose(
                    f"normalisation {label}: its id {ref.split(':')[0]}:... kept only as the name"
                )
            ann.pending.append(_Pending(number, ann_id, "norm", label, [target], value))
        elif kind == "#":
            fields = data_part.split()
            if len(fields) != 2:
                raise InputError(ann.path, f"{ann_id}: expected TYPE TARGET", number)
            name = NOTE if fields[0] == "AnnotatorNotes" else fields[0]
            ann.pending.append(_Pending(number, ann_id, "note", name, [fields[1]], rest.strip()))
        else:
            summary.lose(f"brat line of unknown kind {ann_id[0]}")
    _resolve(ann, summary)


def _textbound(
    ann: _AnnFile, number: int, ann_id: str, data: str, tail: str, summary: TransferSummary
) -> None:
    label, _, offsets = data.partition(" ")
    fragments: list[tuple[int, int]] = []
    for part in offsets.split(";"):
        bits = part.split()
        if len(bits) != 2 or not all(b.isdigit() for b in bits):
            raise InputError(
                ann.path, f"{ann_id}: offsets must be START END[;START END...]", number
            )
        start, end = int(bits[0]), int(bits[1])
        if end > len(ann.text) or start > end:
            raise InputError(
                ann.path,
                f"{ann_id}: [{start}, {end}) lies outside the text of {len(ann.text)} characters",
                number,
            )
        fragments.append((start, end))
    if not label:
        raise InputError(ann.path, f"{ann_id}: the type is missing", number)
    covered = [ann.text[s:e] for s, e in fragments]
    expected = " ".join(covered)
    if tail.strip():
        written = tail[1 : 1 + len(expected)]
        after = tail[1 + len(expected) :]
        old_style = "".join(covered)
        if written != expected and not tail[1:].startswith(old_style):
            raise InputError(
                ann.path,
                f'{ann_id}: the text "{tail[1:].strip()}" does not match the .txt at '
                f'{";".join(f"{s} {e}" for s, e in fragments)} ("{expected}")',
                number,
            )
        if written == expected and after and not after[0].isspace():
            raise InputError(ann.path, f"{ann_id}: the text runs past the span", number)
    kept = sorted(
        (max(0, s - ann.shift), e - ann.shift)
        for s, e in fragments
        if e - ann.shift > max(0, s - ann.shift)
    )
    if not kept:
        summary.lose("empty span (start = end) skipped")
        ann.spans[ann_id] = []
        return
    ann.spans[ann_id] = ann.builder.parts(kept, label, name=ann_id)


def _link(ann: _AnnFile, number: int, ann_id: str, data: str) -> None:
    if ann_id == "*":
        fields = data.split()
        if len(fields) < 3:
            raise InputError(ann.path, "an Equiv line needs a type and two ids", number)
        for earlier, later in itertools.pairwise(fields[1:]):
            ann.pending.append(_Pending(number, "*", "relation", fields[0], [later, earlier]))
        return
    if not data.split():
        raise InputError(ann.path, f"{ann_id}: the line is empty after the id", number)
    head, *args = data.split()
    if ann_id[0] == "E":
        _, colon, trigger = head.partition(":")
        if not colon or not trigger:
            raise InputError(ann.path, f"{ann_id}: expected TYPE:TRIGGER [ROLE:ID...]", number)
        ann.triggers[ann_id] = trigger
        for arg in args:
            role, colon, target = arg.partition(":")
            if not colon or not target:
                raise InputError(ann.path, f'{ann_id}: argument "{arg}" is not ROLE:ID', number)
            ann.pending.append(
                _Pending(
                    number, ann_id, "relation", role.rstrip("0123456789") or role, [trigger, target]
                )
            )
        return
    pairs = [arg.partition(":") for arg in args]
    if len(pairs) != 2 or not all(colon and target for _, colon, target in pairs):
        raise InputError(ann.path, f"{ann_id}: expected TYPE Arg1:ID Arg2:ID", number)
    ann.pending.append(_Pending(number, ann_id, "relation", head, [pairs[0][2], pairs[1][2]]))


def _target(ann: _AnnFile, ref: str, item: _Pending) -> SpanId | None:
    """The span an id stands for: a T (its first part) or an E (its trigger); None for
    things that are not spans (relations); an error when the id is not defined."""
    seen: set[str] = set()
    while ref in ann.triggers and ref not in seen:
        seen.add(ref)
        ref = ann.triggers[ref]
    if ref in ann.spans:
        parts = ann.spans[ref]
        return parts[0] if parts else None
    if ref[:1] in ("R", "*", "A", "N", "#", "M") and ref not in ann.triggers:
        return None
    raise InputError(
        ann.path, f"{item.owner} refers to {ref}, which the file does not define", item.line
    )


def _resolve(ann: _AnnFile, summary: TransferSummary) -> None:
    for item in ann.pending:
        targets = [_target(ann, ref, item) for ref in item.refs]
        if any(t is None for t in targets):
            summary.lose(f"brat {item.kind} on something that is not a span")
            continue
        spans = [t for t in targets if t is not None]
        if item.kind == "relation":
            ann.builder.relate(item.label, spans[0], spans[1])
        else:
            ann.builder.attrs_of(spans[0])[item.label] = item.value


def _brat_name(name: str) -> str:
    """brat type and attribute names cannot hold whitespace or the characters of its syntax."""
    return peer_spelling(name)


def _file_name(doc_id: str, taken: set[str]) -> str:
    return unique_id(re.sub(r"[^\w.\-]+", "_", doc_id).strip(".") or "document", taken)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """brat's own rule for a selection over line breaks or tabs: one fragment per line piece,
    whitespace at either end of a piece trimmed."""
    out: list[tuple[int, int]] = []
    position = start
    for piece in _BREAKS.split(text[start:end]):
        piece_start, piece_end = position, position + len(piece)
        position = piece_end + 1
        piece_start += len(piece) - len(piece.lstrip())
        piece_end -= len(piece) - len(piece.rstrip())
        if piece_end > piece_start:
            out.append((piece_start, piece_end))
    return out


class _AnnWriter:
    """Lines of one ``.ann``: ids numbered per kind as brat numbers them."""

    def __init__(self, text: str, schema: Schema, summary: TransferSummary) -> None:
        self.text = text
        self.schema = schema
        self.summary = summary
        self.lines: list[str] = []
        self.counts: dict[str, int] = {}

    def next_id(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind}{self.counts[kind]}"

    def textbound(self, label: str, fragments: list[tuple[int, int]]) -> str:
        t_id = self.next_id("T")
        offsets = ";".join(f"{s} {e}" for s, e in fragments)
        covered = " ".join(self.text[s:e] for s, e in fragments)
        self.lines.append(f"{t_id}\t{_brat_name(label)} {offsets}\t{covered}")
        return t_id

    def attribute(self, t_id: str, label: str, name: str, value: AttrValue) -> None:
        shown = str(value)
        if name == NOTE:
            if _BREAKS.search(shown):
                self.summary.lose("note with a line break or tab: written on one line")
                shown = " ".join(shown.split())
            self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {t_id}\t{shown}")
            return
        attribute = self.schema.span_attribute(label, name)
        if attribute is not None and attribute.closed:
            if not shown or _BREAKS.search(shown) or " " in shown:
                self.summary.lose(f"attribute {name}: value with spaces (brat values are one word)")
                return
            self.lines.append(f"{self.next_id('A')}\t{_brat_name(name)} {t_id} {shown}")
            return
        # Free-text values (speaker names, targets) travel as normalisations: the name text
        # is what brat shows and what we read back.
        if _BREAKS.search(shown) or not shown.strip():
            self.summary.lose(f"attribute {name}: value with a line break or tab")
            return
        ref = re.sub(r"\s+", "_", shown.strip())
        self.lines.append(
            f"{self.next_id('N')}\t{_brat_name(name)} {t_id} {_brat_name(name)}:{ref}\t{shown}"
        )


def _ann_lines(
    document: Document, annotation: AnnotationSet, schema: Schema, summary: TransferSummary
) -> list[str]:
    writer = _AnnWriter(document.text, schema, summary)
    spans = sorted(annotation.spans, key=lambda s: (s.start, s.end))
    by_id = {span.id: span for span in spans}
    # Split quotes whose later parts carry nothing of their own become one discontinuous T.
    later_of: dict[SpanId, SpanId] = {}
    merged: set[SpanId] = set()
    linked = {r.head for r in annotation.relations if r.label != CONTINUES} | {
        r.child for r in annotation.relations if r.label != CONTINUES
    }
    continues = [r for r in annotation.relations if r.label == CONTINUES]
    for relation in continues:
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if (
            head is not None
            and child is not None
            and head.label == child.label
            and not head.attrs
            and head.id not in linked
            and child.end <= head.start
            and child.id not in later_of
            and head.id not in merged
            and sum(1 for r in continues if r.head == head.id) == 1
        ):
            later_of[child.id] = head.id
            merged.add(head.id)
    t_ids: dict[SpanId, str] = {}
    for span in spans:
        if span.id in merged:
            continue
        chain = [span]
        while chain[-1].id in later_of:
            chain.append(by_id[later_of[chain[-1].id]])
        fragments: list[tuple[int, int]] = []
        for part in chain:
            pieces = _fragments(document.text, part.start, part.end)
            if len(pieces) != 1 or pieces[0] != (part.start, part.end):
                summary.lose("span over a line break or tab: written as fragments, as brat does")
            fragments.extend(pieces)
        if not fragments:
            summary.lose("span of whitespace only: brat cannot hold it")
            continue
        t_id = writer.textbound(span.label, fragments)
        for part in chain:
            t_ids[part.id] = t_id
        for name, value in span.attrs.items():
            writer.attribute(t_id, span.label, name, value)
    for relation in annotation.relations:
        if relation.label == CONTINUES and relation.head in merged:
            continue
        arg1, arg2 = t_ids.get(relation.head), t_ids.get(relation.child)
        if arg1 is None or arg2 is None:
            summary.lose(f"relation {relation.label} to a span brat cannot hold")
            continue
        writer.lines.append(
            f"{writer.next_id('R')}\t{_brat_name(relation.label)} Arg1:{arg1} Arg2:{arg2}"
        )
    for name in annotation.doc_attrs:
        summary.lose(f"document attribute {name}: brat has no place for it")
    summary.spans += len(t_ids)
    summary.relations += len(annotation.relations)
    return writer.lines


def annotation_conf(schema: Schema) -> str:
    """brat's ``annotation.conf`` for ``schema``: entity types, relation types (with overlap
    allowed, as our spans may overlap), and the closed attributes with their values."""
    lines = [
        "# Written by Annotator from the schema " + " ".join(schema.name.split()),
        "",
        "[entities]",
    ]
    lines += [_brat_name(label.name) for label in schema.labels]
    lines += ["", "[relations]"]
    for relation in schema.relations:
        head = "|".join(_brat_name(n) for n in relation.head)
        child = "|".join(_brat_name(n) for n in relation.child)
        lines.append(f"{_brat_name(relation.name)}\tArg1:{head}, Arg2:{child}")
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]"]
    for attribute in schema.attributes:
        if not attribute.closed or attribute.on_document:
            continue
        targets = "|".join(_brat_name(n) for n in attribute.applies_to)
        values = "|".join(str(v) for v in attribute.values if " " not in str(v))
        lines.append(f"{_brat_name(attribute.name)}\tArg:{targets}, Value:{values}")
    return "\n".join(lines) + "\n"


def write_brat(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
    summary: TransferSummary | None = None,
) -> TransferSummary:
    """A brat collection in the folder ``out``: ``<id>.txt`` (the text byte for byte, CR LF
    kept), ``<id>.ann``, and ``annotation.conf`` from the schema."""
    summary = summary if summary is not None else TransferSummary()
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = {"annotation"}
    written: set[str] = set()
    for document, annotation in items:
        if document.id in written:
            summary.lose("another layer of a document already written (brat holds one per file)")
            continue
        written.add(document.id)
        name = _file_name(document.id, taken)
        (out / f"{name}.txt").write_bytes(document.text.encode("utf-8"))
        lines = _ann_lines(document, annotation, schema, summary) if annotation else []
        (out / f"{name}.ann").write_bytes("".join(f"{line}\n" for line in lines).encode("utf-8"))
        summary.documents += 1
    (out / "annotation.conf").write_text(annotation_conf(schema), encoding="utf-8")
    return summary
