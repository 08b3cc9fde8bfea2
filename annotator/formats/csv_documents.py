"""Documents from a CSV (or TSV) table: one row per document, its text in one column.

``text_column`` (default ``text``) holds the text, exactly as written (line breaks inside
quoted fields kept); an optional id column names the document (else ``<file>-<row>``) and
an optional title column titles it (else its first line); every other column goes into the
document's meta. Strict UTF-8 (a BOM is allowed); errors name the line.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.raw_layer import first_line, textless, unique_id
from annotator.formats.source import read_bytes
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId


def header_columns(head: bytes) -> set[str]:
    """The column names in the first line of a table's first bytes (for format detection),
    tab-separated when the line holds a tab, quotes stripped."""
    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    return {c.strip().strip('"') for c in first.split("\t" if "\t" in first else ",")}


def read_table(
    path: Path, delimiter: str | None = None
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """A CSV or TSV table: its column names, and each data row as (line, column -> cell),
    blank rows left out. Tab-separated when ``delimiter`` says so or, without one, for a
    ``.tsv`` file."""
    data = read_bytes(path)
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    # Articles are longer than the csv module's default field limit of 128 KiB.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    delimiter = delimiter or ("\t" if path.suffix == ".tsv" else ",")
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        header = next(reader, None)
        if not header:
            raise InputError(path, "the file has no header row", 1)
        names = [name.strip() for name in header]
        start = reader.line_num + 1
        for row in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                raise InputError(
                    path, f"the row has {len(row)} fields, the header {len(names)}", line
                )
            rows.append((line, dict(zip(names, row, strict=True))))
    except csv.Error as exc:
        raise InputError(path, f"not valid CSV ({exc})", reader.line_num) from None
    return names, rows


def read_csv_documents(
    path: Path,
    text_column: str = "text",
    id_column: str = "id",
    title_column: str = "title",
    summary: TransferSummary | None = None,
) -> list[tuple[Document, list[AnnotationSet]]]:
    """One document per data row; a ``.tsv`` file is read tab-separated."""
    summary = summary if summary is not None else TransferSummary()
    names, rows = read_table(path)
    if text_column not in names:
        raise InputError(path, f'no column "{text_column}" (the columns are {", ".join(names)})', 1)
    out: list[tuple[Document, list[AnnotationSet]]] = []
    seen: set[str] = set()
    for line, record in rows:
        text = record.pop(text_column)
        if textless(text):
            summary.skip_textless(f"{path}, line {line}")
            continue
        raw_id = record.pop(id_column, "").strip() if id_column else ""
        title = record.pop(title_column, "").strip() if title_column else ""
        document = Document(
            DocumentId(unique_id(raw_id or f"{path.stem}-{len(out) + 1}", seen)),
            text,
            title or first_line(text),
            {k: v for k, v in record.items() if k},
        )
        out.append((document, []))
        summary.documents += 1
    if not rows:
        raise InputError(path, "the table has no rows")
    return out
