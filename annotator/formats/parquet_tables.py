"""Parquet export: a folder with ``documents.parquet`` and ``spans.parquet`` (pyarrow).

``documents.parquet``: id, title, text, meta (JSON text), text_sha256, annotator and status
of the layer (null where the document has no set), one column per document attribute.
``spans.parquet``: the span table of :mod:`annotator.formats.span_rows`. Rows are written in
row groups as they come, so the corpus is never held whole.
"""

from __future__ import annotations

import os
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from annotator.absent_modules import marked_absent
from annotator.collector import gc_paused
from annotator.errors import AnnotatorError
from annotator.formats.layer import Layer, LayerItem
from annotator.formats.span_rows import (
    FIXED_COLUMNS,
    SpanTable,
    Value,
    span_attributes,
)
from annotator.formats.summary import TransferSummary
from annotator.model.schema import Attribute, Schema

if TYPE_CHECKING:
    import pyarrow as pa

DOCUMENTS = "documents.parquet"
SPANS = "spans.parquet"
INSTALL = "pip install 'annotator[parquet]'"
# Rows per row group: a group is held in memory until written (documents carry their text).
_SPAN_GROUP = 100_000
_DOCUMENT_GROUP = 5_000
#: Documents whose rows become columns together (a bound on the texts held meanwhile).
_BATCH = 1_000
_ID, _TITLE, _TEXT, _SHA256 = (attrgetter(name) for name in ("id", "title", "text", "sha256"))
_DOCUMENT_COLUMNS = ("id", "title", "text", "meta", "text_sha256", "annotator", "status")


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise AnnotatorError(f"Parquet export needs pyarrow: {INSTALL}") from None
    # pyarrow.array() of a Python list first asks whether it is a pandas object, and imports
    # pandas to find out (0.6-1 s, most of a small export): our columns are lists. Asked
    # once with pandas marked absent, pyarrow takes it as missing until something needs it
    # (to_pandas imports it then).
    with marked_absent(("pandas",)):
        pyarrow.array([], type=pyarrow.string())
    return pyarrow, pyarrow.parquet


def _value_type(pa: Any, attribute: Attribute | None) -> pa.DataType:
    """Numbers where the schema only allows numbers; text for everything else."""
    if attribute is None or attribute.open or not attribute.values:
        return pa.string()
    if all(isinstance(v, int) for v in attribute.values):
        return pa.int64()
    if all(isinstance(v, int | float) for v in attribute.values):
        return pa.float64()
    return pa.string()


class _Table:
    """One Parquet file filled in row groups from Python rows."""

    def __init__(self, pa: Any, pq: Any, path: Path, schema: pa.Schema, group: int) -> None:
        self.pa = pa
        self.schema = schema
        self.group = group
        self.path = path
        # Readers never see half a file: rows go to a partial file renamed when complete.
        self.partial = path.with_name(f".{path.name}.partial")
        self.writer = pq.ParquetWriter(self.partial, schema)
        self.columns: list[list[Value]] = [[] for _ in schema]

    def add(self, values: list[list[Value]]) -> None:
        """Append one list of values per column."""
        for column, more in zip(self.columns, values, strict=True):
            column.extend(more)
        if len(self.columns[0]) >= self.group:
            self.flush()

    def room(self) -> int:
        """How many rows the row group still takes."""
        return self.group - len(self.columns[0])

    def flush(self) -> None:
        if not self.columns[0]:
            return
        arrays = [
            self.array(column, field.type)
            for column, field in zip(self.columns, self.schema, strict=True)
        ]
        self.writer.write_batch(self.pa.record_batch(arrays, schema=self.schema))
        self.columns = [[] for _ in self.schema]

    def array(self, column: list[Value], kind: pa.DataType) -> pa.Array:
        try:
            return self.pa.array(column, type=kind)
        except (self.pa.ArrowTypeError, self.pa.ArrowInvalid):
            # An open attribute may hold a number among its strings: a text column holds both.
            return self.pa.array([None if v is None else str(v) for v in column], type=kind)

    def close(self, complete: bool) -> None:
        try:
            if complete:
                self.flush()
            self.writer.close()
            if complete:
                os.replace(self.partial, self.path)
        finally:
            self.partial.unlink(missing_ok=True)


def _document_columns(batch: list[LayerItem], doc_attributes: list[str]) -> list[list[Value]]:
    """The rows of ``documents.parquet`` for a batch, one list per column."""
    documents = [document for document, _ in batch]
    annotations = [annotation for _, annotation in batch]
    return [
        list(map(_ID, documents)),
        list(map(_TITLE, documents)),
        list(map(_TEXT, documents)),
        [orjson.dumps(d.meta).decode() if d.meta else None for d in documents],
        list(map(_SHA256, documents)),
        [a.annotator if a is not None else None for a in annotations],
        [a.status.value if a is not None else None for a in annotations],
        *(
            [a.doc_attrs.get(name) if a is not None else None for a in annotations]
            for name in doc_attributes
        ),
    ]


def write_parquet(items: Layer, schema: Schema, folder: Path) -> TransferSummary:
    """Write both files into ``folder`` (created if missing); returns what went through.

    Each file appears whole or not at all: on an error the files that were there stay.
    """
    pa, pq = _pyarrow()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnnotatorError(f"{folder}: cannot create the folder ({exc.strerror})") from None
    table = SpanTable(schema)
    attributes = {a.name: a for a in span_attributes(schema)}
    span_types = [pa.string(), pa.string(), pa.int64(), pa.int64(), pa.string(), pa.string()]
    span_types += [_value_type(pa, attributes.get(name)) for name in table.columns[6:]]
    span_schema = pa.schema(list(zip(table.columns, span_types, strict=True)))
    assert table.columns[:6] == FIXED_COLUMNS
    document_schema = pa.schema(
        [(name, pa.string()) for name in _DOCUMENT_COLUMNS]
        + [(a.name, _value_type(pa, a)) for a in schema.document_attributes]
    )
    doc_attributes = [a.name for a in schema.document_attributes]
    summary = TransferSummary()
    documents = _Table(pa, pq, folder / DOCUMENTS, document_schema, _DOCUMENT_GROUP)
    spans = _Table(pa, pq, folder / SPANS, span_schema, _SPAN_GROUP)

    def add(batch: list[LayerItem]) -> None:
        summary.documents += len(batch)
        documents.add(_document_columns(batch, doc_attributes))
        sets = [(document, annotation) for document, annotation in batch if annotation is not None]
        if sets:
            spans.add(table.batch_values(sets, summary))
        for _, annotation in sets:
            if annotation.doc_attrs:
                for name in annotation.doc_attrs.keys() - set(doc_attributes):
                    summary.lose(f"document attribute {name}: not in the schema, so no column")

    # Documents are taken a batch at a time, each column one loop over the batch (a Python
    # step per document and column, or per span and column, was most of the export); a
    # batch ends where a row group of either file does, so the groups stay as they were.
    batch: list[LayerItem] = []
    waiting = 0
    limit, room = min(documents.room(), _BATCH), spans.room()
    complete = False
    with gc_paused():
        try:
            for item in items:
                batch.append(item)
                if item[1] is not None:
                    waiting += len(item[1].spans)
                if len(batch) >= limit or waiting >= room:
                    add(batch)
                    batch, waiting = [], 0
                    limit, room = min(documents.room(), _BATCH), spans.room()
            if batch:
                add(batch)
            complete = True
        finally:
            documents.close(complete)
            spans.close(complete)
    return summary
