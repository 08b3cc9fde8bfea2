"""The full-text index stays in step with the project: imports, merges, span edits and undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.edits.spans import AddSpan, DeleteSpan
from annotator.errors import AnnotatorError
from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.catalogue import DocumentQuery
from annotator.store.fulltext import match_expression
from annotator.transfer.importing import create_project, import_paths
from annotator.transfer.merging import merge_projects


def texts(folder: Path, **files: str) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def found(project: Project, words: str) -> list[str]:
    return sorted({hit.document for hit in project.search.text(words)})


def listed(project: Project, words: str) -> list[str]:
    query = DocumentQuery("alice", text=words)
    return [row.id for row in project.catalogue.rows(query, 0, 100)]


def test_imported_and_merged_documents_are_found_by_their_words(
    tmp_path: Path, schema: Schema
) -> None:
    project = create_project(
        tmp_path / "p.db", schema, texts(tmp_path / "a", one="One\nThe Kremlin said no.")
    )
    assert found(project, "kremlin") == ["one"] == listed(project, "kremlin")
    import_paths(project, [texts(tmp_path / "b", two="Two\nA Kremlin spokesman spoke.")])
    assert found(project, "kremlin") == ["one", "two"] == listed(project, "Kremlin")
    assert found(project, "kremlin spok") == ["two"]  # the last word may be a beginning
    other = create_project(
        tmp_path / "o.db", schema, texts(tmp_path / "c", three="Three\nKremlin walls.")
    )
    other.close()
    merge_projects(project, [tmp_path / "o.db"])
    assert found(project, "kremlin") == ["one", "three", "two"]
    assert project.catalogue.count(DocumentQuery("alice", text="kremlin")) == 3
    project.close()


def test_a_failed_import_leaves_no_trace_in_the_index(tmp_path: Path, schema: Schema) -> None:
    project = create_project(tmp_path / "p.db", schema, texts(tmp_path / "a", one="One\nText."))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "two", "text": "Kremlin text"}\n{"id": "three", "text": 5}\n', encoding="utf-8"
    )
    with pytest.raises(AnnotatorError):
        import_paths(project, [bad])
    assert found(project, "kremlin") == []
    project.close()
    # The index agrees with the texts (FTS5's own check of an external-content index).
    conn = sqlite3.connect(tmp_path / "p.db")
    conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_search_in_spans_follows_edits_and_undo(tmp_path: Path, schema: Schema) -> None:
    text = "Title\nPeskov said the talks were over."
    project = create_project(tmp_path / "p.db", schema, texts(tmp_path / "a", d=text))
    start = text.index("the talks")
    quote = Span(SpanId(0), DocumentId("d"), AnnotatorName("alice"), start, start + 9, "QUOTE")
    assert project.search.in_spans("talks", "alice") == []
    add = AddSpan(quote)
    add.apply(project)
    hits = project.search.in_spans("talks", "alice")
    assert [(h.document, h.start, h.end, h.why) for h in hits] == [("d", start, start + 9, "QUOTE")]
    assert project.search.in_spans("talks", "bob") == []
    assert project.search.in_spans("peskov", "alice") == []  # in the text, not in a span
    add.revert(project)
    assert project.search.in_spans("talks", "alice") == []
    delete = DeleteSpan(AddSpan(quote).apply(project).spans[0])
    delete.apply(project)
    assert project.search.in_spans("talks", "alice") == []
    delete.revert(project)
    assert len(project.search.in_spans("talks", "alice")) == 1
    project.close()


def test_words_become_a_phrase_query_and_no_words_none() -> None:
    assert match_expression("Kremlin spok") == '"Kremlin spok" *'
    assert match_expression('say "no" -- now') == '"say no now" *'
    assert match_expression(" -- ") is None
