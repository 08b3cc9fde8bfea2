"""The claims dataset: one JSONL row per quote with a claim type.

Fields: text (the quote), context (its sentence, or paragraph), claim_type, checkworthy,
commitment, speaker (see :mod:`annotator.model.attribution`), document. Missing values
are null.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.layer import Layer, Output
from annotator.formats.quote_rows import Context, Quote, quotes, require, write_rows
from annotator.formats.summary import TransferSummary
from annotator.model.schema import Schema

FIELDS = ("claim_type", "checkworthy", "commitment")


def write_claims(
    items: Layer, schema: Schema, out: Output, *, context: Context = "sentence"
) -> TransferSummary:
    """Write the rows of every quote with a claim type."""
    require(schema, "claim_type", "claims")
    summary = TransferSummary()

    def row(quote: Quote) -> dict[str, Any]:
        attrs = quote.span.attrs
        return {
            "text": quote.text,
            "context": quote.context,
            "claim_type": attrs["claim_type"],
            "checkworthy": attrs.get("checkworthy"),
            "commitment": attrs.get("commitment"),
            "speaker": quote.speaker,
            "document": quote.document.id,
        }

    rows = quotes(
        items, summary, dataset="claims", key="claim_type", fields=FIELDS, context=context
    )
    write_rows(out, rows, row)
    return summary
