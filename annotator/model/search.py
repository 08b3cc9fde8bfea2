"""Finding text in documents: every occurrence, case-insensitive, as code point ranges."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model.ids import DocumentId


@dataclass(frozen=True, slots=True)
class Hit:
    document: DocumentId
    start: int
    end: int
    snippet: str
    why: str = "text"


def find_all(text: str, term: str) -> list[tuple[int, int]]:
    """Every occurrence of ``term`` in ``text``, ignoring case; offsets index ``text`` itself."""
    if not term:
        return []
    # casefold() may change lengths (ß -> ss); lower() keeps offsets aligned for most scripts.
    haystack, needle = text.lower(), term.lower()
    if len(haystack) != len(text):
        haystack, needle = text, term
    found, start = [], haystack.find(needle)
    while start >= 0:
        found.append((start, start + len(needle)))
        start = haystack.find(needle, start + max(len(needle), 1))
    return found


def snippet(text: str, start: int, end: int, context: int = 40) -> str:
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())
