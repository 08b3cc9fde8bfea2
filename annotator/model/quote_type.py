"""A quote's type read off its marks: direct, indirect or mixed (the default schema's values)."""

from __future__ import annotations

from annotator.model.annotation import AttrValue
from annotator.model.schema import Schema

OPENING = "“‘«„‚‹\"'"
CLOSING = "”’»“‛›\"'"
ANY_MARK = '“”‘’«»„‚‹›"'
QUOTE_TYPE = "quote_type"
DIRECT, INDIRECT, MIXED = "direct", "indirect", "mixed"


def quote_type_of(text: str) -> str:
    """Marks at both ends: direct ("“We have heard…”"); no marks: indirect ("that Russia…");
    marks inside only: mixed (accession is “off the table.”). Apostrophes do not count."""
    stripped = text.strip()
    core = stripped.rstrip(".,;:!?")
    ends_marked = bool(core) and (core[-1] in CLOSING or stripped[-1] in CLOSING)
    if len(core) >= 2 and core[0] in OPENING and ends_marked:
        return DIRECT
    inner = core.replace("’", "").replace("'", "")
    return MIXED if any(mark in inner for mark in ANY_MARK) else INDIRECT


def prefilled_quote_type(schema: Schema, label: str, text: str) -> dict[str, AttrValue]:
    """``{"quote_type": ...}`` for a new span of ``label``, where the schema has that attribute
    with these values; nothing otherwise (a custom schema keeps its own rules)."""
    attribute = schema.span_attribute(label, QUOTE_TYPE)
    if attribute is None:
        return {}
    guess = quote_type_of(text)
    return {QUOTE_TYPE: guess} if guess in attribute.values else {}
