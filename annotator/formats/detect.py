"""Which format a path holds, told from its content where that is unambiguous (None if not).

Names are the ``--format`` values of the import command: brat, xmi, uima-json, webanno-tsv,
doccano, label-studio, prodigy, citron, conll, csv, html, jsonl, text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from annotator.formats.csv_documents import header_columns
from annotator.formats.doccano import CSV_COLUMNS as DOCCANO_CSV_COLUMNS
from annotator.formats.doccano import OLD_CSV_COLUMNS as OLD_DOCCANO_CSV
from annotator.formats.label_studio import is_json_min, is_label_studio_table
from annotator.formats.webanno_tsv import is_webanno_tsv_head

_HEAD = 64 * 1024
_CAS_HEAD = 4096
# Whole-file JSON parses only for files this small; larger arrays are told by their head.
_PARSE_LIMIT = 64 * 1024 * 1024
_BIO = re.compile(r"^(O|[BIESLU]-\S+|-X-|_)$")
_LISTED = {".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html", ".xmi": "xmi"}
_CONLL = {".conll", ".conll03", ".conllu", ".bio", ".iob", ".iob2"}


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return b""


def _first_record(path: Path, head: bytes) -> Any:
    """The first top-level JSON object of a file: array item, the object, or first line."""
    start = head.lstrip()
    if start[:1] not in (b"[", b"{"):
        return None
    size = path.stat().st_size
    if size <= _PARSE_LIMIT:
        try:
            value = orjson.loads(path.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        except orjson.JSONDecodeError:
            value = None
        if isinstance(value, list):
            return value[0] if value else None
        if isinstance(value, dict):
            return value
    for line in head.split(b"\n"):
        if line.strip():
            try:
                return orjson.loads(line)
            except orjson.JSONDecodeError:
                return None
    return None


def _is_span_list(items: Any) -> bool:
    return (
        isinstance(items, list)
        and bool(items)
        and all(isinstance(i, list) and len(i) == 3 and isinstance(i[2], str) for i in items)
    )


def _is_doccano_labels(items: Any) -> bool:
    """doccano's ``label``: spans ``[s, e, "L"]`` or categories ``"L"``; empty when unlabelled."""
    return isinstance(items, list) and all(isinstance(i, str) or _is_span_list([i]) for i in items)


def _is_doccano_annotations(items: Any) -> bool:
    """doccano 1.0's ``annotations``: ``[{label, start_offset, end_offset, user}]`` for spans,
    ``[{label, user}]`` for categories; empty when unlabelled."""
    return isinstance(items, list) and all(isinstance(i, dict) and "label" in i for i in items)


def json_format(record: Any) -> str | None:
    """The format a JSON record's keys belong to."""
    if not isinstance(record, dict):
        return None
    keys = set(record)
    if keys & {"%TYPES", "_referenced_fss", "%FEATURE_STRUCTURES"}:
        return "uima-json"
    if isinstance(record.get("data"), dict) and keys & {
        "annotations",
        "completions",
        "predictions",
    }:
        return "label-studio"
    if is_json_min(record):
        return "label-studio"  # a JSON-MIN export
    if isinstance(record.get("data"), dict) and keys <= {"id", "data", "meta"}:
        return "label-studio"  # tasks as Label Studio imports them, not yet annotated
    if isinstance(record.get("quotes"), list):
        return "citron"
    if "spans" in keys and (keys & {"tokens", "_input_hash", "_task_hash", "answer", "_view_id"}):
        return "prodigy"
    if {"_input_hash", "_task_hash"} <= keys or (
        "answer" in keys and keys & {"accept", "_view_id"}
    ):
        return "prodigy"  # a task without spans: textcat.manual's choice, a binary answer
    if "entities" in keys and "relations" in keys:
        return "doccano"
    if _is_span_list(record.get("label")) or _is_span_list(record.get("labels")):
        return "doccano"
    if "entities" in keys and "cats" in keys:
        return "doccano"
    if "annotation_approver" in keys:
        return "doccano"  # only doccano 1.0 writes it
    if isinstance(record.get("text"), str) and (
        _is_doccano_labels(record.get("label", record.get("labels")))
        or _is_doccano_annotations(record.get("annotations"))
    ):
        return "doccano"  # also an unlabelled first example, and text categories
    if keys & {"annotator", "status", "doc_attrs", "text_sha256"} or (
        len(keys) == 1 and keys & {"speaker", "target"}
    ):
        return "jsonl"
    spans = record.get("spans")
    if isinstance(spans, list) and all(isinstance(s, dict) and "attrs" in s for s in spans):
        return "jsonl"
    if keys <= {"text", "meta"} and isinstance(record.get("text"), str):
        # Prodigy's and doccano's input: texts to annotate, without the id our JSONL needs;
        # doccano's reader gives them as documents without annotations
        return "doccano"
    if keys <= {"id", "text", "title", "meta"} and "text" in keys:
        return "jsonl"
    return None


def _looks_like_conll(head: bytes) -> bool:
    try:
        lines = head.decode("utf-8", errors="strict").splitlines()[:200]
    except UnicodeDecodeError:
        return False
    if any(line.startswith("-DOCSTART-") for line in lines):
        return True
    rows = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    if len(rows) < 2:
        return False
    tagged = [row for row in rows if len(row) >= 2 and _BIO.match(row[-1])]
    return len(tagged) == len(rows) and any(row[-1] != "O" for row in tagged)


def _detect_zip(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            return _detect_archive(archive, 0)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        return None


def _cas_head(name: str, head: bytes) -> str | None:
    """The INCEpTION format a member of its export holds, from its name and first bytes."""
    suffix = PurePosixPath(name).suffix.lower()
    head = head.removeprefix(b"\xef\xbb\xbf")
    if suffix == ".tsv" and is_webanno_tsv_head(head):
        return "webanno-tsv"
    if suffix == ".json" and head.lstrip().startswith(b"{") and b'"%' in head[:200]:
        return "uima-json"
    return None


def _table_format(head: bytes) -> str:
    """A CSV or TSV table's format: Label Studio's or doccano's export, told by the columns
    they always write, else documents (``csv``)."""
    if is_label_studio_table(head):
        return "label-studio"
    columns = header_columns(head)
    if columns >= DOCCANO_CSV_COLUMNS or columns >= OLD_DOCCANO_CSV:
        return "doccano"
    return "csv"


def _member_format(archive: zipfile.ZipFile, name: str) -> str | None:
    """The peer format of a ``.json`` or ``.csv`` member (doccano's JSON and CSV exports)."""
    info = archive.getinfo(name)
    with archive.open(name) as member:
        head = member.read(_HEAD)
    if name.lower().endswith(".csv"):
        found = _table_format(head)
        return None if found == "csv" else found
    if info.file_size > _PARSE_LIMIT or head.lstrip()[:1] != b"[":
        return None
    try:
        value = orjson.loads(archive.read(name).removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError:
        return None
    return json_format(value[0]) if isinstance(value, list) and value else None


def _detect_archive(archive: zipfile.ZipFile, depth: int) -> str | None:
    names = [n for n in archive.namelist() if not n.endswith("/")]
    suffixes = {PurePosixPath(n).suffix.lower() for n in names}
    if ".xmi" in suffixes:
        return "xmi"
    if ".jsonl" in suffixes:
        return "doccano"
    # INCEpTION's TSV and UIMA JSON exports, and a project export's zip per user and document
    for name in [n for n in names if n.lower().endswith((".tsv", ".json", ".zip"))][:50]:
        if not name.lower().endswith(".zip"):
            with archive.open(name) as member:
                found = _cas_head(name, member.read(_CAS_HEAD))
        elif depth < 2:
            with zipfile.ZipFile(io.BytesIO(archive.read(name))) as inner:
                found = _detect_archive(inner, depth + 1)
        else:
            found = None
        if found:
            return found
    for name in [n for n in names if n.lower().endswith((".json", ".csv"))][:50]:
        found = _member_format(archive, name)
        if found:
            return found
    return None


def _detect_folder(path: Path) -> str | None:
    files = [p for p in sorted(path.rglob("*")) if p.is_file()][:5000]
    suffixes = {p.suffix.lower() for p in files}
    if ".ann" in suffixes:
        return "brat"
    if ".xmi" in suffixes:
        return "xmi"
    for file in [p for p in files if p.suffix.lower() in (".tsv", ".zip")][:50]:
        inception = (
            _detect_zip(file)
            if file.suffix.lower() == ".zip"
            else _cas_head(file.name, _head(file))
        )
        if inception:
            return inception
    found = {detect_format(p) for p in files if p.suffix.lower() in (".json", ".jsonl")}
    found.discard(None)
    if len(found) == 1:
        return found.pop()
    if suffixes & {".html", ".htm"}:
        return "html"
    if suffixes == {".txt"}:
        return "text"
    return None


def unknown_json_array(path: Path) -> str | None:
    """Why a JSON array no format claims cannot be imported, naming its first record's fields.

    The JSONL reader, which reads what detection cannot place, would call such a file's
    first line invalid JSON (or, with --add-labels, call it JSONL): neither says that the
    records' fields are what no tool's format has, as in doccano's import example, whose
    text column is named ``column_data`` in its upload form. None for anything else.
    """
    head = _head(path)
    if head.lstrip()[:1] != b"[":
        return None
    record = _first_record(path, head)
    if not isinstance(record, dict):
        return None
    fields = ", ".join(record) or "none"
    return (
        f"record 1 of this JSON array has fields no import format reads together ({fields}): "
        'doccano\'s and Prodigy\'s records hold "text", Label Studio\'s tasks "data"; rename '
        "the fields, or pass --format to read it as one of them"
    )


def detect_format(path: Path) -> str | None:
    """The format of ``path`` from its content (and, where content cannot tell, its name)."""
    if path.is_dir():
        return _detect_folder(path)
    if not path.is_file():
        return None
    suffix = path.suffix.lower()
    if suffix in (".ann", ".txt") and path.with_suffix(".ann").is_file():
        return "brat"
    if suffix == ".zip":
        return _detect_zip(path)
    head = _head(path)
    if is_webanno_tsv_head(head):
        return "webanno-tsv"
    if b"<xmi:XMI" in head or b"xmlns:xmi=" in head:
        return "xmi"
    if suffix in _LISTED:
        if _LISTED[suffix] == "csv":
            return _table_format(head)
        return _LISTED[suffix]
    if head.lstrip()[:1] in (b"{", b"["):
        return json_format(_first_record(path, head))
    if head.lstrip()[:1] == b"<" and b"<html" in head[:4096].lower():
        return "html"
    if suffix in _CONLL or _looks_like_conll(head):
        return "conll" if _looks_like_conll(head) or suffix in _CONLL else None
    if suffix == ".txt":
        return "text"
    return None
