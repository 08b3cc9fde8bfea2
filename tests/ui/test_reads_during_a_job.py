"""While an import writes from its thread (or a merge runs under its progress dialog), the
window reads the last commit: the document list, the Team view and a document opened from
them never show the job's rows, so a cancel or a failure takes nothing away that was shown;
the list and an open Team view show the new documents once the import has committed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from merge_midway import copy_with, merge_cancelled_midway
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_import_dialog import LINE, PausedImport, click, closed

import annotator.ui.dialogs.import_dialog as import_dialog
from annotator.model import DocumentId
from annotator.model.schema import Schema
from annotator.ui.main_window import MainWindow
from annotator.ui.team.view import TeamView

from driving import CTRL, DOC, SHIFT, settle

DOCUMENTS = 3000  # more than one batch of an import (2,000): it writes, then waits


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "many.csv"
    path.write_text(
        "id,text\n" + "".join(f"d{i},Text number {i}.\n" for i in range(DOCUMENTS)),
        encoding="utf-8",
    )
    return path


def team(qtbot, window: MainWindow) -> TeamView:
    """Tools > Team (Ctrl+Shift+T): a window of its own, which the import dialog (modal to
    the main window) does not block."""
    qtbot.keyClick(window.view, Qt.Key.Key_T, CTRL | SHIFT)
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, TeamView)]
    assert len(views) == 1
    return views[0]


def listed(view: TeamView) -> int:
    return view.assignment_model.rowCount()


def start_paused_import(
    qtbot, window: MainWindow, table: Path, monkeypatch: pytest.MonkeyPatch, fail: bool = False
) -> tuple[import_dialog.ImportDialog, PausedImport]:
    paused = PausedImport(monkeypatch, "the disk is full" if fail else None)
    return paused.start(qtbot, window, monkeypatch, table), paused


def filter_list(qtbot, window: MainWindow, text: str) -> int:
    """Words typed into the document list's filter (it reads the list again)."""
    window.documents.filter.clear()
    qtbot.keyClicks(window.documents.filter, text)
    settle()
    return window.documents.model.rowCount()


@pytest.fixture
def ended_window(window: MainWindow) -> Iterator[MainWindow]:
    yield window
    window.session.hold.finish()  # a failed assertion must not leave the import waiting


@pytest.mark.parametrize("ending", ["cancel", "failure"])
def test_while_an_import_writes_the_window_shows_the_last_commit_and_keeps_it(
    qtbot, ended_window: MainWindow, table: Path, monkeypatch: pytest.MonkeyPatch, ending: str
) -> None:
    window = ended_window
    view = team(qtbot, window)
    assert listed(view) == 1
    dialog, paused = start_paused_import(qtbot, window, table, monkeypatch, ending == "failure")

    click(qtbot, view.refresh_button)  # the import has written 2,000 documents, uncommitted
    assert listed(view) == 1
    assert filter_list(qtbot, window, "number") == 0
    assert filter_list(qtbot, window, "") == 1
    search = window.side.search  # the corpus search, in the side panel
    qtbot.keyClicks(search.field, "number")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    assert [search.results.item(i).text() for i in range(search.results.count())] == ["no hits"]
    # The one document listed opens, and reads as committed.
    window.documents.view.setFocus()
    qtbot.keyClick(window.documents.view, Qt.Key.Key_Return)
    assert window.session.document is not None and window.session.document.id == DOC

    if ending == "cancel":
        click(qtbot, dialog.cancel_button)
    paused.go_on.set()
    qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10000)
    assert dialog.problem.text().startswith(
        "Cancelled" if ending == "cancel" else "Nothing was imported. the disk is full"
    )
    qtbot.waitUntil(lambda: not window.session.hold.busy, timeout=10000)
    # Nothing that was shown is gone: the list, the Team view and the open document.
    assert filter_list(qtbot, window, "") == 1
    click(qtbot, view.refresh_button)
    assert listed(view) == 1
    project = window.session.project
    assert project.documents.get(DocumentId(DOC)) is not None
    assert project.documents.count() == 1


def test_the_list_shows_the_import_once_it_has_committed(
    qtbot, ended_window: MainWindow, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ended_window
    view = team(qtbot, window)
    dialog, paused = start_paused_import(qtbot, window, table, monkeypatch)
    held_when_heard: list[bool] = []
    dialog.imported.connect(lambda _report: held_when_heard.append(window.session.hold.busy))
    assert filter_list(qtbot, window, "number") == 0
    paused.go_on.set()
    closed(qtbot, window)
    # The project was given back before the dialog heard the import was done (whoever it
    # tells reads the schema the import may have added to on the project's own connection).
    assert held_when_heard == [False]
    assert window.documents.model.rowCount() == DOCUMENTS
    assert listed(view) == DOCUMENTS + 1  # the Team view too, without a click on Refresh
    assert filter_list(qtbot, window, "") == DOCUMENTS + 1
    # The window writes on its own connection again.
    assert window.session.project.documents.count() == DOCUMENTS + 1
    window.session.project.set_meta("checked", "yes")
    assert window.session.project.meta("checked") == "yes"


def test_during_a_merge_the_window_reads_the_last_commit(
    qtbot, window: MainWindow, tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merge runs on the GUI thread, its progress dialog letting the event loop run: what
    the window reads meanwhile is the last commit, not the merge's rows."""
    lines = [{**LINE, "id": f"extra{i}", "text": "Qwerty said no."} for i in range(3)]
    other = copy_with(tmp_path / "bob.db", schema, lines)
    seen: list[int] = []
    # The user types a filter while the merge's rows are in its transaction.
    merge_cancelled_midway(
        qtbot, window, monkeypatch, other, lambda: seen.append(filter_list(qtbot, window, "Qwerty"))
    )
    assert seen == [0]
    assert window.session.project.documents.count() == 1


def test_a_merge_from_the_team_view_waits_while_an_import_writes(
    qtbot, ended_window: MainWindow, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One job at a time: a second would write inside the first one's transaction."""
    window = ended_window
    view = team(qtbot, window)
    view.choose_packs = lambda: [table]
    _dialog, paused = start_paused_import(qtbot, window, table, monkeypatch)
    click(qtbot, view.merge_button)
    assert view.status.text() == (
        "Nothing was merged: An import, merge or suggestion run holds the project; "
        "try again when it ends"
    )
    paused.go_on.set()
    closed(qtbot, window)
    assert window.session.project.documents.count() == DOCUMENTS + 1
