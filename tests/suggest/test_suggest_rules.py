"""The attribution rules, one small text each: what is quoted, by whom, with which cue."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotator.model import AnnotationSet, Document, DocumentId
from annotator.suggest import ANNOTATOR, suggest
from annotator.suggest.detector import Detector
from annotator.suggest.lexicon import default_lexicon_path, parse_lexicon


@dataclass(frozen=True)
class Found:
    quote: str
    type: str
    speaker: str | None
    name: str | None
    cue: str | None
    continues: str | None


def found(text: str, registry: tuple[str, ...] = ()) -> list[Found]:
    result = suggest(Document(DocumentId("d"), text), registry=registry)
    return describe(result, text)


def describe(result: AnnotationSet, text: str) -> list[Found]:
    spans = {span.id: span for span in result.spans}
    out = []
    for span in result.spans:
        if span.label != "QUOTE":
            continue
        links = {r.label: spans[r.child] for r in result.relations if r.head == span.id}
        speaker, cue, earlier = (links.get(k) for k in ("attributed_to", "cued_by", "continues"))
        out.append(
            Found(
                text[span.start : span.end],
                str(span.attrs["quote_type"]),
                text[speaker.start : speaker.end] if speaker else None,
                str(speaker.attrs.get("speaker")) if speaker else None,
                text[cue.start : cue.end] if cue else None,
                text[earlier.start : earlier.end] if earlier else None,
            )
        )
    return out


def one(text: str) -> Found:
    quotes = found(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# --- direct quotes --------------------------------------------------------------------------


def test_quote_then_speaker_then_cue() -> None:
    assert one("“We will win,” Zelensky said.") == Found(
        "“We will win,”", "direct", "Zelensky", "Zelensky", "said", None
    )


def test_quote_then_cue_then_speaker_with_descriptor() -> None:
    got = one('"I have been here for six hours," said taxi driver Chinedu Okeke.')
    assert (got.speaker, got.name, got.cue) == (
        "taxi driver Chinedu Okeke",
        "Chinedu Okeke",
        "said",
    )


def test_speaker_and_cue_before_a_colon_or_comma_quote() -> None:
    got = one("Kremlin spokesperson Dmitry Peskov told reporters, “We have heard from Washington.”")
    assert (got.type, got.speaker, got.name, got.cue) == (
        "direct",
        "Kremlin spokesperson Dmitry Peskov",
        "Dmitry Peskov",
        "told",
    )
    assert one("The ministry said in a statement: “This is an attack.”").speaker == "The ministry"


def test_split_quote_is_two_parts_the_later_continuing_the_earlier() -> None:
    first, second = found("“A secure home is not a luxury,” said Niamh Byrne, “it is the basis.”")
    assert first.quote == "“A secure home is not a luxury,”"
    assert (first.speaker, first.cue) == ("Niamh Byrne", "said")
    assert second == Found("“it is the basis.”", "direct", None, None, None, first.quote)


def test_a_new_sentence_after_the_attribution_is_a_new_quote_by_the_same_speaker() -> None:
    first, second = found('"We did not want this," Dana Whitfield said. "But we had no choice."')
    assert second.continues is None and second.cue is None
    assert second.speaker == first.speaker == "Dana Whitfield"


def test_attribution_only_sentence_takes_the_quote_before_it() -> None:
    got = one("“I’m not going anywhere!” Smith shouted. The crowd cheered.")
    assert (got.speaker, got.cue) == ("Smith", "shouted")


def test_quote_running_over_paragraphs_is_joined_part_by_part() -> None:
    text = (
        'Union president Ray Kowalski said: "For ten years we gave.\n\n'
        '"Now it is our turn.\n\n"We are asking for what we earned."'
    )
    first, second, third = found(text)
    assert (first.speaker, first.cue) == ("Union president Ray Kowalski", "said")
    assert second.continues == first.quote and third.continues == second.quote


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    assert found('The film "Paper Moons" topped the box office, a win for "slow cinema".') == []


def test_nested_quote_is_inside_one_direct_quote() -> None:
    got = one("\"He said, 'Get rid of it,' and left,\" Linda Pruitt testified.")
    assert got.quote == "\"He said, 'Get rid of it,' and left,\""
    assert got.cue == "testified"


# --- indirect and mixed quotes ----------------------------------------------------------------


def test_that_clause_keeps_its_that() -> None:
    got = one("Fire officials said that the blaze was only 5% contained.")
    assert got == Found(
        "that the blaze was only 5% contained",
        "indirect",
        "Fire officials",
        "Fire officials",
        "said",
        None,
    )


def test_reported_clause_without_that_needs_a_verb() -> None:
    assert one("Trump had warned he might walk away from the talks.").quote == (
        "he might walk away from the talks"
    )
    assert one("The agency said at least 14 people had died.").quote == (
        "at least 14 people had died"
    )
    assert found("He said goodbye to the fans. She told him to leave.") == []


def test_recipient_and_adverbials_sit_between_cue_and_content() -> None:
    got = one("Johnson told reporters on Tuesday that Republicans would not accept the deal.")
    assert got.quote == "that Republicans would not accept the deal"
    got = one("Lima told lawmakers the bank was prepared to raise rates further.")
    assert got.quote == "the bank was prepared to raise rates further"


def test_content_before_the_attribution_in_both_orders() -> None:
    got = one("Turkish forces killed 12 militants over the weekend, the defence ministry said.")
    assert (got.quote, got.type, got.speaker) == (
        "Turkish forces killed 12 militants over the weekend",
        "indirect",
        "the defence ministry",
    )
    got = one("The operation began in April, said a spokesperson for the Turkish army.")
    assert got.speaker == "a spokesperson for the Turkish army"


def test_attribution_in_the_middle_splits_an_indirect_quote() -> None:
    first, second = found("Canada's fire season, officials said on Monday, is the worst on record.")
    assert (first.quote, first.speaker) == ("Canada's fire season", "officials")
    assert (second.quote, second.continues) == ("is the worst on record", first.quote)


def test_according_to_before_and_after() -> None:
    got = one("According to Egypt's statistics agency, inflation slowed to 12.8% in March.")
    assert (got.quote, got.speaker, got.cue) == (
        "inflation slowed to 12.8% in March",
        "Egypt's statistics agency",
        "According to",
    )
    got = one("Delia will make landfall on Tuesday, according to the National Hurricane Center.")
    assert (got.quote, got.speaker) == (
        "Delia will make landfall on Tuesday",
        "the National Hurricane Center",
    )


def test_quoted_fragment_inside_a_reported_clause_is_mixed() -> None:
    got = one("General Keith Kellogg confirmed on Sunday that NATO accession is “off the table.”")
    assert (got.quote, got.type) == ("that NATO accession is “off the table.”", "mixed")


def test_reported_clause_with_a_quoted_predicate_is_mixed() -> None:
    got = one('One GOP senator said the threat "makes it harder for us to get a deal."')
    assert (got.quote, got.type, got.speaker) == (
        'the threat "makes it harder for us to get a deal."',
        "mixed",
        "One GOP senator",
    )


def test_content_ends_where_the_journalist_takes_over() -> None:
    got = one("The regulator said it would investigate the merger, but it gave no timetable.")
    assert got.quote == "it would investigate the merger"


def test_participle_and_second_verb_share_the_sentence_speaker() -> None:
    first, second = found("Raza said the vote would go ahead, adding that security would be tight.")
    assert first.quote == "the vote would go ahead"
    assert (second.quote, second.speaker, second.cue) == (
        "that security would be tight",
        "Raza",
        "adding",
    )
    got = one("Judge Ann Rivera thanked the jurors and said the case had been complex.")
    assert (got.speaker, got.cue) == ("Judge Ann Rivera", "said")


def test_passive_announcement_has_a_cue_and_no_speaker() -> None:
    got = one("The Louvre will close for two days next week, it was announced on Friday.")
    assert (got.quote, got.speaker, got.cue) == (
        "The Louvre will close for two days next week",
        None,
        "announced",
    )


def test_nouns_that_look_like_cues_are_not_cues() -> None:
    assert one("U.S. media reports suggest that the White House is preparing tariffs.").speaker == (
        "U.S. media reports"
    )
    assert (
        found("The claims that he lied were false. The company confirmed the deal that will close.")
        == []
    )


# --- speakers -------------------------------------------------------------------------------


def test_appositive_is_stepped_over_to_the_name() -> None:
    text = (
        "General Keith Kellogg, a key envoy for former President Donald Trump, confirmed that "
        "it was over."
    )
    assert one(text).name == "Keith Kellogg"
    assert one("Her opponent, Democrat Marcus Hill, said he was confident.").speaker == (
        "Democrat Marcus Hill"
    )
    assert one('"It was a stunt," said Rep. Jim Jordan, R-Ohio, in a statement.').name == (
        "Jim Jordan"
    )


def test_pronoun_and_surname_resolve_to_the_fullest_name_before_them() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke after President Volodymyr Zelensky left.\n\n"
        "Peskov declined to comment. “Talks must stay discreet,” he told Reuters. "
        "“Our response will mirror theirs,” Zelensky said. “We will see,” Smith said. "
        "“Nothing is decided,” he added."
    )
    first, second, third, fourth = found(text)
    assert (first.speaker, first.name) == ("he", "Dmitry Peskov")
    assert (second.speaker, second.name) == ("Zelensky", "Volodymyr Zelensky")
    # A surname met alone is the nearest name a "he" can take.
    assert (third.name, fourth.name) == ("Smith", "Smith")


def test_she_skips_a_man() -> None:
    text = "Mr. Paul Grant spoke first. Ms. Ana Ruiz replied. “We will act,” she said."
    assert one(text).name == "Ana Ruiz"


def test_registry_names_are_reused() -> None:
    text = "“Ukraine needs guarantees,” Zelensky said. “Peace is near,” Mr. Smith said."
    first, second = found(text, registry=("Volodymyr Zelenskyy", "John Smith", "Jane Smithers"))
    assert first.name == "Volodymyr Zelenskyy"
    assert second.name == "John Smith"


def test_organisations_and_collective_speakers() -> None:
    got = one("Two people familiar with the matter said the company was exploring a sale.")
    assert got.speaker == "Two people familiar with the matter"
    got = one("South Korea's military said North Korea fired two missiles.")
    assert got.speaker == "South Korea's military"
    assert one("Police said the suspect, 24, was arrested.").speaker == "Police"


def test_it_resolves_to_the_organisation_before_it() -> None:
    _, second = found(
        "South Korea's military said North Korea fired two missiles.\n\n"
        "It said the missiles flew about 350 km."
    )
    assert (second.speaker, second.name) == ("It", "South Korea's military")


# --- the annotation set -----------------------------------------------------------------------


def test_set_is_in_the_suggest_layer_with_local_ids_and_schema_attributes(schema) -> None:
    text = "“We will win,” Zelensky said, “whatever it takes.” Officials said the war would end."
    result = suggest(Document(DocumentId("d"), text))
    assert result.annotator == ANNOTATOR == "suggest:rules"
    assert [int(s.id) for s in result.spans] == list(range(1, len(result.spans) + 1))
    assert [s.name for s in result.spans] == [f"T{s.id}" for s in result.spans]
    ids = {s.id for s in result.spans}
    for relation in result.relations:
        assert relation.head in ids and relation.child in ids
        kind = schema.relation(relation.label)
        by_id = {s.id: s for s in result.spans}
        assert by_id[relation.head].label in kind.head
        assert by_id[relation.child].label in kind.child
    for span in result.spans:
        for name, value in span.attrs.items():
            attribute = schema.span_attribute(span.label, name)
            assert attribute is not None and schema.check_value(attribute, value) is None


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "No quotes here at all."])
def test_texts_without_quotes_give_an_empty_set(text: str) -> None:
    result = suggest(Document(DocumentId("d"), text or " "))
    assert result.spans == [] and result.relations == []


# --- paragraphs without quotes or cues ------------------------------------------------------


def test_a_cue_without_quote_marks_after_paragraphs_of_narrative_is_found() -> None:
    # Only paragraphs with a quote or a cue are split into sentences; the names of the others
    # still count for resolving a pronoun.
    text = (
        "BRUSSELS (Reuters) - Finance Minister Daniela Müller arrived on Monday for the talks.\n\n"
        "The meeting lasted six hours. Markets closed higher.\n\n"
        "She said the deal would be signed next week."
    )
    assert one(text) == Found(
        "the deal would be signed next week",
        "indirect",
        "She",
        "Daniela Müller",
        "said",
        None,
    )


def test_a_cue_between_non_ascii_characters_is_found() -> None:
    # No-break spaces (as pages copied from the web have) on either side of the verb.
    assert one("Officials in Zürich\u00a0said\u00a0the airport had reopened.") == Found(
        "the airport had reopened",
        "indirect",
        "Officials in Zürich",
        "Officials in Zürich",
        "said",
        None,
    )


@pytest.mark.parametrize("name", ["Ángela Ruiz", "Łukasz Nowak", "Øyvind Berg", "Şahin Yılmaz"])
def test_a_name_with_a_capital_outside_a_to_z_is_a_speaker_and_starts_a_sentence(
    name: str,
) -> None:
    # The pronoun resolves to the name, and the sentence after one that ends before the name
    # is a sentence of its own (its capital is not A-Z either).
    text = (
        f"KYIV (Reuters) - Talks resumed on Monday. {name} arrived for the talks.\n\n"
        "She said the deal would be signed next week."
    )
    assert one(text) == Found(
        "the deal would be signed next week", "indirect", "She", name, "said", None
    )
    opened = f"“The deal is close,” {name} said. Émilie Roux said the talks would go on."
    assert [(f.quote, f.speaker) for f in found(opened)] == [
        ("“The deal is close,”", name),
        ("the talks would go on", "Émilie Roux"),
    ]


def test_a_sentence_may_begin_with_a_capital_outside_a_to_z() -> None:
    from annotator.suggest.lexicon import load_lexicon
    from annotator.suggest.sentences import Splitter, paragraphs

    text = "Talks resumed on Monday. Émilie Roux arrived. Ørsted shares rose."
    sentences = Splitter(text, [], load_lexicon()).sentences(paragraphs(text))
    assert [text[s.start : s.end].strip() for s in sentences] == [
        "Talks resumed on Monday.",
        "Émilie Roux arrived.",
        "Ørsted shares rose.",
    ]


# --- speaker phrases the word lists do not know, and words that only look like cues -------


def test_the_whole_phrase_between_a_quote_and_its_cue_is_the_speaker() -> None:
    quote = one("“Our view is clear,” EU competition commissioner Anna Lindgren told reporters.")
    assert (quote.speaker, quote.name, quote.cue) == (
        "EU competition commissioner Anna Lindgren",
        "Anna Lindgren",
        "told",
    )


def test_a_role_and_its_named_appositive_after_a_quote() -> None:
    quote = one("“No point,” the head of the government delegation, Omar Haddad, said as he left.")
    assert quote.speaker == "the head of the government delegation, Omar Haddad"
    assert (quote.name, quote.cue) == ("Omar Haddad", "said")


def test_unknown_nouns_before_a_closing_cue() -> None:
    quote = one("An automaker is recalling 340,000 SUVs, U.S. safety regulators said Monday.")
    assert (quote.quote, quote.type) == ("An automaker is recalling 340,000 SUVs", "indirect")
    assert (quote.speaker, quote.cue) == ("U.S. safety regulators", "said")


def test_a_verb_or_a_time_in_the_run_is_no_speaker_phrase() -> None:
    # "rose as" and "Last week" belong to clauses of their own: the known mention stands.
    assert one("Prices rose as the central bank said rates would stay high.").speaker == (
        "the central bank"
    )
    assert one("Last week the minister said taxes would rise.").speaker == "the minister"


def test_according_to_a_source_the_word_lists_do_not_know() -> None:
    quote = one("The company's shares fell 2.3% in Taipei, according to exchange data.")
    assert (quote.quote, quote.speaker, quote.cue) == (
        "The company's shares fell 2.3% in Taipei",
        "exchange data",
        "according to",
    )


def test_a_number_made_approximate_opens_a_reported_clause() -> None:
    quote = one("Police said about 4,000 tractors had taken part.")
    assert (quote.quote, quote.speaker) == ("about 4,000 tractors had taken part", "Police")
    # Before anything but a number "about" is a preposition: "told reporters about it".
    assert found("She told reporters about the plan.") == []


def test_an_adverb_between_commas_after_the_cue() -> None:
    quote = one("Wang said, however, that orders for servers remained strong.")
    assert (quote.quote, quote.speaker) == ("that orders for servers remained strong", "Wang")


def test_a_cue_word_after_a_possessive_is_a_noun_and_one_after_a_verb_is_not() -> None:
    assert found("India's state railway apologised after a train was stranded.") == []
    quote = one("“Fine,” its director, Nikos Papadakis, told state broadcaster ERT.")
    assert (quote.name, quote.cue) == ("Nikos Papadakis", "told")


def test_the_writers_clause_after_a_closing_cue_is_not_reported() -> None:
    quote = one("Floods have killed 86 people, officials said Saturday, as more rain was forecast.")
    assert (quote.quote, quote.speaker) == ("Floods have killed 86 people", "officials")


def test_a_source_inside_quoted_as_saying() -> None:
    quote = one("Peskov was quoted by the Interfax news agency as saying that talks had stalled.")
    assert (quote.quote, quote.speaker) == ("that talks had stalled", "Peskov")
    assert quote.cue == "quoted by the Interfax news agency as saying"
    # "as saying" reports a clause without "that" too.
    assert one("Ferri was quoted as saying the coach had his support.").quote == (
        "the coach had his support"
    )


def test_a_study_found_that() -> None:
    quote = one("The report, published on Tuesday, found that emissions had risen.")
    assert (quote.quote, quote.speaker, quote.cue) == (
        "that emissions had risen",
        "The report",
        "found",
    )
    assert found("Police found the body in a river.") == []


def test_an_age_then_a_relative_clause_between_speaker_and_cue() -> None:
    quote = one("Margaret Pye, 72, who has lived there for 40 years, said: “Nobody asked us.”")
    assert (quote.speaker, quote.cue) == ("Margaret Pye", "said")


def test_two_adverbials_before_that() -> None:
    quote = one("The ministry said in a statement on its website that the border would reopen.")
    assert (quote.quote, quote.speaker) == ("that the border would reopen", "The ministry")


def test_an_adverb_between_commas_before_the_cue() -> None:
    assert one("He, too, said it was fine.").speaker == "He"


def test_a_question_left_unsaid_is_no_quote() -> None:
    assert found("The minister did not say when the talks would resume.") == []
    assert found("She didn't say how many people had died.") == []
    assert one("He did not say that the army would withdraw.").quote == (
        "that the army would withdraw"
    )


def test_a_cue_and_colon_closing_the_paragraph_before_a_quote() -> None:
    text = "Foreign Minister Anna Berg spoke on Tuesday. She said:\n\n“We will not accept this.”"
    quote = one(text)
    assert (quote.speaker, quote.name, quote.cue) == ("She", "Anna Berg", "said")
    # The next sentence's own long quote is still suggested (it inherits the speaker).
    more = found(
        "The minister said:\n\n“We will win.” “This is a long quote that goes on for many"
        " words indeed,” at the end."
    )
    assert [(q.quote[:12], q.speaker) for q in more] == [
        ("“We will win", "The minister"),
        ("“This is a l", "The minister"),
    ]


def test_an_adverbial_before_a_closing_cue_is_no_content() -> None:
    assert found("In a statement, the ministry said on Monday.") == []
    quote = one("In the end the deal fell apart, officials said.")
    assert (quote.quote, quote.speaker) == ("In the end the deal fell apart", "officials")


def test_before_adding_that_shares_the_speaker() -> None:
    quotes = found("“All is fine,” Lopez insisted, before adding that the clinic needed staff.")
    assert [(q.quote, q.speaker, q.cue) for q in quotes] == [
        ("“All is fine,”", "Lopez", "insisted"),
        ("that the clinic needed staff", "Lopez", "adding"),
    ]


def test_a_split_phrase_is_named_by_the_lexicon_whatever_its_length() -> None:
    extra = 'phrases = ["quoted as having said"]\nbare_clause = ["quoted as having said"]\n'
    lexicon = parse_lexicon(
        [(default_lexicon_path().read_text(encoding="utf-8"), "en"), (extra, "x")]
    )
    text = "Smith was quoted by the agency as having said the talks had failed."
    result = Detector(lexicon).suggest(Document(DocumentId("d"), text))
    assert [q.quote for q in describe(result, text)] == ["the talks had failed"]
