"""Splits: exact part sizes, the same documents in the same part in any order, clear errors."""

from __future__ import annotations

import random

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.split import Split, assign, parse_split

IDS = [f"doc-{n:04d}" for n in range(1001)]


def test_parts_are_exact_roundings_that_add_up() -> None:
    split = parse_split("train=0.8,dev=0.1,test=0.1")
    assert split.names == ("train", "dev", "test")
    assert split.sizes(1001) == [801, 100, 100]
    # 5.6, 0.7 and 0.7 cannot all round to nearest (8 > 7): the largest remainders go up.
    assert split.sizes(7) == [5, 1, 1]
    assert parse_split("a=0.5,b=0.5").sizes(3) == [2, 1]  # ties: the first part
    parts = assign(IDS, split, seed=13)
    counts = {name: list(parts.values()).count(name) for name in split.names}
    assert counts == {"train": 801, "dev": 100, "test": 100}


def test_the_same_seed_gives_the_same_parts_whatever_the_order() -> None:
    split = parse_split("train=0.8,dev=0.1,test=0.1")
    shuffled = IDS[:]
    random.Random(5).shuffle(shuffled)
    assert assign(shuffled, split, seed=13) == assign(IDS, split, seed=13)
    other = assign(IDS, split, seed=14)
    assert other != assign(IDS, split, seed=13)
    # Not a cut of the input order: the first documents are spread over the parts.
    assert {assign(IDS, split, seed=13)[i] for i in IDS[:100]} == {"train", "dev", "test"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("train=0.8,dev=0.1", "add up to 0.9, not 1"),
        ("train=0.5,train=0.5", "the part train is named twice"),
        ("train=1.5,dev=-0.5", "must be above 0 and at most 1"),
        ("train=0.8,dev", '"dev" is not name=fraction'),
        ("train=most", 'train has "most", not a number'),
    ],
)
def test_bad_splits_are_one_sentence(text: str, problem: str) -> None:
    with pytest.raises(AnnotatorError, match=problem) as caught:
        parse_split(text)
    assert "\n" not in str(caught.value)


def test_fractions_summing_to_one_within_rounding_are_accepted() -> None:
    assert parse_split("a=0.1,b=0.2,c=0.7") == Split((("a", 0.1), ("b", 0.2), ("c", 0.7)))
