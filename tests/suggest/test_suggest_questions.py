"""Rules for the styles of gold passages g01-g33: refused or negated speech, reported
questions, and recipients long enough to carry an "of" phrase."""

from __future__ import annotations

from test_suggest_rules import found, one


def test_refused_speech_reports_nothing() -> None:
    assert found("A spokesman declined to say how many flights would be cancelled.") == []
    assert found("The company refused to say which cases the money covered.") == []
    # Even when a "that" clause follows the refusal: there is no content to report.
    assert found("She would not comment on reports that a buyer had been chosen.") == []
    # The speaker's own cue after the refusal still reports what follows it.
    got = one("A spokeswoman declined to give figures but said the bank expected to settle.")
    assert (got.quote, got.cue) == ("the bank expected to settle", "said")


def test_asked_and_wondered_report_a_question() -> None:
    got = one("Senator Ben Ochoa asked whether anyone at the agency had been disciplined.")
    assert (got.quote, got.speaker, got.cue) == (
        "whether anyone at the agency had been disciplined",
        "Senator Ben Ochoa",
        "asked",
    )
    assert one("Residents asked on Monday when the barriers would be put up.").quote == (
        "when the barriers would be put up"
    )
    assert one("Some historians wondered why it was painted twice.").cue == "wondered"
    # A question word that opens no clause asks nothing reported.
    assert found("The minister asked why.") == []


def test_a_recipient_runs_on_through_its_of_phrase() -> None:
    got = one(
        "The chairman told the families of the victims at a meeting on Sunday that the"
        " rescue would continue."
    )
    assert (got.quote, got.cue) == ("that the rescue would continue", "told")
    got = one(
        "The senator told the head of the national aviation authority on Monday that the"
        " checks were late."
    )
    assert got.quote == "that the checks were late"


def test_one_of_a_group_named_in_an_appositive_speaks() -> None:
    got = one("One tenant, Kwame Boateng, said nobody had answered his emails.")
    assert (got.speaker, got.name) == ("Kwame Boateng", "Kwame Boateng")
