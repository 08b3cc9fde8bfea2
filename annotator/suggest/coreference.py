"""Speaker resolution inside one document: every speaker mention gets a canonical name.

A full name ("Kremlin spokesperson Dmitry Peskov") is its own canonical name without titles;
a surname ("Peskov") and a pronoun ("he told Reuters") take the fullest compatible name met
before them; organisations keep their name ("the ministry" stays "ministry"). Names from the
project's speaker registry win when they match (same name, same surname and first name, or a
spelling within a letter or two: "Zelensky" / "Zelenskyy").
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from annotator.suggest.attributions import SpeakerMention
from annotator.suggest.letters import UPPER
from annotator.suggest.lexicon import Lexicon
from annotator.suggest.mentions import MentionKind

_WINDOW = 200
_PLURAL_PRONOUNS = frozenset({"they", "we"})


@dataclass(slots=True)
class Entity:
    """A person or organisation the document talks about."""

    name: str
    #: True for people, False for organisations and groups, None when the name does not say
    person: bool | None
    gender: str = ""
    tokens: tuple[str, ...] = field(default=())

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""


def _normal(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in kept).split())


class Registry:
    """The project's speaker names, matched forgivingly against names found in the text."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = [name for name in dict.fromkeys(n.strip() for n in names) if name]
        self.exact = {_normal(name): name for name in self.names}
        self.by_surname: dict[str, list[str]] = {}
        for name in self.names:
            words = _normal(name).split()
            if words:
                self.by_surname.setdefault(words[-1], []).append(name)

    def match(self, name: str) -> str | None:
        """The registry's spelling of ``name``, or None when no entry (or several) fits."""
        if not self.names:
            return None
        key = _normal(name)
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        words = key.split()
        # Same surname, or one spelt within a letter or two ("Zelensky" / "Zelenskyy"), and
        # the same first initial when the text gives a first name.
        surnames = difflib.get_close_matches(words[-1], list(self.by_surname), n=3, cutoff=0.85)
        same = [
            entry
            for surname in surnames
            for entry in self.by_surname[surname]
            if len(words) == 1 or _normal(entry).split()[0][:1] == words[0][:1]
        ]
        if len(same) == 1:
            return same[0]
        if len(words) > 1:
            close = difflib.get_close_matches(key, list(self.exact), n=2, cutoff=0.88)
            if len(close) == 1:
                return self.exact[close[0]]
        return None


class Resolver:
    """Canonical names for the speaker mentions of one document."""

    def __init__(self, text: str, lexicon: Lexicon, registry: Registry) -> None:
        self.text = text
        self.lex = lexicon
        self.registry = registry
        #: (position, entity) of every name met so far, in text order
        self.timeline: list[tuple[int, Entity]] = []
        self.people: dict[str, Entity] = {}

    def resolve(self, mentions: Sequence[SpeakerMention]) -> dict[tuple[int, int], str]:
        """Canonical name of each mention (start, end); mentions without one are left out."""
        by_start = sorted(set(mentions), key=lambda m: (m.start, m.end))
        out: dict[tuple[int, int], str] = {}
        if not by_start:
            return out
        pending = iter(by_start)
        mention = next(pending, None)
        for position, tokens, preceded in self._name_runs(by_start[-1].start):
            while mention is not None and mention.start < position:
                self._mention(mention, out)
                mention = next(pending, None)
            self._name(position, tokens, preceded)
        while mention is not None:
            self._mention(mention, out)
            mention = next(pending, None)
        return out

    # --- names in running text --------------------------------------------------------

    def _name_runs(self, until: int) -> Iterator[tuple[int, list[str], str]]:
        """Runs of capitalised words before ``until``: (start, words, the word before)."""
        text = self.text
        people = self.people
        titles = self.lex.titles
        for match in _runs(self.lex.particles).finditer(text, 0, until):
            first, rest = match.groups()
            if not rest and first not in people and first not in titles:
                # Most runs are one capitalised word that opens a sentence: skipped here as
                # below (a lone word is only a known person's surname), first of all.
                continue
            found = match.start()
            if found and text[found - 1].isalnum():
                continue  # inside a word ("iPhone"); cheaper here than a look-behind
            run = match.group().split()
            for start, words in self._sentence_parts(found, run):
                if len(words) == 1 and words[0] not in people and words[0] not in titles:
                    continue  # a lone word is only a known person's surname
                # A run may begin with a word that is not a name: "But Peskov", "When Smith".
                while words and words[0] in self.lex.not_names:
                    start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
                    words.pop(0)
                if not words:
                    continue
                last = words[-1]
                if last.endswith(".") and last not in self.lex.titles and last.count(".") == 1:
                    words[-1] = last[:-1]
                before = text[max(0, start - 24) : start].split()
                preceded = before[-1].lower().strip(",;:()") if before else ""
                yield start, [w for w in words if w], preceded

    def _sentence_parts(self, start: int, words: list[str]) -> Iterator[tuple[int, list[str]]]:
        """A run of capitalised words cut where a sentence ends inside it: "Monday. Ángela
        Ruiz" is "Monday." and "Ángela Ruiz"; a title ("Gen.") or an initial ("J.") ends none."""
        text = self.text
        part: list[str] = []
        at = start
        for word in words:
            at = text.index(word, at)
            if not part:
                part_start = at
            part.append(word)
            at += len(word)
            ends = word.endswith(".") and word.count(".") == 1 and len(word) > 2
            if ends and word not in self.lex.titles:
                yield part_start, part
                part = []
        if part:
            yield part_start, part

    def _split_title(self, run: Sequence[str]) -> tuple[list[str], list[str]]:
        titles: list[str] = []
        index = 0
        while index < len(run) - 1 and run[index] in self.lex.titles:
            titles.append(run[index])
            index += 1
        return titles, list(run[index:])

    def _name(self, position: int, run: Sequence[str], preceded: str) -> Entity | None:
        titles, words = self._split_title(run)
        if not words or words[-1].lower() in self.lex.roles or words[-1].isupper():
            return None
        titled = bool(titles) or preceded in self.lex.roles
        if len(words) == 1:
            entity = self._by_surname(words[0])
            if entity is None:
                return None
        elif titled or (preceded not in self.lex.determiners and len(words) <= 4):
            entity = self._person(words)
        else:
            return None
        if not entity.gender:
            entity.gender = self._gender([*titles, preceded])
        self.timeline.append((position, entity))
        return entity

    def _person(self, words: list[str]) -> Entity:
        surname = words[-1]
        known = self.people.get(surname)
        if known is not None and (known.tokens[0][:1] == words[0][:1] or len(known.tokens) == 1):
            if len(words) > len(known.tokens):
                known.tokens = tuple(words)
                known.name = " ".join(words)
            return known
        entity = Entity(" ".join(words), True, tokens=tuple(words))
        self.people[surname] = entity
        return entity

    def _by_surname(self, word: str) -> Entity | None:
        return self.people.get(word)

    def _gender(self, words: Iterable[str]) -> str:
        for word in words:
            lower = word.lower()
            if lower in self.lex.female_words:
                return "f"
            if lower in self.lex.male_words:
                return "m"
        return ""

    # --- speaker mentions --------------------------------------------------------------

    def _mention(self, mention: SpeakerMention, out: dict[tuple[int, int], str]) -> None:
        text = self.text[mention.start : mention.end]
        key = (mention.start, mention.end)
        if mention.kind == MentionKind.PRONOUN:
            entity = self._antecedent(text.lower(), mention.start)
            if entity is not None:
                out[key] = self._registered(entity.name) if entity.person else entity.name
                if text.lower() in ("he", "she") and not entity.gender:
                    entity.gender = "m" if text.lower() == "he" else "f"
            return
        tokens = text.split()
        # The name inside the mention: its trailing run of capitalised words.
        tail: list[str] = []
        for word in reversed(tokens):
            if word[:1].isupper() and word.lower() not in self.lex.roles:
                tail.insert(0, word)
            else:
                break
        # "Miami's Jimmy Butler": a possessive before the name is no part of it.
        while len(tail) > 1 and tail[0].endswith(("'s", "’s")):
            tail.pop(0)
        person = None
        # The word before the name says what it is: a role ("spokesperson Dmitry Peskov")
        # makes a person, a joining word ("economists at Goldman Sachs") an organisation.
        before = tokens[-len(tail) - 1].lower().rstrip(",") if 0 < len(tail) < len(tokens) else ""
        if tail and mention.kind == MentionKind.NAME and before not in self.lex.connectors:
            run_titles = [w for w in tail if w in self.lex.titles]
            # "German Chancellor Lena Hartmann": the name follows the last title.
            last_title = max((i for i, w in enumerate(tail) if w in self.lex.titles), default=-1)
            if 0 <= last_title < len(tail) - 1:
                words = tail[last_title + 1 :]
            else:
                words = [w for w in tail if w not in self.lex.titles] or tail
            if len(words) >= 2:
                person = self._person(words)
            else:
                person = self._by_surname(words[0])
                if person is None and (run_titles or before in self.lex.roles):
                    person = self._person(words)
            if person is not None:
                if not person.gender:
                    person.gender = self._gender(tokens)
                self.timeline.append((mention.start, person))
                out[key] = self._registered(person.name)
                return
        name = _strip_determiner(tokens, self.lex)
        # A lone capitalised word ("Smith said", "Hungary said") may be either.
        bare = len(tokens) == 1 and tail == tokens and not tokens[0].isupper()
        entity = Entity(name, None if bare else False, tokens=tuple(tokens))
        if bare:
            self.people.setdefault(tokens[0], entity)
        self.timeline.append((mention.start, entity))
        out[key] = self.registry.match(name) or name

    def _registered(self, name: str) -> str:
        return self.registry.match(name) or name

    def _antecedent(self, pronoun: str, position: int) -> Entity | None:
        # The nearest names only: an antecedent further back than this is a guess anyway,
        # and the window keeps a book-length text linear.
        for at, entity in reversed(self.timeline[-_WINDOW:]):
            if at >= position:
                continue
            if pronoun in ("he", "she", "i"):
                wanted = {"he": "m", "she": "f"}.get(pronoun, "")
                if entity.person is not False and entity.gender in ("", wanted or entity.gender):
                    return entity
            elif pronoun == "it":
                if entity.person is not True and entity.name.split()[-1:] != ["officials"]:
                    return entity
            elif pronoun in _PLURAL_PRONOUNS and entity.person is not True:
                return entity
        return None


@functools.cache
def _runs(particles: frozenset[str]) -> re.Pattern[str]:
    """Capitalised words, with name particles between them ("Ursula von der Leyen")."""
    joined = "|".join(re.escape(p) for p in sorted(particles, key=len, reverse=True))
    word = rf"[{UPPER}][\w'’.&-]*"
    # (the first word, the rest): a run without a rest is one word.
    return re.compile(rf"({word})((?:\s+(?:(?:{joined or '(?!)'})\s+)*{word})*)")


def _strip_determiner(words: list[str], lexicon: Lexicon) -> str:
    while len(words) > 1 and words[0].lower() in lexicon.determiners:
        words = words[1:]
    return " ".join(words)
