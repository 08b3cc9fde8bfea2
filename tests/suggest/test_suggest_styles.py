"""Rules for news styles the first gold passages did not cover (gold passages n01-n33)."""

from __future__ import annotations

from test_suggest_rules import Found, one


def test_an_adverb_between_a_pronoun_subject_and_its_present_tense_verb() -> None:
    assert one("Her apprentice says she still checks every joint he glues.") == Found(
        "she still checks every joint he glues",
        "indirect",
        "Her apprentice",
        "apprentice",
        "says",
        None,
    )
