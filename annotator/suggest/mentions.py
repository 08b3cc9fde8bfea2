"""Speaker mentions next to a cue: the noun phrase before it ("Kremlin spokesperson Dmitry
Peskov told") or after it ("..., said the ministry"), read from the lexicon's word classes.

No tagger: a mention is a run of names, titles, role nouns ("ministry", "officials"), their
modifiers, possessives and determiners, joined by "of" / "for" / "at". An appositive set off
by commas ("Sarah Whitmore, the head of ..., said") is stepped over to the name before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeGuard

from annotator.suggest.lexicon import Lexicon
from annotator.suggest.sentences import Kind, Token

_MAX_WORDS = 12
# A speaker phrase the word classes do not know ("U.S. safety regulators", "the U.N. special
# rapporteur on freedom of expression") is taken whole only this short: a longer run of
# unknown words between a comma and a cue is rarely a name.
_STRETCH_WORDS = 8
_BOUNDARY = frozenset({",", ":", ";", "(", "—", "–"})
_PARTY_STATE = re.compile(r"[RDI]-[A-Z]")
_RELATIVES = frozenset({"who", "whom", "whose", "which"})


class MentionKind(StrEnum):
    NAME = "name"  # holds a proper name: "Dmitry Peskov", "the Kremlin", "Ukraine's air force"
    NOMINAL = "nominal"  # a role without a name: "the ministry", "two officials"
    PRONOUN = "pronoun"


@dataclass(frozen=True, slots=True)
class Mention:
    """Token range [first, last) of a speaker mention inside its sentence."""

    first: int
    last: int
    kind: MentionKind


def possessive(token: Token) -> bool:
    text = token.text
    return text.endswith(("'s", "’s")) and len(text) > 2


def in_number(tokens: list[Token], comma: int) -> bool:
    """Whether the comma at ``comma`` groups the digits of a number ("24,000"): digits on both
    sides with no space between."""
    before, after = tokens[comma - 1], tokens[comma + 1] if comma + 1 < len(tokens) else None
    return (
        after is not None
        and before.end == tokens[comma].start
        and after.start == tokens[comma].end
        and before.text.isdigit()
        and after.text.isdigit()
    )


# After a name, these say where the speaker spoke, not who they are: "asked Labour MP Sarah
# Quinn *in the Commons*", "said Amnesty International *in a statement*"; after a role they
# still belong to it ("a spokesman *at* the embassy").
_WHERE = frozenset({"in", "on", "at"})


class MentionFinder:
    """Finds speaker mentions in one sentence's tokens."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        # Post-modifiers by their last word: one lookup per mention instead of a scan.
        self._post_by_last: dict[str, list[list[str]]] = {}
        self._post_by_first: dict[str, list[list[str]]] = {}
        for phrase in lexicon.post_modifiers:
            words = phrase.split()
            self._post_by_last.setdefault(words[-1], []).append(words)
            self._post_by_first.setdefault(words[0], []).append(words)
        self._joining = lexicon.particles | lexicon.connectors
        # Words that never stand inside a speaker phrase taken whole (stretch): one lookup.
        self._not_in_phrase = (
            lexicon.clause_words
            | lexicon.auxiliaries
            | lexicon.irregular_past
            | lexicon.adverbs
            | lexicon.time_words
            | lexicon.subject_pronouns
            | lexicon.object_pronouns
            | lexicon.pronouns
            | (lexicon.prepositions - lexicon.connectors)
        )

    # --- word classes -------------------------------------------------------------------

    def is_name(self, token: Token) -> bool:
        if token.kind != Kind.WORD or not token.text[:1].isupper():
            return False
        return token.text not in self.lex.not_names

    def is_role(self, token: Token) -> bool:
        if token.kind != Kind.WORD:
            return False
        lower = token.lower
        if lower in self.lex.roles:
            return True
        return possessive(token) and lower[:-2] in self.lex.roles

    def is_modifier(self, token: Token) -> bool:
        if token.kind != Kind.WORD:
            return False
        lower = token.lower
        return lower in self.lex.modifiers or lower.isdigit() or possessive(token)

    def is_title(self, token: Token) -> bool:
        return token.kind == Kind.WORD and token.text in self.lex.titles

    def _named_head(self, token: Token) -> bool:
        """A name, not a title or role: "Sarah *Quinn*", not "a spokesman" or "Director"."""
        return self.is_name(token) and not self.is_title(token) and not self.is_role(token)

    def nominal_head(self, token: Token) -> bool:
        return self.is_role(token) or self.is_name(token) or self.is_title(token)

    # --- before a cue -------------------------------------------------------------------

    def skip_adverbs(self, tokens: list[Token], end: int, floor: int) -> int:
        """Step left over auxiliaries, adverbs, time phrases and raising verbs: "Peskov on
        Monday also said", "Ruiz is expected to say"."""
        adverbs = self.lex.adverbs
        while end > floor:
            token = tokens[end - 1]
            if token.kind == Kind.WORD and token.lower in adverbs:
                end -= 1
            elif (
                token.text == ","
                and end - 3 > floor
                and tokens[end - 2].lower in adverbs
                and tokens[end - 3].text == ","
            ):
                end -= 3  # "He, too, said"
            elif (
                token.lower == "to"
                and end - 2 > floor
                and f"{tokens[end - 2].lower} to" in self.lex.raising
            ):
                end -= 2  # "Ruiz is expected to say": the subject is still the speaker
            elif token.lower in self.lex.time_words:
                end -= 1
                while end > floor and tokens[end - 1].lower in self.lex.time_leads:
                    end -= 1
            else:
                break
        return end

    def before(self, tokens: list[Token], end: int, floor: int = 0) -> Mention | None:
        """The mention ending right before token ``end`` (adverbs and an appositive skipped),
        not reaching left of ``floor``."""
        end = self.skip_adverbs(tokens, end, floor)
        if end <= floor:
            return None
        if tokens[end - 1].text == ",":
            named = self._named_appositive(tokens, end - 1, floor)
            if named is not None:
                return named
            end = self._before_appositive(tokens, end - 1, floor)
            if end <= floor:
                return None
        last = tokens[end - 1]
        if last.kind == Kind.WORD and last.lower in self.lex.pronouns:
            return Mention(end - 1, end, MentionKind.PRONOUN)
        return self._phrase(tokens, end, floor)

    def _phrase(self, tokens: list[Token], end: int, floor: int) -> Mention | None:
        head_end = self._strip_post_modifier(tokens, end, floor)
        first = self._walk_left(tokens, head_end, floor)
        if first is None:
            return self._bare_noun_phrase(tokens, end, floor)
        first = self._descriptor(tokens, first, floor)
        return Mention(first, end, self._kind(tokens, first, head_end))

    def at_boundary(self, tokens: list[Token], index: int, floor: int) -> bool:
        """Whether a mention may start at ``index``: the sentence start, or after a comma,
        colon or quote."""
        return (
            index <= floor
            or tokens[index - 1].kind == Kind.QUOTE
            or tokens[index - 1].text in _BOUNDARY
        )

    def _descriptor(self, tokens: list[Token], first: int, floor: int) -> int:
        """ "farmer Budi Santoso", "taxi driver Chinedu Okeke": lower-case words before a name
        at the start of a clause describe the speaker."""
        if not self.is_name(tokens[first]):
            return first
        for width in (1, 2):
            start = first - width
            if start < floor:
                break
            words = tokens[start:first]
            if (
                all(t.kind == Kind.WORD and t.text.islower() for t in words)
                and self.at_boundary(tokens, start, floor)
                and not any(t.lower in self.lex.adverbs or self.lex.is_cue(t.lower) for t in words)
            ):
                return start
        return first

    def _bare_noun_phrase(self, tokens: list[Token], end: int, floor: int) -> Mention | None:
        """ "A former bookkeeper told ...": a determiner at a clause start, at most two
        modifiers, and a noun the lexicon does not know."""
        for width in (2, 3, 4):
            start = end - width
            if start < floor:
                break
            head = tokens[end - 1]
            if head.kind != Kind.WORD or not head.text.islower():
                return None
            if tokens[start].lower in self.lex.determiners and self.at_boundary(
                tokens, start, floor
            ):
                middle = tokens[start + 1 : end - 1]
                if all(t.kind == Kind.WORD and not self.lex.is_cue(t.lower) for t in middle):
                    return Mention(start, end, MentionKind.NOMINAL)
        return None

    def _named_appositive(self, tokens: list[Token], comma: int, floor: int) -> Mention | None:
        """ "Her opponent, Democrat Marcus Hill, said": the name between the commas speaks
        when the phrase before it is a role."""
        first = self._walk_left(tokens, comma, floor)
        if first is None or first - 1 <= floor or tokens[first - 1].text != ",":
            return None
        if self._kind(tokens, first, comma) != MentionKind.NAME or self.is_role(tokens[comma - 1]):
            return None
        head = tokens[first - 2]
        # "One of them, Dale Hutchins, said": a pronoun after "of" picks one of a group.
        picked = (
            head.lower in self.lex.object_pronouns
            and first - 3 > floor
            and tokens[first - 3].lower == "of"
        )
        if not (self.is_role(head) or picked) or head.text[:1].isupper():
            return None
        return Mention(first, comma, MentionKind.NAME)

    def _before_appositive(self, tokens: list[Token], comma: int, floor: int) -> int:
        """``comma`` closes an appositive: the end of the mention before it, or ``floor``."""
        opening = comma - 1
        while opening > floor and (tokens[opening].text != "," or in_number(tokens, opening)):
            if tokens[opening].kind == Kind.QUOTE:
                return floor
            opening -= 1
        if opening <= floor or tokens[opening].text != "," or opening + 1 >= comma:
            return floor
        first = tokens[opening + 1]
        if _PARTY_STATE.match(first.text):
            pass
        elif not (
            first.lower in self.lex.appositive_starts
            or first.lower in self.lex.determiners
            or first.text.isdigit()
            or (first.kind == Kind.WORD and first.text[:1].islower())
            or self.is_title(first)
        ):
            return floor
        before = tokens[opening - 1]
        if self.is_name(before) or self.is_role(before):
            return opening
        if first.lower in _RELATIVES and before.kind == Kind.WORD and before.text.islower():
            # "One woman, who asked not to be named ..., says": a relative clause follows a
            # noun, known or not; the phrase before it must still read as a mention.
            return opening
        if before.text.isdigit() and opening - 2 > floor and tokens[opening - 2].text == ",":
            # "Margaret Pye, 72, who has lived there ..., said": an age, then the appositive.
            return self._before_appositive(tokens, opening, floor)
        return floor

    def _strip_post_modifier(self, tokens: list[Token], end: int, floor: int) -> int:
        """ "people familiar with the matter said": the head ends before the phrase."""
        for words in self._post_by_last.get(tokens[end - 1].lower, ()):
            start = end - len(words)
            if start > floor and [t.lower for t in tokens[start:end]] == words:
                return start
        return end

    def _walk_left(self, tokens: list[Token], end: int, floor: int) -> int | None:
        lex = self.lex
        first = end
        has_head = False
        while first > floor and end - first < _MAX_WORDS:
            token = tokens[first - 1]
            lower = token.lower
            if token.kind != Kind.WORD and token.text not in ("&", "-"):
                break
            if lower in lex.determiners and not (token.text[:1].isupper() and first == end):
                if not has_head:
                    return None
                first -= 1
                # "a spokesperson for the ministry": keep going over "for".
                if first - 1 > floor and self._joins(tokens, first - 1, floor):
                    first -= 1
                    continue
                break
            if self.is_name(token) or self.is_title(token) or self.is_role(token):
                has_head = True
            elif self.is_modifier(token) or token.text in ("&", "-"):
                if not has_head:
                    return None
            elif lower in lex.particles and has_head and first - 1 > floor:
                if not self.is_name(tokens[first - 2]):
                    break
            elif lower in lex.connectors and has_head:
                if not self._joins(tokens, first - 1, floor):
                    break
            else:
                break
            first -= 1
        if not has_head:
            return None
        # Never start on a joining word: "and Peskov said" is Peskov.
        while first < end and tokens[first].lower in lex.connectors:
            first += 1
        return first if first < end else None

    def _joins(self, tokens: list[Token], connector: int, floor: int) -> bool:
        """Whether the connector at ``connector`` joins two parts of one mention."""
        if tokens[connector].lower not in self.lex.connectors or connector - 1 < floor:
            return False
        before = tokens[connector - 1]
        return self.is_role(before) or self.is_name(before) or self.is_title(before)

    # --- a whole phrase between a boundary and a cue --------------------------------------

    def stretch(self, tokens: list[Token], end: int, floor: int = 0) -> Mention | None:
        """Every word between the last boundary (the sentence start, a comma, a colon, a
        quote) and token ``end`` as one speaker phrase, when the word classes do not know all
        of them: "“Q,” *EU competition commissioner Anna Lindgren* told", "Y, *U.S. safety
        regulators* said". ``“Q,” the head of the delegation, Omar Haddad, said``: the
        phrase and its named appositive. None when a word there reads as part of a clause."""
        cue = end
        end = self.skip_adverbs(tokens, end, floor)
        if end - 1 > floor and tokens[end - 1].text == ",":
            named = self._run(tokens, end - 1, floor)
            if named is None or self._kind(tokens, named, end - 1) != MentionKind.NAME:
                return None
            if named - 1 <= floor or tokens[named - 1].text != ",":
                return None
            role = self._run(tokens, named - 1, floor)
            # Only right after a quote: elsewhere "Y, X, Z said" is a list as often.
            if role is None or role <= floor or not self._after_quote(tokens, role):
                return None
            return Mention(role, end - 1, MentionKind.NAME)
        first = self._run(tokens, end, floor)
        if first is not None:
            return Mention(first, end, self._kind(tokens, first, end))
        # A relative clause keeps its time words ("who was sacked in October said").
        return self._with_relative(tokens, cue, floor)

    def _with_relative(self, tokens: list[Token], end: int, floor: int) -> Mention | None:
        """ "*The family of a woman who died after waiting six hours* said": a speaker
        phrase, then a relative clause of at most _MAX_WORDS words up to ``end`` (a "who"
        further back opens a clause the sentence is about, not its speaker's)."""
        rel = end - 1
        while rel > floor and end - rel <= _MAX_WORDS and tokens[rel].kind == Kind.WORD:
            if tokens[rel].lower in ("who", "whose"):
                first = self._run(tokens, rel, floor)
                if first is None:
                    return None
                return Mention(first, end, self._kind(tokens, first, rel))
            rel -= 1
        return None

    def _after_quote(self, tokens: list[Token], index: int) -> bool:
        before = tokens[index - 1]
        return before.kind == Kind.QUOTE or (
            before.text == "," and index > 1 and tokens[index - 2].kind == Kind.QUOTE
        )

    def _run(self, tokens: list[Token], end: int, floor: int) -> int | None:
        """The first token of the words before ``end`` back to a boundary, if they can be a
        speaker phrase: at most _STRETCH_WORDS words, a noun last, no verb, no clause word,
        no pronoun, no time phrase."""
        lex = self.lex
        first = end
        while first > floor and tokens[first - 1].kind == Kind.WORD:
            first -= 1
            if end - first > _STRETCH_WORDS:
                return None
        if first == end or not self.at_boundary(tokens, first, floor):
            return None
        words = tokens[first:end]
        head = words[-1].lower
        if (
            head in lex.determiners
            or head in lex.connectors
            or (head in lex.modifiers and head not in lex.roles)
            or head.endswith("ly")
            or possessive(words[-1])
        ):
            return None
        lead = words[0]
        if lead.lower in lex.connectors or lead.lower in lex.prepositions:
            return None
        if lead.text in lex.not_names and lead.lower not in lex.determiners:
            return None
        for index, token in enumerate(words):
            lower = token.lower
            # "her son": "her" opening the phrase is its determiner, not a pronoun.
            opening = index == 0 and lower in lex.determiners
            if (lower in self._not_in_phrase and not opening) or lex.is_cue(lower):
                return None
            if (
                # First in the phrase only "-ing": "citing weak demand" after a comma is
                # the writer's participle, not a speaker.
                (index > 0 or lower.endswith("ing"))
                and lower.endswith(("ed", "ing"))
                and len(lower) > 4
                and token.text.islower()
                and lower not in lex.modifiers
                and not self._ing_noun(words, index)
            ):
                return None  # a verb: "the man who witnessed", "prices rising"
        return first

    def _ing_noun(self, words: list[Token], index: int) -> bool:
        """Whether the "-ing" word at ``index`` is a noun or describes one, not a verb: after
        a determiner ("minutes of *the meeting*") or before a role or title ("SkyAzur
        *marketing* chief Dara Keane")."""
        if not words[index].lower.endswith("ing"):
            return False
        if index > 0 and words[index - 1].lower in self.lex.determiners:
            return True
        nxt = words[index + 1] if index + 1 < len(words) else None
        return nxt is not None and (self.is_role(nxt) or self.is_title(nxt))

    def stretch_after(self, tokens: list[Token], start: int) -> Mention | None:
        """ "according to *exchange data*": the words from ``start`` to the next boundary or
        the sentence end, read as :meth:`stretch` reads them."""
        end = start
        while end < len(tokens) and tokens[end].kind == Kind.WORD:
            end += 1
            if end - start > _STRETCH_WORDS:
                return None
        if end == start or (end < len(tokens) and tokens[end].kind == Kind.QUOTE):
            return None
        if self._run(tokens, end, start) != start:
            return None
        return Mention(start, end, self._kind(tokens, start, end))

    # --- after a cue --------------------------------------------------------------------

    def after(self, tokens: list[Token], start: int, stop: int | None = None) -> Mention | None:
        """The mention starting at token ``start``: "said *the defence ministry*"."""
        lex = self.lex
        stop = len(tokens) if stop is None else stop
        index = start
        if index < stop and tokens[index].lower in lex.determiners:
            index += 1
        # "said taxi driver Chinedu Okeke": lower-case words describing a name; "according
        # to an internal memo": describing a role.
        for width in (1, 2):
            if index + width >= stop or not tokens[index].text.islower():
                break
            described = tokens[index : index + width]
            if (
                index + width < stop
                and len(described) == width
                and all(t.kind == Kind.WORD and t.text.islower() for t in described)
                and not any(t.lower in lex.determiners for t in described)
                and (self.is_name(tokens[index + width]) or self.is_role(tokens[index + width]))
            ):
                index += width
                break
        last_head = -1
        while index < stop and index - start < _MAX_WORDS:
            token = tokens[index]
            lower = token.lower
            if lower in lex.determiners and not token.text[:1].isupper():
                # Only right after a joining word: "lawmakers the bank" is two phrases.
                if index == start or tokens[index - 1].lower not in lex.connectors:
                    break
            elif (
                token.kind == Kind.WORD and (self.is_name(token) or self.is_title(token))
            ) or self.is_role(token):
                last_head = index
            elif (
                self.is_modifier(token)
                or token.text in ("&", "-")
                or (
                    lower in self._joining
                    and last_head == index - 1
                    and not (lower in _WHERE and self._named_head(tokens[last_head]))
                )
            ):
                pass
            else:
                break
            index += 1
        if last_head < 0:
            return self._bare_after(tokens, start, stop)
        end = last_head + 1
        if end < stop:
            for words in self._post_by_first.get(tokens[end].lower, ()):
                if [t.lower for t in tokens[end : end + len(words)]] == words:
                    end += len(words)
                    break
        if tokens[start].kind == Kind.WORD and tokens[start].lower in lex.pronouns:
            return None
        kind = self._kind(tokens, start, end)
        if kind == MentionKind.NOMINAL and end + 1 < stop and tokens[end].text == ",":
            # "said one investor, Carol Jenkins": the name between commas is the speaker's.
            named = self.after(tokens, end + 1, stop)
            if self._appositive_name(named, tokens, stop):
                return Mention(start, named.last, MentionKind.NAME)
        return Mention(start, end, kind)

    def _appositive_name(
        self, named: Mention | None, tokens: list[Token], stop: int
    ) -> TypeGuard[Mention]:
        """Whether ``named``, after a comma, is a name set off as an appositive ("said one
        investor, *Carol Jenkins*, 71"): one that a verb follows is the next clause's subject
        ("According to court filings, *Osei* moved ...")."""
        return (
            named is not None
            and named.kind == MentionKind.NAME
            and (named.last >= stop or tokens[named.last].kind != Kind.WORD)
        )

    def _bare_after(self, tokens: list[Token], start: int, stop: int) -> Mention | None:
        """ "said one investor, Carol Jenkins, 71": a determiner, a noun the lexicon does not
        know, and the name that follows it between commas."""
        if start >= stop or tokens[start].lower not in self.lex.determiners:
            return None
        for end in range(start + 2, min(stop, start + 4) + 1):
            head = tokens[end - 1]
            if head.kind != Kind.WORD or not head.text.islower() or self.lex.is_cue(head.lower):
                return None
            if end == stop or tokens[end].kind == Kind.PUNCT:
                if end + 1 < stop and tokens[end].text == ",":
                    named = self.after(tokens, end + 1, stop)
                    if self._appositive_name(named, tokens, stop):
                        return Mention(start, named.last, MentionKind.NAME)
                return Mention(start, end, MentionKind.NOMINAL)
        return None

    def _kind(self, tokens: list[Token], first: int, last: int) -> MentionKind:
        for index in range(first, last):
            token = tokens[index]
            if self.is_name(token) and not self.is_title(token):
                # A capital that only opens the sentence is not a name: "Officials said".
                if index == 0 and token.lower in self.lex.roles:
                    continue
                return MentionKind.NAME
        return MentionKind.NOMINAL
