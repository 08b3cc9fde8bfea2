"""Searching the whole project: words in the texts, or annotations by label or value."""

from __future__ import annotations

from annotator.model import DocumentId, Span
from annotator.model.search import Hit, find_all, snippet
from annotator.store.database import Database
from annotator.store.fulltext import FullText
from annotator.store.rows import SPAN_COLUMNS, span_from_row


class Search:
    def __init__(self, db: Database) -> None:
        self._db = db

    def text(self, term: str, limit: int = 500) -> list[Hit]:
        """Every occurrence of ``term`` (ignoring case) in the documents, in import order.

        Documents are found through the full-text index (``store/fulltext.py``): ``term``
        as words, its last word possibly the start of one. A term without any word in it
        ("--") is looked for in every text."""
        hits: list[Hit] = []
        fulltext = FullText(self._db)
        if fulltext.expression(term) is not None:
            found = fulltext.documents(term, limit)
        else:
            found = [
                (DocumentId(i), t)
                for i, t in self._db.execute(
                    "SELECT id, text FROM documents "
                    "WHERE instr(lower(text), lower(?)) > 0 ORDER BY ord LIMIT ?",
                    [term, limit],
                )
            ]
        for document, text in found:
            for start, end in find_all(text, term):
                hits.append(Hit(document, start, end, snippet(text, start, end)))
            if len(hits) >= limit:
                break
        return hits[:limit]

    def in_spans(self, term: str, layer: str, limit: int = 500) -> list[Hit]:
        """Spans of ``layer`` whose own text holds ``term`` (ignoring case), in import order:
        "a QUOTE that says ..." (through the full-text index, see ``store/fulltext.py``)."""
        return [
            Hit(
                span.document, span.start, span.end, snippet(text, span.start, span.end), span.label
            )
            for span, text in FullText(self._db).in_spans(term, layer, limit)
        ]

    def annotations(self, term: str, layer: str, limit: int = 500) -> list[Hit]:
        """Spans of ``layer`` labelled ``term`` or with an attribute value (a speaker, a target,
        a stance...) containing it."""
        texts: dict[str, str] = {}
        hits: list[Hit] = []
        for span in self._spans(term, layer, limit):
            if span.document not in texts:
                row = self._db.execute(
                    "SELECT text FROM documents WHERE id = ?", [span.document]
                ).fetchone()
                texts[span.document] = row[0] if row else ""
            values = ", ".join(f"{k}={v}" for k, v in span.attrs.items())
            why = span.label + (f" ({values})" if values else "")
            text = texts[span.document]
            hits.append(
                Hit(span.document, span.start, span.end, snippet(text, span.start, span.end), why)
            )
        return hits

    def _spans(self, term: str, annotator: str, limit: int) -> list[Span]:
        """Spans whose label is ``term`` or one of whose attribute values contains it."""
        pattern = f"%{term}%"
        return [
            span_from_row(r)
            for r in self._db.execute(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE annotator = ? AND (label = ? COLLATE "
                "NOCASE OR EXISTS (SELECT 1 FROM json_each(spans.attrs) WHERE "
                "json_each.value LIKE ?)) ORDER BY document, start LIMIT ?",
                [annotator, term, pattern, limit],
            )
        ]
