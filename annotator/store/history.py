"""The edit history: who changed what, and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from annotator.store.database import Database
from annotator.store.rows import dump_json


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: str
    annotator: str
    action: str
    document: str | None
    detail: str


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class History:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        annotator: str,
        action: str,
        document: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        self._db.execute(
            "INSERT INTO history (at, annotator, action, document, detail) VALUES (?, ?, ?, ?, ?)",
            [now(), annotator, action, document, dump_json(detail or {})],
        )

    def entries(self, document: str | None = None, limit: int = 200) -> list[HistoryEntry]:
        where, args = ("WHERE document = ?", [document]) if document else ("", [])
        return [
            HistoryEntry(*row)
            for row in self._db.execute(
                f"SELECT at, annotator, action, document, detail FROM history {where} "
                "ORDER BY id DESC LIMIT ?",
                [*args, limit],
            )
        ]
