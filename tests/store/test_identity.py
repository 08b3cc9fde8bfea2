"""Stable identities: span and relation ids are never reused, so an undo can only ever touch
what its own edit made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.edits import EditError
from annotator.edits.spans import AddRelation, AddSpan, DeleteRelation, DeleteSpan
from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.store import Project
from annotator.transfer.importing import import_paths

DOC = DocumentId("d1")
TEXT = "Peskov said talks would continue."


@pytest.fixture
def one_document(project: Project, tmp_path: Path) -> Project:
    source = tmp_path / "doc.jsonl"
    source.write_text(json.dumps({"id": DOC, "text": TEXT}) + "\n", encoding="utf-8")
    import_paths(project, [source])
    return project


def _span(start: int, end: int, label: str, who: str = "alice") -> Span:
    return Span(SpanId(0), DOC, AnnotatorName(who), start, end, label)


def test_undo_of_an_added_span_never_deletes_the_span_an_import_put_there(
    one_document: Project, tmp_path: Path
) -> None:
    """The issue's scenario: label a span, import a line replacing that annotator's set, undo."""
    project = one_document
    added = AddSpan(_span(0, 6, "SPEAKER"))
    added.apply(project)
    line = {
        "id": DOC,
        "text": TEXT,
        "annotator": "alice",
        "spans": [{"id": "T1", "start": 12, "end": 17, "label": "QUOTE"}],
    }
    source = tmp_path / "replace.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert import_paths(project, [source]).sets_replaced == 1
    imported = project.spans.in_set(DOC, AnnotatorName("alice"))
    assert [(s.start, s.end, s.label) for s in imported] == [(12, 17, "QUOTE")]

    with pytest.raises(EditError, match="changed since: not undone"):
        added.revert(project)

    assert project.spans.in_set(DOC, AnnotatorName("alice")) == imported
    assert not any(e.action.startswith("undo") for e in project.history.entries(DOC))


def test_a_deleted_span_id_is_never_given_out_again(one_document: Project) -> None:
    project = one_document
    first = AddSpan(_span(0, 6, "SPEAKER"))
    first.apply(project)
    DeleteSpan(first.stored.id).apply(project)
    second = AddSpan(_span(0, 6, "SPEAKER"))
    second.apply(project)
    assert second.stored.id > first.stored.id


def test_a_deleted_relation_id_is_never_given_out_again(one_document: Project) -> None:
    project = one_document
    quote, speaker = AddSpan(_span(12, 17, "QUOTE")), AddSpan(_span(0, 6, "SPEAKER"))
    quote.apply(project)
    speaker.apply(project)
    link = AddRelation("attributed_to", quote.stored.id, speaker.stored.id)
    link.apply(project)
    assert link._stored is not None
    DeleteRelation(link._stored.id).apply(project)
    again = AddRelation("attributed_to", quote.stored.id, speaker.stored.id)
    again.apply(project)
    assert again._stored is not None and again._stored.id > link._stored.id


def test_imported_spans_never_take_a_deleted_id(one_document: Project, tmp_path: Path) -> None:
    project = one_document
    added = AddSpan(_span(0, 6, "SPEAKER", who="bob"))
    added.apply(project)
    DeleteSpan(added.stored.id).apply(project)
    line = {
        "id": DOC,
        "text": TEXT,
        "annotator": "carol",
        "spans": [{"id": "T1", "start": 12, "end": 17, "label": "QUOTE"}],
    }
    source = tmp_path / "carol.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="utf-8")
    import_paths(project, [source])
    (imported,) = project.spans.in_set(DOC, AnnotatorName("carol"))
    assert imported.id > added.stored.id


def _shipped_file(path: Path, schema_source: str) -> None:
    """A project as the released 0001 and 0002 migrations made it, with data of every kind
    that points at a span id (relations, adjudication decisions) and a trigger."""
    import sqlite3

    from sqlite_utils import Database

    from annotator.store.connection import APPLICATION_ID
    from annotator.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db = Database(conn, execute_plugins=False)
    MIGRATIONS.apply(db, stop_before="0003_stable_ids")
    script = [
        ("INSERT INTO meta VALUES ('schema', ?)", [schema_source]),
        ("INSERT INTO documents VALUES ('d1', 1, 't', ?, '{}', 'x', 33)", [TEXT]),
        (
            "INSERT INTO spans VALUES (1, 'd1', 'alice', 'T1', 0, 6, 'SPEAKER', '{}'), "
            "(2, 'd1', 'alice', 'T2', 12, 17, 'QUOTE', '{\"stance\":\"favor\"}'), "
            "(3, 'd1', 'gold', 'T3', 12, 17, 'QUOTE', '{}'), "
            "(7, 'd1', 'gold', 'T7', 0, 6, 'SPEAKER', '{}')",
            [],
        ),
        ("INSERT INTO relations VALUES (4, 'attributed_to', 2, 1), (9, 'attributed_to', 3, 7)", []),
        ("INSERT INTO annotation_sets VALUES ('d1', 'alice', 'done', '{}')", []),
        (
            "INSERT INTO adjudications VALUES ('d1', 'u1', 'accepted', 'alice', 3, '', 'rev', 'x')",
            [],
        ),
        ("INSERT INTO adjudication_spans VALUES ('d1', 'u1', 3)", []),
        ("CREATE TRIGGER spans_touched AFTER UPDATE ON spans BEGIN SELECT 1; END", []),
    ]
    for sql, args in script:
        conn.execute(sql, args)
    conn.close()


def test_migration_0003_keeps_every_row_id_index_key_and_trigger(
    tmp_path: Path, project: Project
) -> None:
    import sqlite3

    from annotator.store.backup import backups_dir

    from support import snapshot

    path = tmp_path / "old.db"
    _shipped_file(path, project.schema.source)

    def layout() -> list[tuple[str, str, str]]:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL AND name NOT IN ('assignments_annotator') ORDER BY name"
        ).fetchall()  # (what later migrations add is theirs to test)
        keys = [
            ("fk", t, str(r))
            for t in ("relations", "adjudications", "adjudication_spans")
            for r in conn.execute(f"PRAGMA foreign_key_list({t})")
        ]
        conn.close()
        return rows + keys

    before_layout = layout()
    assert any(name == "spans_touched" for _, name, _ in before_layout)
    with Project.open(path) as old:
        before_rows = snapshot(old)
    # The snapshot above opened and migrated it already; compare with a fresh shipped copy.
    fresh = tmp_path / "fresh.db"
    _shipped_file(fresh, project.schema.source)
    conn = sqlite3.connect(fresh)
    from support import TABLES

    # Tables added by later migrations (0004, 0005) are not in a 0002 file.
    later = {"assignments", "active_time", "suggestion_decisions"}
    tables = [t for t in TABLES if t not in later]
    shipped_rows = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    conn.close()
    # 0007 adds a column to documents (each text's CRC32): compare those a 0002 file has.
    width = {t: len(rows[0]) for t, rows in shipped_rows.items() if rows}
    assert {t: [r[: width.get(t, len(r))] for r in before_rows[t]] for t in tables} == shipped_rows
    # Every index, trigger and key kept as it was (later migrations only add their own).
    assert set(before_layout) <= set(layout())
    assert list(backups_dir(path).glob("*-migrate.db"))

    with Project.open(path) as migrated:
        raw = migrated._db
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("spans", "relations"):
            sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
            assert "AUTOINCREMENT" in sql[0]
        sequence = dict(raw.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
        assert sequence == {"spans": 7, "relations": 9}
        # Foreign keys still act: deleting a span takes its links and gold listing along.
        DeleteSpan(SpanId(7)).apply(migrated)
        assert migrated.relations.of_span(SpanId(3)) == []
        added = AddSpan(_span(0, 6, "SPEAKER"))
        added.apply(migrated)
        assert added.stored.id == 8
