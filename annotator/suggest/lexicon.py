"""The lexicon of the rule-based suggester: reporting cues and the words of speaker mentions."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import InputError

_PACKAGE = Path(__file__).resolve().parent.parent
_TOP_LISTS = ("phrases", "bare_clause", "quote_only")
_SPEAKER_LISTS = (
    "titles",
    "roles",
    "modifiers",
    "connectors",
    "determiners",
    "particles",
    "pronouns",
    "post_modifiers",
)
_WORD_LISTS = ("not_names", "abbreviations", "adverbs", "raising", "own_acts", "clause_stops")
_CLAUSE_LISTS = (
    "auxiliaries",
    "irregular_past",
    "subject_pronouns",
    "object_pronouns",
    "not_clause_start",
    "prepositions",
    "quantifiers",
    "approximators",
    "clause_words",
    "question_words",
    "question_verbs",
    "negations",
    "refusals",
    "time_words",
    "time_leads",
    "passive_auxiliaries",
    "recipient_verbs",
    "appositive_starts",
    "female_words",
    "male_words",
)
# Clause lists of several-word phrases, matched longest first.
_PHRASE_LISTS = ("quantifiers", "approximators")
_TABLES = {
    "verbs": (),
    "speakers": _SPEAKER_LISTS,
    "words": _WORD_LISTS,
    "clauses": _CLAUSE_LISTS,
}
_TOML_LINE = re.compile(r"at line (\d+)")


def default_lexicon_path() -> Path:
    """The bundled English lexicon (beside the package in a checkout, inside it in a wheel).

    Not ``annotator.paths``: the suggester stays on the core's side of the import rules.
    """
    inside = _PACKAGE / "resources"
    root = inside if inside.is_dir() else _PACKAGE.parent / "resources"
    return root / "cues" / "en.toml"


@dataclass(frozen=True)
class Lexicon:
    """Every word list the rules read; lists hold the words as the file writes them."""

    #: word form (lower case) -> its lemma
    verbs: Mapping[str, str] = field(default_factory=dict)
    phrases: tuple[str, ...] = ()
    bare_clause: frozenset[str] = frozenset()
    quote_only: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    post_modifiers: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    raising: frozenset[str] = frozenset()
    own_acts: frozenset[str] = frozenset()
    clause_stops: tuple[str, ...] = ()
    auxiliaries: frozenset[str] = frozenset()
    irregular_past: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    object_pronouns: frozenset[str] = frozenset()
    not_clause_start: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    quantifiers: tuple[str, ...] = ()
    approximators: tuple[str, ...] = ()
    clause_words: frozenset[str] = frozenset()
    question_words: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    time_leads: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    recipient_verbs: frozenset[str] = frozenset()
    appositive_starts: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()

    def is_cue(self, word: str) -> bool:
        return word in self.verbs

    def lemma(self, word: str) -> str:
        return self.verbs.get(word, "")


class _Reader:
    """Checks one lexicon file; each complaint names the file and, where known, the line."""

    def __init__(self, text: str, origin: str) -> None:
        self.text = text
        self.origin = origin

    def fail(self, problem: str, near: str | None = None) -> InputError:
        line = None
        if near is not None:
            line = next((n for n, row in enumerate(self.text.splitlines(), 1) if near in row), None)
        return InputError(self.origin, problem, line)

    def words(self, value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(f'"{where}" must be a list of non-empty strings', where.split(".")[-1])
        return [" ".join(v.split()) for v in value]

    def read(self) -> dict[str, list[str] | dict[str, list[str]]]:
        try:
            data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            raise InputError(
                self.origin, f"not valid TOML ({exc})", int(found[1]) if found else None
            ) from None
        out: dict[str, list[str] | dict[str, list[str]]] = {}
        for key, value in data.items():
            if key in _TOP_LISTS:
                out[key] = self.words(value, key)
            elif key == "verbs":
                if not isinstance(value, dict):
                    raise self.fail('"verbs" must be a table of lemma = [forms]', "verbs")
                out[key] = {
                    lemma.lower(): self.words(forms, f"verbs.{lemma}")
                    for lemma, forms in value.items()
                }
            elif key in _TABLES:
                if not isinstance(value, dict):
                    raise self.fail(f'"{key}" must be a table ([{key}])', key)
                for name, words in value.items():
                    if name not in _TABLES[key]:
                        raise self.fail(f'[{key}] has unknown list "{name}"', name)
                    out[name] = self.words(words, f"{key}.{name}")
            else:
                raise self.fail(f'unknown key "{key}"', key)
        return out


def _build(raw: Mapping[str, Any]) -> Lexicon:
    verbs: dict[str, str] = {}
    for lemma, forms in raw.get("verbs", {}).items():
        for form in forms:
            verbs[form.lower()] = lemma

    def lower(name: str) -> frozenset[str]:
        return frozenset(word.lower() for word in raw.get(name, ()))

    def kept(name: str) -> frozenset[str]:
        return frozenset(raw.get(name, ()))

    def longest_first(name: str) -> tuple[str, ...]:
        # Longest first, so "familiar with the matter" wins over any shorter phrase it holds.
        return tuple(sorted({w.lower() for w in raw.get(name, ())}, key=lambda w: (-len(w), w)))

    return Lexicon(
        verbs=verbs,
        phrases=longest_first("phrases"),
        bare_clause=lower("bare_clause"),
        quote_only=lower("quote_only"),
        titles=kept("titles"),
        roles=lower("roles"),
        modifiers=lower("modifiers"),
        connectors=lower("connectors"),
        determiners=lower("determiners"),
        particles=lower("particles"),
        pronouns=lower("pronouns"),
        post_modifiers=longest_first("post_modifiers"),
        not_names=kept("not_names"),
        abbreviations=kept("abbreviations"),
        adverbs=lower("adverbs"),
        raising=lower("raising"),
        own_acts=lower("own_acts"),
        clause_stops=longest_first("clause_stops"),
        quantifiers=longest_first("quantifiers"),
        approximators=longest_first("approximators"),
        **{name: lower(name) for name in _CLAUSE_LISTS if name not in _PHRASE_LISTS},
    )


def _merge(into: dict[str, Any], raw: Mapping[str, Any]) -> None:
    for key, value in raw.items():
        if isinstance(value, dict):
            verbs = into.setdefault(key, {})
            for lemma, forms in value.items():
                verbs[lemma] = [*verbs.get(lemma, []), *forms]
        else:
            into[key] = [*into.get(key, []), *value]


def parse_lexicon(texts: Iterable[tuple[str, str]]) -> Lexicon:
    """One lexicon from ``(text, origin)`` pairs in the layout of resources/cues/en.toml; each
    later file adds its entries to the earlier ones."""
    merged: dict[str, Any] = {}
    for text, origin in texts:
        _merge(merged, _Reader(text, origin).read())
    return _build(merged)


def load_lexicon(path: Path | None = None, *, extra: Iterable[Path] = ()) -> Lexicon:
    """The lexicon at ``path`` (the bundled English one by default) extended by ``extra``
    files of the same layout, e.g. a project's own cues."""
    texts: list[tuple[str, str]] = []
    for source in [path or default_lexicon_path(), *extra]:
        try:
            texts.append((source.read_text(encoding="utf-8"), str(source)))
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid UTF-8 (at byte {exc.start})") from None
        except OSError as exc:
            raise InputError(source, f"cannot be read ({exc.strerror})") from None
    return parse_lexicon(texts)
