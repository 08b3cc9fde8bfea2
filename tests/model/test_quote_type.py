"""A quote's type from its marks."""

from __future__ import annotations

import pytest

from annotator.model.quote_type import quote_type_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We have heard from Washington.”", "direct"),
        ("“Our response will mirror Russian actions,”", "direct"),
        ('"Yes," ', "direct"),
        ("«Nous verrons»", "direct"),
        ("that Russia launched the war", "indirect"),
        ("the players' union would strike", "indirect"),
        ("Ukraine’s bid had stalled", "indirect"),
        ("that Ukraine’s NATO accession is “off the table.”", "mixed"),
        ("“off the table” for now", "mixed"),
    ],
)
def test_marks_at_both_ends_direct_none_indirect_some_mixed(text: str, expected: str) -> None:
    assert quote_type_of(text) == expected
