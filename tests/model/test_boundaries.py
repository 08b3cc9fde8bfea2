"""Snapping selections to words and moving span boundaries word by word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.model.boundaries import move_boundary, snap, trim

TEXT = "Peskov told reporters, “We have heard from Washington.”"


def test_snap_widens_half_selected_words_and_trims_spaces() -> None:
    start = TEXT.index("eskov")
    assert snap(TEXT, start, start + 3) == (0, 6)
    assert snap(TEXT, 6, 12) == (7, 11)  # " told " -> "told"


def test_snap_keeps_punctuation_the_user_selected() -> None:
    start = TEXT.index("“")
    assert snap(TEXT, start, len(TEXT)) == (start, len(TEXT))


def test_only_white_space_gives_nothing() -> None:
    assert snap(TEXT, 6, 7) is None
    assert trim("   ", 0, 3) is None


def test_move_end_forward_and_back_by_a_word() -> None:
    assert move_boundary(TEXT, 0, 6, "end", True) == (0, 11)
    assert move_boundary(TEXT, 0, 11, "end", False) == (0, 6)
    assert move_boundary(TEXT, 0, 6, "end", False) is None  # would empty the span


def test_move_start_forward_and_back_by_a_word() -> None:
    assert move_boundary(TEXT, 0, 21, "start", True) == (7, 21)
    assert move_boundary(TEXT, 7, 21, "start", False) == (0, 21)


@given(st.text(alphabet="ab .,“”\n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_snapped_spans_stay_inside_the_text_and_never_start_or_end_with_space(
    text: str, a: int, b: int
) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    snapped = snap(text, start, end)
    if snapped is not None:
        s, e = snapped
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert s <= max(start, s) and e >= min(end, e)
