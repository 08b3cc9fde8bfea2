"""Quotation marks: pairs, nesting, apostrophes and odd counts, paragraph by paragraph."""

from __future__ import annotations

from annotator.suggest.marks import quote_segments
from annotator.suggest.sentences import paragraphs


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in quote_segments(text, paragraphs(text))]


def test_every_kind_of_mark_pairs() -> None:
    text = (
        'He said "straight" and “curly” and ‘single’ and «guillemets» and „low nine“ and '
        "»reversed« too."
    )
    assert quoted(text) == [
        '"straight"',
        "“curly”",
        "‘single’",
        "«guillemets»",
        "„low nine“",
        "»reversed«",
    ]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "“He told me, ‘Get rid of it,’ and left,” she said. 'Say \"no\" now,' he said."
    assert quoted(text) == ["“He told me, ‘Get rid of it,’ and left,”", "'Say \"no\" now,'"]


def test_apostrophes_are_not_closing_marks() -> None:
    text = "‘The workers’ union won’t sign,’ he said. Ukraine’s army said the '90s were 'hard'."
    assert quoted(text) == ["‘The workers’ union won’t sign,’", "'hard'"]


def test_a_quote_reopened_in_the_next_paragraph_is_carried() -> None:
    text = "“We gave everything.\n\n“Now it is our turn.”\n\nThe end."
    segments = quote_segments(text, paragraphs(text))
    assert [text[s.start : s.end] for s in segments] == [
        "“We gave everything.",
        "“Now it is our turn.”",
    ]
    assert [(s.closed, s.carried) for s in segments] == [(False, False), (True, True)]


def test_an_odd_mark_only_affects_its_own_paragraph() -> None:
    text = 'He said "it was over, and left.\n\nShe said "yes" and "no".'
    assert quoted(text) == ['"it was over, and left.', '"yes"', '"no"']


def test_a_closing_mark_with_nothing_open_ends_a_carried_quote() -> None:
    text = "“It started badly.\n\nThen it got worse,” he said."
    segments = quote_segments(text, paragraphs(text))
    assert [text[s.start : s.end] for s in segments] == [
        "“It started badly.",
        "Then it got worse,”",
    ]
    assert segments[1].carried


def test_paragraphs_split_on_line_breaks_but_not_inside_wrapped_sentences() -> None:
    text = "Title line\r\nA sentence that wraps\nonto a second line.\n\n\nNext paragraph."
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "Title line",
        "A sentence that wraps\nonto a second line.",
        "Next paragraph.",
    ]
