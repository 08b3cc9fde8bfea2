"""The team in the window: active time from input, the lead's Team view, packs opened by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from ui.conftest import OpenWindow, close
from ui.driving import CTRL, DOC, SHIFT, FakeClock, settle

from annotator.edits.spans import SetStatus
from annotator.model import AnnotatorName, Document, DocumentId, Status
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.packing import write_pack
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.team.models import TeamTableModel
from annotator.ui.team.view import TeamView

from support import add_span

TEXT = "The minister said that the plan works. Critics disagree with him."


def test_active_time_counts_input_and_stops_when_idle(
    qtbot, project_path: Path, schema: Schema
) -> None:
    clock = FakeClock()
    window = MainWindow(Session(Project.open(project_path), "alice"), clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Input arrives through the event loop; the window watches it from the loop's first turn.
    qtbot.waitUntil(lambda: window.active_time.watching)
    project = window.session.project
    # Opened at 1000; a key at 1030 keeps it counting until 1150.
    clock.now = 1030
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    clock.now = 1100
    window.active_time.save()
    assert project.active_time.seconds(DocumentId(DOC), "alice") == 100
    # No input since 1030: from 1150 on nothing counts, however long the window stays open.
    clock.now = 2000
    window.active_time.save()
    assert project.active_time.seconds(DocumentId(DOC), "alice") == 150
    # Input again (a click in the text), then the window closes a minute later.
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton)
    clock.now = 2060
    close(window)
    with Project.open(project_path, read_only=True) as reopened:
        assert reopened.active_time.seconds(DocumentId(DOC), "alice") == 210


def test_input_is_watched_once_the_window_shows_not_while_it_is_built(
    qtbot, project_path: Path
) -> None:
    window = MainWindow(Session(Project.open(project_path), "alice"))
    qtbot.addWidget(window)
    assert not window.active_time.watching  # built without an application filter
    window.show()
    qtbot.waitUntil(lambda: window.active_time.watching)
    close(window)


@pytest.fixture
def team_path(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "team.db"
    with Project.create(path, schema) as project, project.transaction():
        project.documents.insert_many(
            Document(DocumentId(f"d{i:02d}"), f"{TEXT} ({i})", f"Article {i}") for i in range(12)
        )
    return path


def team_view() -> TeamView:
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, TeamView)]
    assert len(views) == 1, "the Team view is open once"
    # Its keys are its own once it is the active window, as after a click on it: until then
    # Return still belongs to the main window's text view (accept a suggestion).
    QApplication.processEvents()
    assert QApplication.activeWindow() is views[0]
    return views[0]


def cell(view: TeamView, annotator: str, column: int) -> str:
    model = view.team_model
    for row in range(model.rowCount()):
        if model.data(model.index(row, TeamTableModel.COL_NAME)) == annotator:
            return str(model.data(model.index(row, column)))
    raise AssertionError(f"{annotator} is not in the table")


def test_the_lead_assigns_packs_and_merges_from_the_team_view(
    qtbot, open_window: OpenWindow, team_path: Path, tmp_path: Path
) -> None:
    window = open_window(team_path, "lead")
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    view = team_view()
    assert view.team_model.rowCount() == 0

    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    dialog = view.assign_dialog
    assert dialog is not None
    dialog.annotators.setText("alice, bob")
    dialog.overlap.setValue(0.5)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    settle()
    assert "12 documents assigned, 6 of them to several annotators" in view.status.text()
    assert cell(view, "alice", TeamTableModel.COL_ASSIGNED) == "9"
    assert cell(view, "bob", TeamTableModel.COL_ASSIGNED) == "9"
    # The assignment is undoable like any edit.
    qtbot.keyClick(view.team_table, Qt.Key.Key_Z, CTRL)
    settle()
    assert view.team_model.rowCount() == 0
    qtbot.keyClick(view.team_table, Qt.Key.Key_Z, CTRL | SHIFT)
    settle()
    assert view.team_model.rowCount() == 2

    view.choose_folder = lambda: tmp_path / "packs"
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    assert "2 packs written" in view.status.text()
    alice = tmp_path / "packs" / "alice.db"
    with Project.open(alice) as pack:
        for document in pack.documents.ids()[:4]:
            add_span(pack, document, "alice", 4, 12, "SPEAKER")
            SetStatus(document, AnnotatorName("alice"), status=Status.DONE).apply(pack)

    view.choose_packs = lambda: [alice]
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("Merged: 1 pack,")
    assert cell(view, "alice", TeamTableModel.COL_DONE) == "4"
    assert cell(view, "bob", TeamTableModel.COL_DONE) == "0"


def test_an_assignment_is_edited_in_its_row(
    qtbot, open_window: OpenWindow, team_path: Path
) -> None:
    window = open_window(team_path, "lead")
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    view = team_view()
    table = view.assignment_table
    index = view.assignment_model.index(3, view.assignment_model.COL_ASSIGNED)
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "carol, dave")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The editor commits after the key press, and the table reloads after the commit.
    project = window.session.project
    qtbot.waitUntil(lambda: project.assignments.of_document(DocumentId("d03")) != [])

    assert project.assignments.of_document(DocumentId("d03")) == ["carol", "dave"]
    assert view.assignment_model.data(index) == "carol, dave"
    assert cell(view, "dave", TeamTableModel.COL_ASSIGNED) == "1"


def test_opening_a_pack_asks_no_name(
    qtbot, team_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.edits.assignment import AssignDocuments
    from annotator.ui import shell

    with Project.open(team_path) as project:
        AssignDocuments(["bob"]).apply(project)
        write_pack(project, "bob", tmp_path / "bob.db")

    def no_question(*_args: object) -> str:
        raise AssertionError("asked for a name")

    monkeypatch.setattr(shell, "ask_annotator", no_question)
    monkeypatch.setattr(shell, "stored_annotator", lambda: None)
    opened = shell.Shell()
    assert opened.open(tmp_path / "bob.db")
    try:
        assert opened.window is not None
        assert opened.window.session.annotator == "bob"
        assert opened.window.session.layers() == ["bob"]
    finally:
        opened.close_current()


def test_work_done_in_a_pack_in_the_window_reaches_the_lead(
    qtbot, open_window: OpenWindow, project_path: Path, tmp_path: Path
) -> None:
    from ui.driving import label

    from annotator.edits.assignment import AssignDocuments
    from annotator.transfer.merging import merge_projects
    from annotator.transfer.team_progress import team_progress

    with Project.open(project_path) as project:
        AssignDocuments(["bob"]).apply(project)
        write_pack(project, "bob", tmp_path / "bob.db")
    window = open_window(tmp_path / "bob.db", "bob")
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)  # Mark Done
    settle()
    close(window)

    with Project.open(project_path) as project:
        report = merge_projects(project, [tmp_path / "bob.db"])
        assert report.sets_added == 1 and report.conflicts == []
        row = team_progress(project).annotators[AnnotatorName("bob")]
        assert (row.assigned, row.done) == (1, 1)
        assert row.active_seconds > 0
        assert [s.label for s in project.sets.get(DocumentId(DOC), "bob").spans] == ["SPEAKER"]


def test_counts_of_one_are_said_in_the_singular(
    qtbot, open_window: OpenWindow, tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "one.db"
    with Project.create(path, schema) as project, project.transaction():
        project.documents.insert_many([Document(DocumentId("d00"), TEXT, "Article")])
    window = open_window(path, "lead")
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    view = team_view()
    qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
    dialog = view.assign_dialog
    assert dialog is not None
    dialog.annotators.setText("alice")
    dialog.overlap.setValue(0.0)  # one annotator: nobody to share with
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    settle()
    assert view.summary.text() == "1 document, 0 shared by several annotators, 1 annotator assigned"
    view.choose_folder = lambda: tmp_path / "packs"
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == f"1 pack written to {tmp_path / 'packs'}: alice (1 document)"
