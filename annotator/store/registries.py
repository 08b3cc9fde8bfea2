"""Project-wide registries: speakers and stance targets."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from annotator.model import Speaker, SpeakerType, Target


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
        return next((s for s in self.all() if s.name == name), None)

    def ensure(self, names: Iterable[str]) -> int:
        """Register names not yet known (as persons until someone says otherwise)."""
        cursor = self._db.conn.executemany(
            "INSERT OR IGNORE INTO speakers (name) VALUES (?)", [(n,) for n in set(names)]
        )
        return max(cursor.rowcount, 0)

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

    def upsert(self, target: Target) -> None:
        self._db.execute(
            "INSERT INTO targets (label, definition) VALUES (?, ?) "
            "ON CONFLICT (label) DO UPDATE SET definition = excluded.definition",
            [target.label, target.definition],
        )
