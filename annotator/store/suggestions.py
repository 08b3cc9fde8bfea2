"""Machine suggestions: replacing a suggestion layer, and annotators' accepts and rejects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from annotator.model import AnnotationSet, DocumentId
from annotator.store.bulk import Bulk
from annotator.store.history import now

#: Where a suggested quote's first part lies: how decisions name it across re-runs.
Key = tuple[int, int]
ACCEPTED = "accepted"
REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ReviewCount:
    """One annotator's decisions on the suggestions of one document."""

    document: DocumentId
    annotator: str
    accepted: int
    rejected: int


class Suggestions:
    def __init__(self, db: Database, bulk: Bulk) -> None:
        self._db = db
        self._bulk = bulk

    def replace(
        self, layer: str, documents: Sequence[DocumentId], sets: Sequence[AnnotationSet]
    ) -> int:
        """Put ``sets`` (local span ids) in place of ``layer``'s sets of ``documents``; returns
        how many earlier sets there were. Decisions stay: they name suggestions by place."""
        replaced = 0
        conn = self._db.conn
        for i in range(0, len(documents), 400):
            chunk = list(documents[i : i + 400])
            marks = ",".join("?" * len(chunk))
            replaced += conn.execute(
                f"DELETE FROM annotation_sets WHERE annotator = ? AND document IN ({marks})",
                [layer, *chunk],
            ).rowcount
            # Relations go with their spans (ON DELETE CASCADE).
            conn.execute(
                f"DELETE FROM spans WHERE annotator = ? AND document IN ({marks})", [layer, *chunk]
            )
        self._bulk.insert_sets(sets)
        return replaced

    def decide(
        self,
        document: DocumentId,
        annotator: str,
        layer: str,
        keys: Iterable[Key],
        decision: str,
        at: str | None = None,
    ) -> str:
        """Record ``decision`` on the suggestions at ``keys``; returns its time (a redo passes
        the first time back, so the row is the same)."""
        at = at or now()
        self._db.conn.executemany(
            'INSERT INTO suggestion_decisions (document, annotator, layer, start, "end", '
            "decision, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(document, annotator, layer, start, end, decision, at) for start, end in keys],
        )
        return at

    def undecide(
        self, document: DocumentId, annotator: str, layer: str, keys: Iterable[Key]
    ) -> None:
        self._db.conn.executemany(
            "DELETE FROM suggestion_decisions WHERE document = ? AND annotator = ? AND layer = ? "
            'AND start = ? AND "end" = ?',
            [(document, annotator, layer, start, end) for start, end in keys],
        )

    def decided(self, document: DocumentId, annotator: str, layer: str) -> dict[Key, str]:
        """The decisions ``annotator`` made on ``layer``'s suggestions of ``document``."""
        return {
            (start, end): decision
            for start, end, decision in self._db.execute(
                'SELECT start, "end", decision FROM suggestion_decisions '
                "WHERE document = ? AND annotator = ? AND layer = ?",
                [document, annotator, layer],
            )
        }

    def counts(self, layer: str, document: DocumentId | None = None) -> list[ReviewCount]:
        """Accepted and rejected suggestions per document and annotator (one document's, if
        given), in document order."""
        if not self._db["suggestion_decisions"].exists():
            # A file from before migration 0005 opened read-only: no decisions yet.
            return []
        where = " AND d.document = ?" if document is not None else ""
        args: list[str] = [layer, *([document] if document is not None else [])]
        return [
            ReviewCount(DocumentId(doc), who, accepted, rejected)
            for doc, who, accepted, rejected in self._db.execute(
                "SELECT d.document, d.annotator, sum(d.decision = 'accepted'), "
                "sum(d.decision = 'rejected') FROM suggestion_decisions d "
                f"JOIN documents o ON o.id = d.document WHERE d.layer = ?{where} "
                "GROUP BY d.document, d.annotator ORDER BY o.ord, d.annotator",
                args,
            )
        ]
