"""A minimal word tokenizer for formats that need tokens (Prodigy): words, numbers and single
punctuation marks, with character offsets and trailing whitespace, as spaCy reports them.

Kept small on purpose: exporters split tokens further at span boundaries, so spans never
depend on how this tokenizer decides.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    #: whether whitespace follows the token
    ws: bool


def tokenize(text: str, starts: Iterable[int] = (), ends: Iterable[int] = ()) -> list[Token]:
    """Tokens of ``text`` such that every offset in ``starts`` begins a token and every one
    in ``ends`` ends one (whitespace a span begins or ends with becomes a token of its own,
    as spaCy makes of extra spaces)."""
    first = {c for c in starts if 0 <= c < len(text)}
    last = {c for c in ends if 0 < c <= len(text)}
    edges = first | last | {0, len(text)}
    for match in _TOKEN.finditer(text):
        edges.update(match.span())
    ordered = sorted(edges)
    pieces = [
        (start, end)
        for start, end in itertools.pairwise(ordered)
        if text[start:end].strip() or start in first or end in last
    ]
    tokens: list[Token] = []
    for index, (start, end) in enumerate(pieces):
        following = pieces[index + 1][0] if index + 1 < len(pieces) else len(text)
        tokens.append(Token(start, end, following > end and text[end : end + 1].isspace()))
    return tokens
