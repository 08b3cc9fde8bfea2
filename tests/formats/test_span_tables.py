"""Parquet and CSV: pyarrow and pandas read one row per span with a column per attribute."""

from __future__ import annotations

import csv
import gc
import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.csv_table import write_csv
from annotator.formats.parquet_tables import write_parquet
from annotator.formats.span_rows import SpanTable
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId
from annotator.model.schema import Schema
from tests.formats.layer_corpus import layer

pq = pytest.importorskip("pyarrow.parquet")

COLUMNS = [
    "document", "annotator", "start", "end", "label", "text", "quote_type", "target", "stance",
    "claim_type", "commitment", "checkworthy", "speaker",
]  # fmt: skip
ROWS = [
    ("doc-1", "gold", 0, 34, "SPEAKER", "Kremlin spokesperson Dmitry Peskov",
     None, None, None, None, None, None, "Dmitry Peskov"),
    ("doc-1", "gold", 35, 39, "CUE", "said", None, None, None, None, None, None, None),
    ("doc-1", "gold", 51, 81, "QUOTE", '"Ukraine in NATO is a threat."',
     "direct", "Ukraine in NATO", "against", "opinion", None, "yes", "Dmitry Peskov"),
    # The second part of the split quote: its speaker comes through continues.
    ("doc-1", "gold", 92, 110, "QUOTE", '"We will respond,"',
     None, None, None, "prediction", "certain", None, "Dmitry Peskov"),
    ("doc-1", "gold", 53, 76, "QUOTE", "kraine in NATO is a thr",
     None, "Ukraine in NATO", "none", None, None, None, None),
    ("doc-1", "gold", 124, 150, "SPEAKER", "Mr. Smith of the U.S. side",
     None, None, None, None, None, None, None),
    ("doc-1", "gold", 111, 123, "CUE", "according to", None, None, None, None, None, None, None),
]  # fmt: skip


def test_pyarrow_reads_the_span_and_document_tables(tmp_path: Path, schema: Schema) -> None:
    summary = write_parquet(layer(), schema, tmp_path / "out")
    spans = pq.read_table(tmp_path / "out" / "spans.parquet")
    assert spans.column_names == COLUMNS
    assert [tuple(row.values()) for row in spans.to_pylist()] == ROWS
    assert str(spans.schema.field("start").type) == "int64"
    documents = pq.read_table(tmp_path / "out" / "documents.parquet").to_pylist()
    assert [(d["id"], d["annotator"], d["status"], d["relevance"]) for d in documents] == [
        ("doc-1", "gold", "done", "relevant"),
        ("doc-2", None, None, None),
        ("doc-3", "gold", "done", None),
    ]
    assert documents[0]["meta"] == '{"source":"test"}'
    assert (summary.documents, summary.spans, summary.relations) == (3, 7, 1)
    assert summary.lost == {
        "relation continues: the span table has no column for it": 1,
        "relation cued_by: the span table has no column for it": 1,
    }


def test_csv_has_the_same_rows_as_parquet(tmp_path: Path, schema: Schema) -> None:
    out = io.BytesIO()
    summary = write_csv(layer(), schema, out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert rows[0] == COLUMNS
    as_text = [[("" if v is None else str(v)) for v in row] for row in ROWS]
    assert rows[1:] == as_text
    assert summary.lost["document attribute relevance: CSV has one row per span"] == 1
    pandas = pytest.importorskip("pandas")
    path = tmp_path / "spans.csv"
    write_csv(layer(), schema, path)
    assert pandas.read_csv(path)["text"].tolist() == [row[5] for row in ROWS]


def test_a_number_in_an_open_attribute_still_fits_its_text_column(
    tmp_path: Path, schema: Schema
) -> None:
    items = layer()
    items[0][1].spans[4].attrs["target"] = 2024  # type: ignore[union-attr]
    write_parquet(items, schema, tmp_path / "out")
    spans = pq.read_table(tmp_path / "out" / "spans.parquet").to_pylist()
    assert spans[4]["target"] == "2024"


def test_a_missing_pyarrow_names_the_install_line(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[parquet\]'"):
        write_parquet(layer(), schema, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failed_export_leaves_no_half_file(tmp_path: Path, schema: Schema) -> None:
    folder = tmp_path / "out"
    write_parquet(layer(), schema, folder)
    before = (folder / "spans.parquet").read_bytes()

    def broken():
        yield layer()[0]
        raise AnnotatorError("the project went away")

    with pytest.raises(AnnotatorError):
        write_parquet(broken(), schema, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["documents.parquet", "spans.parquet"]
    assert (folder / "spans.parquet").read_bytes() == before


def _many_documents(count: int) -> list[tuple[Document, AnnotationSet | None]]:
    """The corpus's documents over and over, renamed, each set with a different number of
    spans (0-7), an attribute the schema lacks on some spans, every fifth without a set."""
    out: list[tuple[Document, AnnotationSet | None]] = []
    for number in range(count):
        document, annotation = layer()[0]
        assert annotation is not None
        name = DocumentId(f"doc-{number}")
        document = replace(document, id=name)
        if number % 5 == 4:
            out.append((document, None))
            continue
        kept = annotation.spans[: number % 8]
        for at, span in enumerate(kept):
            span.document = name
            if (number + at) % 6 == 0:
                span.attrs["mood"] = "calm"  # not in the schema: counted, no column
        relations = [r for r in annotation.relations if {r.head, r.child} <= {s.id for s in kept}]
        out.append((document, replace(annotation, document=name, spans=kept, relations=relations)))
    return out


def test_documents_taken_in_batches_give_the_rows_and_row_groups_of_one_at_a_time(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.formats import parquet_tables

    monkeypatch.setattr(parquet_tables, "_BATCH", 4)
    monkeypatch.setattr(parquet_tables, "_SPAN_GROUP", 9)
    monkeypatch.setattr(parquet_tables, "_DOCUMENT_GROUP", 6)
    items = _many_documents(40)
    summary = write_parquet(items, schema, tmp_path / "out")
    # One set at a time: the rows, the counts, and where each span row group ends (after
    # the set that brings it to 9 rows or more).
    table = SpanTable(schema)
    alone = TransferSummary()
    rows: list[tuple[object, ...]] = []
    groups: list[int] = []
    waiting = 0
    for document, annotation in items:
        alone.documents += 1
        if annotation is None:
            continue
        rows += table.rows(document, annotation, alone)
        waiting += len(annotation.spans)
        if waiting >= 9:
            groups.append(waiting)
            waiting = 0
        for name in annotation.doc_attrs.keys() - {"relevance", "overall_stance"}:
            alone.lose(f"document attribute {name}: not in the schema, so no column")
    groups += [waiting] if waiting else []
    spans = pq.ParquetFile(tmp_path / "out" / "spans.parquet")
    assert [tuple(row.values()) for row in spans.read().to_pylist()] == rows
    assert [spans.metadata.row_group(i).num_rows for i in range(spans.num_row_groups)] == groups
    documents = pq.ParquetFile(tmp_path / "out" / "documents.parquet")
    assert [documents.metadata.row_group(i).num_rows for i in range(7)] == [6] * 6 + [4]
    assert [d["id"] for d in documents.read().to_pylist()] == [d.id for d, _ in items]
    assert summary == alone
    assert summary.lost["attribute mood: not in the schema, so no column"] > 1


def test_the_collector_rests_while_the_parquet_files_are_filled(
    tmp_path: Path, schema: Schema
) -> None:
    seen: list[bool] = []

    def items() -> Iterator[tuple[Document, AnnotationSet | None]]:
        for item in layer():
            seen.append(gc.isenabled())
            yield item

    assert gc.isenabled()
    write_parquet(items(), schema, tmp_path / "out")
    assert seen == [False, False, False]
    assert gc.isenabled()


def test_a_speaker_attribute_outside_the_schema_is_counted_and_still_fills_its_column(
    schema: Schema,
) -> None:
    without = replace(schema, attributes=tuple(a for a in schema.attributes if a.name != "speaker"))
    document, annotation = layer()[0]
    assert annotation is not None
    annotation.spans[1].attrs["mood"] = "calm"  # another attribute without a column
    summary = TransferSummary()
    rows = SpanTable(without).rows(document, annotation, summary)
    assert [row[-1] for row in rows] == [row[-1] for row in ROWS]
    # Without links, the column is the spans' own speaker attribute alone.
    rows = SpanTable(without).rows(document, replace(annotation, relations=[]), summary)
    assert [row[-1] for row in rows] == ["Dmitry Peskov"] + [None] * 6
    assert summary.lost["attribute speaker: not in the schema, so no column"] == 2
    assert summary.lost["attribute mood: not in the schema, so no column"] == 2
