"""Annotation sets: one annotator's status and document attributes for one document."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.model import AnnotationSet, AnnotatorName, AttrValue, DocumentId, Relation, Status
from annotator.store.database import Database
from annotator.store.relations import Relations
from annotator.store.rows import dump_json, load_attrs
from annotator.store.spans import Spans

SetKey = tuple[DocumentId, AnnotatorName]


class Sets:
    def __init__(self, db: Database, spans: Spans, relations: Relations) -> None:
        self._db = db
        self._spans = spans
        self._relations = relations

    def _set_row(self, document: DocumentId, annotator: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT status, doc_attrs FROM annotation_sets WHERE document = ? AND annotator = ?",
            [document, annotator],
        ).fetchone()
        return (row[0], row[1]) if row else None

    def has_row(self, document: DocumentId, annotator: str) -> bool:
        return self._set_row(document, annotator) is not None

    def status(self, document: DocumentId, annotator: str) -> Status:
        row = self._set_row(document, annotator)
        return Status(row[0]) if row else Status.TODO

    def doc_attrs(self, document: DocumentId, annotator: str) -> dict[str, AttrValue]:
        row = self._set_row(document, annotator)
        return load_attrs(row[1]) if row else {}

    def write_row(
        self, document: DocumentId, annotator: str, status: Status, doc_attrs: dict[str, AttrValue]
    ) -> None:
        self._db.execute(
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document, annotator) "
            "DO UPDATE SET status = excluded.status, doc_attrs = excluded.doc_attrs",
            [document, annotator, status.value, dump_json(doc_attrs)],
        )

    def delete_row(self, document: DocumentId, annotator: str) -> None:
        self._db.execute(
            "DELETE FROM annotation_sets WHERE document = ? AND annotator = ?",
            [document, annotator],
        )

    def statuses(self, annotator: str) -> dict[DocumentId, Status]:
        return {
            DocumentId(d): Status(s)
            for d, s in self._db.execute(
                "SELECT document, status FROM annotation_sets WHERE annotator = ?", [annotator]
            )
        }

    def get(
        self, document: DocumentId, annotator: str, relations: list[Relation] | None = None
    ) -> AnnotationSet:
        """The set; ``relations``: its links as the caller has just read them (a long set's
        first screen reads them first), so they are not read twice."""
        return AnnotationSet(
            document=document,
            annotator=AnnotatorName(annotator),
            status=self.status(document, annotator),
            spans=self._spans.in_set(document, annotator),
            relations=self._relations.in_set(document, annotator)
            if relations is None
            else relations,
            doc_attrs=self.doc_attrs(document, annotator),
        )

    def delete(self, document: DocumentId, annotator: str) -> None:
        self._db.execute(
            "DELETE FROM spans WHERE document = ? AND annotator = ?", [document, annotator]
        )
        self.delete_row(document, annotator)

    def existing(self, keys: Iterable[SetKey]) -> set[SetKey]:
        wanted = set(keys)
        found: set[SetKey] = set()
        documents = sorted({d for d, _ in wanted})
        for i in range(0, len(documents), 400):
            chunk = documents[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for d, a in self._db.execute(
                f"SELECT document, annotator FROM annotation_sets WHERE document IN ({marks}) "
                f"UNION SELECT DISTINCT document, annotator FROM spans WHERE document IN ({marks})",
                chunk + chunk,
            ):
                if (d, a) in wanted:
                    found.add((DocumentId(d), AnnotatorName(a)))
        return found
