"""Full-text search: the FTS5 index of titles and texts (migration 0006) and its queries.

The index is kept by triggers on ``documents`` (texts never change), so imports, merges and
restores keep it in step without a call from here. Spans need no index of their own: a
span's text is a slice of its document's, so a search within spans is a document search
narrowed by the spans' offsets (:meth:`FullText.in_spans`), and edits and undo of spans
cannot leave it stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from annotator.model import DocumentId, Span
from annotator.store.database import Database
from annotator.store.rows import SPAN_COLUMNS, span_from_row
from annotator.store.triggers import trigger_paused

#: The trigger that indexes each new document (migration 0006).
_INSERT_TRIGGER = "documents_fts_insert"
#: What the unicode61 tokenizer keeps as a word: letters, digits, marks (diacritics).
_WORD = re.compile(r"[^\W_]+")


def match_expression(words: str) -> str | None:
    """An FTS5 query for ``words`` as a phrase whose last word may be the start of one
    ("kremlin spok" finds "Kremlin spokesman"); None when ``words`` has no word at all."""
    found = _WORD.findall(words)
    if not found:
        return None
    return '"' + " ".join(found) + '" *'


class FullText:
    def __init__(self, db: Database) -> None:
        self._db = db

    def available(self) -> bool:
        """Whether the file has the index: a file opened read-only may predate 0006."""
        found = self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents_fts'"
        ).fetchone()
        return found is not None

    @contextmanager
    def deferred(self, start: int) -> Iterator[Callable[[], None]]:
        """Index the documents a bulk import adds by insert-selects instead of one trigger
        call per row: 100,000 short documents take 1.4 s instead of 7 s. The block gets a
        ``fill`` that indexes the documents added since its last call (an import calls it
        after each batch, so SQLite indexes one batch while the next is read on the other
        core); whatever is left is indexed at the end. Run inside the import's transaction:
        the trigger is dropped and made again from its own stored SQL, so a failure or a
        kill (the transaction rolled back) leaves it as it was. ``start``: the import order
        of the newest document before the import."""
        filled = start

        def fill() -> None:
            nonlocal filled
            if not paused:  # a file before the index (migration 0006) has nothing to fill
                return
            newest = self._db.execute("SELECT max(ord) FROM documents").fetchone()[0]
            if newest is None or newest <= filled:
                return
            self._db.execute(
                "INSERT INTO documents_fts(rowid, title, text) "
                "SELECT ord, title, text FROM documents WHERE ord > ?",
                [filled],
            )
            filled = newest

        with trigger_paused(self._db, _INSERT_TRIGGER) as paused:
            yield fill
            fill()

    def expression(self, words: str) -> str | None:
        """:func:`match_expression` where the index exists, else None (scan the texts)."""
        return match_expression(words) if self.available() else None

    def documents(self, words: str, limit: int) -> list[tuple[DocumentId, str]]:
        """The first ``limit`` documents (in import order) whose title or text holds
        ``words`` (see :func:`match_expression`), with their texts."""
        expression = self.expression(words)
        if expression is None:
            return []
        return [
            (DocumentId(i), t)
            for i, t in self._db.execute(
                "SELECT d.id, d.text FROM documents_fts f JOIN documents d ON d.ord = f.rowid "
                "WHERE documents_fts MATCH ? ORDER BY f.rowid LIMIT ?",
                [expression, limit],
            )
        ]

    def in_spans(self, words: str, annotator: str, limit: int = 500) -> list[tuple[Span, str]]:
        """Spans of ``annotator`` whose text holds ``words`` (ignoring case), with their
        documents' texts: found through the index, confirmed on the span's own text."""
        expression = self.expression(words)
        if expression is None:
            return []
        needle = words.strip().lower()
        found: list[tuple[Span, str]] = []
        rows = self._db.execute(
            "SELECT d.id, d.text FROM documents_fts f JOIN documents d ON d.ord = f.rowid "
            "WHERE documents_fts MATCH ? ORDER BY f.rowid",
            [expression],
        )
        for document, text in rows:
            for row in self._db.execute(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE document = ? AND annotator = ? "
                'ORDER BY start, "end", id',
                [document, annotator],
            ):
                span = span_from_row(row)
                if needle in text[span.start : span.end].lower():
                    found.append((span, text))
                    if len(found) >= limit:
                        return found
        return found
