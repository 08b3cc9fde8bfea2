"""Paragraphs, sentences and tokens of a news text, with each direct quote as one token.

Offsets are code points into the document text. A quoted segment is atomic: a sentence never
ends inside it, and its words are never read as cues or speakers. A sentence does end after a
quote that ends in ``.``, ``!`` or ``?`` when a capital follows (“We won.” Smith said. makes
two sentences; the attribution finder joins an attribution-only sentence back to its quote).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from annotator.suggest.lexicon import Lexicon
from annotator.suggest.marks import QuoteSegment

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., a.m.
    r"|\w+(?:[-'’&]\w+)*"  # words, Ukraine’s, Neville-Shaw, AT&T
    r"|\S",  # anything else, one character at a time
)
_SENTENCE_END = re.compile(r"[.!?…]+")
_OPENING = "\"'“„‘«»‚‹([{"
_CLOSING_TAIL = "\"'”’»›)]}"


class Kind(IntEnum):
    WORD = 1
    PUNCT = 2
    QUOTE = 3


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: Kind
    #: the index of the quote segment this token stands for (QUOTE tokens only)
    quote: int = -1

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return self.kind == Kind.WORD and self.text[:1].isupper()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    tokens: list[Token] = field(default_factory=list)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph without its surrounding white space.

    A line break is a paragraph break, except inside a hard-wrapped sentence (a line that
    ends in a letter, comma or hyphen followed by one that starts in lower case).
    """
    out: list[tuple[int, int]] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        before = match.start()
        after = match.end()
        if (
            before > start
            and (text[before - 1].isalpha() or text[before - 1] in ",-")
            and after < len(text)
            and text[after].islower()
        ):
            continue
        _add(out, text, start, before)
        start = after
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


class Splitter:
    """Splits paragraphs into sentences of tokens; one per document (it holds the quotes)."""

    def __init__(self, text: str, quotes: Sequence[QuoteSegment], lexicon: Lexicon) -> None:
        self.text = text
        self.quotes = quotes
        self.abbreviations = lexicon.abbreviations

    def sentences(self, spans: Sequence[tuple[int, int]]) -> list[Sentence]:
        out: list[Sentence] = []
        quotes = self.quotes
        q = 0
        for number, (start, end) in enumerate(spans):
            while q < len(quotes) and quotes[q].end <= start:
                q += 1
            first = q
            while q < len(quotes) and quotes[q].start < end:
                q += 1
            out.extend(self._split(start, end, number, range(first, q)))
        return out

    def _split(self, start: int, end: int, paragraph: int, quotes: range) -> list[Sentence]:
        tokens = self._tokens(start, end, quotes)
        out: list[Sentence] = []
        current: list[Token] = []
        for index, token in enumerate(tokens):
            current.append(token)
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and self._ends_sentence(tokens, index, following):
                out.append(Sentence(current[0].start, token.end, paragraph, current))
                current = []
        if current:
            out.append(Sentence(current[0].start, current[-1].end, paragraph, current))
        return out

    def _tokens(self, start: int, end: int, quotes: range) -> list[Token]:
        text = self.text
        out: list[Token] = []
        position = start
        for index in [*quotes, None]:
            stop = end if index is None else max(position, self.quotes[index].start)
            for match in _TOKEN.finditer(text, position, stop):
                word = match.group()
                if word[0].isalnum() or word[0] == "_":
                    out.append(Token(match.start(), match.end(), word, Kind.WORD))
                elif word == "." and out and self._abbreviation(out[-1], match.start()):
                    # "Gen." and "Mr." keep their full stop: it ends no sentence.
                    last = out[-1]
                    last.end = match.end()
                    last.text = text[last.start : last.end]
                else:
                    out.append(Token(match.start(), match.end(), word, Kind.PUNCT))
            if index is not None:
                segment = self.quotes[index]
                out.append(
                    Token(
                        segment.start,
                        segment.end,
                        text[segment.start : segment.end],
                        Kind.QUOTE,
                        index,
                    )
                )
                position = segment.end
        return out

    def _abbreviation(self, word: Token, at: int) -> bool:
        if word.end != at or word.kind != Kind.WORD:
            return False
        # Single capitals are initials ("Michael J. Fox"), not sentence ends.
        return word.text in self.abbreviations or (len(word.text) == 1 and word.text.isupper())

    def _ends_sentence(self, tokens: list[Token], index: int, following: Token) -> bool:
        token = tokens[index]
        if token.kind == Kind.QUOTE:
            inner = token.text.rstrip(_CLOSING_TAIL)
            ends = bool(inner) and inner[-1] in ".!?…"
        elif token.kind == Kind.PUNCT:
            ends = bool(_SENTENCE_END.fullmatch(token.text)) or (
                token.text in _CLOSING_TAIL and index > 0 and tokens[index - 1].text in ".!?"
            )
            # "U.S." at the end of a sentence keeps its dot inside the token.
        else:
            ends = token.text.endswith(".") and token.text.count(".") > 1
            ends = ends and following.capitalised and following.text not in self.abbreviations
            return ends and following.text[:1].isupper() and _is_sentence_start(following)
        if not ends:
            return False
        if token.kind == Kind.PUNCT and following.kind == Kind.PUNCT:
            return following.text in _OPENING
        return (
            following.kind == Kind.QUOTE
            or following.text[:1].isupper()
            or (following.text[:1].isdigit())
        )


def _is_sentence_start(token: Token) -> bool:
    # After "U.S." a capital usually continues the name ("U.S. President"); only a few
    # words clearly open a new sentence.
    return token.text in {"The", "A", "He", "She", "It", "They", "We", "But", "In", "On"}
