"""A span's text as a short quoted snippet for lists and messages, never with doubled marks."""

from __future__ import annotations

#: Opening and closing marks of the quotation styles news text uses.
QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


def snippet(text: str, width: int = 60) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def quoted(text: str, width: int = 60) -> str:
    """The snippet in “marks”, unless it starts with a quotation mark of its own: a direct
    quote already shows its marks, and wrapping it gave “““We have…"."""
    flat = snippet(text, width)
    return flat if flat[:1] in QUOTE_MARKS else f"“{flat}”"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 span``, ``2 spans``: a plain -s, or ``many`` where the plural is another phrase
    ("speaker or target", "speakers and targets")."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {many}" if many is not None else f"{count} {noun}s"


def have(count: int) -> str:
    """The verb after a counted noun: ``1 document has``, ``2 documents have``."""
    return "has" if count == 1 else "have"
