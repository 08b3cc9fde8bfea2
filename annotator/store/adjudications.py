"""Adjudication decisions: per (document, unit), what the reviewer chose and wrote to gold."""

from __future__ import annotations

from collections import Counter
from typing import Any

from annotator.model import DocumentId, SpanId
from annotator.model.adjudication import Decision, Verdict
from annotator.store.database import Database

_COLUMNS = "document, unit, decision, source, gold_span, reason, reviewer, at"


class Adjudications:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, document: DocumentId, unit: str) -> Decision | None:
        found = self._decisions("document = ? AND unit = ?", [document, unit])
        return found[0] if found else None

    def for_document(self, document: DocumentId) -> dict[str, Decision]:
        """The document's decisions by unit key."""
        return {d.unit: d for d in self._decisions("document = ?", [document])}

    def record(self, decision: Decision) -> None:
        """Store ``decision``, replacing any earlier one of its unit."""
        self.remove(decision.document, decision.unit)
        self._db.execute(
            f"INSERT INTO adjudications ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                decision.document,
                decision.unit,
                decision.verdict.value,
                decision.source,
                decision.gold_span,
                decision.reason,
                decision.reviewer,
                decision.at,
            ],
        )
        self._db.conn.executemany(
            "INSERT INTO adjudication_spans (document, unit, span) VALUES (?, ?, ?)",
            [(decision.document, decision.unit, span) for span in decision.gold_spans],
        )

    def remove(self, document: DocumentId, unit: str) -> None:
        # The listed gold spans go with the row (ON DELETE CASCADE); the spans themselves stay.
        self._db.execute(
            "DELETE FROM adjudications WHERE document = ? AND unit = ?", [document, unit]
        )

    def gold_spans_from(self, document: DocumentId, source: str) -> list[SpanId]:
        """Gold spans written by decisions that took ``source``'s version, in id order."""
        return [
            SpanId(r[0])
            for r in self._db.execute(
                "SELECT s.span FROM adjudication_spans s JOIN adjudications a "
                "ON a.document = s.document AND a.unit = s.unit "
                "WHERE a.document = ? AND a.source = ? AND a.decision != 'rejected' "
                "ORDER BY s.span",
                [document, source],
            )
        ]

    def counts(self, document: DocumentId) -> Counter[Verdict]:
        """How many units of ``document`` were accepted, edited and rejected."""
        return Counter(
            {
                Verdict(verdict): n
                for verdict, n in self._db.execute(
                    "SELECT decision, count(*) FROM adjudications WHERE document = ? "
                    "GROUP BY decision",
                    [document],
                )
            }
        )

    def progress(self) -> dict[DocumentId, int]:
        """Decided units per document, for every document with at least one decision.

        How many units a document has depends on its layers; ``annotator.adjudication``
        computes that, and counts only decisions whose unit still exists.
        """
        return {
            DocumentId(d): n
            for d, n in self._db.execute(
                "SELECT document, count(*) FROM adjudications GROUP BY document ORDER BY document"
            )
        }

    def _decisions(self, where: str, args: list[Any]) -> list[Decision]:
        listed: dict[tuple[str, str], list[SpanId]] = {}
        for document, unit, span in self._db.execute(
            f"SELECT document, unit, span FROM adjudication_spans WHERE {where} ORDER BY span",
            args,
        ):
            listed.setdefault((document, unit), []).append(SpanId(span))
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM adjudications WHERE {where} ORDER BY document, unit", args
        )
        return [
            Decision(
                document=DocumentId(document),
                unit=unit,
                verdict=Verdict(verdict),
                source=source,
                gold_span=None if gold_span is None else SpanId(gold_span),
                reason=reason,
                reviewer=reviewer,
                at=at,
                gold_spans=tuple(listed.get((document, unit), ())),
            )
            for document, unit, verdict, source, gold_span, reason, reviewer, at in rows
        ]
