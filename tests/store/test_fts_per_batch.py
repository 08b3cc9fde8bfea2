"""The full-text index of an import is filled batch by batch (so SQLite indexes one batch
while the next is read): every document is found once, whatever the batch it came in, and
the index stays whole, also for an import into a project that already has documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson
import pytest

from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer import importing
from annotator.transfer.importing import import_paths

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]


def write(path: Path, first: int, count: int) -> None:
    with path.open("wb") as out:
        for n in range(first, first + count):
            text = f"Item {WORDS[n % len(WORDS)]} w{n}z said the minister."
            out.write(orjson.dumps({"id": f"d{n}", "text": text}) + b"\n")


def test_documents_of_every_batch_are_found_once(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "_BATCH", 7)  # 50 records: 8 batches
    path = tmp_path / "p.db"
    with Project.create(path, schema) as project:
        write(tmp_path / "a.jsonl", 0, 50)
        import_paths(project, [tmp_path / "a.jsonl"])
        write(tmp_path / "b.jsonl", 50, 20)  # into a project that has documents
        import_paths(project, [tmp_path / "b.jsonl"])
        for n in (0, 6, 7, 49, 50, 69):
            hits = [hit.document for hit in project.search.text(f"w{n}z")]
            assert hits == [f"d{n}"]
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        rows = conn.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'minister'"
        )
        assert rows.fetchone()[0] == 70
    finally:
        conn.close()
