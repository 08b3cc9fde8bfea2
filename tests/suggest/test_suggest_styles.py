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


def test_posted_on_social_media_that() -> None:
    got = one("Her promoter posted on Facebook that refunds would be issued within 30 days.")
    assert (got.quote, got.speaker, got.cue) == (
        "that refunds would be issued within 30 days",
        "Her promoter",
        "posted",
    )
    assert found("The company posted a profit that beat forecasts.") == []


def test_when_and_where_after_a_quote_are_not_quoted() -> None:
    got = one('The senator tweeted "This is a disgrace" on Monday.')
    assert (got.quote, got.type) == ('"This is a disgrace"', "direct")
    got = one('The senator said "This is a disgrace" in a statement on Monday.')
    assert (got.quote, got.type) == ('"This is a disgrace"', "direct")
    # What follows may be what was said: "on budget" is no time nor place.
    assert one('Senator says "no deal" on budget').quote == '"no deal" on budget'


def test_british_titles_are_not_part_of_the_name() -> None:
    got = one('The chair, Conservative MP Julian Marsh, said: "Ministers hoped for the best."')
    assert (got.speaker, got.name) == ("Conservative MP Julian Marsh", "Julian Marsh")


def test_according_to_a_study_described_by_an_adjective_and_a_participle() -> None:
    got = one("Walking lowers the risk, according to a large study published on Wednesday.")
    assert (got.quote, got.speaker, got.cue) == (
        "Walking lowers the risk",
        "a large study",
        "according to",
    )


def test_a_single_mark_after_a_colon_opens_a_quote_over_paragraphs() -> None:
    text = "Fiona Baird told delegates: 'We have been patient.\n\n'The question is when.'"
    assert quoted(text) == ["'We have been patient.", "'The question is when.'"]
    first, second = found(text)
    assert (first.speaker, first.cue) == ("Fiona Baird", "told")
    assert second.continues == "'We have been patient."


def test_an_aside_between_dashes_inside_reported_content() -> None:
    got = one(
        "Mills said he had spoken to three buyers — one from Germany — but none made an offer."
    )
    assert got.quote == "he had spoken to three buyers — one from Germany — but none made an offer"
    # One dash still ends the content: what follows it is the writer's.
    got = one("Mills said he had spoken to three buyers — a claim his staff dispute.")
    assert got.quote == "he had spoken to three buyers"


def test_in_remarks_translated_by_is_not_quoted() -> None:
    got = one('Aydin said on Sunday, "No one can teach us," in comments carried by state media.')
    assert (got.quote, got.type) == ('"No one can teach us,"', "direct")
    got = one('Orlov told Interfax that Moscow saw "no basis" for talks, in remarks to Reuters.')
    assert got.quote == 'that Moscow saw "no basis" for talks'


def test_a_long_role_with_its_remit_before_the_cue() -> None:
    got = one(
        "In a statement, the U.N. special rapporteur on freedom of expression said: "
        '"Journalism is not a crime."'
    )
    assert (got.speaker, got.cue) == (
        "the U.N. special rapporteur on freedom of expression",
        "said",
    )


def test_a_verb_between_the_cue_and_a_quote_opens_a_mixed_quote() -> None:
    got = one("A spokesman said now was 'not the time' for another vote.")
    assert (got.quote, got.type) == ("now was 'not the time' for another vote", "mixed")
    assert one("She said on Monday 'we will win'.").quote == "'we will win'"


def test_a_nationality_before_the_title_is_not_part_of_the_name() -> None:
    got = one('"We will not give in," German Chancellor Lena Hartmann told the Bundestag.')
    assert got.name == "Lena Hartmann"


def test_a_named_recipient_with_its_article_before_the_clause() -> None:
    got = one("One neighbour told the Croydon Advertiser she had heard shouting.")
    assert got.quote == "she had heard shouting"
    got = one("Her lawyer told the BBC her client was relieved.")
    assert got.quote == "her client was relieved"


def test_rivals_reviewers_and_counts_are_speakers() -> None:
    got = found("Her main rival, former police chief Danilo Cruz, conceded that he had lost.")
    assert [(q.quote, q.name) for q in got] == [("that he had lost", "Danilo Cruz")]
    got = one("Early reviewers praised the camera but said battery life was disappointing.")
    assert (got.quote, got.speaker) == ("battery life was disappointing", "Early reviewers")
    got = one("Villanueva won by a wide margin, according to an unofficial count.")
    assert got.speaker == "an unofficial count"


def test_a_role_with_a_possessive_and_its_named_appositive_after_a_quote() -> None:
    got = one("‘She never was,’ her son, Peter, said.")
    assert (got.quote, got.type, got.speaker, got.name) == (
        "‘She never was,’",
        "direct",
        "her son, Peter",
        "Peter",
    )


def test_an_appositive_inside_the_subject_of_a_reported_clause() -> None:
    got = one(
        "Family members said Margaret Ellery, the first woman to captain a transatlantic "
        "liner, retired last year."
    )
    assert got.quote.startswith("Margaret Ellery, the first woman") and got.quote.endswith("year")


def test_a_short_regular_past_verb_makes_a_clause() -> None:
    assert one("Police said the man died in hospital.").quote == "the man died in hospital"


def test_a_quoted_fragment_inside_the_writers_sentence_before_the_cue() -> None:
    got = one("TV star's marriage 'over', say pals")
    assert (got.quote, got.type, got.speaker) == ("TV star's marriage 'over'", "mixed", "pals")
    got = one('The deal was "dead", officials said.')
    assert (got.quote, got.type) == ('The deal was "dead"', "mixed")
    assert one('"We are done," officials said.').quote == '"We are done,"'
