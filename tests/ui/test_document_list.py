"""The document list as a table: sort, filter by words, status and annotator; the highlight
is always the open document."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import close
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette

from annotator.model.schema import Schema
from annotator.transfer.importing import create_project
from annotator.ui.main_window import MainWindow
from annotator.ui.panels.document_list import (
    COL_EDITED,
    COL_SPANS,
    COL_STATUS,
    COL_TITLE,
    OPEN_DELAY_MS,
)

from driving import CTRL, select_words, settle

TEXTS = {
    "a": "Alpha report\nThe minister said the talks failed.",
    "b": "Bravo brief\nNothing was said about Crimea today.",
    "c": "Charlie column\nAnalysts warned that prices would rise.",
}


@pytest.fixture
def three(tmp_path: Path, schema: Schema) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "three.db"
    create_project(path, schema, folder).close()
    return path


def titles(window: MainWindow) -> list[str]:
    model = window.documents.model
    return [str(model.index(r, COL_TITLE).data()) for r in range(model.rowCount())]


def test_columns_show_title_status_and_spans_and_sort_by_a_click(qtbot, open_window, three):
    window = open_window(three)
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")  # alpha gets a span and is started
    settle()
    model = window.documents.model
    assert titles(window) == ["Alpha report", "Bravo brief", "Charlie column"]
    status = model.index(0, COL_STATUS)
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "in progress"  # the column: its icon
    assert status.data(Qt.ItemDataRole.AccessibleTextRole) == "in progress"
    assert model.index(0, COL_SPANS).data() == 1
    header = window.documents.view.horizontalHeader()
    title = QPoint(header.sectionViewportPosition(COL_TITLE) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    first = titles(window)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert {tuple(first), tuple(titles(window))} == {
        ("Alpha report", "Bravo brief", "Charlie column"),
        ("Charlie column", "Bravo brief", "Alpha report"),
    }
    window.documents.view.sortByColumn(COL_SPANS, Qt.SortOrder.DescendingOrder)
    assert titles(window)[0] == "Alpha report"


def test_filters_by_words_of_the_text_and_by_status(qtbot, open_window, three):
    window = open_window(three)
    panel = window.documents
    qtbot.keyClicks(panel.filter, "crimea")  # only in bravo's text, not its title
    assert titles(window) == ["Bravo brief"]
    panel.filter.clear()
    select_words(qtbot, window, 1)
    qtbot.keyClick(window.view, "q")
    window.messages.confirm = lambda title, text: True  # type: ignore[method-assign]
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # alpha done, despite its problems
    panel.status.setFocus()
    panel.status.setCurrentIndex(panel.status.findText("done"))
    assert titles(window) == ["Alpha report"]
    assert panel.progress.text() == "1 / 3 done"


def test_moving_in_the_list_opens_the_document_it_lands_on(qtbot, open_window, three):
    window = open_window(three)
    view = window.documents.view
    assert window.session.document is not None and window.session.document.id == "a"
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.wait(OPEN_DELAY_MS + 100)
    assert window.session.document is not None and window.session.document.id == "c"
    current = window.documents.model.data(view.currentIndex(), Qt.ItemDataRole.DisplayRole)
    assert current == "Charlie column"
    assert window.documents.model.data(view.currentIndex(), Qt.ItemDataRole.FontRole).bold()
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, CTRL)  # previous document by key
    assert window.session.document.id == "b"
    assert window.documents.model.data(view.currentIndex(), Qt.ItemDataRole.DisplayRole) == (
        "Bravo brief"
    )


def test_assigned_to_me_shows_only_the_annotators_share(qtbot, open_window, three):
    from annotator.store import Project

    with Project.open(three) as project, project.transaction():
        ids = {project.documents.get(i).title: i for i in project.documents.ids()}
        project.assignments.set_document(ids["Bravo brief"], ["alice", "bob"])
        project.assignments.set_document(ids["Charlie column"], ["alice"])
        project.assignments.set_document(ids["Alpha report"], ["bob"])
    window = open_window(three, "alice")
    panel = window.documents
    qtbot.mouseClick(panel.assigned, Qt.MouseButton.LeftButton)
    assert titles(window) == ["Bravo brief", "Charlie column"]
    # Together with the word filter.
    qtbot.keyClicks(panel.filter, "analysts")
    assert titles(window) == ["Charlie column"]
    panel.filter.clear()
    assert titles(window) == ["Bravo brief", "Charlie column"]
    qtbot.keyClick(panel.assigned, Qt.Key.Key_Space)
    assert titles(window) == ["Alpha report", "Bravo brief", "Charlie column"]


def test_the_title_gets_the_room_at_the_default_window_size(qtbot, window: MainWindow) -> None:
    view = window.documents.view
    header = view.horizontalHeader()
    widest_other = max(header.sectionSize(c) for c in (COL_STATUS, COL_SPANS, COL_EDITED))
    assert header.sectionSize(COL_TITLE) > 2 * widest_other
    bold = QFont(view.font())
    bold.setBold(True)  # the open document's row
    words = QFontMetrics(bold).horizontalAdvance("Kremlin Welcomes US")
    assert header.sectionSize(COL_TITLE) > words + 8, "the title's first words are readable"
    assert header.sectionResizeMode(COL_TITLE) == header.ResizeMode.Stretch
    index = window.documents.model.index(0, COL_TITLE)
    title = "Kremlin Welcomes US Proposal to Ban Ukraine from NATO as Peace Talks Intensify"
    assert str(index.data(Qt.ItemDataRole.ToolTipRole)).startswith(title + "\n")


def test_column_widths_the_user_drags_are_kept_for_the_next_window(
    qtbot, open_window, project_path: Path
) -> None:
    window = open_window(project_path)
    header = window.documents.view.horizontalHeader()
    before = header.sectionSize(COL_EDITED)
    edge = header.sectionViewportPosition(COL_EDITED) + before - 1
    y = header.height() // 2
    viewport = header.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(viewport, QPoint(edge + 30, y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(edge + 30, y))
    dragged = header.sectionSize(COL_EDITED)
    assert dragged > before, "the drag widened the Edited column"
    close(window)
    again = open_window(project_path)
    assert again.documents.view.horizontalHeader().sectionSize(COL_EDITED) == dragged


def test_the_open_documents_status_icon_shows_on_its_selected_row(qtbot, open_window, three):
    """The selected row's status icon is drawn in the selection's text colour: a green tick on
    the blue selection all but vanished."""
    window = open_window(three)
    view = window.documents.view
    row = view.currentIndex().row()
    assert row >= 0 and view.selectionModel().isRowSelected(row)
    cell = view.visualRect(view.model().index(row, COL_STATUS))
    image = view.viewport().grab(cell).toImage()
    selected_text = view.palette().color(QPalette.ColorRole.HighlightedText)
    drawn = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    # The icon's strokes, anti-aliased, come close to the selection's white text colour (the
    # green tick came to a lightness of about 140 of 255 on the blue).
    assert selected_text.lightness() > 200
    assert max(c.lightness() for c in drawn) > 230
