"""Where reported clauses begin and end around a cue, read from tokens and the lexicon.

After a cue come adverbials and recipients ("said *on Monday*", "told *reporters*", "said
*in a statement*") before the reported content; a reported clause without "that" must look
like a clause (a subject, then an auxiliary or a past-tense verb within a few words) so that
"said goodbye" or "told him to leave" are not taken for speech. Content ends at the sentence
end or where the journalist's own clause begins (", but", "; ", ", adding ...", " — " unless a
second dash closes an aside).
"""

from __future__ import annotations

from annotator.suggest.lexicon import Lexicon
from annotator.suggest.mentions import MentionFinder
from annotator.suggest.sentences import Kind, Token

_DASHES = frozenset({"—", "–", "--", ";"})
# Personal subject pronouns: one inside a run of words opens a clause of its own there.
_PERSONAL = frozenset({"he", "she", "they", "we", "i"})
_CONJUNCTIONS = frozenset({"and", "but", "or"})
_CLOSERS = "\"'”’»›"
_MAX_SKIP = 12
_CLAUSE_WINDOW = 9
# An aside between two dashes inside reported content is at most this many tokens long.
_ASIDE_WORDS = 12
# After an appositive in a reported clause's subject, its verb comes within this many tokens.
_AFTER_APPOSITIVE = 3


class Clauses:
    """Clause boundaries in one sentence's tokens."""

    def __init__(self, lexicon: Lexicon, mentions: MentionFinder) -> None:
        self.lex = lexicon
        self.mentions = mentions
        # Split once here, not twice per comma per phrase in content_end.
        self._stops = [phrase.split() for phrase in lexicon.clause_stops]
        self._quantifiers: dict[str, list[list[str]]] = {}
        for phrase in lexicon.quantifiers:
            words = phrase.split()
            self._quantifiers.setdefault(words[0], []).append(words)
        self._approximators: dict[str, list[list[str]]] = {}
        for phrase in lexicon.approximators:
            words = phrase.split()
            self._approximators.setdefault(words[0], []).append(words)

    def skip_adverbials(self, tokens: list[Token], index: int, *, recipient: bool) -> list[int]:
        """Positions after the cue where its content may begin: right after it, after each
        adverbial ("on Monday", "in a statement") and after a recipient ("told reporters").
        Earliest first."""
        positions = [index]
        steps = 0
        took_recipient = False
        while index < len(tokens) and steps < 3:
            steps += 1
            nxt = self._adverbial_end(tokens, index)
            if nxt is None and recipient and not took_recipient:
                nxt = self.recipient_end(tokens, index)
                took_recipient = nxt is not None
            if nxt is None or nxt - positions[0] > _MAX_SKIP:
                break
            index = nxt
            positions.append(index)
        return positions

    def recipient_end(self, tokens: list[Token], index: int) -> int | None:
        """The end of a short noun phrase ("reporters", "a Manhattan jury", "him") that the
        content, an adverbial or a clause follows."""
        if tokens[index].lower in self.lex.object_pronouns:
            return index + 1
        limit = index + 5
        end = index
        while end < min(len(tokens), limit):
            end += 1
            word = tokens[end - 1]
            if word.kind != Kind.WORD or word.lower in ("that", "and", "but"):
                return None
            if word.lower in self.lex.subject_pronouns or word.lower in self.lex.auxiliaries:
                return None
            if end == len(tokens):
                return end
            if word.lower in self.lex.determiners:
                continue  # "told the Croydon Advertiser she ...": the noun is still to come
            nxt = tokens[end]
            if nxt.lower == "of":
                # "told the head of the aviation regulator that ...": the noun's "of" phrase
                # belongs to the recipient, and a short noun phrase may follow it.
                limit = end + 5
                continue
            if (
                nxt.kind != Kind.WORD
                or nxt.lower == "that"
                or nxt.lower in self.lex.prepositions
                or (nxt.lower in self.lex.time_words and not self._name_runs_on(tokens, end))
                or self._time_phrase(tokens, end)
                or (self.looks_like_clause(tokens, end) and not self._name_runs_on(tokens, end))
            ):
                return end
        return None

    def _time_phrase(self, tokens: list[Token], index: int) -> bool:
        """Whether a time phrase without a preposition opens at ``index`` ("told the head of
        the transport authority *last week* that")."""
        return (
            tokens[index].lower in self.lex.time_leads
            and index + 1 < len(tokens)
            and tokens[index + 1].lower in self.lex.time_words
        )

    def _name_runs_on(self, tokens: list[Token], index: int) -> bool:
        """Whether a capitalised recipient goes on through the capitalised words from
        ``index`` to a clause after them ("told the New *York Times* the water had ...", "the
        Manchester *Evening News* they ..." though "Evening" is a time word), rather than
        ending before a clause that a name opens ("told the BBC Johnson was")."""
        if not (tokens[index - 1].text[:1].isupper() and tokens[index].text[:1].isupper()):
            return False
        end = index
        while (
            end < len(tokens) and tokens[end].kind == Kind.WORD and tokens[end].text[:1].isupper()
        ):
            end += 1
        return end < len(tokens) and self.looks_like_clause(tokens, end)

    def _adverbial_end(self, tokens: list[Token], index: int) -> int | None:
        token = tokens[index]
        lower = token.lower
        if (
            token.text == ","
            and index + 2 < len(tokens)
            and tokens[index + 1].lower in self.lex.adverbs
            and tokens[index + 2].text == ","
        ):
            return index + 3  # "said, however, that ..."
        if token.kind != Kind.WORD or self._quantifier(tokens, index):
            return None
        if lower in self.lex.time_words or lower in self.lex.adverbs:
            return index + 1
        if lower in self.lex.prepositions:
            # A short prepositional phrase: "in a statement", "on the Senate floor", "by phone".
            end = index + 1
            while end < len(tokens) and end - index <= 6:
                word = tokens[end]
                if word.kind != Kind.WORD or word.lower in ("that", "and", "but"):
                    break
                if word.lower in self.lex.subject_pronouns and end > index + 1:
                    break
                end += 1
                if self._noun_end(tokens, end):
                    return end
            return None
        return None

    def _noun_end(self, tokens: list[Token], end: int) -> bool:
        """Whether a prepositional phrase can stop before token ``end``."""
        if end >= len(tokens):
            return True
        nxt = tokens[end]
        return (
            nxt.kind != Kind.WORD
            or nxt.lower in ("that", "he", "she", "it", "they", "we", "i", "there")
            # "asked on Monday whether ...": a question word opens the reported question
            or nxt.lower in self.lex.question_words
            or nxt.lower in self.lex.determiners
            # "in a statement | on its website": the next phrase is an adverbial of its own
            or nxt.lower in self.lex.prepositions
        )

    def _quantifier(self, tokens: list[Token], index: int) -> int:
        """The number of words of a quantity phrase ("at least", or "about" before a number)
        starting at ``index``."""
        lower = tokens[index].lower
        for words in self._quantifiers.get(lower, ()):
            if [t.lower for t in tokens[index : index + len(words)]] == words:
                return len(words)
        for words in self._approximators.get(lower, ()):
            after = index + len(words)
            if (
                after < len(tokens)
                and tokens[after].text[:1].isdigit()
                and [t.lower for t in tokens[index:after]] == words
            ):
                return len(words)
        return 0

    def looks_like_clause(self, tokens: list[Token], index: int) -> bool:
        """A reported clause without "that": a subject, then a verb within a few words."""
        if index >= len(tokens):
            return False
        first = tokens[index]
        lower = first.lower
        quantifier = self._quantifier(tokens, index)
        if quantifier:
            # "said at least 14 people had died": the subject starts with a quantity.
            return self.looks_like_clause(tokens, index + quantifier)
        if lower in self.lex.object_pronouns and lower in self.lex.determiners:
            # "told the BBC her client was ...": "her" owns the subject (where it is the
            # hearer, "told her the talks ...", the recipient is skipped before this).
            return self.looks_like_clause(tokens, index + 1)
        if (
            first.kind != Kind.WORD
            or lower in self.lex.not_clause_start
            or lower in self.lex.object_pronouns
            or lower in self.lex.time_words  # "said Saturday, as ...": an adverbial
        ):
            return False
        if self.lex.is_cue(lower) and lower not in self.lex.subject_pronouns:
            return False
        start = index + (1 if lower in self.lex.subject_pronouns else 0)
        limit = min(len(tokens), index + _CLAUSE_WINDOW)
        position = start - 1
        while position + 1 < limit:
            position += 1
            token = tokens[position]
            if token.kind == Kind.PUNCT and token.text not in ("%", "$", "-", "&", "'", "’"):
                if token.text != "," or position == start:
                    return False
                closing = self._appositive_end(tokens, position)
                if closing is not None:
                    # "said Margaret Ellery, the first woman to ..., died": the verb comes
                    # right after the appositive.
                    position = closing
                    limit = min(len(tokens), closing + 1 + _AFTER_APPOSITIVE)
                continue
            if token.kind == Kind.QUOTE:
                # "said the threat “makes it harder”": a subject, then a quoted predicate,
                # which goes on the sentence in lower case (a capital opens a full quote).
                inner = token.text.lstrip("\"'“‘„«»‚‹ ")
                return position > index and inner[:1].islower()
            word = token.lower
            if word in _PERSONAL and position > index:
                return False  # "told the Croydon Advertiser she had ...": the clause is hers
            if word in ("that", "which", "who", "whom", "whose") and position > index:
                # "confirmed the deal that will close": a relative clause, not a report; but
                # "said members who voted *had* backed it": the relative clause sits in the
                # subject, whose verb follows it.
                return word in ("who", "which") and self._verb_after_relative(
                    tokens, position + 1, limit
                )
            if word in self.lex.auxiliaries or (
                word in self.lex.irregular_past and position > index
            ):
                return position > index
            if (
                position > index
                and word.endswith("ed")
                and len(word) > 4
                and tokens[position - 1].lower not in self.lex.determiners
                # "confirmed the cuts but declined to ...": a verb after a conjunction goes
                # with the cue, and the noun before it is the cue's object, not a subject.
                and tokens[position - 1].lower not in _CONJUNCTIONS
            ):
                return True
            if (
                lower in self.lex.subject_pronouns
                and word.endswith("s")
                and (position == index + 1 or self._after_adverbs(tokens, index + 1, position))
            ):
                return True
        return False

    def _verb_after_relative(self, tokens: list[Token], start: int, limit: int) -> bool:
        """Whether an auxiliary follows the relative clause opening at ``start`` (its own verb
        group first: "who *was fired* had lied", not "which *would have cut* jobs")."""
        position = start
        while position < limit and tokens[position].lower in self.lex.auxiliaries:
            position += 1
        return any(
            token.kind == Kind.WORD and token.lower in self.lex.auxiliaries
            for token in tokens[position:limit]
        )

    def _appositive_end(self, tokens: list[Token], comma: int) -> int | None:
        """The comma closing an appositive that the comma at ``comma`` opens after a name
        ("Margaret Ellery*, the first woman to captain a liner,*"), or None."""
        before = tokens[comma - 1]
        if before.kind != Kind.WORD or not before.text[:1].isupper() or comma + 1 >= len(tokens):
            return None
        if tokens[comma + 1].lower not in self.lex.determiners:
            return None
        for index in range(comma + 2, min(len(tokens), comma + _ASIDE_WORDS)):
            token = tokens[index]
            if token.text == ",":
                return index
            if token.kind != Kind.WORD:
                return None
        return None

    def _closing_dash(self, tokens: list[Token], dash: int, stop: int) -> int | None:
        """The dash that closes an aside opened at ``dash`` inside reported content ("three
        buyers — one of them from Germany — but ..."), when the content goes on after it."""
        if tokens[dash].text == ";":
            return None
        for index in range(dash + 1, min(stop - 1, dash + _ASIDE_WORDS)):
            token = tokens[index]
            if token.text == tokens[dash].text:
                return index if tokens[index + 1].kind == Kind.WORD else None
            if token.text in _DASHES or token.kind == Kind.QUOTE:
                return None
        return None

    def _after_adverbs(self, tokens: list[Token], start: int, verb: int) -> bool:
        """Whether only adverbs stand between a subject and the present-tense verb at ``verb``
        ("she *still* checks", "it *now* runs")."""
        return tokens[verb].lower not in self.lex.adverbs and all(
            token.lower in self.lex.adverbs for token in tokens[start:verb]
        )

    def content_end(
        self, tokens: list[Token], start: int, stop: int, *, closed: bool = False
    ) -> int:
        """The token index where content starting at ``start`` ends (exclusive). ``closed``:
        the attribution closes the sentence at ``stop`` ("Y, as Z, an official said."), so
        "as", "while" and "but" inside Y are still what was reported."""
        lex = self.lex
        end = stop
        resume = start + 1
        # From ``start`` itself when it is a quote: “Q,” in comments carried by ... ends there.
        first = start if tokens[start].kind == Kind.QUOTE else start + 1
        for index in range(first, stop):
            if start < index < resume:
                continue
            token = tokens[index]
            if token.kind == Kind.QUOTE:
                # A comma inside a quote's closing marks ends a phrase as one outside does.
                if index + 1 < stop and token.text.rstrip(_CLOSERS).endswith(","):
                    words = [t.lower for t in tokens[index + 1 : index + 4]]
                    if any(words[: len(stop)] == stop for stop in self._stops):
                        end = index + 1
                        break
                continue
            if token.text in _DASHES:
                closing = self._closing_dash(tokens, index, stop)
                if closing is None:
                    end = index
                    break
                resume = closing + 1
                continue
            if (
                token.lower in ("and", "but")
                and index + 2 < stop
                and tokens[index + 1].text == tokens[index + 1].lower
                and (lex.is_cue(tokens[index + 1].lower) or tokens[index + 1].lower in lex.own_acts)
                and tokens[index + 2].kind != Kind.PUNCT
            ):
                # "... that X, and said Y": a second reporting verb of the same speaker, or
                # another act of theirs ("but declined to comment"); "for age and stress."
                # ends with a noun: nothing is reported after it.
                end = index
                break
            if token.text != "," or index + 1 >= stop:
                continue
            nxt = tokens[index + 1]
            words = [t.lower for t in tokens[index + 1 : index + 4]]
            if not closed and any(words[: len(stop)] == stop for stop in self._stops):
                end = index
                break
            # ", adding that ...": another attribution of the same speaker begins.
            if nxt.lower.endswith("ing") and lex.is_cue(nxt.lower):
                end = index
                break
            if nxt.lower == "according" and index + 2 < stop and tokens[index + 2].lower == "to":
                end = index
                break
        while (
            end > start
            and tokens[end - 1].kind == Kind.PUNCT
            and tokens[end - 1].text
            in (
                ".",
                ",",
                ";",
                ":",
                "!",
                "?",
                "…",
            )
        ):
            end -= 1
        return end
