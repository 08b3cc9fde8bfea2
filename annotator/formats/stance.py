"""The stance dataset: one JSONL row per quote with a stance, in the SemEval-2016 task shape.

Fields: text (the quote), context (its sentence, or paragraph), target, target_definition
(from the project's target list), stance, speaker (see :mod:`annotator.model.attribution`),
quote_type, document. Missing values are null.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.formats.layer import Layer, Output
from annotator.formats.quote_rows import Context, Quote, quotes, require, write_rows
from annotator.formats.summary import TransferSummary
from annotator.model import Target
from annotator.model.schema import Schema

FIELDS = ("target", "stance", "quote_type")


def write_stance(
    items: Layer,
    schema: Schema,
    out: Output,
    *,
    targets: Iterable[Target] = (),
    context: Context = "sentence",
) -> TransferSummary:
    """Write the rows; ``targets`` (the project's list) gives each target its definition."""
    require(schema, "stance", "stance")
    definitions = {t.label: t.definition for t in targets}
    summary = TransferSummary()

    def row(quote: Quote) -> dict[str, Any]:
        attrs = quote.span.attrs
        target = attrs.get("target")
        return {
            "text": quote.text,
            "context": quote.context,
            "target": target,
            "target_definition": definitions.get(str(target)) or None,
            "stance": attrs["stance"],
            "speaker": quote.speaker,
            "quote_type": attrs.get("quote_type"),
            "document": quote.document.id,
        }

    rows = quotes(items, summary, dataset="stance", key="stance", fields=FIELDS, context=context)
    write_rows(out, rows, row)
    return summary
