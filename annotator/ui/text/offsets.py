"""Offset mapping between stored text (code points) and a QTextDocument (UTF-16 positions).

The stored text is immutable and addressed by Python code-point offsets (docs/design.md 2). The
text view shows a *display string* derived from it, and Qt counts positions in UTF-16 code
units. Two things make the counts differ:

* an astral character (above U+FFFF, e.g. most emoji) is one code point but two UTF-16 units;
* a ``\\r\\n`` pair is two code points but one paragraph break in the display string.

A lone ``\\r`` becomes one paragraph break (one for one); NBSP is left alone (Qt only rewrites
it in ``toPlainText``, which we never call). Everything else is one for one, so the mapping is
piecewise linear between those "events", and both directions are a bisect over the sorted
event positions: O(log n) per call, O(number of events) memory.

Offsets that fall inside a unit of the other side round down: code point ``i + 1`` of a
``\\r\\n`` at ``i`` maps to the position before the break (the ``\\r`` has zero width on
screen), and a Qt position between the two halves of a surrogate pair maps to the astral
character's own offset. Consequently ``from_qt`` returns the smallest code point that maps to
a position, and ``from_qt(to_qt(cp)) == cp`` for every offset not inside a ``\\r\\n`` pair.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Both patterns are scanned by the regex engine in C: a 5 MB text costs milliseconds, where
# a Python loop over the characters would cost a few hundred.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_CRLF = re.compile("\r\n")


class OffsetMap:
    """Maps code point offsets of ``text`` to Qt positions in ``display_text`` and back."""

    __slots__ = (
        "_cp_len",
        "_cp_starts",
        "_cp_widths",
        "_display",
        "_qt_len",
        "_qt_starts",
        "_qt_widths",
    )

    def __init__(self, text: str) -> None:
        # Event k covers code points [cp_starts[k], cp_starts[k] + cp_widths[k]) and Qt
        # positions [qt_starts[k], qt_starts[k] + qt_widths[k]).
        events: list[tuple[int, int, int]] = []
        if not text.isascii():
            events.extend((m.start(), 1, 2) for m in _ASTRAL.finditer(text))
        if "\r" in text:
            events.extend((m.start(), 2, 1) for m in _CRLF.finditer(text))
            events.sort()
        self._cp_starts = [cp for cp, _, _ in events]
        self._cp_widths = [w for _, w, _ in events]
        self._qt_widths = [w for _, _, w in events]
        self._qt_starts: list[int] = []
        shift = 0
        for cp, cp_width, qt_width in events:
            self._qt_starts.append(cp + shift)
            shift += qt_width - cp_width
        self._cp_len = len(text)
        self._qt_len = len(text) + shift
        if "\r" in text:
            self._display = text.replace("\r\n", "\n").replace("\r", "\n")
        else:
            self._display = text  # no copy: the common case costs no memory

    @property
    def display_text(self) -> str:
        """The string to give the widget: the stored text with ``\\r\\n`` and ``\\r`` as ``\\n``."""
        return self._display

    @property
    def cp_length(self) -> int:
        """Length of the stored text in code points."""
        return self._cp_len

    @property
    def qt_length(self) -> int:
        """Length of the display text in UTF-16 units (the last valid Qt position)."""
        return self._qt_len

    def to_qt(self, cp: int) -> int:
        """The Qt position of code point offset ``cp`` (0 <= cp <= len(text))."""
        if not 0 <= cp <= self._cp_len:
            raise IndexError(f"code point offset {cp} outside 0..{self._cp_len}")
        k = bisect_right(self._cp_starts, cp) - 1
        if k < 0:
            return cp
        inside = cp - self._cp_starts[k]
        if inside == 0:
            return self._qt_starts[k]
        if inside < self._cp_widths[k]:
            return self._qt_starts[k]  # between \r and \n: before the break
        return self._qt_starts[k] + self._qt_widths[k] + inside - self._cp_widths[k]

    def from_qt(self, pos: int) -> int:
        """The code point offset of Qt position ``pos`` (0 <= pos <= qt_length)."""
        if not 0 <= pos <= self._qt_len:
            raise IndexError(f"Qt position {pos} outside 0..{self._qt_len}")
        k = bisect_right(self._qt_starts, pos) - 1
        if k < 0:
            return pos
        inside = pos - self._qt_starts[k]
        if inside < self._qt_widths[k]:
            return self._cp_starts[k]  # inside a surrogate pair: the astral character
        return self._cp_starts[k] + self._cp_widths[k] + inside - self._qt_widths[k]

    def clamp_from_qt(self, pos: int) -> int:
        """``from_qt`` for positions reported by Qt, which may include the final block end."""
        return self.from_qt(min(max(pos, 0), self._qt_len))

    def __repr__(self) -> str:
        return f"OffsetMap(cp_length={self._cp_len}, qt_length={self._qt_len})"
