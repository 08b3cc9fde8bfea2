"""Sentences and tokens for a CAS we write: INCEpTION refuses a document without sentences.

Sentences are the text's lines, merged where a span would cross from one into the next (so a
layer that may not cross sentences still takes every span); tokens are words and single
punctuation marks, cut again at every span boundary that falls inside one (so a layer anchored
on tokens still takes every span exactly).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

_LINE = re.compile(r"[^\r\n]+")
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

Range = tuple[int, int]


def sentences(text: str, spans: Iterable[Range]) -> list[Range]:
    """Disjoint sentence ranges in text order; every span lies inside exactly one."""
    pieces: list[Range] = []
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            pieces.append((start, end))
    pieces.extend((start, end) for start, end in spans if start < end)
    pieces.sort()
    merged: list[Range] = []
    for start, end in pieces:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def tokens(text: str, sentence: Range, cuts: Sequence[int]) -> list[Range]:
    """The tokens of one sentence, split at ``cuts`` (sorted span boundaries) inside one."""
    start, end = sentence
    inside = cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]
    out: list[Range] = []
    for match in _TOKEN.finditer(text, start, end):
        begin, finish = match.start(), match.end()
        for cut in inside[bisect_right(inside, begin) : bisect_left(inside, finish)]:
            out.append((begin, cut))
            begin = cut
        out.append((begin, finish))
    return out
