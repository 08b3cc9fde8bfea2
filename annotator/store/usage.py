"""Where labels, attribute values and statuses are used: counts for statistics, and the
queries that migrate annotations when the schema renames or removes something."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from annotator.model import AnnotatorName, AttrValue, DocumentId
from annotator.store.database import Database
from annotator.store.sets import SetKey


class Usage:
    def __init__(self, db: Database) -> None:
        self._db = db

    def span_counts(self) -> Counter[tuple[str, str]]:
        return Counter(
            {
                (a, lab): n
                for a, lab, n in self._db.execute(
                    "SELECT annotator, label, count(*) FROM spans GROUP BY annotator, label"
                )
            }
        )

    def status_counts(self) -> Counter[tuple[str, str]]:
        return Counter(
            {
                (a, s): n
                for a, s, n in self._db.execute(
                    "SELECT annotator, status, count(*) FROM annotation_sets "
                    "GROUP BY annotator, status"
                )
            }
        )

    def span_ids_with_label(self, label: str) -> list[int]:
        return [r[0] for r in self._db.execute("SELECT id FROM spans WHERE label = ?", [label])]

    def set_label(self, span_ids: list[int], label: str) -> None:
        self._db.conn.executemany(
            "UPDATE spans SET label = ? WHERE id = ?", [(label, i) for i in span_ids]
        )

    def span_ids_with_value(
        self, name: str, value: AttrValue, labels: Sequence[str] | None = None
    ) -> list[int]:
        """Spans (of ``labels``, or of any label) whose attribute ``name`` is ``value``."""
        where, args = "", []
        if labels is not None:
            where = f"label IN ({','.join('?' * len(labels))}) AND "
            args = list(labels)
        return [
            r[0]
            for r in self._db.execute(
                f"SELECT id FROM spans WHERE {where}json_extract(attrs, '$.' || ?) = ? ORDER BY id",
                [*args, name, value],
            )
        ]

    def value_counts(self, name: str) -> dict[AttrValue, int]:
        """How many spans carry each value of attribute ``name``."""
        return dict(
            self._db.execute(
                "SELECT json_extract(attrs, '$.' || ?) AS value, count(*) FROM spans "
                "WHERE value IS NOT NULL GROUP BY value",
                [name],
            ).fetchall()
        )

    def set_value_on_spans(self, span_ids: list[int], name: str, value: AttrValue) -> None:
        self._db.conn.executemany(
            "UPDATE spans SET attrs = json_set(attrs, '$.' || ?, ?) WHERE id = ?",
            [(name, value, i) for i in span_ids],
        )

    def sets_with_doc_value(self, name: str, value: AttrValue) -> list[SetKey]:
        return [
            (DocumentId(d), AnnotatorName(a))
            for d, a in self._db.execute(
                "SELECT document, annotator FROM annotation_sets "
                "WHERE json_extract(doc_attrs, '$.' || ?) = ?",
                [name, value],
            )
        ]

    def set_doc_value(self, keys: list[SetKey], name: str, value: AttrValue) -> None:
        self._db.conn.executemany(
            "UPDATE annotation_sets SET doc_attrs = json_set(doc_attrs, '$.' || ?, ?) "
            "WHERE document = ? AND annotator = ?",
            [(name, value, d, a) for d, a in keys],
        )
