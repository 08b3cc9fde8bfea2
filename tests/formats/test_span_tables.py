"""Parquet and CSV: pyarrow and pandas read one row per span with a column per attribute."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.csv_table import write_csv
from annotator.formats.parquet_tables import write_parquet
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
