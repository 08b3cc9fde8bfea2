"""Project-wide registries: speakers and stance targets."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model import Speaker, SpeakerType, Target
from annotator.model.attribution import SPEAKER_ATTRIBUTE, speaker_mentions, speaker_names
from annotator.store.database import Database
from annotator.store.sets import Sets
from annotator.store.usage import Usage


class Speakers:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Speaker]:
        return [
            Speaker(name, SpeakerType(kind), description, wikidata)
            for name, kind, description, wikidata in self._db.execute(
                "SELECT name, type, description, wikidata FROM speakers "
                "ORDER BY name COLLATE NOCASE"
            )
        ]

    def get(self, name: str) -> Speaker | None:
        row = self._db.execute(
            "SELECT name, type, description, wikidata FROM speakers WHERE name = ?", [name]
        ).fetchone()
        return Speaker(row[0], SpeakerType(row[1]), row[2], row[3]) if row else None

    def ensure(self, names: Iterable[str]) -> int:
        """Register names not yet known (as persons until someone says otherwise)."""
        cursor = self._db.conn.executemany(
            "INSERT OR IGNORE INTO speakers (name) VALUES (?)", [(n,) for n in set(names)]
        )
        return max(cursor.rowcount, 0)

    def delete(self, name: str) -> None:
        self._db.execute("DELETE FROM speakers WHERE name = ?", [name])

    def upsert(self, speaker: Speaker) -> None:
        self._db.execute(
            "INSERT INTO speakers (name, type, description, wikidata) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET type = excluded.type, "
            "description = excluded.description, wikidata = excluded.wikidata",
            [speaker.name, speaker.type.value, speaker.description, speaker.wikidata],
        )


class Targets:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Target]:
        return [
            Target(label, definition)
            for label, definition in self._db.execute(
                "SELECT label, definition FROM targets ORDER BY label COLLATE NOCASE"
            )
        ]

    def ensure(self, labels: Iterable[str]) -> int:
        cursor = self._db.conn.executemany(
            "INSERT OR IGNORE INTO targets (label) VALUES (?)", [(t,) for t in set(labels)]
        )
        return max(cursor.rowcount, 0)

    def get(self, label: str) -> Target | None:
        row = self._db.execute(
            "SELECT label, definition FROM targets WHERE label = ?", [label]
        ).fetchone()
        return Target(row[0], row[1]) if row else None

    def delete(self, label: str) -> None:
        self._db.execute("DELETE FROM targets WHERE label = ?", [label])

    def upsert(self, target: Target) -> None:
        self._db.execute(
            "INSERT INTO targets (label, definition) VALUES (?, ?) "
            "ON CONFLICT (label) DO UPDATE SET definition = excluded.definition",
            [target.label, target.definition],
        )


class AttributeUses:
    """Where the values of one open attribute (``speaker``, ``target``) are used on spans."""

    def __init__(self, usage: Usage, name: str) -> None:
        self._usage = usage
        self.name = name

    def spans_naming(self, value: str) -> list[int]:
        return self._usage.span_ids_with_value(self.name, value)

    def set_on_spans(self, span_ids: list[int], value: str) -> None:
        self._usage.set_value_on_spans(span_ids, self.name, value)

    def counts(self) -> dict[str, int]:
        return {str(k): n for k, n in self._usage.value_counts(self.name).items()}


class SpeakerUses(AttributeUses):
    def __init__(self, db: Database, usage: Usage, sets: Sets) -> None:
        super().__init__(usage, SPEAKER_ATTRIBUTE)
        self._db = db
        self._sets = sets

    def quotes_of(self, name: str) -> list[tuple[str, str, int, int]]:
        """(document, annotator, start, end) of every QUOTE part said by ``name``, by the
        attribution rule of :mod:`annotator.model.attribution` (split quotes followed)."""
        found: list[tuple[str, str, int, int]] = []
        for document, annotator in self._db.execute(
            "SELECT DISTINCT document, annotator FROM spans "
            "WHERE json_extract(attrs, '$.speaker') = ? ORDER BY document, annotator",
            [name],
        ).fetchall():
            annotation = self._sets.get(document, annotator)
            quotes = {s.id: s for s in annotation.spans}
            for quote, mentions in speaker_mentions(annotation).items():
                if name in speaker_names(mentions):
                    span = quotes[quote]
                    found.append((document, annotator, span.start, span.end))
        return sorted(found)
