"""OffsetMap: code points <-> Qt UTF-16 positions, checked by hand, by property and against Qt."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.ui.text.offsets import OffsetMap

EMOJI = "\U0001f600"  # astral: two UTF-16 units
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # three astral chars joined by ZWJ
NBSP = "\u00a0"


def reference_to_qt(text: str) -> list[int]:
    """The slow, obviously right mapping: walk the text and count what Qt sees."""
    positions = []
    qt = 0
    for i, ch in enumerate(text):
        positions.append(qt)
        if ch == "\r" and text[i + 1 : i + 2] == "\n":
            continue  # the \r of a pair has no width; its \n is the paragraph break
        qt += 2 if ord(ch) > 0xFFFF else 1
    positions.append(qt)
    return positions


def test_ascii_is_identity() -> None:
    m = OffsetMap("Peskov said no.")
    assert [m.to_qt(i) for i in range(16)] == list(range(16))
    assert [m.from_qt(i) for i in range(16)] == list(range(16))
    assert m.display_text == "Peskov said no."


def test_emoji_takes_two_qt_units() -> None:
    m = OffsetMap(f"a{EMOJI}b")
    assert [m.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [m.from_qt(p) for p in (0, 1, 3, 4)] == [0, 1, 2, 3]
    assert m.from_qt(2) == 1  # between the surrogates: the emoji itself
    assert m.qt_length == 4


def test_zwj_sequence_counts_every_astral_char() -> None:
    text = f"x{FAMILY}y"
    m = OffsetMap(text)
    assert m.to_qt(len(text)) == len(text.encode("utf-16-le")) // 2 == 10
    assert m.from_qt(m.to_qt(len(text) - 1)) == len(text) - 1


def test_combining_marks_are_one_to_one() -> None:
    text = "Zelenskyi\u0301 cafe\u0301"
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_crlf_is_one_paragraph_break() -> None:
    text = "ab\r\ncd"
    m = OffsetMap(text)
    assert m.display_text == "ab\ncd"
    assert [m.to_qt(i) for i in range(7)] == [0, 1, 2, 2, 3, 4, 5]
    assert [m.from_qt(p) for p in range(6)] == [0, 1, 2, 4, 5, 6]


def test_lone_cr_and_lf_are_one_break_each() -> None:
    text = "a\rb\nc\r\r\nd"
    m = OffsetMap(text)
    assert m.display_text == "a\nb\nc\n\nd"
    assert m.qt_length == len(m.display_text)
    assert m.to_qt(len(text)) == len(m.display_text)


def test_nbsp_is_kept_and_one_to_one() -> None:
    text = f"10{NBSP}000 people"
    m = OffsetMap(text)
    assert m.display_text == text  # Qt only rewrites NBSP in toPlainText, which we never use
    assert [m.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_out_of_range_is_an_error() -> None:
    m = OffsetMap(f"a{EMOJI}")
    with pytest.raises(IndexError):
        m.to_qt(3)
    with pytest.raises(IndexError):
        m.from_qt(4)
    with pytest.raises(IndexError):
        m.to_qt(-1)
    assert m.clamp_from_qt(99) == 2


def test_no_copy_without_carriage_returns() -> None:
    text = "x" * 1000 + EMOJI
    assert OffsetMap(text).display_text is text


def test_mixed_text_round_trips_every_offset() -> None:
    text = f"“Off the table,”{NBSP}he said{EMOJI}\r\n\r\nNext\rline {FAMILY} e\u0301nd\n"
    m = OffsetMap(text)
    expected = reference_to_qt(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == expected
    for cp in range(len(text) + 1):
        inside_crlf = 0 < cp < len(text) and text[cp - 1] == "\r" and text[cp] == "\n"
        if not inside_crlf:
            assert m.from_qt(m.to_qt(cp)) == cp
    assert m.qt_length == len(m.display_text.encode("utf-16-le")) // 2


# News-like pieces, with "\r\n" as one piece so pairs are common.
realistic = st.lists(
    st.sampled_from(
        ["a", "Z", " ", ".", "\n", "\r", "\r\n", NBSP, "\u0301", "é", "’", "—", EMOJI, "\u200d"]
    ),
    max_size=40,
).map("".join)
anything = st.text(max_size=60)


@given(st.one_of(realistic, anything))
def test_property_matches_reference_and_round_trips(text: str) -> None:
    m = OffsetMap(text)
    expected = reference_to_qt(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == expected
    assert m.qt_length == expected[-1]
    for pos in range(m.qt_length + 1):
        cp = m.from_qt(pos)
        assert expected[cp] <= pos  # the smallest code point at or before pos ...
        assert cp == len(text) or expected[cp + 1] > pos or text[cp] == "\r"
        if pos in expected:  # ... and exact on every position that starts a character
            assert m.to_qt(cp) == pos
    for cp in range(len(text) + 1):
        inside_crlf = 0 < cp < len(text) and text[cp - 1] == "\r" and text[cp] == "\n"
        assert inside_crlf or m.from_qt(m.to_qt(cp)) == cp


def qt_view_of(text: str, start: int, end: int) -> str:
    """What a Qt selection of text[start:end] shows: breaks as U+2029, a split \\r\\n dropped."""
    piece = text[start:end]
    if end < len(text) and piece.endswith("\r") and text[end] == "\n":
        piece = piece[:-1]  # ends between \r and \n: the break is not selected
    for brk in ("\r\n", "\r", "\n", "\ufdd0", "\ufdd1"):  # Qt's frame markers break blocks too
        piece = piece.replace(brk, "\u2029")
    return piece


def select_in_qt(edit: QPlainTextEdit, m: OffsetMap, start: int, end: int) -> str:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(m.to_qt(start))
    cursor.setPosition(m.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_qt_selection_shows_exactly_the_slice(qapp: QApplication) -> None:
    text = f"Peskov:{NBSP}“no{EMOJI}”\r\nKellogg said e\u0301{FAMILY}.\rEnd"
    m = OffsetMap(text)
    edit = QPlainTextEdit()
    edit.setPlainText(m.display_text)
    assert edit.document().characterCount() - 1 == m.qt_length
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert select_in_qt(edit, m, start, end) == qt_view_of(text, start, end)


@settings(max_examples=150, deadline=None)
@given(st.one_of(realistic, anything), st.data())
def test_property_qt_selection_shows_the_slice(
    qapp: QApplication, text: str, data: st.DataObject
) -> None:
    m = OffsetMap(text)
    edit = QPlainTextEdit()
    edit.setPlainText(m.display_text)
    assert edit.document().characterCount() - 1 == m.qt_length
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert select_in_qt(edit, m, start, end) == qt_view_of(text, start, end)
