"""Where reported clauses begin and end around a cue, read from tokens and the lexicon.

After a cue come adverbials and recipients ("said *on Monday*", "told *reporters*", "said
*in a statement*") before the reported content; a reported clause without "that" must look
like a clause (a subject, then an auxiliary or a past-tense verb within a few words) so that
"said goodbye" or "told him to leave" are not taken for speech. Content ends at the sentence
end or where the journalist's own clause begins (", but", "; ", " — ", ", adding ...").
"""

from __future__ import annotations

from annotator.suggest.lexicon import Lexicon
from annotator.suggest.mentions import MentionFinder
from annotator.suggest.sentences import Kind, Token

_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "doesn't",
        "didn't",
        "don't",
        "needs",
        "remains",
        "remained",
        "planned",
        "plans",
        "expects",
        "expected",
        "wants",
        "wanted",
        "intends",
        "intended",
    ]
)
# Irregular past tenses: a reported clause needs a verb ("the missiles flew ...").
_IRREGULAR_PAST = frozenset(
    [
        "arose",
        "ate",
        "bore",
        "beat",
        "became",
        "began",
        "bent",
        "bet",
        "bit",
        "bled",
        "blew",
        "broke",
        "brought",
        "built",
        "burned",
        "burnt",
        "burst",
        "bought",
        "caught",
        "chose",
        "clung",
        "came",
        "cost",
        "crept",
        "cut",
        "dealt",
        "dug",
        "dove",
        "drew",
        "drank",
        "drove",
        "fell",
        "fed",
        "felt",
        "fought",
        "found",
        "fled",
        "flew",
        "forbade",
        "forgot",
        "forgave",
        "froze",
        "got",
        "gave",
        "went",
        "ground",
        "grew",
        "hung",
        "heard",
        "hid",
        "hit",
        "held",
        "hurt",
        "kept",
        "knelt",
        "knew",
        "laid",
        "led",
        "leapt",
        "left",
        "lent",
        "let",
        "lay",
        "lit",
        "lost",
        "made",
        "meant",
        "met",
        "paid",
        "put",
        "quit",
        "ran",
        "rang",
        "rose",
        "rode",
        "said",
        "sought",
        "sold",
        "sent",
        "set",
        "shook",
        "shone",
        "shot",
        "showed",
        "shrank",
        "shut",
        "sang",
        "sank",
        "sat",
        "slept",
        "slid",
        "spoke",
        "spent",
        "spun",
        "split",
        "spread",
        "sprang",
        "stood",
        "stole",
        "stuck",
        "stung",
        "struck",
        "swore",
        "swept",
        "swam",
        "swung",
        "took",
        "taught",
        "tore",
        "told",
        "thought",
        "threw",
        "understood",
        "underwent",
        "upheld",
        "woke",
        "wore",
        "won",
        "wound",
        "withdrew",
        "wrote",
        "overtook",
        "overcame",
        "undertook",
    ]
)
_SUBJECT_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "there", "this", "that", "these", "those"]
)
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you"])
_NOT_CLAUSE = frozenset(
    [
        "to",
        "for",
        "with",
        "about",
        "of",
        "on",
        "in",
        "at",
        "by",
        "from",
        "into",
        "over",
        "after",
        "before",
        "as",
        "so",
        "goodbye",
        "hello",
        "thanks",
        "nothing",
        "something",
        "anything",
        "everything",
        "yes",
        "no",
        "not",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "during",
        "after",
        "before",
        "from",
        "via",
        "over",
        "through",
        "to",
        "with",
        "at",
        "afterwards",
        "afterward",
        "later",
        "earlier",
    ]
)
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "weekend",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
    ]
)
_DASHES = frozenset({"—", "–", "--", ";"})
_MAX_SKIP = 9
_CLAUSE_WINDOW = 9


class Clauses:
    """Clause boundaries in one sentence's tokens."""

    def __init__(self, lexicon: Lexicon, mentions: MentionFinder) -> None:
        self.lex = lexicon
        self.mentions = mentions

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
                nxt = self._recipient_end(tokens, index)
                took_recipient = nxt is not None
            if nxt is None or nxt - positions[0] > _MAX_SKIP:
                break
            index = nxt
            positions.append(index)
        return positions

    def _recipient_end(self, tokens: list[Token], index: int) -> int | None:
        """The end of a short noun phrase ("reporters", "a Manhattan jury", "him") that the
        content, an adverbial or a clause follows."""
        if tokens[index].lower in _OBJECT_PRONOUNS:
            return index + 1
        for end in range(index + 1, min(len(tokens), index + 5) + 1):
            word = tokens[end - 1]
            if word.kind != Kind.WORD or word.lower in ("that", "and", "but"):
                return None
            if word.lower in _SUBJECT_PRONOUNS or word.lower in _AUXILIARIES:
                return None
            if end == len(tokens):
                return end
            nxt = tokens[end]
            if (
                nxt.kind != Kind.WORD
                or nxt.lower == "that"
                or nxt.lower in _PREPOSITIONS
                or nxt.lower in _TIME_WORDS
                or self.looks_like_clause(tokens, end)
            ):
                return end
        return None

    def _adverbial_end(self, tokens: list[Token], index: int) -> int | None:
        token = tokens[index]
        lower = token.lower
        if token.kind != Kind.WORD:
            return None
        if lower in _TIME_WORDS or lower in self.lex.adverbs:
            return index + 1
        if lower in _PREPOSITIONS:
            # A short prepositional phrase: "in a statement", "on the Senate floor", "by phone".
            end = index + 1
            while end < len(tokens) and end - index <= 6:
                word = tokens[end]
                if word.kind != Kind.WORD or word.lower in ("that", "and", "but"):
                    break
                if word.lower in _SUBJECT_PRONOUNS and end > index + 1:
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
            or nxt.lower in self.lex.determiners
        )

    def looks_like_clause(self, tokens: list[Token], index: int) -> bool:
        """A reported clause without "that": a subject, then a verb within a few words."""
        if index >= len(tokens):
            return False
        first = tokens[index]
        lower = first.lower
        if first.kind != Kind.WORD or lower in _NOT_CLAUSE or lower in _OBJECT_PRONOUNS:
            return False
        if self.lex.is_cue(lower) and lower not in _SUBJECT_PRONOUNS:
            return False
        start = index + (1 if lower in _SUBJECT_PRONOUNS else 0)
        for position in range(start, min(len(tokens), index + _CLAUSE_WINDOW)):
            token = tokens[position]
            if token.kind == Kind.PUNCT and token.text not in ("%", "$", "-", "&", "'", "’"):
                if token.text != "," or position == start:
                    return False
                continue
            if token.kind == Kind.QUOTE:
                return False
            word = token.lower
            if word in _AUXILIARIES or (word in _IRREGULAR_PAST and position > index):
                return position > index
            if (
                position > index
                and word.endswith("ed")
                and len(word) > 4
                and tokens[position - 1].lower not in self.lex.determiners
            ):
                return True
            if position == index + 1 and lower in _SUBJECT_PRONOUNS and word.endswith("s"):
                return True
        return False

    def content_end(self, tokens: list[Token], start: int, stop: int) -> int:
        """The token index where content starting at ``start`` ends (exclusive)."""
        lex = self.lex
        end = stop
        for index in range(start + 1, stop):
            token = tokens[index]
            if token.text in _DASHES:
                end = index
                break
            if (
                token.lower in ("and", "but")
                and index + 1 < stop
                and tokens[index + 1].text == tokens[index + 1].lower
                and lex.is_cue(tokens[index + 1].lower)
            ):
                # "... that X, and said Y": a second reporting verb of the same speaker.
                end = index
                break
            if token.text != "," or index + 1 >= stop:
                continue
            nxt = tokens[index + 1]
            words = [t.lower for t in tokens[index + 1 : index + 4]]
            if any(
                words[: len(stop_words.split())] == stop_words.split()
                for stop_words in lex.clause_stops
            ):
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
