"""Assignments: which annotators are to annotate which document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.model import AnnotatorName, DocumentId
from annotator.store.bulk import insert_many
from annotator.store.database import Database


class Assignments:
    def __init__(self, db: Database, present: bool = True) -> None:
        self._db = db
        #: False for a file read as it is from before the table (migration 0004): no rows.
        self._present = present

    def all(self) -> dict[DocumentId, list[AnnotatorName]]:
        """Every assigned document with its annotators (names sorted), in import order."""
        out: dict[DocumentId, list[AnnotatorName]] = {}
        if not self._present:
            return out
        for document, annotator in self._db.execute(
            "SELECT a.document, a.annotator FROM assignments a "
            "JOIN documents d ON d.id = a.document ORDER BY d.ord, a.annotator"
        ):
            out.setdefault(DocumentId(document), []).append(AnnotatorName(annotator))
        return out

    def of_document(self, document: DocumentId) -> list[AnnotatorName]:
        if not self._present:
            return []
        return [
            AnnotatorName(r[0])
            for r in self._db.execute(
                "SELECT annotator FROM assignments WHERE document = ? ORDER BY annotator",
                [document],
            )
        ]

    def documents_of(self, annotator: str) -> list[DocumentId]:
        """The documents assigned to ``annotator``, in import order."""
        if not self._present:
            return []
        return [
            DocumentId(r[0])
            for r in self._db.execute(
                "SELECT a.document FROM assignments a JOIN documents d ON d.id = a.document "
                "WHERE a.annotator = ? ORDER BY d.ord",
                [annotator],
            )
        ]

    def annotators(self) -> list[AnnotatorName]:
        if not self._present:
            return []
        return [
            AnnotatorName(r[0])
            for r in self._db.execute("SELECT DISTINCT annotator FROM assignments ORDER BY 1")
        ]

    def count(self) -> int:
        if not self._present:
            return 0
        return int(self._db.execute("SELECT count(*) FROM assignments").fetchone()[0])

    def add(self, pairs: Sequence[tuple[DocumentId, AnnotatorName]]) -> None:
        insert_many(
            self._db.conn, "INSERT OR IGNORE INTO assignments (document, annotator) VALUES", pairs
        )

    def set_document(self, document: DocumentId, annotators: Iterable[str]) -> None:
        """Make ``annotators`` exactly the ones assigned to ``document``."""
        self._db.execute("DELETE FROM assignments WHERE document = ?", [document])
        self.add([(document, AnnotatorName(a)) for a in sorted(set(annotators))])

    def clear(self, documents: Sequence[DocumentId] | None = None) -> None:
        """Remove the assignments of ``documents`` (of every document when None)."""
        if documents is None:
            self._db.execute("DELETE FROM assignments")
            return
        for start in range(0, len(documents), 500):
            chunk = list(documents[start : start + 500])
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM assignments WHERE document IN ({marks})", chunk)

    def worked_on(self) -> dict[DocumentId, set[AnnotatorName]]:
        """Who has work in each document's layer: a span, a document attribute or a status
        other than todo (machine layers and gold are not annotators' work)."""
        out: dict[DocumentId, set[AnnotatorName]] = {}
        for document, annotator in self._db.execute(
            "SELECT document, annotator FROM annotation_sets "
            "WHERE status != 'todo' OR doc_attrs != '{}' "
            "UNION SELECT DISTINCT document, annotator FROM spans"
        ):
            out.setdefault(DocumentId(document), set()).add(AnnotatorName(annotator))
        return out
