"""Spans, relations and per-(document, annotator) sets: status and document attributes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlite_utils import Database

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.store.rows import (
    SPAN_COLUMNS,
    dump_json,
    load_attrs,
    relation_from_row,
    span_from_row,
    span_to_row,
)

SetKey = tuple[DocumentId, AnnotatorName]
_SET_OF_ROW = itemgetter(0, 1)
#: (document, annotator, name, start, end, label, attrs JSON) of a span, as exports read it.
SpanRow = tuple[str, str, str, int, int, str, str]
#: (label, head span name, child span name) of a relation.
RelationRow = tuple[str, str, str]
#: (annotator, status, doc_attrs JSON, spans, relations) of one annotation set.
SetRows = tuple[str, str, str, list[SpanRow], list[RelationRow]]


class Annotations:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- spans -------------------------------------------------------------------------------

    def span(self, span_id: SpanId) -> Span | None:
        row = self._db.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", [span_id]
        ).fetchone()
        return span_from_row(row) if row else None

    def spans(self, document: DocumentId, annotator: str) -> list[Span]:
        return [
            span_from_row(r)
            for r in self._db.execute(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE document = ? AND annotator = ? "
                'ORDER BY start, "end", id',
                [document, annotator],
            )
        ]

    def next_span_id(self) -> SpanId:
        return SpanId(self._db.execute("SELECT coalesce(max(id), 0) + 1 FROM spans").fetchone()[0])

    def _free_name(self, document: DocumentId, annotator: str, span_id: SpanId) -> str:
        """A brat-style name ``T<n>`` unused in the set: ``T<span id>`` unless an imported
        span already has it (ids are global, so that is rare), else one above the highest."""
        candidate = f"T{span_id}"
        taken = self._db.execute(
            "SELECT 1 FROM spans WHERE document = ? AND annotator = ? AND name = ? LIMIT 1",
            [document, annotator, candidate],
        ).fetchone()
        if not taken:
            return candidate
        highest = self._db.execute(
            "SELECT max(CAST(substr(name, 2) AS INTEGER)) FROM spans "
            "WHERE document = ? AND annotator = ? AND name GLOB 'T[0-9]*'",
            [document, annotator],
        ).fetchone()[0]
        return f"T{(highest or 0) + 1}"

    def insert_span(self, span: Span) -> Span:
        """Insert ``span``; a zero id or empty name gets a fresh one. Returns what was stored."""
        if not span.id:
            span = replace(span, id=self.next_span_id())
        if not span.name:
            span = replace(span, name=self._free_name(span.document, span.annotator, span.id))
        self._db.execute(
            f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            span_to_row(span),
        )
        return span

    def update_span(self, span: Span) -> None:
        self._db.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, attrs = ? WHERE id = ?',
            [span.start, span.end, span.label, dump_json(span.attrs), span.id],
        )

    def delete_span(self, span_id: SpanId) -> None:
        self._db.execute("DELETE FROM spans WHERE id = ?", [span_id])

    # --- relations ---------------------------------------------------------------------------

    def relation(self, relation_id: RelationId) -> Relation | None:
        row = self._db.execute(
            "SELECT id, label, head, child FROM relations WHERE id = ?", [relation_id]
        ).fetchone()
        return relation_from_row(row) if row else None

    def relations(self, document: DocumentId, annotator: str) -> list[Relation]:
        return [
            relation_from_row(r)
            for r in self._db.execute(
                "SELECT r.id, r.label, r.head, r.child FROM relations r "
                "JOIN spans s ON s.id = r.head WHERE s.document = ? AND s.annotator = ? "
                "ORDER BY r.id",
                [document, annotator],
            )
        ]

    def relations_of_span(self, span_id: SpanId) -> list[Relation]:
        return [
            relation_from_row(r)
            for r in self._db.execute(
                "SELECT id, label, head, child FROM relations WHERE head = ? OR child = ? "
                "ORDER BY id",
                [span_id, span_id],
            )
        ]

    def insert_relation(self, relation: Relation) -> Relation:
        cursor = self._db.execute(
            "INSERT INTO relations (id, label, head, child) VALUES (?, ?, ?, ?)",
            [relation.id or None, relation.label, relation.head, relation.child],
        )
        return Relation(
            RelationId(int(cursor.lastrowid or 0)), relation.label, relation.head, relation.child
        )

    def delete_relation(self, relation_id: RelationId) -> None:
        self._db.execute("DELETE FROM relations WHERE id = ?", [relation_id])

    # --- annotation sets: status and document attributes -------------------------------------

    def _set_row(self, document: DocumentId, annotator: str) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT status, doc_attrs FROM annotation_sets WHERE document = ? AND annotator = ?",
            [document, annotator],
        ).fetchone()
        return (row[0], row[1]) if row else None

    def has_set_row(self, document: DocumentId, annotator: str) -> bool:
        return self._set_row(document, annotator) is not None

    def status(self, document: DocumentId, annotator: str) -> Status:
        row = self._set_row(document, annotator)
        return Status(row[0]) if row else Status.TODO

    def doc_attrs(self, document: DocumentId, annotator: str) -> dict[str, AttrValue]:
        row = self._set_row(document, annotator)
        return load_attrs(row[1]) if row else {}

    def write_set_row(
        self, document: DocumentId, annotator: str, status: Status, doc_attrs: dict[str, AttrValue]
    ) -> None:
        self._db.execute(
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (document, annotator) "
            "DO UPDATE SET status = excluded.status, doc_attrs = excluded.doc_attrs",
            [document, annotator, status.value, dump_json(doc_attrs)],
        )

    def delete_set_row(self, document: DocumentId, annotator: str) -> None:
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

    def annotation_set(self, document: DocumentId, annotator: str) -> AnnotationSet:
        return AnnotationSet(
            document=document,
            annotator=AnnotatorName(annotator),
            status=self.status(document, annotator),
            spans=self.spans(document, annotator),
            relations=self.relations(document, annotator),
            doc_attrs=self.doc_attrs(document, annotator),
        )

    def delete_set(self, document: DocumentId, annotator: str) -> None:
        self._db.execute(
            "DELETE FROM spans WHERE document = ? AND annotator = ?", [document, annotator]
        )
        self.delete_set_row(document, annotator)

    def existing_sets(self, keys: Iterable[SetKey]) -> set[SetKey]:
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

    # --- bulk paths: imports and exports -----------------------------------------------------

    def insert_sets(self, sets: Sequence[AnnotationSet]) -> None:
        """Insert parsed sets whose span ids are local (1..n per set); ids are assigned here."""
        base = int(self.next_span_id())
        relation_rows: list[tuple[Any, ...]] = []
        span_rows: list[tuple[Any, ...]] = []
        set_rows: list[tuple[Any, ...]] = []
        for aset in sets:
            local_to_global: dict[int, int] = {}
            for span in aset.spans:
                local_to_global[span.id] = base
                span_rows.append(
                    (
                        base,
                        aset.document,
                        aset.annotator,
                        span.name,
                        span.start,
                        span.end,
                        span.label,
                        dump_json(span.attrs),
                    )
                )
                base += 1
            for rel in aset.relations:
                relation_rows.append(
                    (rel.label, local_to_global[rel.head], local_to_global[rel.child])
                )
            set_rows.append(
                (aset.document, aset.annotator, aset.status.value, dump_json(aset.doc_attrs))
            )
        conn = self._db.conn
        conn.executemany(
            f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", span_rows
        )
        conn.executemany(
            "INSERT INTO relations (label, head, child) VALUES (?, ?, ?)", relation_rows
        )
        conn.executemany(
            "INSERT INTO annotation_sets (document, annotator, status, doc_attrs) "
            "VALUES (?, ?, ?, ?)",
            set_rows,
        )

    def sets_for(
        self, documents: Sequence[DocumentId], annotator: str | None = None
    ) -> dict[DocumentId, list[AnnotationSet]]:
        """Every annotation set of ``documents`` (one annotator's, if given), in three queries.

        Sets are ordered by annotator; spans by (start, end, id); relations by id.
        """
        marks = ",".join("?" * len(documents))
        who = " AND annotator = ?" if annotator is not None else ""
        args: list[Any] = [*documents, annotator] if annotator is not None else list(documents)
        sets: dict[tuple[str, str], AnnotationSet] = {}

        def get(document: str, name: str) -> AnnotationSet:
            key = (document, name)
            if key not in sets:
                sets[key] = AnnotationSet(DocumentId(document), AnnotatorName(name))
            return sets[key]

        for document, name, status, doc_attrs in self._db.execute(
            f"SELECT document, annotator, status, doc_attrs FROM annotation_sets "
            f"WHERE document IN ({marks}){who}",
            args,
        ):
            aset = get(document, name)
            aset.status = Status(status)
            aset.doc_attrs = load_attrs(doc_attrs)
        for row in self._db.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE document IN ({marks}){who} "
            'ORDER BY document, annotator, start, "end", id',
            args,
        ):
            get(row[1], row[2]).spans.append(span_from_row(row))
        for rid, label, head, child, document, name in self._db.execute(
            f"SELECT r.id, r.label, r.head, r.child, s.document, s.annotator FROM relations r "
            f"JOIN spans s ON s.id = r.head WHERE s.document IN ({marks})"
            f"{who.replace('annotator', 's.annotator')} ORDER BY r.id",
            args,
        ):
            get(document, name).relations.append(
                Relation(RelationId(rid), label, SpanId(head), SpanId(child))
            )
        out: dict[DocumentId, list[AnnotationSet]] = {}
        for key in sorted(sets):
            out.setdefault(DocumentId(key[0]), []).append(sets[key])
        return out

    def export_rows(
        self, documents: Sequence[DocumentId], annotator: str | None = None
    ) -> dict[DocumentId, list[SetRows]]:
        """The sets of ``documents`` as plain rows, for streaming exports without model objects.

        Attribute columns stay JSON text, so an exporter can embed them without parsing.
        """
        marks = ",".join("?" * len(documents))
        who = " AND annotator = ?" if annotator is not None else ""
        args: list[Any] = [*documents, annotator] if annotator is not None else list(documents)
        sets: dict[tuple[str, str], SetRows] = {}
        for document, name, status, doc_attrs in self._db.execute(
            f"SELECT document, annotator, status, doc_attrs FROM annotation_sets "
            f"WHERE document IN ({marks}){who}",
            args,
        ):
            sets[(document, name)] = (name, status, doc_attrs, [], [])
        rows = self._db.execute(
            f'SELECT document, annotator, name, start, "end", label, attrs FROM spans '
            f'WHERE document IN ({marks}){who} ORDER BY document, annotator, start, "end", id',
            args,
        ).fetchall()
        # Grouping in C (groupby) rather than a Python test per row: exports read millions.
        for key, group in groupby(rows, key=_SET_OF_ROW):
            if key not in sets:
                sets[key] = (key[1], Status.TODO.value, "{}", [], [])
            sets[key][3].extend(group)
        for label, head, child, document, name in self._db.execute(
            f"SELECT r.label, h.name, c.name, h.document, h.annotator FROM relations r "
            f"JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child "
            f"WHERE h.document IN ({marks}){who.replace('annotator', 'h.annotator')} "
            "ORDER BY r.id",
            args,
        ):
            sets[(document, name)][4].append((label, head, child))
        out: dict[DocumentId, list[SetRows]] = {}
        for key in sorted(sets):
            out.setdefault(DocumentId(key[0]), []).append(sets[key])
        return out

    # --- statistics ---------------------------------------------------------------------------

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

    # --- search ------------------------------------------------------------------------------

    def search_spans(self, term: str, annotator: str, limit: int = 500) -> list[Span]:
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

    # --- schema migrations: where labels and values are used ----------------------------------

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
