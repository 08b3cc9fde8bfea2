"""Tokens and sentences of plain text, with their character offsets, for the token formats."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

# Abbreviations whose period does not end a sentence; compared without the period, any case.
# fmt: off
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "col", "lt",
    "sgt", "capt", "cmdr", "adm", "maj", "pres", "rev", "hon", "mt", "ft", "inc", "ltd", "corp",
    "dept", "univ", "vs", "etc", "approx", "vol", "fig", "jan", "feb", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
})
# fmt: on
_MARK = "\u0300-\u036f"  # combining accents belong to the letter before them
_TOKEN = re.compile(
    rf"""
    (?:[^\W\d_][{_MARK}]*\.){{2,}}            # initialisms: U.S., e.g., U.K.
    | \d+(?:[.,:/]\d+)*                      # numbers: 1,000.50  12:30  24/7
    | [\w{_MARK}]+(?:['’\-][\w{_MARK}]+)*\.?  # words, with inner apostrophes and hyphens
    | \S                                     # any other character stands alone
    """,
    re.VERBOSE,
)
_ENDERS = frozenset(".!?…")
# What may follow the sentence's final mark and still belong to it: "No." he said.
_CLOSERS = frozenset("\"'”’»)]}")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Words, numbers and punctuation with their code-point offsets; whitespace is never a token.

    A word's trailing period stays only on known abbreviations ("Mr.") so that it can still
    end a sentence everywhere else.
    """
    out: list[Token] = []
    append = out.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if (
            len(word) > 1
            and word[-1] == "."
            and word.count(".") == 1
            and word[:-1].lower() not in ABBREVIATIONS
        ):
            append(Token(word[:-1], start, end - 1))
            append(Token(".", end - 1, end))
            continue
        append(Token(word, start, end))
    return out


def sentences(text: str) -> list[list[Token]]:
    """The tokens grouped into sentences: a sentence ends after ``.``, ``!``, ``?`` or ``…``
    (with any closing quotes or brackets that follow) and at every line break."""
    out: list[list[Token]] = []
    current: list[Token] = []
    ended = False
    previous_end = 0
    for token in tokenize(text):
        line_break = "\n" in text[previous_end : token.start]
        if current and (line_break or (ended and token.text not in _CLOSERS)):
            out.append(current)
            current = []
            ended = False
        current.append(token)
        if token.text in _ENDERS:
            ended = True
        previous_end = token.end
    if current:
        out.append(current)
    return out


class SentenceIndex:
    """Finds the sentences (or paragraphs) around a character range of one text."""

    def __init__(self, text: str, paragraphs: bool = False) -> None:
        self.text = text
        if paragraphs:
            bounds = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*\S)?", text)]
        else:
            bounds = [(s[0].start, s[-1].end) for s in sentences(text)]
        self.starts = [start for start, _ in bounds]
        self.ends = [end for _, end in bounds]

    def around(self, start: int, end: int) -> str:
        """The text of every sentence the range touches, from the first one's start to the
        last one's end; the range itself when it lies between sentences."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end) - 1
        if first > last:
            return self.text[start:end]
        return self.text[min(start, self.starts[first]) : max(end, self.ends[last])]
