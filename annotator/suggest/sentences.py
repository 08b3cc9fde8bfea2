"""Paragraphs, sentences and tokens of a news text, with each direct quote as one token.

Offsets are code points into the document text. A quoted segment is atomic: a sentence never
ends inside it, and its words are never read as cues or speakers. A sentence does end after a
quote that ends in ``.``, ``!`` or ``?`` when a capital follows (“We won.” Smith said. makes
two sentences; the attribution finder joins an attribution-only sentence back to its quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from annotator.suggest.letters import UPPER
from annotator.suggest.lexicon import Lexicon
from annotator.suggest.marks import QuoteSegment

_SPACE_RUN = re.compile(r"\s*")
_ONE_BREAK = frozenset({"\r\n", "\r", "\n"})
# (the white space before it, a word, or any other character): one tuple per token.
# A word that opens with two word characters is tried first: the alternatives before the
# general one need a "-" or "." second, so the match is the same, with fewer failed tries.
_SPACED_TOKEN = re.compile(
    r"(\s*)(?:(\w\w+(?:[-'’&]\w+)*"
    r"|[RDI]-(?:[A-Z]\.)+|[RDI]-[A-Z][a-z]+\.?"  # party and state: D-N.Y., R-Ohio
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # U.S., a.m.
    r"|\w+(?:[-'’&]\w+)*)"  # words, Ukraine’s, Neville-Shaw, AT&T
    r"|(\S))",  # anything else, one character at a time
)
# A sentence ends after . ! ? (and any closing marks) before a capital, digit or opening mark
# (” too: Nordic quotes open with it).
# Written [.!?…][.!?…]* rather than [.!?…]+: a pattern that opens with a plain character set
# lets the regex engine skip ahead to the next candidate, twice as fast over a paragraph.
_BOUNDARY = re.compile(rf"[.!?…][.!?…]*([\"'”’»›)\]]*)\s+(?=[\"'“‘„«”(\[]*[{UPPER}0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_QUOTE_OPENERS = '"“‘«„'
_SENTENCE_OPENERS = frozenset(["The", "A", "He", "She", "It", "They", "We", "But", "In", "On"])


class Kind(IntEnum):
    WORD = 1
    PUNCT = 2
    QUOTE = 3


_WORD = Kind.WORD
_PUNCT = Kind.PUNCT


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    kind: Kind
    #: the text in lower case, computed once: every rule compares it
    lower: str
    #: the index of the quote segment this token stands for (QUOTE tokens only)
    quote: int = -1


@dataclass(slots=True)
class Sentence:
    """A sentence of one paragraph; its tokens are made on first use (most sentences of a
    long article hold no cue and no quote, and are never tokenised)."""

    start: int
    end: int
    paragraph: int
    splitter: Splitter = field(repr=False)
    #: the quote segments (indices) inside the sentence
    quotes: range = range(0)
    _tokens: list[Token] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = self.splitter.tokens(self.start, self.end, self.quotes)
        return self._tokens


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph without its surrounding white space.

    A line break is a paragraph break, except inside a hard-wrapped sentence (a line that
    ends in a letter, comma or hyphen followed by one that starts in lower case).
    """
    out: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    # One step per line break and the white space after it ("\n\n" between paragraphs),
    # not one per break: a break with white space after it is never inside a sentence.
    for before, after in _breaks(text):
        if (
            after - before <= 2
            and text[before:after] in _ONE_BREAK
            and before > start
            and (text[before - 1].isalpha() or text[before - 1] in ",-")
            and after < size
            and text[after].islower()
        ):
            continue
        _add(out, text, start, before)
        start = after
    _add(out, text, start, size)
    return out


def _breaks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line break (CR, LF or CR LF) with the white space after it, in
    order, as the pattern ``(?:\\r\\n|\\r|\\n)\\s*`` finds them, but by ``str.find``: a fast
    scan for one character, where the regex engine tries a match at every character."""
    find = text.find
    newline = find("\n")
    carriage = find("\r")
    while newline >= 0 or carriage >= 0:
        at = newline if carriage < 0 or 0 <= newline < carriage else carriage
        end = _SPACE_RUN.match(text, at + 1).end()  # type: ignore[union-attr]
        yield at, end
        if newline >= 0 and newline < end:
            newline = find("\n", end)
        if carriage >= 0 and carriage < end:
            carriage = find("\r", end)


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


class Splitter:
    """Splits paragraphs into sentences; one per document (it holds the quotes)."""

    def __init__(self, text: str, quotes: Sequence[QuoteSegment], lexicon: Lexicon) -> None:
        self.text = text
        self.quotes = quotes
        self.abbreviations = lexicon.abbreviations

    def sentences(
        self, spans: Sequence[tuple[int, int]], cues: Sequence[int] | None = None
    ) -> list[Sentence]:
        """The sentences of the paragraphs ``spans`` (numbered by their place in it). Given
        ``cues`` (where cue words start, in order), a paragraph with neither a quote nor a
        cue is left out: no rule reads its sentences, and splitting it is a tenth of the
        suggester's time."""
        out: list[Sentence] = []
        quotes = self.quotes
        q = 0
        for number, (start, end) in enumerate(spans):
            while q < len(quotes) and quotes[q].end <= start:
                q += 1
            first = q
            while q < len(quotes) and quotes[q].start < end:
                q += 1
            if cues is not None and first == q:
                at = bisect_left(cues, start)
                if at == len(cues) or cues[at] >= end:
                    continue
            out.extend(self._split(start, end, number, first, q))
        return out

    def _split(self, start: int, end: int, paragraph: int, first: int, last: int) -> list[Sentence]:
        text = self.text
        quotes = self.quotes
        out: list[Sentence] = []
        q = first
        begin = start
        for match in _BOUNDARY.finditer(text, start, end):
            # After closing marks the cut is past the quote; a bare full stop is its own place.
            cut = match.end(1) if match.group(1) else match.start()
            while q < last and quotes[q].end <= cut:
                q += 1
            if q < last and quotes[q].start < cut:
                continue  # inside a quote: quotes are atomic
            if not match.group(1) and self._abbreviation(match.start()):
                continue
            boundary = match.end(1) if match.group(1) else match.end()
            out.append(self._sentence(begin, boundary, paragraph, first, last))
            begin = match.end()
        if begin < end:
            out.append(self._sentence(begin, end, paragraph, first, last))
        return out

    def _sentence(self, start: int, end: int, paragraph: int, first: int, last: int) -> Sentence:
        quotes = self.quotes
        while first < last and quotes[first].end <= start:
            first += 1
        stop = first
        while stop < last and quotes[stop].start < end:
            stop += 1
        return Sentence(start, end, paragraph, self, range(first, stop))

    def _abbreviation(self, dot: int) -> bool:
        """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
        found = _WORD_BEFORE.search(self.text, max(0, dot - 16), dot + 1)
        if found is None:
            return False
        word = found.group(1)
        if "." in word:
            # "U.S." ends a sentence only before a word that clearly opens one, or a quote
            # that opens with a capital ("at 2:30 p.m. “There's no hurry.”").
            after = self.text[dot + 1 : dot + 12].split()
            return not after or not (
                after[0] in _SENTENCE_OPENERS
                or (after[0][:1] in _QUOTE_OPENERS and after[0][1:2].isupper())
            )
        return word in self.abbreviations or (len(word) == 1 and word.isupper())

    def tokens(self, start: int, end: int, quotes: range) -> list[Token]:
        """The tokens of text[start:end], each quote segment in ``quotes`` as one token."""
        # The hot loop of the suggester: names bound locally, no enum lookups per token, and
        # findall's plain tuples instead of a match object per token (a sixth cheaper):
        # each token's offset is the sum of the lengths before it.
        text = self.text
        out: list[Token] = []
        append = out.append
        make = Token
        word_kind, punct_kind = _WORD, _PUNCT
        position = start
        for index in [*quotes, None]:
            stop = end if index is None else max(position, self.quotes[index].start)
            at = position
            for space, word, other in _SPACED_TOKEN.findall(text, position, stop):
                at += len(space)
                if word:
                    finish = at + len(word)
                    append(make(at, finish, word, word_kind, word.lower()))
                else:
                    finish = at + 1
                    if (other == "." and out and self._abbreviation_token(out[-1], at)) or (
                        other in "!?" and out and self._name_mark(out[-1], at)
                    ):
                        # "Gen." and "Mr." keep their full stop: it ends no sentence; so do
                        # "Which?" and "Yahoo!" their marks, a name's last letter.
                        last = out[-1]
                        last.end = finish
                        last.text = text[last.start : finish]
                        last.lower = last.text.lower()
                    else:
                        append(make(at, finish, other, punct_kind, other))
                at = finish
            if index is not None:
                segment = self.quotes[index]
                quoted = text[segment.start : segment.end]
                append(make(segment.start, segment.end, quoted, Kind.QUOTE, quoted.lower(), index))
                position = min(end, segment.end)
        return out

    def _name_mark(self, word: Token, at: int) -> bool:
        """Whether the "!" or "?" at ``at`` ends the capitalised name before it: a word runs
        on after it in lower case ("Which? said", "Yahoo! shares", "told OK! magazine")."""
        text = self.text
        return (
            word.end == at
            and word.text[:1].isupper()
            and text[at + 1 : at + 2] == " "
            and text[at + 2 : at + 3].islower()
        )

    def _abbreviation_token(self, word: Token, at: int) -> bool:
        if word.end != at or word.kind != Kind.WORD:
            return False
        return word.text in self.abbreviations or (len(word.text) == 1 and word.text.isupper())
