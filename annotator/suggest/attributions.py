"""Attributions found in sentences: what is quoted, by whom, with which cue.

The patterns, on tokens where each direct quote is one token:

- after a quote: ``“Q,” SPEAKER CUE`` and ``“Q,” CUE SPEAKER``, and the split quote
  ``“Q1,” SPEAKER CUE, “Q2”`` (Q2 continues Q1);
- after a cue: ``SPEAKER CUE [adverbials] that ...``, ``... CUE: “Q”``, ``SPEAKER CUE he
  would ...`` (a reported clause without "that", for verbs that take one), ``called it “Q”``;
- before a cue: ``Y, SPEAKER CUE.`` and ``Y, CUE SPEAKER.``, and ``Y1, SPEAKER CUE, Y2``;
- ``According to X, Y`` and ``Y, according to X``;
- ``..., saying / adding that ...`` takes the speaker of its sentence; ``it was announced``
  has no speaker.

A clause holding a quoted fragment is mixed; a clause that is only a quote is direct.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from annotator.suggest.clauses import Clauses
from annotator.suggest.lexicon import Lexicon
from annotator.suggest.mentions import (
    Mention,
    MentionFinder,
    MentionKind,
    in_number,
    possessive,
)
from annotator.suggest.sentences import Kind, Sentence, Token

_DATELINE_DASH = frozenset({"-", "—", "–", "--"})
_OPENERS = "\"'“‘„«»‚‹ "


class QuoteType(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    start: int
    end: int
    kind: MentionKind


@dataclass(slots=True)
class Attribution:
    """One quote (in one or more parts, character ranges) with its cue and speaker."""

    parts: list[tuple[int, int]]
    quote_type: QuoteType
    sentence: int
    cue: tuple[int, int] | None = None
    speaker: SpeakerMention | None = None
    #: the quote segments (indices) this attribution consumed
    segments: list[int] = field(default_factory=list)
    #: the speaker is the previous quote's (a quote standing alone after an attributed one)
    inherits: bool = False


@dataclass(frozen=True, slots=True)
class _Cue:
    first: int
    last: int
    lemma: str
    #: a question verb opening its sentence ("Asked whether ..., X said")
    question: bool = False


def dateline_end(tokens: list[Token]) -> int:
    """The first token after a dateline such as ``WASHINGTON (Reuters) -``, or 0."""
    if not tokens or len(tokens[0].text) < 2 or not tokens[0].text.isupper():
        return 0
    index = 0
    while index < len(tokens) and index < 12:
        token = tokens[index]
        if (
            (token.kind == Kind.WORD and token.text.isupper() and len(token.text) > 1)
            or token.text == ","
            or (token.kind == Kind.WORD and token.text[:1].isupper())
        ):
            index += 1
        elif token.text == "(":
            close = next(
                (i for i in range(index, min(len(tokens), index + 6)) if tokens[i].text == ")"),
                None,
            )
            if close is None:
                return 0
            index = close + 1
        elif token.text in _DATELINE_DASH:
            upper = any(t.text.isupper() and len(t.text) > 1 for t in tokens[:index])
            return index + 1 if upper else 0
        else:
            return 0
    return 0


class Attributor:
    """Applies the patterns to the sentences of one document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.mentions = MentionFinder(lexicon)
        self.clauses = Clauses(lexicon, self.mentions)
        # Phrases by their first word, so that each token costs one dictionary lookup.
        self._phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in lexicon.phrases:
            words = tuple(phrase.split())
            self._phrases.setdefault(words[0], []).append(words)
        self._starts = frozenset(lexicon.verbs) | frozenset(self._phrases)

    # --- cues ---------------------------------------------------------------------------

    def cues(self, tokens: list[Token], begin: int) -> list[_Cue]:
        out: list[_Cue] = []
        starts = self._starts
        taken = begin
        for index in [i for i, t in enumerate(tokens) if t.lower in starts]:
            if index < taken:
                continue  # inside a phrase already taken
            token = tokens[index]
            lower = token.lower
            taken = index + 1
            phrase = self._phrase_at(tokens, index)
            if phrase:
                out.append(
                    _Cue(
                        index,
                        index + phrase,
                        " ".join(t.lower for t in tokens[index : index + phrase]),
                    )
                )
                taken = index + phrase
                continue
            split = self._source_between(tokens, index)
            if split is not None:
                # "was quoted by the Interfax news agency as saying": one cue, named by the
                # lexicon's phrase, spanning the source that carried the words.
                end, name = split
                out.append(_Cue(index, end, name))
                taken = end
                continue
            if self._raises(tokens, index):
                continue  # "is alleged to have said": the cue is the verb it leads to
            # Cues are verbs: lower case in running text ("States" is not "states"), or a
            # question verb opening its sentence ("Asked whether ..., X said").
            question = token.text != lower and self._question_opening(tokens, index, begin)
            if self.lex.is_cue(lower) and (token.text == lower or question):
                previous = tokens[index - 1].lower if index > 0 else ""
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                # "the claims", "a warning", "India's state railway": a determiner or a
                # possessive before it makes it a noun; so does a verb right after a plural
                # ("media reports suggest"; "told state media": "told" stays a verb).
                # A determiner that stands alone as a speaker ("Some say", "some warned")
                # leaves a verb form that is no plural noun ("some reports") a verb.
                alone = previous in self.lex.roles and not lower.endswith("s")
                noun = (
                    (previous in self.lex.determiners and not alone)
                    or (index > 0 and possessive(tokens[index - 1]))
                ) or (
                    lower.endswith("s")
                    and lower != "says"
                    and following is not None
                    and following.text == following.lower
                    and self.lex.is_cue(following.lower)
                    and not following.lower.endswith("ing")
                )
                if not noun:
                    out.append(_Cue(index, index + 1, self.lex.lemma(lower), question))
        return out

    def _question_opening(self, tokens: list[Token], index: int, begin: int) -> bool:
        """Whether the word at ``index`` opens its sentence as a passive question verb right
        before its question word ("*Asked* whether the plant would reopen, she said ..."; no
        other verb: "Told that ..." reports nothing; "Asked by a reporter whether" is left
        out, as the gold before g15 leaves it)."""
        return (
            index == begin
            and index + 1 < len(tokens)
            and tokens[index + 1].lower in self.lex.question_words
            and self.lex.lemma(tokens[index].lower) in self.lex.question_verbs
        )

    def _raises(self, tokens: list[Token], index: int) -> bool:
        """Whether the word at ``index`` is a raising verb before the cue it leads to ("alleged
        *to have said*")."""
        after = index + 2
        if after >= len(tokens) or f"{tokens[index].lower} {tokens[index + 1].lower}" not in (
            self.lex.raising
        ):
            return False
        if tokens[after].lower == "have" and after + 1 < len(tokens):
            after += 1
        return self.lex.is_cue(tokens[after].lower)

    def _source_between(self, tokens: list[Token], index: int) -> tuple[int, str] | None:
        """The end and the lexicon phrase of "quoted *by SOURCE* as saying" when a phrase
        ("quoted as saying") is split by its source at ``index + 1``, else None."""
        if index + 1 >= len(tokens) or tokens[index + 1].lower != "by":
            return None
        for words in self._phrases.get(tokens[index].lower, ()):
            tail = list(words[1:])
            if len(tail) < 2:
                continue
            for start in range(index + 3, min(len(tokens), index + 12) - len(tail) + 1):
                if tokens[start - 1].kind != Kind.WORD:
                    break
                if [t.lower for t in tokens[start : start + len(tail)]] == tail:
                    return start + len(tail), " ".join(words)
        return None

    def _phrase_at(self, tokens: list[Token], index: int) -> int:
        for words in self._phrases.get(tokens[index].lower, ()):
            if len(words) + index <= len(tokens) and all(
                tokens[index + k].lower == word for k, word in enumerate(words)
            ):
                return len(words)
        return 0

    # --- one sentence -------------------------------------------------------------------

    def sentence(self, sentence: Sentence, number: int) -> list[Attribution]:
        tokens = sentence.tokens
        begin = dateline_end(tokens)
        found: list[Attribution] = []
        claimed: set[int] = set()
        for cue in self.cues(tokens, begin):
            if cue.first in claimed:
                continue
            result = self._attribute(tokens, cue, begin, found, number)
            if result is None:
                continue
            attribution, used = result
            if used & claimed:
                continue
            claimed |= used
            claimed.update(range(cue.first, cue.last))
            found.append(attribution)
        return found

    def _attribute(
        self, tokens: list[Token], cue: _Cue, begin: int, found: list[Attribution], number: int
    ) -> tuple[Attribution, set[int]] | None:
        if cue.lemma == "according to":
            return self._according_to(tokens, cue, begin, number)
        if cue.question:
            # "Asked whether ..., X said": the question has no speaker of its own and ends
            # with its clause at the comma (not one inside a number: "24,000").
            comma = next(
                (
                    i
                    for i in range(cue.last, len(tokens))
                    if tokens[i].text == "," and not in_number(tokens, i)
                ),
                0,
            )
            return self._forward(tokens[:comma], cue, begin, number, None) if comma else None
        first_word = tokens[cue.first].lower
        joined = cue.first > begin and tokens[cue.first - 1].lower in (",", "and", "but", ";")
        # ", saying ...", "... and said ...", "before adding that ...": the verb shares its
        # sentence's subject.
        participle = (
            joined and (first_word.endswith("ing") or tokens[cue.first - 1].lower in ("and", "but"))
        ) or (
            cue.first > begin
            and first_word.endswith("ing")
            and tokens[cue.first - 1].lower in ("before", "after", "while", "when")
        )
        subject: Mention | None = None
        speaker: SpeakerMention | None = None
        passive = False
        if participle:
            speaker = self._sentence_speaker(tokens, begin, found)
        else:
            subject = self.mentions.before(tokens, cue.first, begin)
            # The words classes may know only the end of the phrase ("Anna Lindgren" of "EU
            # competition commissioner Anna Lindgren"): the whole run to its boundary.
            # (A mention from a boundary right up to the cue is already whole.)
            if (
                subject is None
                or subject.last < cue.first
                or not self.mentions.at_boundary(tokens, subject.first, begin)
            ):
                whole = self.mentions.stretch(tokens, cue.first, begin)
                if whole is not None and (subject is None or whole.first < subject.first):
                    subject = whole
            if subject is not None:
                passive = self._passive(tokens, subject, cue)
                speaker = None if passive else self._speaker(tokens, subject)
        # 1. “Q,” SPEAKER CUE  /  “Q,” CUE SPEAKER
        before = subject.first if subject is not None else cue.first
        inverted: Mention | None = None
        if subject is None and not participle:
            inverted = self.mentions.after(tokens, cue.last)
            if inverted is None and self._closes(tokens, cue.first, begin):
                # "Heatwave to last, say forecasters": a speaker phrase the word classes do
                # not know, taken whole where the sentence ends with it.
                inverted = self.mentions.stretch_after(tokens, cue.last)
        quote_index = self._quote_before(tokens, before, begin)
        if quote_index is not None and self._fragment(tokens, quote_index, begin):
            quote_index = None  # "The deal was “dead”, officials said": the sentence is content
        if quote_index is not None and (subject is not None or inverted is not None):
            if inverted is not None and speaker is None:
                speaker = self._speaker(tokens, inverted)
            resume = inverted.last if inverted is not None else cue.last
            return self._direct_before(tokens, quote_index, resume, cue, speaker, number)
        if speaker is None and not passive and not participle and inverted is None:
            return None
        # 2. forward: that-clause, quote, reported clause
        forward = self._forward(tokens, cue, begin, number, speaker)
        if forward is not None:
            if speaker is None and not passive and not participle:
                return None
            return forward
        # 3. Y, SPEAKER CUE.  /  Y, CUE SPEAKER.
        if inverted is not None and speaker is None:
            if cue.first == begin or tokens[cue.first - 1].text != ",":
                return None
            speaker = self._speaker(tokens, inverted)
            return self._content_before(
                tokens, begin, cue.first - 1, inverted.last, cue, speaker, number
            )
        if subject is not None and subject.first > begin and tokens[subject.first - 1].text == ",":
            return self._content_before(
                tokens, begin, subject.first - 1, cue.last, cue, speaker, number
            )
        return None

    def _closes(self, tokens: list[Token], cue: int, begin: int) -> bool:
        """Whether the cue at ``cue`` follows a comma or a quote, as a cue closing what was
        said does."""
        if cue <= begin:
            return False
        before = tokens[cue - 1]
        return before.text == "," or before.kind == Kind.QUOTE

    def _speaker(self, tokens: list[Token], mention: Mention) -> SpeakerMention:
        return SpeakerMention(
            tokens[mention.first].start, tokens[mention.last - 1].end, mention.kind
        )

    def _passive(self, tokens: list[Token], subject: Mention, cue: _Cue) -> bool:
        """ "it was announced": the cue's subject is no speaker."""
        between = [t.lower for t in tokens[subject.last : cue.first]]
        pronoun = tokens[subject.first].lower
        return (
            pronoun == "it"
            and subject.kind == MentionKind.PRONOUN
            and bool(self.lex.passive_auxiliaries & set(between))
            and not tokens[cue.first].lower.endswith("ing")
        )

    def _sentence_speaker(
        self, tokens: list[Token], begin: int, found: list[Attribution]
    ) -> SpeakerMention | None:
        """The speaker of ", saying ..." / ", adding that ...": the sentence's own."""
        for attribution in reversed(found):
            if attribution.speaker is not None:
                return attribution.speaker
        mention = self.mentions.after(tokens, begin)
        if mention is None and begin < len(tokens) and tokens[begin].lower in self.lex.pronouns:
            mention = Mention(begin, begin + 1, MentionKind.PRONOUN)
        return self._speaker(tokens, mention) if mention is not None else None

    def _quote_before(self, tokens: list[Token], index: int, begin: int) -> int | None:
        index -= 1
        if index >= begin and tokens[index].text == ",":
            index -= 1
        if index >= begin and tokens[index].kind == Kind.QUOTE:
            return index
        return None

    def _fragment(self, tokens: list[Token], quote: int, begin: int) -> bool:
        """Whether the quote at ``quote`` is a fragment inside a sentence of the writer's: a
        word right before it and a lower-case start ("marriage ‘over’")."""
        if quote <= begin or tokens[quote - 1].kind != Kind.WORD:
            return False
        inner = tokens[quote].text.lstrip(_OPENERS)
        return inner[:1].islower()

    def _direct_before(
        self,
        tokens: list[Token],
        quote_index: int,
        resume: int,
        cue: _Cue,
        speaker: SpeakerMention | None,
        number: int,
    ) -> tuple[Attribution, set[int]]:
        first = tokens[quote_index]
        parts = [(first.start, first.end)]
        segments = [first.quote]
        used = {quote_index}
        # “Q1,” he said, “Q2” — a split quote, unless Q1 ended its sentence.
        inner = first.text.rstrip("\"'”’»›")
        if inner and inner[-1] not in ".!?":
            for position in self.clauses.skip_adverbials(tokens, resume, recipient=True):
                if (
                    position + 1 < len(tokens)
                    and tokens[position].text in (",", ":")
                    and tokens[position + 1].kind == Kind.QUOTE
                ):
                    second = tokens[position + 1]
                    parts.append((second.start, second.end))
                    segments.append(second.quote)
                    used.add(position + 1)
                    break
        attribution = Attribution(
            parts,
            QuoteType.DIRECT,
            number,
            (tokens[cue.first].start, tokens[cue.last - 1].end),
            speaker,
            segments,
        )
        return attribution, used

    def _forward(
        self,
        tokens: list[Token],
        cue: _Cue,
        begin: int,
        number: int,
        speaker: SpeakerMention | None,
    ) -> tuple[Attribution, set[int]] | None:
        lemma = cue.lemma
        lex = self.lex
        # "declined to say how many", "would not comment on reports that ...": refused speech,
        # and a denied verb that cannot report a bare clause, report nothing ("did not say
        # that ..." keeps its clause; "did not say when ..." loses it below).
        if self._before_cue(tokens, cue.first, lex.refusals) or (
            lemma not in lex.bare_clause and self._before_cue(tokens, cue.first, lex.negations)
        ):
            return None
        recipient = lemma in lex.recipient_verbs
        cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
        positions = [
            p
            for p in self.clauses.skip_adverbials(tokens, cue.last, recipient=recipient)
            if p < len(tokens)
        ]
        # "that" or a quote wherever it comes; a bare clause only where no "that" follows.
        for position in positions:
            token = tokens[position]
            if token.lower == "that" and lemma not in lex.quote_only:
                if self._demonstrative(tokens, position):
                    return None  # "I say that in every interview": nothing follows it
                return self._content_after(tokens, position, cue_span, speaker, number)
            if (
                token.text in (",", ":")
                and position + 1 < len(tokens)
                and tokens[position + 1].kind == Kind.QUOTE
            ):
                return self._content_after(tokens, position + 1, cue_span, speaker, number)
            if token.kind == Kind.QUOTE:
                if self._clause_before_quote(tokens, cue.last, position):
                    position = cue.last
                return self._content_after(tokens, position, cue_span, speaker, number)
        if lemma in lex.question_verbs:
            # "asked whether anyone had been disciplined": a reported question.
            for position in positions:
                if tokens[position].lower in lex.question_words:
                    return self._content_after(tokens, position, cue_span, speaker, number)
        # "did not say when the talks would resume": a question left open, nothing reported.
        unsaid = self._before_cue(tokens, cue.first, lex.negations) and any(
            tokens[p].lower in lex.question_words for p in positions
        )
        if lemma in lex.bare_clause and not unsaid:
            for position in positions:
                # "told reporters the talks ...": the first phrase after "told" is its recipient,
                # unless no recipient can be read there ("warned the government was ...": a
                # verb follows the noun at once, so the noun is the clause's subject).
                if (
                    recipient
                    and position == cue.last
                    and tokens[position].lower not in lex.subject_pronouns
                    and self.clauses.recipient_end(tokens, position) is not None
                ):
                    continue
                if self.clauses.looks_like_clause(tokens, position):
                    return self._content_after(tokens, position, cue_span, speaker, number)
        if lemma in lex.quote_only:
            # "called the deal “a disaster”": a quote a few words after the cue.
            for position in range(cue.last, min(len(tokens), cue.last + 6)):
                token = tokens[position]
                if token.kind == Kind.QUOTE:
                    used = {position}
                    attribution = Attribution(
                        [(token.start, token.end)],
                        QuoteType.DIRECT,
                        number,
                        cue_span,
                        speaker,
                        [token.quote],
                    )
                    return attribution, used
                if token.kind == Kind.PUNCT and token.text not in ("-", "’", "'"):
                    break
        return None

    def _demonstrative(self, tokens: list[Token], that: int) -> bool:
        """Whether "that" at ``that`` is the cue's object, not the start of a clause: only
        adverbials follow it before the sentence ends or a coordinated clause begins ("I say
        that in every interview, and nobody believes me"; not "said that, if elected, ...")."""
        after = self.clauses.skip_adverbials(tokens, that + 1, recipient=False)[-1]
        if after >= len(tokens):
            return True
        token = tokens[after]
        if token.text in (".", "!", "?", ";"):
            return True
        return (
            token.text == ","
            and after + 1 < len(tokens)
            and tokens[after + 1].lower in ("and", "but")
        )

    def _clause_before_quote(self, tokens: list[Token], start: int, quote: int) -> bool:
        """Whether the words skipped between a cue and a quote hold a verb and so open the
        reported clause: "said *now was* “not the time”" (not "said *on Monday* “...”")."""
        return any(
            t.lower in self.lex.auxiliaries for t in tokens[start:quote]
        ) and self.clauses.looks_like_clause(tokens, start)

    def _content_after(
        self,
        tokens: list[Token],
        start: int,
        cue_span: tuple[int, int],
        speaker: SpeakerMention | None,
        number: int,
    ) -> tuple[Attribution, set[int]] | None:
        end = self.clauses.content_end(tokens, start, len(tokens))
        if (
            tokens[start].kind == Kind.QUOTE
            and end > start + 1
            and self._setting(tokens, start + 1, end)
        ):
            end = start + 1  # "tweeted “Q” on Monday": the time and place are the writer's
        return self._content(tokens, start, end, cue_span, speaker, number)

    def _setting(self, tokens: list[Token], start: int, end: int) -> bool:
        """Whether tokens [start, end) are only when or where something was said: times and
        phrases such as "in a statement" or "on X" ("on budget" may be what was said)."""
        positions = self.clauses.skip_adverbials(tokens, start, recipient=False)
        if positions[-1] < end:
            return False
        lex = self.lex
        for first, after in pairwise(positions):
            lead = tokens[first].lower
            if lead in lex.time_words or lead in lex.adverbs:
                continue
            nxt = tokens[first + 1] if first + 1 < after else None
            if nxt is None or not (
                nxt.lower in lex.determiners
                or nxt.lower in lex.time_words
                or nxt.text[:1].isupper()
            ):
                return False
        return True

    def _content(
        self,
        tokens: list[Token],
        start: int,
        end: int,
        cue_span: tuple[int, int] | None,
        speaker: SpeakerMention | None,
        number: int,
        more: tuple[int, int] | None = None,
    ) -> tuple[Attribution, set[int]] | None:
        """An attribution of tokens [start, end) (and [more) for a second part)."""
        ranges = [(start, end)] + ([more] if more is not None else [])
        quotes = [i for a, b in ranges for i in range(a, b) if tokens[i].kind == Kind.QUOTE]
        words = [
            t for a, b in ranges for t in tokens[a:b] if t.kind == Kind.WORD and t.lower != "that"
        ]
        used = {i for a, b in ranges for i in range(a, b)}
        if quotes and not words:
            parts = [(tokens[i].start, tokens[i].end) for i in quotes]
            segments = [tokens[i].quote for i in quotes]
            return Attribution(parts, QuoteType.DIRECT, number, cue_span, speaker, segments), used
        if len(words) < 2 + (0 if quotes else 1) and not self._elliptical(words):
            return None
        kind = QuoteType.MIXED if quotes else QuoteType.INDIRECT
        parts = [(tokens[a].start, tokens[b - 1].end) for a, b in ranges if b > a]
        segments = [tokens[i].quote for i in quotes]
        return Attribution(parts, kind, number, cue_span, speaker, segments), used

    def _elliptical(self, words: list[Token]) -> bool:
        """A reported answer cut to its subject and auxiliary: "He said *he would*.",
        "*Nobody did*, she said." (two words without one are no clause: "Good morning")."""
        return len(words) == 2 and words[1].lower in self.lex.auxiliaries

    def _content_before(
        self,
        tokens: list[Token],
        begin: int,
        comma: int,
        resume: int,
        cue: _Cue,
        speaker: SpeakerMention | None,
        number: int,
    ) -> tuple[Attribution, set[int]] | None:
        """``Y, SPEAKER CUE.`` (and ``Y1, SPEAKER CUE, Y2``): content before the comma."""
        if cue.lemma in self.lex.quote_only:
            return None
        cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
        positions = self.clauses.skip_adverbials(tokens, resume, recipient=True)
        after = positions[-1]
        more = self._resumed(tokens, after)
        if more is None and after < len(tokens) and tokens[after].kind != Kind.PUNCT:
            # The cue goes on ("reports suggest that ..."): it does not close the sentence.
            return None
        start = begin
        end = self.clauses.content_end(tokens, start, comma + 1, closed=more is None)
        lead = tokens[start].lower if start < end else ""
        if (lead in self.lex.prepositions or lead in self.lex.not_clause_start) and not any(
            self.clauses.looks_like_clause(tokens, i) for i in range(start + 1, end)
        ):
            return None  # "In a statement, the ministry said": an adverbial, no content
        return self._content(tokens, start, end, cue_span, speaker, number, more)

    def _resumed(self, tokens: list[Token], after: int) -> tuple[int, int] | None:
        """The second part of a reported clause split by its attribution, when a comma at
        ``after`` ends the attribution and the clause goes on: "Canada's wildfire season,
        officials said, *is on track ...*" (not "..., officials said, *as more rain was
        forecast*": the writer's own clause)."""
        if after + 1 >= len(tokens) or tokens[after].text != ",":
            return None
        nxt = tokens[after + 1]
        if (
            nxt.kind != Kind.WORD
            or not nxt.text.islower()
            or self.lex.is_cue(nxt.lower)
            or self._opens_own_clause(nxt.lower)
            # "..., the ONS said, a bigger drop than expected": a noun phrase there is the
            # writer's comment on what was said; the clause itself resumes with its verb.
            or nxt.lower in self.lex.determiners
        ):
            return None
        return (after + 1, self.clauses.content_end(tokens, after + 1, len(tokens)))

    def _before_cue(self, tokens: list[Token], cue: int, words: frozenset[str]) -> bool:
        """Whether one of ``words`` stands just before the cue: a negation ("did not say",
        "would never say") or a refusal ("declined to say"); not across punctuation ("She
        refused, saying that ..." reports)."""
        for token in reversed(tokens[max(0, cue - 2) : cue]):
            if not any(c.isalnum() for c in token.text):
                return False
            if token.lower in words:
                return True
        return False

    def _opens_own_clause(self, lower: str) -> bool:
        """Whether a word after ", SPEAKER CUE," starts the writer's clause, not the rest of
        what was reported: a conjunction, a preposition, a participle ("adding", "citing")."""
        return (
            lower in self.lex.clause_words
            or lower in self.lex.prepositions
            or lower in self.lex.not_clause_start
            or lower.endswith("ing")
        )

    def _according_to(
        self, tokens: list[Token], cue: _Cue, begin: int, number: int
    ) -> tuple[Attribution, set[int]] | None:
        mention = self.mentions.after(tokens, cue.last) or self.mentions.stretch_after(
            tokens, cue.last
        )
        if mention is None:
            return None
        speaker = self._speaker(tokens, mention)
        cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
        if cue.first == begin:
            position = mention.last
            while position < len(tokens) and tokens[position].text != ",":
                position += 1
            if position + 1 >= len(tokens):
                return None
            return self._content_after(tokens, position + 1, cue_span, speaker, number)
        end = cue.first
        if tokens[end - 1].text == ",":
            end -= 1
        end = self.clauses.content_end(tokens, begin, end + 1)
        # "Evergate, according to two people ..., has asked its creditors ...": two parts.
        after = self.clauses.skip_adverbials(tokens, mention.last, recipient=False)[-1]
        more = self._resumed(tokens, after)
        return self._content(tokens, begin, end, cue_span, speaker, number, more)
