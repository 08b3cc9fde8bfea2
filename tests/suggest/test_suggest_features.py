"""Rules for the styles of gold passages f01-f40: features, hearings and press conferences,
disaster and war reporting, statements, and what a speaker did beside speaking."""

from __future__ import annotations

from test_suggest_rules import found, one


def test_the_speakers_own_act_after_and_or_but_ends_the_content() -> None:
    got = one("The company said it was investigating but declined to comment further.")
    assert (got.quote, got.speaker, got.cue) == ("it was investigating", "The company", "said")
    got = one("The electoral commission said turnout had been 61% and rejected claims of fraud.")
    assert got.quote == "turnout had been 61%"
    got = one("The union said it regretted the delays but blamed the government for them.")
    assert got.quote == "it regretted the delays"
    # Other verbs after "and" are still what was reported.
    assert one("Police said the man had been arrested and charged.").quote == (
        "the man had been arrested and charged"
    )


def test_a_verb_after_a_conjunction_does_not_make_the_cues_object_a_clause() -> None:
    # "confirmed the cuts": an object; "declined" goes with "confirmed", not with "the cuts".
    assert found("A spokesperson confirmed the cuts but declined to give a number.") == []
    assert found("The agency confirmed the layoffs but offered no details.") == []
    assert found("The club confirmed the signing and thanked the fans.") == []
    assert one("The union confirmed the talks failed.").quote == "the talks failed"


def test_answering_verbs_report_a_that_clause() -> None:
    got = one("The minister, Tom Hadley, replied that the review would answer that question.")
    assert (got.quote, got.cue) == ("that the review would answer that question", "replied")
    assert one("She recalled that the water rose within minutes.").cue == "recalled"
    # Without "that" they still need a direct quote: "replied to the letter" reports nothing.
    assert found("The ministry replied to the letter on Monday.") == []


def test_television_and_radio_head_a_speaker() -> None:
    got = one("State television reported that rescue teams had reached the district.")
    assert (got.speaker, got.cue) == ("State television", "reported")
    assert one("Local radio said the bridge had collapsed.").speaker == "Local radio"


def test_a_recipient_named_in_several_capitalised_words() -> None:
    for paper in ("the New York Times", "the Sunday Times", "the Manchester Evening News"):
        got = one(f"Residents told {paper} the water had risen overnight.")
        assert (got.quote, got.speaker, got.cue) == (
            "the water had risen overnight",
            "Residents",
            "told",
        )
    # A name that opens the clause is still its subject.
    assert one("He told the BBC Johnson was lying.").quote == "Johnson was lying"


def test_where_a_named_speaker_spoke_is_not_part_of_the_mention() -> None:
    got = one('"Why were families told nothing?" asked Labour MP Sarah Quinn in the Commons.')
    assert (got.speaker, got.name) == ("Labour MP Sarah Quinn", "Sarah Quinn")
    assert one('"We will appeal," said Amnesty International in a statement.').speaker == (
        "Amnesty International"
    )
    # After a role the place still says who: "a spokesman at the embassy".
    assert one('"It is over," said a spokesman at the embassy.').speaker == (
        "a spokesman at the embassy"
    )


def test_a_noun_a_verb_follows_at_once_is_no_recipient() -> None:
    got = one("The governor warned the government was borrowing too much.")
    assert (got.quote, got.cue) == ("the government was borrowing too much", "warned")
    assert one("Analysts warned investors could lose money.").quote == "investors could lose money"
    # A recipient that a clause follows stays out of the content.
    assert one("She told reporters the talks were over.").quote == "the talks were over"


def test_citing_begins_the_writers_clause() -> None:
    got = one("The minister said on Tuesday that demand would keep growing, citing India.")
    assert got.quote == "that demand would keep growing"
    got = one("The bank said it would cut rates, pointing to weak growth.")
    assert got.quote == "it would cut rates"


def test_court_documents_speak() -> None:
    got = one("The complaint, filed on Monday in federal court, alleges that the label lied.")
    assert (got.quote, got.speaker, got.cue) == (
        "that the label lied",
        "The complaint",
        "alleges",
    )
    assert one("The indictment says the men met twice in Vienna.").speaker == "The indictment"


def test_lower_case_words_describing_a_role_after_the_cue() -> None:
    got = one("Brightline is cutting jobs, according to an internal memo seen by Reuters.")
    assert (got.quote, got.speaker, got.cue) == (
        "Brightline is cutting jobs",
        "an internal memo",
        "according to",
    )


def test_a_relative_clause_inside_the_reported_subject() -> None:
    got = one("Peace said 94 per cent of members who voted had backed the action.")
    assert got.quote == "94 per cent of members who voted had backed the action"
    assert one("Police said the man who was arrested had a knife.").quote == (
        "the man who was arrested had a knife"
    )
    # A relative clause with no verb after it leaves the cue's object: nothing reported.
    assert found("The company announced the plan which would have cut jobs.") == []


def test_one_of_them_and_a_name_between_commas() -> None:
    got = one("One of them, Dale Hutchins, said he had lost two calves in the past month.")
    assert (got.quote, got.speaker, got.name) == (
        "he had lost two calves in the past month",
        "Dale Hutchins",
        "Dale Hutchins",
    )


def test_an_answer_cut_to_its_subject_and_auxiliary() -> None:
    # The opening question is a quote of its own (test_suggest_questions); the answer is cut.
    _question, got = found("Asked if she would run again, she said she might.")
    assert (got.quote, got.speaker, got.cue) == ("she might", "she", "said")
    assert one("Nobody did, she said.").quote == "Nobody did"
    # Two words without an auxiliary are no such answer: nothing reported.
    assert found("Good morning, he said.") == []
