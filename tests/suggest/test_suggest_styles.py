"""Rules for news styles the first gold passages did not cover (gold passages n01-n33)."""

from __future__ import annotations

from test_suggest_marks import quoted
from test_suggest_rules import Found, found, one


def test_an_adverb_between_a_pronoun_subject_and_its_present_tense_verb() -> None:
    assert one("Her apprentice says she still checks every joint he glues.") == Found(
        "she still checks every joint he glues",
        "indirect",
        "Her apprentice",
        "apprentice",
        "says",
        None,
    )


def test_nordic_quotes_open_with_the_closing_mark() -> None:
    text = "”We cannot do this alone,” said Kari Nordby. ”Nobody can.”"
    assert quoted(text) == ["”We cannot do this alone,”", "”Nobody can.”"]
    second = found(text)[1]
    assert (second.quote, second.speaker) == ("”Nobody can.”", "Kari Nordby")
