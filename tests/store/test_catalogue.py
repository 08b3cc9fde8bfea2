"""The document list's SQL: a row's position, one row, and the counts agree with the rows
themselves under every sort, direction and filter (the window trusts them instead of reading)."""

from __future__ import annotations

import itertools
from pathlib import Path

from annotator.edits.spans import SetStatus
from annotator.model import DocumentId, Status
from annotator.model.schema import Schema
from annotator.store.catalogue import SORTS, DocumentQuery
from annotator.transfer.importing import create_project

from support import add_span


def test_positions_rows_and_counts_agree_with_the_listed_rows(
    tmp_path: Path, schema: Schema
) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    titles = ["beta", "Alpha", "gamma", "alpha", "Delta", "beta", "epsilon"]
    for n, title in enumerate(titles):
        word = "crimea" if n % 2 else "talks"
        (folder / f"d{n}.txt").write_text(f"{title}\nThe {word} went on.", encoding="utf-8")
    project = create_project(tmp_path / "p.db", schema, folder)
    for n, status in (
        (1, Status.DONE),
        (2, Status.SKIPPED),
        (4, Status.DONE),
        (5, Status.IN_PROGRESS),
    ):
        SetStatus(DocumentId(f"d{n}"), "alice", status=status).apply(project)
    for n in (0, 3, 3, 6):
        add_span(project, f"d{n}", "alice", 0, 3, "QUOTE")
    catalogue = project.catalogue
    filters = [
        {},
        {"statuses": frozenset({Status.DONE})},
        {"statuses": frozenset({Status.TODO, Status.IN_PROGRESS})},
        {"text": "crimea"},
        {"text": "crimea", "statuses": frozenset({Status.DONE})},
    ]
    for sort, descending, where in itertools.product(SORTS, (False, True), filters):
        query = DocumentQuery("alice", sort=sort, descending=descending, **where)  # type: ignore[arg-type]
        listed = catalogue.rows(query, 0, 100)
        assert catalogue.count(query) == len(listed), query
        assert [r.id for r in listed] == catalogue.ids(query)
        assert catalogue.rows(query, 2, 3) == listed[2:5], query
        for n in range(len(titles)):
            document = DocumentId(f"d{n}")
            shown = [r.id for r in listed]
            expected = shown.index(document) if document in shown else -1
            assert catalogue.position(query, document) == expected, (query, document)
            row = catalogue.row(query, document)
            assert row == (listed[expected] if expected >= 0 else None)
    project.close()
