"""Rules for the styles of gold passages g01-g33 and j01-j21: refused or negated speech,
reported questions, recipients long enough to carry an "of" phrase, names ending in "?" or
"!", speakers with a relative clause."""

from __future__ import annotations

from test_suggest_rules import found, one

from annotator.suggest.lexicon import load_lexicon
from annotator.suggest.sentences import Splitter


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


def test_wanted_to_know_reports_a_question() -> None:
    got = one("Passengers wanted to know why talks had broken down again.")
    assert (got.quote, got.speaker, got.cue) == (
        "why talks had broken down again",
        "Passengers",
        "wanted to know",
    )
    # Without a question word it reports nothing.
    assert found("Parents wanted to know more.") == []


def test_a_question_verb_opening_its_sentence_reports_a_question_without_speaker() -> None:
    got = found("Asked whether the plant would reopen, the spokeswoman said no decision was made.")
    assert [(g.quote, g.speaker, g.cue) for g in got] == [
        ("whether the plant would reopen", None, "Asked"),
        ("no decision was made", "the spokeswoman", "said"),
    ]
    # Other capitalised cue words opening a sentence stay out ("Asked about his future").
    assert [g.cue for g in found('Asked about his future, Ricci said: "No."')] == ["said"]
    told = found("Told why the plant would close, the workers said they would strike.")
    assert [g.cue for g in told] == ["said"]
    asked = found('Asked by a reporter whether rates would rise, he said: "We will see."')
    assert [g.cue for g in asked] == ["said"]


def test_a_name_keeps_its_question_or_exclamation_mark() -> None:
    got = one("Which? said on Thursday that loyalty prices misled shoppers.")
    assert (got.quote, got.speaker, got.cue) == (
        "that loyalty prices misled shoppers",
        "Which?",
        "said",
    )
    assert one("Celebrity magazine Hello! said it had paid nothing.").speaker == (
        "Celebrity magazine Hello!"
    )
    # A recipient too: "told OK! magazine she ...".
    assert one("The singer told OK! magazine she had written it in a week.").quote == (
        "she had written it in a week"
    )
    # Only a capitalised word keeps it, only glued to it, and only where a lower-case word
    # follows.
    text = "Yahoo! said why? said Which ? said. Yahoo! Sales rose.  OK!  fine OK!-fine"
    words = [
        t.text
        for s in Splitter(text, [], load_lexicon()).sentences([(0, len(text))])
        for t in s.tokens
    ]
    assert " ".join(words) == (
        "Yahoo! said why ? said Which ? said . Yahoo ! Sales rose . OK ! fine OK ! - fine"
    )


def test_a_speaker_keeps_its_relative_clause() -> None:
    got = one(
        "The family of a woman who died after a long wait said on Friday that she was failed."
    )
    assert (got.quote, got.speaker, got.cue) == (
        "that she was failed",
        "The family of a woman who died after a long wait",
        "said",
    )
    # The clause keeps its time words.
    assert one("The coach who was sacked in October said he was never told why.").speaker == (
        "The coach who was sacked in October"
    )
    assert one("Parents whose children attend Hillside Primary said they were angry.").speaker == (
        "Parents whose children attend Hillside Primary"
    )
    # The clause is words only: a bracket or a quote ends the run before "who" is reached.
    assert found("Fans who stayed (many did) said the club had let them down.") == []
    # A "who" more than twelve words back opens no speaker phrase.
    assert (
        found(
            "Officials who came to the village after the storm and the floods of last spring"
            " said the road would reopen."
        )
        == []
    )


def test_a_long_recipient_ends_before_a_time_phrase_without_preposition() -> None:
    got = one(
        "The minister told the chair of the city housing board last month that rents would rise."
    )
    assert (got.quote, got.speaker, got.cue) == ("that rents would rise", "The minister", "told")
    # Only a time lead ("last", "this", "next", ...) opens such a phrase: "of farmers" is
    # still the recipient's before "Tuesday morning".
    got = one("The minister told a meeting of farmers Tuesday morning that prices would rise.")
    assert got.quote == "that prices would rise"


def test_review_regressions_of_the_refusal_and_question_rules() -> None:
    # A refusal before a comma refuses nothing the participle after it reports.
    got = one("The minister declined, saying that the matter was before the courts.")
    assert got.quote == "that the matter was before the courts"
    # A capitalised phrase cue is no opening question: its sentence has a speaker.
    assert found("The minister Made Clear that the cuts would go ahead.") != []
    # The comma inside a number does not end an opening question.
    quotes = [q.quote for q in found("Asked whether 24,000 jobs would go, she said no.")]
    assert "whether 24,000 jobs would go" in quotes
