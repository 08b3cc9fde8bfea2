"""While a job holds the project (an import writing from its thread, a merge under its progress
dialog), the window's own writes wait: the active time counted meanwhile is stored when the
job ends, outside its transaction (an import's runs with SQLite's CHECK constraints off, and
a cancel rolls everything in it back); the periodic backup waits for the next tick, an edit
is refused, and closing the window cancels the job and waits for it first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from merge_midway import copy_with, merge_cancelled_midway
from PySide6.QtCore import Qt
from test_adjudication_view import DOC as REVIEWED
from test_adjudication_view import add
from test_import_dialog import LINE, PausedImport, click

import annotator.ui.dialogs.import_dialog as import_dialog
from annotator.edits.spans import SetStatus
from annotator.model import AnnotatorName, DocumentId, Status
from annotator.model.ids import GOLD
from annotator.model.progress import Cancelled
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.backup import list_backups
from annotator.transfer import suggesting
from annotator.ui.adjudication.view import AdjudicationView
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import Shell
from annotator.ui.team import view as team_view

from driving import CTRL, DOC, SHIFT, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def timed(qtbot, project_path: Path, clock: FakeClock) -> Iterator[MainWindow]:
    """A window whose active time runs on ``clock`` (the document opened at 1000)."""
    window = MainWindow(Session(Project.open(project_path), "alice"), clock=clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.session.project.close()


def seconds(window: MainWindow) -> float:
    """The stored active time, read on the window's connection: inside a running job's
    transaction it sees what that transaction wrote."""
    return window.session.project.active_time.seconds(DocumentId(DOC), "alice")


def held_import(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    """Start an import of 5,000 documents and return once it has written its first batch,
    inside its transaction; it stays there until it is cancelled (or 30 s have passed)."""
    table = tmp_path / "many.csv"
    table.write_text(
        "id,text\n" + "".join(f"d{i},Text number {i}.\n" for i in range(5000)), encoding="utf-8"
    )
    PausedImport(monkeypatch).start(qtbot, window, monkeypatch, table)


def test_active_time_waits_for_an_import_and_is_stored_when_it_ends(
    qtbot, timed: MainWindow, clock: FakeClock, tmp_path: Path, monkeypatch
) -> None:
    held_import(qtbot, timed, tmp_path, monkeypatch)
    clock.now = 1060
    timed.active_time.save()  # the half-minute timer fires
    assert seconds(timed) == 0, "nothing joined the import's transaction"
    dialog = timed.findChild(import_dialog.ImportDialog)
    click(qtbot, dialog.cancel_button)  # the import is rolled back; the minute is not
    qtbot.waitUntil(lambda: seconds(timed) == 60, timeout=10000)
    assert dialog.problem.text() == "Cancelled: nothing was imported."
    assert timed.session.project.documents.count() == 1


def test_closing_the_window_cancels_a_running_import_then_stores_the_time(
    qtbot, timed: MainWindow, clock: FakeClock, tmp_path: Path, monkeypatch
) -> None:
    held_import(qtbot, timed, tmp_path, monkeypatch)
    clock.now = 1060
    timed.close()
    assert not timed.session.hold.busy
    project = timed.session.project
    assert project.documents.count() == 1  # the import was cancelled, and has ended
    assert seconds(timed) == 60
    project.close()
    with Project.open(project.path, read_only=True) as reopened:
        assert reopened.active_time.seconds(DocumentId(DOC), "alice") == 60
        assert reopened.documents.count() == 1


def test_active_time_counted_during_a_cancelled_merge_is_kept(
    qtbot, timed: MainWindow, clock: FakeClock, tmp_path: Path, schema: Schema, monkeypatch
) -> None:
    other = copy_with(tmp_path / "bob.db", schema, [{**LINE, "id": f"extra{i}"} for i in range(3)])
    during: list[float] = []

    def midway() -> None:
        # The progress dialog lets the event loop run: the timer fires mid-merge.
        clock.now = 1060
        timed.active_time.save()
        during.append(seconds(timed))

    merge_cancelled_midway(qtbot, timed, monkeypatch, other, midway)
    assert during == [0]
    assert seconds(timed) == 60


def test_an_edit_waits_while_a_job_holds_the_project(window: MainWindow) -> None:
    session = window.session
    document = DocumentId(DOC)
    before = session.project.sets.status(document, "alice")
    refused: list[str] = []
    session.failed.connect(refused.append)
    with session.hold.held():
        assert not session.push(SetStatus(document, "alice", status=Status.DONE))
    assert refused == [
        "An import, merge or suggestion run holds the project; try again when it ends"
    ]
    assert session.project.sets.status(document, "alice") == before
    assert session.push(SetStatus(document, "alice", status=Status.DONE))
    with session.hold.held():
        session.undo()  # waits too, and stays on the stack
    assert session.project.sets.status(document, "alice") == Status.DONE
    session.undo()
    assert session.project.sets.status(document, "alice") == before


def test_the_periodic_backup_waits_for_the_next_tick_while_a_job_holds_the_project(
    project_path: Path,
) -> None:
    shell = Shell("alice")
    assert shell.open(project_path)
    try:
        window = shell.window
        assert window is not None
        window.session.push(SetStatus(DocumentId(DOC), "alice", status=Status.DONE))
        with window.session.hold.held():
            shell.periodic_backup()
            assert list_backups(project_path) == []
        shell.periodic_backup()
        assert [b.reason for b in list_backups(project_path)] == ["auto"]
    finally:
        shell.close_current()


def test_the_suggester_and_the_team_views_packs_and_merges_hold_the_project(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Each runs on the GUI thread under a progress dialog that lets the event loop run."""
    held: list[str] = []

    def cancelled(name: str) -> Callable[..., object]:
        def work(*_args: object, **_kwargs: object) -> object:
            held.append(name if window.session.hold.busy else f"{name} not held")
            raise Cancelled

        return work

    monkeypatch.setattr(suggesting, "suggest_documents", cancelled("suggest"))
    monkeypatch.setattr(team_view, "write_all_packs", cancelled("pack"))
    monkeypatch.setattr(team_view, "merge_projects", cancelled("merge"))
    window.commands.suggest_all.trigger()
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    view = window.findChild(team_view.TeamView)
    view.choose_folder = lambda: tmp_path
    view.choose_packs = lambda: [tmp_path / "bob.db"]
    qtbot.mouseClick(view.pack_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert held == ["suggest", "pack", "merge"]
    assert not window.session.hold.busy


def test_gold_status_settled_by_the_review_waits_while_a_job_holds_the_project(
    qtbot, project_path: Path
) -> None:
    """The review settles gold's status on every reload (a tool window the job's dialog
    does not block): while the project is held it writes nothing, as an edit does not."""
    with Project.open(project_path) as project:
        add(project, "alice", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
        add(project, "bob", 198, 262, "QUOTE", stance="against")
        for who in ("alice", "bob"):
            SetStatus(REVIEWED, AnnotatorName(who), status=Status.DONE).apply(project)
        # Out of step with the decisions (none yet): the review would settle it.
        SetStatus(REVIEWED, GOLD, status=Status.DONE).apply(project)
    session = Session(Project.open(project_path), "lead")
    refused: list[str] = []
    session.failed.connect(refused.append)
    try:
        view = AdjudicationView(session, REVIEWED)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.keyClick(view.table, "1")  # one unit decided: gold in progress
        assert session.project.sets.status(REVIEWED, GOLD) == Status.IN_PROGRESS
        SetStatus(REVIEWED, GOLD, status=Status.DONE).apply(session.project)
        with session.hold.held():
            click(qtbot, view.include_unfinished)  # the review reloads
            assert session.project.sets.status(REVIEWED, GOLD) == Status.DONE
        assert refused == [
            "An import, merge or suggestion run holds the project; try again when it ends"
        ]
        click(qtbot, view.include_unfinished)  # the next reload settles it
        assert session.project.sets.status(REVIEWED, GOLD) == Status.IN_PROGRESS
    finally:
        session.project.close()
