"""Work per edit that does not grow with the document, and a document list that reads only
what it shows: the span table takes one row per label key, the list's model pages lazily."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.model import DocumentId, Status
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.catalogue import DocumentQuery
from annotator.transfer.importing import create_project
from annotator.ui.main_window import MainWindow
from annotator.ui.panels.document_list import PAGE, DocumentTableModel
from annotator.ui.panels.span_table import SpanTableModel

from driving import CTRL, settle
from support import add_span

WORD = "word "
SPANS = 400


@pytest.fixture
def long_project(tmp_path: Path, schema: Schema) -> Path:
    """One document of 2,000 words, 400 of them already labelled by alice."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "long.txt").write_text("Long\n" + WORD * 2000, encoding="utf-8")
    path = tmp_path / "long.db"
    project = create_project(path, schema, folder)
    for n in range(SPANS):
        start = 5 + 5 * (2 * n + 1)  # every other word after the title
        add_span(project, "long", "alice", start, start + 4, "CUE")
    project.close()
    return path


def test_a_label_key_rereads_a_handful_of_span_table_rows_not_all(
    qtbot, open_window, long_project, monkeypatch
) -> None:
    window: MainWindow = open_window(long_project)
    settle()
    model = window.span_model
    assert model.rowCount() == SPANS
    read: set[int] = set()
    resets: list[bool] = []

    def counting(index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        read.add(index.row())
        return SpanTableModel.data(model, index, role)

    monkeypatch.setattr(model, "data", counting)  # Qt calls the instance's own first
    model.modelReset.connect(lambda: resets.append(True))
    window.view.set_selection_cp(5, 9)  # the first word, not labelled yet
    qtbot.keyClick(window.view, "q")
    settle()
    window.span_table.viewport().repaint()
    assert model.rowCount() == SPANS + 1
    assert resets == []
    # What is on screen around the new row at most; a reset re-read every row (and the
    # columns sized to their contents re-read hundreds after each row).
    assert 0 < len(read) <= 40, sorted(read)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    settle()
    assert model.rowCount() == SPANS and resets == []


def test_the_span_table_follows_edits_and_undo_row_by_row(
    qtbot, qtmodeltester, open_window, long_project
) -> None:
    window: MainWindow = open_window(long_project)
    settle()
    model = window.span_model
    window.view.set_selection_cp(5, 9)
    qtbot.keyClick(window.view, "s")
    settle()
    first = window.session.current_set().spans[0]
    assert first.label == "SPEAKER" and model.row_of(first.id) == 0
    assert model.index(0, 1).data() == "SPEAKER"
    qtmodeltester.check(model)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    settle()
    assert model.row_of(first.id) == -1
    assert [model.index(r, 0).data() for r in range(3)] == [10, 20, 30]
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    settle()
    assert model.row_of(first.id) == 0
    # The table is what a fresh read of the set shows, row for row.
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == [
        s.start for s in window.session.project.sets.get(DocumentId("long"), "alice").spans
    ]
    qtmodeltester.check(model)


@pytest.fixture
def many(tmp_path: Path, schema: Schema) -> Path:
    """PAGE * 3 + 7 short documents; every third one done by alice."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for n in range(PAGE * 3 + 7):
        word = "crimea" if n % 50 == 0 else "talks"
        (folder / f"d{n:04d}.txt").write_text(f"Title {n}\nThe {word} went on.", encoding="utf-8")
    path = tmp_path / "many.db"
    project = create_project(path, schema, folder)
    from annotator.edits.spans import SetStatus

    for n in range(0, PAGE * 3 + 7, 3):
        SetStatus(DocumentId(f"d{n:04d}"), "alice", status=Status.DONE).apply(project)
    project.close()
    return path


def test_the_document_list_model_reads_pages_lazily_and_passes_the_model_tester(
    qtmodeltester, many
) -> None:
    with Project.open(many) as project:
        catalogue = project.catalogue
        fetched: list[int] = []

        def rows(query: DocumentQuery, offset: int, limit: int):  # type: ignore[no-untyped-def]
            fetched.append(offset)
            return catalogue.rows(query, offset, limit)

        model = DocumentTableModel(
            rows, catalogue.count, DocumentQuery("alice"), catalogue.position, catalogue.row
        )
        assert model.rowCount() == PAGE * 3 + 7 and fetched == []
        assert model.index(PAGE * 3 + 6, 0).data() == "Title 606"
        assert fetched == [PAGE * 3]  # the last page only, not the ones before it
        assert model.row_of(DocumentId("d0100")) == 100  # counted, not read
        assert fetched == [PAGE * 3]
        model.set_query(DocumentQuery("alice", statuses=frozenset({Status.DONE})))
        assert model.rowCount() == (PAGE * 3 + 7 + 2) // 3
        assert model.index(1, 0).data() == "Title 3"
        model.set_query(DocumentQuery("alice", text="crimea"))
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
            f"Title {n}" for n in range(0, PAGE * 3 + 7, 50)
        ]
        qtmodeltester.check(model)


def test_next_document_at_the_end_of_a_long_list_and_the_list_positions(
    qtbot, open_window, many
) -> None:
    window: MainWindow = open_window(many)
    last = DocumentId(f"d{PAGE * 3 + 5:04d}")
    window.open_document(last)
    settle()
    assert window.documents.view.currentIndex().row() == PAGE * 3 + 5
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)
    settle()
    assert window.session.document is not None
    assert window.session.document.id == f"d{PAGE * 3 + 6:04d}"
