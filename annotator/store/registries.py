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
        return next((t for t in self.all() if t.label == label), None)

    def delete(self, label: str) -> None:
        self._db.execute("DELETE FROM targets WHERE label = ?", [label])

    def upsert(self, target: Target) -> None:
        self._db.execute(
            "INSERT INTO targets (label, definition) VALUES (?, ?) "
            "ON CONFLICT (label) DO UPDATE SET definition = excluded.definition",
            [target.label, target.definition],
        )


class SpeakerUses:
    """Where a speaker name is used: SPEAKER spans carrying it in ``attrs.speaker``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def spans_naming(self, name: str) -> list[int]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM spans WHERE json_extract(attrs, '$.speaker') = ? ORDER BY id",
                [name],
            )
        ]

    def counts(self) -> dict[str, int]:
        return {
            name: n
            for name, n in self._db.execute(
                "SELECT json_extract(attrs, '$.speaker'), count(*) FROM spans "
                "WHERE json_extract(attrs, '$.speaker') IS NOT NULL GROUP BY 1"
            )
        }

    def quotes_of(self, name: str) -> list[tuple[str, str, int, int]]:
        """(document, annotator, start, end) of every QUOTE attributed to a mention of ``name``."""
        return [
            (d, a, s, e)
            for d, a, s, e in self._db.execute(
                'SELECT q.document, q.annotator, q.start, q."end" FROM relations r '
                "JOIN spans q ON q.id = r.head JOIN spans m ON m.id = r.child "
                "WHERE r.label = 'attributed_to' AND json_extract(m.attrs, '$.speaker') = ? "
                "ORDER BY q.document, q.annotator, q.start",
                [name],
            )
        ]

    def set_on_spans(self, span_ids: list[int], name: str) -> None:
        self._db.conn.executemany(
            "UPDATE spans SET attrs = json_set(attrs, '$.speaker', ?) WHERE id = ?",
            [(name, i) for i in span_ids],
        )


class TargetUses:
    """Where a target label is used: spans carrying it in ``attrs.target``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def counts(self) -> dict[str, int]:
        return {
            label: n
            for label, n in self._db.execute(
                "SELECT json_extract(attrs, '$.target'), count(*) FROM spans "
                "WHERE json_extract(attrs, '$.target') IS NOT NULL GROUP BY 1"
            )
        }

    def spans_naming(self, label: str) -> list[int]:
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM spans WHERE json_extract(attrs, '$.target') = ? ORDER BY id",
                [label],
            )
        ]

    def set_on_spans(self, span_ids: list[int], label: str) -> None:
        self._db.conn.executemany(
            "UPDATE spans SET attrs = json_set(attrs, '$.target', ?) WHERE id = ?",
            [(label, i) for i in span_ids],
        )
