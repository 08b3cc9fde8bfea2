"""Text search offsets are exact, whatever the case and the characters around."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.model.search import find_all, snippet


def test_finds_every_occurrence_ignoring_case() -> None:
    text = "NATO said nato; Nato 😀 nato."
    assert [text[s:e] for s, e in find_all(text, "nato")] == ["NATO", "nato", "Nato", "nato"]


def test_snippet_marks_the_hit() -> None:
    assert snippet("one two three", 4, 7, 3) == "…ne [two] th…"


@given(st.text(max_size=40), st.text(min_size=1, max_size=3))
def test_hits_always_match_the_term(text: str, term: str) -> None:
    for start, end in find_all(text, term):
        assert text[start:end].lower() == term.lower() or text[start:end] == term
