"""The plain-text table for the command line."""

from __future__ import annotations

from annotator.agreement import agreement_report, render_table
from annotator.agreement.table import format_cell


def test_cells():
    assert format_cell(None) == "undefined"
    assert format_cell(0.84999) == "0.850"
    assert format_cell(1.0) == "1.000"
    assert format_cell(12) == "12"
    assert format_cell("A|B") == "A|B"


def test_table_shows_every_section_in_fixed_width_columns(quote_schema, make_set):
    sets = [
        make_set("d", "A", [(0, 10, "QUOTE", {"stance": "favor"}), (20, 30, "QUOTE")],
                 doc_attrs={"relevance": "relevant"}),
        make_set("d", "B", [(0, 10, "QUOTE", {"stance": "against"}), (22, 30, "QUOTE")],
                 doc_attrs={"relevance": "relevant"}),
    ]  # fmt: skip
    text = render_table(agreement_report(sets, quote_schema))
    for title in (
        "Spans, pairwise",
        "Span F1 per label",
        "Unitizing alpha",
        "Span attributes",
        "Span attributes per pair",
        "Document attributes",
        "Disagreements: 2",
    ):
        assert title in text
    assert "undefined" in text  # e.g. CUE: nobody used it
    assert "0.500" in text  # exact span F1 of A|B
    lines = text.splitlines()
    # In each table the rule under the header fixes the column starts; rows keep to them.
    for number, line in enumerate(lines):
        if line.startswith("-"):
            starts = [
                i for i, ch in enumerate(line) if ch == "-" and (i == 0 or line[i - 1] == " ")
            ]
            table = []
            for row in lines[number + 1 :]:
                if not row:
                    break
                table.append(row)
            for row in [lines[number - 1], *table]:
                for start in starts[1:]:
                    assert row[start - 1] == " ", (row, start)
