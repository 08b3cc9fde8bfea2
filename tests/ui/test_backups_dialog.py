"""File > Backups: the project's backups with time, reason and size; back up now; show the
folder; restore one, which closes and reopens the project on it and keeps the replaced file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.store import Project
from annotator.store.backup import backups_dir, list_backups
from annotator.ui.dialogs.backups import BackupsDialog, BackupTableModel
from annotator.ui.main_window import MainWindow
from annotator.ui.messages import Messages
from annotator.ui.shell import Shell

from driving import CTRL, SHIFT, label, settle


def open_backups(qtbot, window: MainWindow) -> BackupsDialog:
    """Ctrl+Shift+B, as a user would (File > Backups… shows the same key)."""
    qtbot.keyClick(window.view, "B", CTRL | SHIFT)
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def button(dialog: BackupsDialog, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, text
    return found[0]


def click(qtbot, widget: QPushButton) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle()


def choose_row(qtbot, dialog: BackupsDialog, row: int) -> None:
    view = dialog.table
    rect = view.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()


def cells(dialog: BackupsDialog, row: int) -> list[str]:
    model = dialog.model
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def test_the_menu_entry_lists_backups_newest_first_with_time_reason_size(qtbot, window) -> None:
    project = window.session.project
    project.backup("import")
    project.backup("manual")
    assert "Backups" in window.commands.backups.text()
    dialog = open_backups(qtbot, window)
    listed = list_backups(project.path)
    assert dialog.model.rowCount() == 2
    assert cells(dialog, 0) == [
        f"{listed[0].created:%Y-%m-%d %H:%M:%S}",
        "By hand",
        f"{listed[0].bytes / 1024:.1f} KB",
    ]
    assert cells(dialog, 1)[1] == "Before an import"


def test_back_up_now_adds_one_and_shows_it(qtbot, window) -> None:
    dialog = open_backups(qtbot, window)
    assert dialog.model.rowCount() == 0
    click(qtbot, button(dialog, "Back up now"))
    assert dialog.model.rowCount() == 1
    assert [b.reason for b in list_backups(window.session.project.path)] == ["manual"]
    assert "Backed up" in dialog.message.text()


def test_back_up_now_waits_while_a_job_holds_the_project(qtbot, window) -> None:
    """A merge from the Team view may run while the dialog is open: no copy is taken then."""
    dialog = open_backups(qtbot, window)
    with window.session.hold.held():
        click(qtbot, button(dialog, "Back up now"))
    assert list_backups(window.session.project.path) == []
    assert dialog.message.text() == (
        "The backup failed: An import, merge or suggestion run holds the project; "
        "try again when it ends"
    )
    click(qtbot, button(dialog, "Back up now"))
    assert dialog.model.rowCount() == 1


def test_show_folder_opens_the_backups_folder(qtbot, window, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.session.project.backup("manual")
    dialog = open_backups(qtbot, window)
    click(qtbot, button(dialog, "Show folder"))
    assert [Path(u.toLocalFile()) for u in opened] == [backups_dir(window.session.project.path)]


def test_restore_is_offered_only_with_a_backup_chosen(qtbot, window) -> None:
    window.session.project.backup("manual")
    dialog = open_backups(qtbot, window)
    assert not button(dialog, "Restore…").isEnabled()
    choose_row(qtbot, dialog, 0)
    assert button(dialog, "Restore…").isEnabled()


@pytest.fixture
def shell(project_path: Path):
    opened = Shell("alice")
    assert opened.open(project_path)
    yield opened
    opened.close_current()


def test_restore_asks_then_reopens_on_the_backup_keeping_the_replaced_file(
    qtbot, shell: Shell, project_path: Path, monkeypatch
) -> None:
    before = shell.window
    assert before is not None
    before.session.project.backup("manual")  # no spans yet
    label(qtbot, before, "Kremlin", "s")
    asked: list[str] = []
    monkeypatch.setattr(Messages, "confirm", lambda _self, _t, text: asked.append(text) or True)
    dialog = open_backups(qtbot, before)
    choose_row(qtbot, dialog, 0)
    click(qtbot, button(dialog, "Restore…"))
    assert asked and "replaced" in asked[0]
    after = shell.window
    assert after is not None and after is not before
    assert after.session.project.path == project_path
    assert len(after.view.spans) == 0, "the window shows the restored file"
    assert "restored" in after.statusBar().currentMessage()
    (replaced,) = project_path.parent.glob("p.db.replaced-*.db")
    shell.close_current()
    with Project.open(replaced) as kept:
        assert [s.label for s in kept.spans.in_set(before_doc(kept), "alice")] == ["SPEAKER"]


def before_doc(project: Project) -> str:
    return project.documents.ids()[0]


def test_restore_answered_no_changes_nothing(qtbot, shell: Shell, monkeypatch) -> None:
    window = shell.window
    assert window is not None
    window.session.project.backup("manual")
    monkeypatch.setattr(Messages, "confirm", lambda *_a: False)
    dialog = open_backups(qtbot, window)
    choose_row(qtbot, dialog, 0)
    click(qtbot, button(dialog, "Restore…"))
    assert shell.window is window and dialog.isVisible()
    assert not list(window.session.project.path.parent.glob("*.replaced-*"))


def test_a_failed_restore_reopens_the_project_and_says_why(
    qtbot, shell: Shell, project_path: Path, monkeypatch
) -> None:
    window = shell.window
    assert window is not None
    backup = window.session.project.backup("manual")
    backup.write_bytes(b"not a database any more")
    warned: list[str] = []
    monkeypatch.setattr(Messages, "confirm", lambda *_a: True)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    dialog = open_backups(qtbot, window)
    choose_row(qtbot, dialog, 0)
    click(qtbot, button(dialog, "Restore…"))
    assert warned and "Nothing was restored" in warned[0] and str(backup) in warned[0]
    assert shell.window is not None and shell.window.session.project.path == project_path
    assert not list(project_path.parent.glob("*.replaced-*"))


def test_the_table_model_is_a_proper_item_model(qtmodeltester, project_path: Path) -> None:
    with Project.open(project_path) as project:
        project.backup("manual")
        project.backup("close")
    model = BackupTableModel()
    model.set_rows(list_backups(project_path))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    QApplication.processEvents()
