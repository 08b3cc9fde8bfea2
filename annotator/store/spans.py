"""Spans: labelled character ranges of one annotator's layer, by id or by set."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.store.database import Database
from annotator.store.rows import SPAN_COLUMNS, dump_json, load_attrs, span_from_row, span_to_row


class Spans:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, span_id: SpanId) -> Span | None:
        row = self._db.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", [span_id]
        ).fetchone()
        return span_from_row(row) if row else None

    def in_set(self, document: DocumentId, annotator: str) -> list[Span]:
        return self._read_set(document, annotator, "", [])

    def _read_set(
        self, document: DocumentId, annotator: str, also: str, args: list[object]
    ) -> list[Span]:
        """The set's spans (those matching ``also`` too), ordered by start, end and id."""
        # Opening a long document reads tens of thousands of spans: the set's document and
        # annotator are the caller's strings (not read and copied per row), no attributes
        # are parsed where there are none, and the Span is built positionally.
        who = AnnotatorName(annotator)
        return [
            Span(sid, document, who, start, end, label, {} if a == "{}" else load_attrs(a), name)
            for sid, name, start, end, label, a in self._db.execute(
                'SELECT id, name, start, "end", label, attrs FROM spans '
                f'WHERE document = ? AND annotator = ?{also} ORDER BY start, "end", id',
                [document, annotator, *args],
            )
        ]

    def count_in_set(self, document: DocumentId, annotator: str) -> int:
        """How many spans the set holds (counted in its index, no span read)."""
        return int(
            self._db.execute(
                "SELECT count(*) FROM spans WHERE document = ? AND annotator = ?",
                [document, annotator],
            ).fetchone()[0]
        )

    def starting_before(self, document: DocumentId, annotator: str, end: int) -> list[Span]:
        """The set's spans that start before ``end``, in the order of :meth:`in_set`: every
        span over the text's first ``end`` code points (a long document's first screen),
        read by a range of the set's index on start."""
        return self._read_set(document, annotator, " AND start < ?", [end])

    def existing(self, span_ids: Iterable[int]) -> set[SpanId]:
        """Those of ``span_ids`` that exist."""
        ids = list(span_ids)
        found: set[SpanId] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                SpanId(r[0])
                for r in self._db.execute(f"SELECT id FROM spans WHERE id IN ({marks})", chunk)
            )
        return found

    def name_taken(self, document: DocumentId, annotator: str, name: str) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM spans WHERE document = ? AND annotator = ? AND name = ? LIMIT 1",
                [document, annotator, name],
            ).fetchone()
            is not None
        )

    def next_id(self) -> SpanId:
        """The id the next span gets: above every id ever given out, deleted ones included
        (AUTOINCREMENT remembers the highest in sqlite_sequence), so none is ever reused."""
        return SpanId(
            self._db.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'spans'), 0), "
                "coalesce((SELECT max(id) FROM spans), 0)) + 1"
            ).fetchone()[0]
        )

    def _free_name(self, document: DocumentId, annotator: str, span_id: SpanId) -> str:
        """A brat-style name ``T<n>`` unused in the set: ``T<span id>`` unless an imported
        span already has it (ids are global, so that is rare), else one above the highest."""
        candidate = f"T{span_id}"
        if not self.name_taken(document, annotator, candidate):
            return candidate
        highest = self._db.execute(
            "SELECT max(CAST(substr(name, 2) AS INTEGER)) FROM spans "
            "WHERE document = ? AND annotator = ? AND name GLOB 'T[0-9]*'",
            [document, annotator],
        ).fetchone()[0]
        return f"T{(highest or 0) + 1}"

    def insert(self, span: Span) -> Span:
        """Insert ``span``; a zero id or empty name gets a fresh one. Returns what was stored."""
        if not span.id:
            span = replace(span, id=self.next_id())
        if not span.name:
            span = replace(span, name=self._free_name(span.document, span.annotator, span.id))
        self._db.execute(
            f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            span_to_row(span),
        )
        return span

    def update(self, span: Span) -> None:
        self._db.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, attrs = ? WHERE id = ?',
            [span.start, span.end, span.label, dump_json(span.attrs), span.id],
        )

    def delete(self, span_id: SpanId) -> None:
        self._db.execute("DELETE FROM spans WHERE id = ?", [span_id])
