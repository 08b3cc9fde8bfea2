"""Quotation marks paired into direct-quote segments, paragraph by paragraph.

Straight marks, typographic marks (“ ” ‘ ’, and the Nordic ” ”), low-nine marks („ “) and
guillemets (« » and the reversed » «) are paired with a stack. Only the outermost pair of each
quote becomes a segment: nested quotes stay inside it. An apostrophe looks like a closing single
mark, so a single mark closes only in closing position, and a weak one (a letter before, a space
after, as in "workers’ union") gives way to a later strong one. An odd number of marks never
refuses the text: an opening mark left open ends its quote at the end of the paragraph, and the
quote carries on when the next paragraph opens again (the news convention for quotes that run
over several paragraphs) or closes without opening.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

# family of each opening mark, and the families each closing mark can end
_OPENERS = {"“": "double", "„": "low", "«": "guillemet", "‹": "single-guillemet", "‚": "low-1"}
#: every quotation mark the pairing reads
MARKS = "\"'“”„‘’‚«»‹›"
_OPEN_BEFORE = set("([{—–-/:;,") | set("\"'“”„‘’‚«»‹›")
_CLOSE_AFTER = set(".,;:!?)]}—–-…/") | set("\"'“”„‘’‚«»‹›")
_LOOKAHEAD = 64
_ELISION = re.compile(r"'(?:\d\ds|em\b|cause\b|til\b|n'|tis\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuoteSegment:
    """One quoted stretch inside one paragraph, marks included."""

    start: int
    end: int
    #: ended by a closing mark (False: open at the paragraph's end or cut by a new opening)
    closed: bool = True
    #: continues the last segment of the previous paragraph
    carried: bool = False


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)


def _weak_close(text: str, i: int) -> bool:
    """A single closing mark that may be a plural possessive ("the workers’ union")."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i - 1].isalpha() and after.isspace()


class _Paragraph:
    """The pairing state of one paragraph."""

    def __init__(
        self, text: str, start: int, end: int, carried_open: str | None, marks: list[int]
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.carried_open = carried_open
        self.stack: list[tuple[str, int]] = []
        self.segments: list[QuoteSegment] = []
        self.left_open: str | None = None
        #: where the paragraph's quotation marks are
        self.marks = marks

    def close(self, depth: int, end: int, closed: bool = True) -> None:
        """Close the stack entry at ``depth`` (and the unclosed ones above it)."""
        start = self.stack[depth][1]
        del self.stack[depth:]
        if depth == 0:
            self.segments.append(QuoteSegment(start, end, closed))

    def find(self, families: Iterable[str]) -> int | None:
        wanted = set(families)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] in wanted:
                return depth
        return None

    def close_carried(self, i: int) -> bool:
        """A closing mark with nothing open ends a quote carried over from the last paragraph."""
        if self.stack or self.segments or self.carried_open is None:
            return False
        self.segments.append(QuoteSegment(self.start, i + 1, True, carried=True))
        self.carried_open = None
        return True

    def later_strong_single_close(self, after: int) -> bool:
        start = bisect.bisect_right(self.marks, after)
        # A bounded look: a quote's own closing mark is never many marks away.
        for j in self.marks[start : start + _LOOKAHEAD]:
            char = self.text[j]
            if char in "‘‚" or (char == "'" and _opens(self.text, j) and not _closes(self.text, j)):
                return False
            if char in "’'" and _closes(self.text, j) and not _weak_close(self.text, j):
                return True
        return False

    def run(self) -> None:
        text = self.text
        for i in self.marks:
            char = text[i]
            if char == "“":
                depth = self.find(("low",))
                if depth is not None and depth == len(self.stack) - 1:
                    self.close(depth, i + 1)
                elif (depth := self.find(("double",))) is not None:
                    if _closes(text, i) and not _opens(text, i):
                        self.close(depth, i + 1)
                    else:
                        # Typographic doubles do not nest: the open one lost its closing mark.
                        self.close(depth, _trim_end(text, self.stack[depth][1], i), False)
                        self.stack.append(("double", i))
                else:
                    self.stack.append(("double", i))
            elif char == "”":
                depth = self.find(("double", "low"))
                if depth is not None:
                    self.close(depth, i + 1)
                elif _opens(text, i) and not _closes(text, i):
                    # Swedish and Finnish open with the closing mark: ”Vi vet,” sa hon.
                    self.stack.append(("double", i))
                else:
                    self.close_carried(i)
            elif char == '"':
                depth = self.find(("straight",))
                if depth is not None:
                    self.close(depth, i + 1)
                elif _opens(text, i):
                    self.stack.append(("straight", i))
                elif _closes(text, i):
                    self.close_carried(i)
            elif char in "„«‹‚":
                if char == "«" and (depth := self.find(("reversed",))) is not None:
                    self.close(depth, i + 1)
                else:
                    self.stack.append((_OPENERS[char], i))
            elif char in "»›":
                family = "guillemet" if char == "»" else "single-guillemet"
                depth = self.find((family,))
                if depth is not None:
                    self.close(depth, i + 1)
                elif char == "»" and _opens(text, i) and not _closes(text, i):
                    self.stack.append(("reversed", i))
            elif char == "‘":
                depth = self.find(("low-1",))
                if depth is not None and depth == len(self.stack) - 1:
                    self.close(depth, i + 1)
                elif _opens(text, i):
                    self.stack.append(("single", i))
            else:  # ’ or '
                self.single(i, char)
        if self.stack:
            family, start = self.stack[0]
            # A stray single mark is far more often an apostrophe than a quote left open,
            # unless it opens the paragraph or follows a colon (British quotes running over
            # paragraphs: "She told delegates: 'We have been patient.").
            if (
                family != "single"
                or start == _skip_space(text, self.start)
                or text[self.start : start].rstrip().endswith(":")
            ):
                self.segments.append(QuoteSegment(start, _trim_end(text, start, self.end), False))
                self.left_open = family
            self.stack.clear()

    def single(self, i: int, char: str) -> None:
        text = self.text
        depth = self.find(("single", "low-1"))
        if depth is not None and _closes(text, i):
            if _weak_close(text, i) and self.later_strong_single_close(i):
                return
            self.close(depth, i + 1)
        elif char == "'" and _opens(text, i) and not _ELISION.match(text, i):
            self.stack.append(("single", i))


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    while start < end and text[start].isspace():
        start += 1
    return start < end and text[start] in "\"'“„‘«»‚‹"


def quote_segments(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[QuoteSegment]:
    """Every top-level quoted segment of ``text``, in order, paragraph by paragraph."""
    out: list[QuoteSegment] = []
    carried: str | None = None
    # The marks of the whole text at once; most paragraphs of an article hold none.
    marks = mark_positions(text)
    for start, end in paragraphs:
        low = bisect.bisect_left(marks, start)
        high = bisect.bisect_left(marks, end, low)
        if low == high:
            carried = None  # nothing to pair, and a quote left open does not carry on
            continue
        paragraph = _Paragraph(text, start, end, carried, marks[low:high])
        paragraph.run()
        segments = paragraph.segments
        if carried is not None and segments and not segments[0].carried:
            first = segments[0]
            # A paragraph that opens with a quotation mark continues the open quote.
            if first.start == _skip_space(text, start) and _opens_paragraph(text, start, end):
                segments[0] = QuoteSegment(first.start, first.end, first.closed, carried=True)
        out.extend(segments)
        carried = paragraph.left_open
    return out


def mark_positions(text: str) -> list[int]:
    """Where the quotation marks of ``text`` are, in order: found mark by mark with
    ``str.find`` (a fast scan for one character), a third of the cost of one regex search
    for the set of them, which tests every character of the text."""
    out: list[int] = []
    find = text.find
    for mark in MARKS:
        at = find(mark)
        while at >= 0:
            out.append(at)
            at = find(mark, at + 1)
    out.sort()
    return out


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
