"""A damaged project in the window (issue 10): never an exit or a traceback, but the recovery
screen, which says what is wrong, restores the newest good backup on a click (the damaged
file kept beside it), or opens the file read-only to show what is still readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from disks import damage_page, folder_state
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.importing import create_project, import_paths
from annotator.ui.dialogs.recovery import RecoveryDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.shell import Shell

from driving import CTRL, settle


def long_documents(folder: Path, schema: Schema) -> Path:
    """Six long documents: damage to the page of one leaves the others readable."""
    folder = folder / "project"  # beside the test's settings folder, which the window writes
    folder.mkdir()
    path = folder / "p.db"
    source = folder / "long.jsonl"
    lines = [
        {"id": f"doc{i}", "text": f"Document {i} begins. " + f"word{i} " * 3000} for i in range(6)
    ]
    source.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    project = create_project(path, schema)
    import_paths(project, [source])
    project.close()
    return path


@pytest.fixture
def shell(monkeypatch):
    opened = Shell("alice")
    quits: list[bool] = []
    monkeypatch.setattr(opened.app, "quit", lambda: quits.append(True))
    opened.quits = quits  # type: ignore[attr-defined]
    yield opened
    opened.close_current()


def recovery_screen(shell: Shell, path: Path) -> RecoveryDialog:
    assert shell.open(path), "the damaged project is offered for recovery, not refused"
    settle()
    dialog = shell.recovery
    assert dialog is not None and dialog.isVisible()
    return dialog


def label_first_word(qtbot, window: MainWindow) -> None:
    """Select "Document" at the start and press the SPEAKER key."""
    window.view.set_selection_cp(0, len("Document"))
    qtbot.keyClick(window.view, "s")
    settle()


def click(qtbot, button: QPushButton | None) -> None:
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def test_a_damaged_project_offers_its_newest_good_backup_and_restores_it(
    qtbot, shell: Shell, tmp_path: Path, schema: Schema
) -> None:
    path = long_documents(tmp_path, schema)
    with Project.open(path) as project:
        project.backup("manual")
    damage_page(path, b"Document 3 begins.")
    damaged = path.read_bytes()
    dialog = recovery_screen(shell, path)
    # What SQLite found, in the window's words.
    said = dialog.problem.text().removeprefix("The file is damaged; SQLite reports: ")
    assert said != dialog.problem.text() and len(said) > 2
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    # The command line's way out is its own; here the buttons are.
    assert "annotator restore" not in words and "--skip-damaged" not in words
    assert "newest good backup" in dialog.offer.text() and "By hand" in dialog.offer.text()
    assert shell.window is None
    click(qtbot, dialog.restore_button)
    window = shell.window
    assert window is not None and not dialog.isVisible()
    assert "restored" in window.statusBar().currentMessage()
    assert "(read-only)" not in window.windowTitle()
    label_first_word(qtbot, window)  # the restored project takes edits
    assert len(window.view.spans) == 1
    (kept,) = path.parent.glob("p.db.replaced-*.db")
    assert kept.read_bytes() == damaged, "the damaged file is kept aside, never deleted"


def test_without_a_backup_it_opens_read_only_and_changes_nothing(
    qtbot, shell: Shell, tmp_path: Path, schema: Schema
) -> None:
    path = long_documents(tmp_path, schema)
    damage_page(path, b"Document 3 begins.")
    before = folder_state(path.parent)
    dialog = recovery_screen(shell, path)
    assert dialog.restore_button is None
    assert "no good backup" in dialog.offer.text()
    click(qtbot, dialog.read_only_button)
    window = shell.window
    assert window is not None
    assert "(read-only)" in window.windowTitle()
    assert "Read-only" in window.statusBar().currentMessage()
    assert window.status_line.saved.text() == "Read-only: damaged file"  # not "All changes saved"
    assert window.session.document is not None
    assert window.session.document.text.startswith("Document 0 begins.")
    label_first_word(qtbot, window)
    assert len(window.view.spans) == 0
    assert "project is open read-only" in window.statusBar().currentMessage()

    def step(key: Qt.Key) -> tuple[str, str]:
        qtbot.keyClick(window.view, key, CTRL)
        settle()
        assert window.session.document is not None
        return window.session.document.id, window.statusBar().currentMessage()

    assert step(Qt.Key.Key_PageDown)[0] == "doc1"
    # The damage reaches doc3's text (and doc2's, on this layout): Next goes on past it, once.
    opened, said = step(Qt.Key.Key_PageDown)
    assert opened == "doc4", "Next Document goes on past the unreadable ones"
    assert said.startswith("Passed over ") and "doc3" in said and "unreadable" in said
    assert said.endswith(": the file is damaged there")
    assert step(Qt.Key.Key_PageDown)[0] == "doc5"
    assert step(Qt.Key.Key_PageUp)[0] == "doc4"
    assert step(Qt.Key.Key_PageUp)[0] == "doc1", "and back past them"
    shell.close_current()
    assert folder_state(path.parent) == before, "reading a damaged file writes nothing"


def test_cancel_on_the_recovery_screen_ends_the_app(
    qtbot, shell: Shell, tmp_path: Path, schema: Schema
) -> None:
    path = long_documents(tmp_path, schema)
    damage_page(path, b"Document 3 begins.")
    dialog = recovery_screen(shell, path)
    click(qtbot, _button(dialog, "Cancel"))
    assert shell.window is None
    assert shell.quits == [True]  # type: ignore[attr-defined]
    assert not QApplication.activeModalWidget()


def _button(dialog: RecoveryDialog, text: str) -> QPushButton:
    (found,) = [b for b in dialog.findChildren(QPushButton) if b.text() == text]
    return found
