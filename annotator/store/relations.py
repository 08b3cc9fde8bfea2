"""Relations: typed links between two spans of one layer (attributed_to, cued_by, continues)."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model import DocumentId, Relation, RelationId, SpanId
from annotator.store.database import Database
from annotator.store.rows import relation_from_row


class Relations:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, relation_id: RelationId) -> Relation | None:
        row = self._db.execute(
            "SELECT id, label, head, child FROM relations WHERE id = ?", [relation_id]
        ).fetchone()
        return relation_from_row(row) if row else None

    def in_set(self, document: DocumentId, annotator: str) -> list[Relation]:
        return [
            relation_from_row(r)
            for r in self._db.execute(
                "SELECT r.id, r.label, r.head, r.child FROM relations r "
                "JOIN spans s ON s.id = r.head WHERE s.document = ? AND s.annotator = ? "
                "ORDER BY r.id",
                [document, annotator],
            )
        ]

    def of_span(self, span_id: SpanId) -> list[Relation]:
        return [
            relation_from_row(r)
            for r in self._db.execute(
                "SELECT id, label, head, child FROM relations WHERE head = ? OR child = ? "
                "ORDER BY id",
                [span_id, span_id],
            )
        ]

    def of_spans(self, span_ids: Iterable[SpanId]) -> list[Relation]:
        """The links with an end among ``span_ids`` (what an edit of those spans may change)."""
        ids = sorted(set(span_ids))
        found: dict[RelationId, Relation] = {}
        for i in range(0, len(ids), 400):
            chunk = ids[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT id, label, head, child FROM relations WHERE head IN ({marks}) "
                f"UNION SELECT id, label, head, child FROM relations WHERE child IN ({marks})",
                chunk + chunk,
            ):
                relation = relation_from_row(row)
                found[relation.id] = relation
        return sorted(found.values(), key=lambda r: r.id)

    def insert(self, relation: Relation) -> Relation:
        cursor = self._db.execute(
            "INSERT INTO relations (id, label, head, child) VALUES (?, ?, ?, ?)",
            [relation.id or None, relation.label, relation.head, relation.child],
        )
        return Relation(
            RelationId(int(cursor.lastrowid or 0)), relation.label, relation.head, relation.child
        )

    def delete(self, relation_id: RelationId) -> None:
        self._db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
