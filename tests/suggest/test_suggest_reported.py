"""Rules for reported speech in the styles of gold passages r01-r42: indirect and mixed quotes
with their sources in every position."""

from __future__ import annotations

from test_suggest_rules import found, one


def test_minutes_show_what_was_said() -> None:
    got = one("Some officials saw a risk that the labor market could weaken, the minutes showed.")
    assert (got.quote, got.speaker, got.cue) == (
        "Some officials saw a risk that the labor market could weaken",
        "the minutes",
        "showed",
    )
    # "minutes" heads a speaker phrase as "report" does.
    assert one("Fed minutes showed that officials were split.").speaker == "Fed minutes"
    # Like "find", "show" reports only with "that" or closing the sentence.
    assert found("The figures show prices rising again.") == []


def test_some_and_others_stand_alone_as_speakers() -> None:
    got = one("Some say the tax would wreck productivity.")
    assert (got.quote, got.speaker, got.cue) == (
        "the tax would wreck productivity",
        "Some",
        "say",
    )
    second = found("Some analysts said the bank would cut, while others said it would pause.")[1]
    assert (second.quote, second.speaker) == ("it would pause", "others")
    # After such a word a plural is still a noun: "some reports" are what said it.
    assert one("Some reports said the plan would fail.").speaker == "Some reports"


def test_my_and_your_open_a_speaker_phrase() -> None:
    got = one("Your publisher says the book was finished two years ago.")
    assert (got.quote, got.speaker) == ("the book was finished two years ago", "Your publisher")
    got = one("My accountant tells me we made more money than ever.")
    assert (got.quote, got.speaker, got.cue) == (
        "we made more money than ever",
        "My accountant",
        "tells",
    )


def test_an_ing_noun_inside_a_speaker_phrase_is_no_verb() -> None:
    # After a determiner: "the meeting" is a noun.
    got = one("Policymakers were split over the timing of a cut, minutes of the meeting showed.")
    assert (got.speaker, got.cue) == ("minutes of the meeting", "showed")
    # Before a role or title: "marketing chief" describes the speaker.
    got = one('"This decision is absurd," SkyAzur marketing chief Dara Keane said.')
    assert (got.speaker, got.name) == ("SkyAzur marketing chief Dara Keane", "Dara Keane")


def test_a_speaker_expected_or_due_to_speak() -> None:
    got = one("President Ana Ruiz is expected to say on Tuesday that the border is secure.")
    assert (got.quote, got.speaker, got.cue) == (
        "that the border is secure",
        "President Ana Ruiz",
        "say",
    )
    got = one("Ellison is due to tell lawmakers the Navy needs more ships.")
    assert (got.quote, got.speaker, got.cue) == ("the Navy needs more ships", "Ellison", "tell")


def test_alleged_to_have_said_is_cued_by_said() -> None:
    got = one("The manager is alleged to have said that tenants could live elsewhere.")
    assert (got.quote, got.speaker, got.cue) == (
        "that tenants could live elsewhere",
        "The manager",
        "said",
    )
    # Alone, "alleged" is the cue.
    assert one("The lawsuit alleged that the developer ignored complaints.").cue == "alleged"


def test_a_relative_clause_with_a_number_between_speaker_and_cue() -> None:
    got = one("Rheinwald, which employs 24,000 people worldwide, said it would cut 1,200 jobs.")
    assert (got.quote, got.speaker, got.cue) == ("it would cut 1,200 jobs", "Rheinwald", "said")


def test_a_headline_closed_by_a_cue_and_an_unknown_speaker_noun() -> None:
    got = one("Heatwave to last into next week, say forecasters")
    assert (got.quote, got.speaker, got.cue) == (
        "Heatwave to last into next week",
        "forecasters",
        "say",
    )
    assert one('"We will win," said forecasters.').speaker == "forecasters"
    # A time after the cue is no speaker.
    assert found("Prices rose, said Thursday.") == []


def test_a_clause_before_a_closing_attribution_runs_to_its_comma() -> None:
    got = one(
        "Indonesia will stop issuing permits next year, as the country tries to meet its "
        "targets, a senior official said."
    )
    assert got.quote == (
        "Indonesia will stop issuing permits next year, as the country tries to meet its targets"
    )
    # After its cue, reported content still ends where the writer's clause begins.
    got = one("An official said permits would stop next year, as the country tries to adapt.")
    assert got.quote == "permits would stop next year"


def test_according_to_inside_a_clause_splits_it_in_two_parts() -> None:
    first, second = found(
        "Evergate, according to two people with knowledge of the talks, has asked its "
        "creditors for an extension."
    )
    assert (first.quote, first.speaker, first.cue) == (
        "Evergate",
        "two people with knowledge of the talks",
        "according to",
    )
    assert (second.quote, second.continues) == (
        "has asked its creditors for an extension",
        "Evergate",
    )
    # The writer's own clause after it is no second part.
    assert one("Prices rose 3%, according to the ministry, as the economy slowed.").quote == (
        "Prices rose 3%"
    )


def test_that_as_the_object_of_a_cue_reports_nothing() -> None:
    assert found("I say that in every interview, and nobody believes me.") == []
    assert found("I say that after every book.") == []
    # A clause after adverbials or an aside still follows a complementiser.
    assert one("He said that in 2020 the firm lost money.").quote == (
        "that in 2020 the firm lost money"
    )
    assert one("She said that, if elected, she would cut taxes.").quote == (
        "that, if elected, she would cut taxes"
    )


def test_a_name_after_according_to_x_and_a_comma_is_the_clauses_subject() -> None:
    got = one("According to court filings, Osei moved $120 million to his own accounts.")
    assert (got.quote, got.speaker) == (
        "Osei moved $120 million to his own accounts",
        "court filings",
    )
    # Set off by commas or ending the sentence, the name is the speaker's appositive.
    assert one('"Too late," said one investor, Carol Jenkins, 71.').name == "Carol Jenkins"


def test_a_participle_after_a_comma_is_no_speaker() -> None:
    text = "Shares fell 9% after the company cut its forecast, citing weak demand from China."
    assert found(text) == []


def test_a_relative_clause_after_a_noun_the_lexicon_does_not_know() -> None:
    got = one(
        "One woman, who asked not to be named because she is still negotiating, says the "
        "insurer has offered her less."
    )
    assert (got.quote, got.speaker, got.cue) == (
        "the insurer has offered her less",
        "One woman",
        "says",
    )


def test_a_quote_after_a_dotted_abbreviation_opens_a_sentence() -> None:
    text = '"We can wait," Redmond told a news conference at 2:30 p.m. "There\'s no hurry."'
    second = found(text)[1]
    assert (second.quote, second.speaker) == ('"There\'s no hurry."', "Redmond")


def test_a_noun_phrase_after_a_closing_attribution_is_the_writers() -> None:
    got = one("Retail sales fell 1.2% in October, the ONS said, a bigger drop than expected.")
    assert (got.quote, got.continues) == ("Retail sales fell 1.2% in October", None)
    # A verb resumes the reported clause.
    _, second = found("The fire season, officials said, is on track to be the worst.")
    assert (second.quote, second.continues) == ("is on track to be the worst", "The fire season")


def test_and_before_a_cue_word_ending_the_sentence_is_no_second_report() -> None:
    got = one("Haddad said the findings held after accounting for age and stress.")
    assert got.quote == "the findings held after accounting for age and stress"
    got = found("She said the plan was sound and added that it would save money.")
    assert [f.quote for f in got] == ["the plan was sound", "that it would save money"]
