"""CSV export: one row per span, with the columns of the Parquet span table."""

from __future__ import annotations

import csv

from annotator.formats.layer import Layer, Output, text_output
from annotator.formats.span_rows import SpanTable
from annotator.formats.summary import TransferSummary
from annotator.model.schema import Schema


def write_csv(items: Layer, schema: Schema, out: Output) -> TransferSummary:
    """Write the span rows of every document with a set; a header row first.

    Document attributes have no place in a table of spans: they are counted as not carried.
    Unset attributes are empty cells.
    """
    summary = TransferSummary()
    table = SpanTable(schema)
    with text_output(out) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(table.columns)
        for document, annotation in items:
            summary.documents += 1
            if annotation is None:
                continue
            writer.writerows(table.rows(document, annotation, summary))
            for name in annotation.doc_attrs:
                summary.lose(f"document attribute {name}: CSV has one row per span")
    return summary
