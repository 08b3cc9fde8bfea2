"""Active time: seconds an annotator spent on a document with recent input, for costing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.model import AnnotatorName, DocumentId
from annotator.store.database import Database


class ActiveTime:
    def __init__(self, db: Database, present: bool = True) -> None:
        self._db = db
        #: False for a file read as it is from before the table (migration 0004): no rows.
        self._present = present

    def add(self, document: DocumentId, annotator: str, seconds: float) -> None:
        """Count ``seconds`` more for ``annotator`` on ``document``."""
        self._db.execute(
            "INSERT INTO active_time (document, annotator, seconds) VALUES (?, ?, ?) "
            "ON CONFLICT (document, annotator) DO UPDATE SET seconds = seconds + excluded.seconds",
            [document, annotator, seconds],
        )

    def seconds(self, document: DocumentId, annotator: str) -> float:
        if not self._present:
            return 0.0
        row = self._db.execute(
            "SELECT seconds FROM active_time WHERE document = ? AND annotator = ?",
            [document, annotator],
        ).fetchone()
        return float(row[0]) if row else 0.0

    def of_annotator(self, annotator: str) -> dict[DocumentId, float]:
        if not self._present:
            return {}
        return {
            DocumentId(d): float(s)
            for d, s in self._db.execute(
                "SELECT document, seconds FROM active_time WHERE annotator = ?", [annotator]
            )
        }

    def where(self, marks: str, who: str, args: Sequence[Any]) -> list[tuple[str, str, float]]:
        """(document, annotator, seconds) of the documents in ``marks`` (``args``), narrowed
        by the ``who`` condition the set reads use (`` AND annotator = ?`` or nothing)."""
        if not self._present:
            return []
        return self._db.execute(
            f"SELECT document, annotator, seconds FROM active_time "
            f"WHERE document IN ({marks}){who}",
            list(args),
        ).fetchall()

    def for_documents(
        self, documents: Sequence[DocumentId]
    ) -> dict[tuple[DocumentId, AnnotatorName], float]:
        out: dict[tuple[DocumentId, AnnotatorName], float] = {}
        if not self._present:
            return out
        for start in range(0, len(documents), 500):
            chunk = list(documents[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for d, a, s in self._db.execute(
                f"SELECT document, annotator, seconds FROM active_time WHERE document IN ({marks})",
                chunk,
            ):
                out[(DocumentId(d), AnnotatorName(a))] = float(s)
        return out

    def keep_larger(self, rows: Sequence[tuple[DocumentId, AnnotatorName, float]]) -> None:
        """Store each row's seconds unless more are stored already: bringing in a copy that
        counted the same time again (a pack merged twice) adds nothing."""
        for start in range(0, len(rows), 300):
            chunk = rows[start : start + 300]
            values = ", ".join(["(?, ?, ?)"] * len(chunk))
            self._db.execute(
                f"INSERT INTO active_time (document, annotator, seconds) VALUES {values} "
                "ON CONFLICT (document, annotator) DO UPDATE "
                "SET seconds = max(seconds, excluded.seconds)",
                [v for row in chunk for v in row],
            )
