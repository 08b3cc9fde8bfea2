"""Span boundaries on words: snapping a selection and moving a boundary by one word.

Pure text logic shared by the window and tests; offsets are code points, end-exclusive.
"""

from __future__ import annotations

# Apostrophes (' and ’ inside words) are not marks here: they are part of the word.
OPENING_MARKS = '“‘«„‚‹"'
CLOSING_MARKS = '”’»“›"'


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "_'’-"


def _unbalanced(text: str) -> int:
    """Opening minus closing typographic marks (straight quotes count when they open)."""
    opening = sum(text.count(c) for c in "“«„‚‹")
    closing = sum(text.count(c) for c in "”»›")
    straight = text.count('"')
    return opening - closing + (1 if straight % 2 else 0)


def _close_quote(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection of a quote that stops just short of its marks takes them in: a drag ending
    between "." and "”" (or starting just after "“") belongs to the whole quotation."""
    while end < len(text) and text[end] in CLOSING_MARKS and not text[end - 1].isspace():
        if _unbalanced(text[start:end]) <= 0:
            break
        end += 1
    while start > 0 and text[start - 1] in OPENING_MARKS and not text[start].isspace():
        if _unbalanced(text[start:end]) >= 0:
            break
        start -= 1
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading and trailing white space; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def snap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim white space, then widen both ends to whole words (a half-selected word counts)."""
    trimmed = trim(text, start, end)
    if trimmed is None:
        return None
    start, end = trimmed
    if _is_word(text[start]):
        while start > 0 and _is_word(text[start - 1]):
            start -= 1
    if _is_word(text[end - 1]):
        while end < len(text) and _is_word(text[end]):
            end += 1
    return _close_quote(text, start, end)


def next_word_end(text: str, position: int) -> int:
    """The end of the word at or after ``position`` (skipping spaces and punctuation first)."""
    n = len(text)
    while position < n and not _is_word(text[position]):
        position += 1
    while position < n and _is_word(text[position]):
        position += 1
    return position


def previous_word_start(text: str, position: int) -> int:
    """The start of the word before ``position``."""
    while position > 0 and not _is_word(text[position - 1]):
        position -= 1
    while position > 0 and _is_word(text[position - 1]):
        position -= 1
    return position


def move_boundary(
    text: str, start: int, end: int, edge: str, forward: bool
) -> tuple[int, int] | None:
    """Move the span's ``edge`` ("start" or "end") one word; None when it would empty the span."""
    if edge == "start":
        if forward:
            new_start = next_word_end(text, start)
            # Skip to the start of the following word so the span keeps whole words.
            while new_start < end and not _is_word(text[new_start]):
                new_start += 1
        else:
            new_start = _punctuation_before(text, start)
            if new_start == start:
                new_start = previous_word_start(text, start)
        return (new_start, end) if new_start < end else None
    if forward:
        # Punctuation glued to the end (".”", "?”", "),") comes first, then the next word.
        new_end = _punctuation_after(text, end)
        if new_end == end:
            new_end = next_word_end(text, end)
    else:
        new_end = previous_word_start(text, end)
        while new_end > start and text[new_end - 1].isspace():
            new_end -= 1
    return (start, new_end) if start < new_end else None


def _punctuation_after(text: str, end: int) -> int:
    """The end of the run of punctuation right after ``end`` (no space between), or ``end``."""
    n = len(text)
    while end < n and not text[end].isspace() and not _is_word(text[end]):
        end += 1
    return end


def _punctuation_before(text: str, start: int) -> int:
    """The start of the run of punctuation right before ``start``, or ``start``."""
    while start > 0 and not text[start - 1].isspace() and not _is_word(text[start - 1]):
        start -= 1
    return start
