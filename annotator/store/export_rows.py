"""Export rows: the annotation sets of a batch of documents as plain rows, as the JSONL
export writes them, with as few Python objects per span as SQLite allows.

A whole-project export reads every span once. Fetched as table rows, each span cost seven
column reads through the sqlite3 module, each taking SQLite's mutex and the GIL. Here SQLite
gathers each set's spans into one JSON array (``json_group_array``), handed on as its text:
the exporter parses it, and can tell from the text alone what it holds (docs/benchmarks.md).
Attribute columns stay JSON text, so an exporter can embed them without parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.model import DocumentId, Status
from annotator.store.active_time import ActiveTime
from annotator.store.database import Database
from annotator.store.rows import grouped_spans

#: (label, head span name, child span name) of a relation.
RelationRow = tuple[str, str, str]
#: (annotator, status, doc_attrs JSON, spans JSON, span count, relations, active seconds) of
#: one set; the spans JSON is an array of [name, start, end, label, attrs JSON] per span.
SetRows = tuple[str, str, str, str, int, list[RelationRow], float]

_TODO = Status.TODO.value

#: What the export reads of each span.
_SPAN_VALUES = 'name, start, "end", label, attrs'


class ExportRows:
    def __init__(self, db: Database, active_time: ActiveTime) -> None:
        self._db = db
        self._active_time = active_time

    def sets(
        self, documents: Sequence[DocumentId], annotator: str | None = None
    ) -> dict[DocumentId, list[SetRows]]:
        """The sets of ``documents`` (one annotator's, if given), each document's sorted by
        annotator; spans by (start, end, id), relations by id. A set is there if it has a
        row, spans or time (a set brought in by an older version may lack its row, and is
        then a ``todo`` set without document attributes)."""
        marks = ",".join("?" * len(documents))
        who = " AND annotator = ?" if annotator is not None else ""
        args: list[Any] = [*documents, annotator] if annotator is not None else list(documents)
        # (document, annotator) -> the set's values, filled by one query per table; a
        # statement per row kept short, as this runs for every set of the project.
        found: dict[tuple[str, str], list[Any]] = {
            (document, name): [name, status, doc_attrs, "[]", 0, [], 0.0]
            for document, name, status, doc_attrs in self._db.execute(
                f"SELECT document, annotator, status, doc_attrs FROM annotation_sets "
                f"WHERE document IN ({marks}){who}",
                args,
            )
        }
        for document, name, count, spans in self._db.execute(
            grouped_spans(_SPAN_VALUES, marks, who), args
        ):
            one = found.get((document, name)) or _new(found, document, name)
            one[3] = spans
            one[4] = count
        for label, head, child, document, name in self._db.execute(
            f"SELECT r.label, h.name, c.name, h.document, h.annotator FROM relations r "
            f"JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child "
            f"WHERE h.document IN ({marks}){who.replace('annotator', 'h.annotator')} "
            "ORDER BY r.id",
            args,
        ):
            (found.get((document, name)) or _new(found, document, name))[5].append(
                (label, head, child)
            )
        for document, name, seconds in self._active_time.where(marks, who, args):
            (found.get((document, name)) or _new(found, document, name))[6] = float(seconds)
        out: dict[DocumentId, list[SetRows]] = {}
        for key in sorted(found):
            values = found[key]
            out.setdefault(DocumentId(key[0]), []).append(tuple(values))
        return out


def _new(found: dict[tuple[str, str], list[Any]], document: str, name: str) -> list[Any]:
    """The values of a set without a row of its own (spans or time only)."""
    one = found[(document, name)] = [name, _TODO, "{}", "[]", 0, [], 0.0]
    return one
