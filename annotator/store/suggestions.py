"""Machine suggestions: replacing a suggestion layer, and annotators' accepts and rejects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.model import AttrValue, DocumentId
from annotator.store.bulk import insert_many
from annotator.store.database import Database
from annotator.store.history import now
from annotator.store.rows import SPAN_COLUMNS, dump_json
from annotator.store.spans import Spans

#: Where a suggested quote's first part lies: how decisions name it across re-runs.
Key = tuple[int, int]
#: One document's suggestions as plain rows: (document id, spans as (start, end, label,
#: attributes), relations as (label, head, child) by the spans' places from 1).
SuggestionRows = tuple[
    str,
    list[tuple[int, int, str, tuple[tuple[str, AttrValue], ...]]],
    list[tuple[str, int, int]],
]
ACCEPTED = "accepted"
REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ReviewCount:
    """One annotator's decisions on the suggestions of one document."""

    document: DocumentId
    annotator: str
    accepted: int
    rejected: int


@dataclass(frozen=True, slots=True)
class ReviewTotal:
    """One annotator's decisions on a suggestion layer over the whole project; ``open`` is
    the layer's suggestions they have not decided on yet."""

    annotator: str
    accepted: int
    rejected: int
    open: int


class Suggestions:
    def __init__(self, db: Database, spans: Spans) -> None:
        self._db = db
        self._spans = spans

    def replace(self, layer: str, found: Sequence[SuggestionRows]) -> int:
        """Put ``found`` (one document each; spans named T1..Tn) in place of ``layer``'s sets
        of those documents; returns how many earlier sets there were. Decisions stay: they
        name suggestions by place. Plain rows, not annotation sets: a dataclass per span was
        a third of the writer's time."""
        replaced = self._clear(layer, [DocumentId(rows[0]) for rows in found])
        base = int(self._spans.next_id())
        spans: list[tuple[object, ...]] = []
        relations: list[tuple[object, ...]] = []
        # Most spans share a handful of attribute sets ({}, {"quote_type": "direct"}).
        encoded: dict[tuple[tuple[str, AttrValue], ...], str] = {}
        for document, span_rows, relation_rows in found:
            first = base
            for number, (start, end, label, attrs) in enumerate(span_rows, start=1):
                text = encoded.get(attrs)
                if text is None:
                    text = encoded[attrs] = dump_json(dict(attrs))
                spans.append((base, document, layer, f"T{number}", start, end, label, text))
                base += 1
            relations.extend(
                (label, first + head - 1, first + child - 1) for label, head, child in relation_rows
            )
        conn = self._db.conn
        insert_many(conn, f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES", spans)
        insert_many(conn, "INSERT INTO relations (label, head, child) VALUES", relations)
        conn.executemany(
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) "
            "VALUES (?, ?, 'todo', '{}')",
            [(rows[0], layer) for rows in found],
        )
        return replaced

    def _clear(self, layer: str, documents: Sequence[DocumentId]) -> int:
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
        if not self._db.table_exists("suggestion_decisions"):
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

    def totals(self, layer: str, annotators: Iterable[str]) -> tuple[int, list[ReviewTotal]]:
        """How many suggestions ``layer`` holds, and per annotator (``annotators`` and all who
        decided) the accepted, rejected and still open ones, by name."""
        # A suggestion is named by its first QUOTE part: one that continues no earlier part.
        roots = (
            'SELECT s.document, s.start, s."end" FROM spans s WHERE s.annotator = ? '
            "AND s.label = 'QUOTE' AND NOT EXISTS (SELECT 1 FROM relations r "
            "WHERE r.head = s.id AND r.label = 'continues')"
        )
        total = self._db.execute(f"SELECT count(*) FROM ({roots})", [layer]).fetchone()[0]
        decided: dict[str, tuple[int, int, int]] = {}
        if self._db.table_exists("suggestion_decisions"):
            # Decisions outlive a re-run that no longer finds their suggestion: they count as
            # accepted or rejected, but close no suggestion that is there now.
            for who, accepted, rejected, current in self._db.execute(
                "SELECT d.annotator, sum(d.decision = 'accepted'), sum(d.decision = 'rejected'), "
                "count(r.document) FROM suggestion_decisions d LEFT JOIN "
                f"({roots}) r ON r.document = d.document AND r.start = d.start "
                'AND r."end" = d."end" WHERE d.layer = ? GROUP BY d.annotator',
                [layer, layer],
            ):
                decided[who] = (accepted, rejected, current)
        names = sorted(set(annotators) | decided.keys())
        return total, [
            ReviewTotal(
                who, *decided.get(who, (0, 0, 0))[:2], total - decided.get(who, (0, 0, 0))[2]
            )
            for who in names
        ]
