"""Migration 0008: the full-text index without its per-document sizes (FTS5 columnsize=0),
which no search reads. An older project is upgraded and searches exactly as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from annotator.model import text_sha256
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store import migrations as migrations_module
from annotator.store.connection import APPLICATION_ID
from annotator.store.migrations import FTS_WITHOUT_SIZES

TEXTS = {
    "a": "Peskov said the talks would continue.",
    "b": "The Kremlin spokesman denied it; Müller said café talks.",
    "c": "東京 officials said nothing. Talks, talks and talks.",
    "d": "Nothing to see here.",
}
QUERIES = ["talks", "kremlin spok", "cafe", "müller", "東京", "said", "nothing here", "zzz"]


def older_file(path: Path, schema: Schema) -> None:
    """A project file as version 0007 wrote it (the index with its sizes), holding TEXTS."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations_module.MIGRATIONS.apply(
        Database(conn, execute_plugins=False), stop_before=FTS_WITHOUT_SIZES
    )
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", [schema.source])
    for ord_, (did, text) in enumerate(TEXTS.items(), start=1):
        conn.execute(
            "INSERT INTO documents (id, ord, title, text, meta, sha256, length, text_crc32) "
            "VALUES (?, ?, ?, ?, '{}', ?, ?, 0)",
            [did, ord_, f"Title {did}", text, text_sha256(text), len(text)],
        )
    conn.close()


def searched(project: Project) -> dict[str, list[tuple[str, int, int]]]:
    return {
        q: [(hit.document, hit.start, hit.end) for hit in project.search.text(q)] for q in QUERIES
    }


def has_sizes(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'documents_fts_docsize'"
        ).fetchone()
    finally:
        conn.close()
    return found is not None


def test_an_older_project_is_upgraded_and_searches_the_same(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "p.db"
    older_file(path, schema)
    assert has_sizes(path)
    with Project.open(path, read_only=True) as reader:  # reads it as it is (READ_COMPATIBLE)
        before = searched(reader)
    assert before["talks"] and before["kremlin spok"] and before["東京"]
    with Project.open(path) as project:  # a writer upgrades it
        assert searched(project) == before
    assert not has_sizes(path)
    conn = sqlite3.connect(path)
    try:
        check = "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"
        conn.execute(check)
    finally:
        conn.close()


def test_a_new_project_indexes_without_sizes(tmp_path: Path, schema: Schema) -> None:
    with Project.create(tmp_path / "new.db", schema):
        pass
    assert not has_sizes(tmp_path / "new.db")
