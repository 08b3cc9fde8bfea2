"""A train/dev/test split by document: parsed from ``train=0.8,dev=0.1,test=0.1``, seeded.

Each document's place comes from a hash of the seed and its id, never from its position, so
the same seed puts the same documents in the same part whatever the format and whatever the
order the documents arrive in; the part sizes are the fractions of N rounded so that they add
up to N (largest remainder).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from annotator.errors import AnnotatorError
from annotator.model import Document

_TOLERANCE = 1e-9

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Split:
    """Named parts and their fractions, in the order given."""

    parts: tuple[tuple[str, float], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.parts)

    def sizes(self, total: int) -> list[int]:
        """How many of ``total`` documents each part gets: every size is the part's share
        rounded down or up, the largest remainders rounded up, so that they add up."""
        shares = [fraction * total for _, fraction in self.parts]
        sizes = [math.floor(share) for share in shares]
        short = total - sum(sizes)
        by_remainder = sorted(range(len(shares)), key=lambda i: (sizes[i] - shares[i], i))
        for index in by_remainder[:short]:
            sizes[index] += 1
        return sizes


def parse_split(text: str) -> Split:
    """``name=fraction,...``; names unique, each fraction in (0, 1], the sum 1."""
    parts: list[tuple[str, float]] = []
    for item in text.split(","):
        name, equals, value = (piece.strip() for piece in item.partition("="))
        if not equals or not name:
            raise AnnotatorError(
                f'split "{text}": "{item.strip()}" is not name=fraction '
                "(e.g. train=0.8,dev=0.1,test=0.1)"
            )
        try:
            fraction = float(value)
        except ValueError:
            raise AnnotatorError(f'split "{text}": {name} has "{value}", not a number') from None
        if not 0 < fraction <= 1:
            raise AnnotatorError(
                f'split "{text}": the fraction of {name} must be above 0 and at most 1'
            )
        if name in (seen for seen, _ in parts):
            raise AnnotatorError(f'split "{text}": the part {name} is named twice')
        parts.append((name, fraction))
    total = math.fsum(fraction for _, fraction in parts)
    if abs(total - 1) > _TOLERANCE:
        raise AnnotatorError(f'split "{text}": the fractions add up to {total:g}, not 1')
    return Split(tuple(parts))


def _rank(seed: int, document: str) -> bytes:
    return hashlib.sha256(f"{seed}\x00{document}".encode()).digest()


def assign(documents: Iterable[str], split: Split, seed: int) -> dict[str, str]:
    """Document id -> part name, for every id given (duplicates count once)."""
    ranked = sorted(set(documents), key=lambda doc: (_rank(seed, doc), doc))
    out: dict[str, str] = {}
    position = 0
    for (name, _), size in zip(split.parts, split.sizes(len(ranked)), strict=True):
        for document in ranked[position : position + size]:
            out[document] = name
        position += size
    return out


def part_items(
    items: Iterable[tuple[Document, T]], parts: dict[str, str], name: str
) -> Iterator[tuple[Document, T]]:
    """The items of one part, for a writer called once per part."""
    for item in items:
        if parts.get(item[0].id) == name:
            yield item
