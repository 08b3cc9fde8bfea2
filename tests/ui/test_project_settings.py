"""Project settings: schema changes from the window, and the app reloading on them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QTreeWidgetItem

from annotator.paths import seeds_dir
from annotator.ui.dialogs.project_settings import ProjectSettings
from annotator.ui.shell import Shell

DOC = next(seeds_dir().glob("*.txt")).stem


def item_named(dialog: ProjectSettings, name: str) -> QTreeWidgetItem:
    found = dialog.tree.findItems(name, Qt.MatchFlag.MatchRecursive)
    assert found, name
    return found[0]


def test_rename_label_migrates_spans_and_reloads_the_window(qtbot, window, monkeypatch) -> None:
    window.view.set_selection_cp(0, 7)
    qtbot.keyClick(window.view, "c")
    dialog = ProjectSettings(window.session, window)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(item_named(dialog, "CUE"))
    assert item_named(dialog, "CUE").text(2) == "1"  # used by one span
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("SIGNAL", True))
    dialog.rename()
    assert dialog.changed
    spans = window.session.project.spans.in_set(DOC, "alice")
    assert [s.label for s in spans] == ["SIGNAL"]
    assert "SIGNAL" in dialog.source.toPlainText()
    window.session.undo_stack.undo()
    assert [s.label for s in window.session.project.spans.in_set(DOC, "alice")] == ["CUE"]


def test_removing_a_used_label_is_refused_with_the_count(qtbot, window) -> None:
    window.view.set_selection_cp(0, 7)
    qtbot.keyClick(window.view, "q")
    dialog = ProjectSettings(window.session, window)
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(item_named(dialog, "QUOTE"))
    dialog.remove()
    assert 'label "QUOTE" is used by 1 span;' in dialog.message.text()
    assert not dialog.changed
    dialog.tree.setCurrentItem(item_named(dialog, "CUE"))
    dialog.remove()  # unused: goes, and its cued_by relation with it
    assert window.session.project.schema.label("CUE") is None
    assert window.session.project.schema.relation("cued_by") is None


def test_shell_reloads_the_same_project_keeping_the_annotator(qtbot, project_path: Path) -> None:
    shell = Shell("carol")
    assert shell.open(project_path)
    first = shell.window
    shell.switch(project_path)
    assert shell.window is not first and shell.window.session.annotator == "carol"
    shell.reopen_as("dave")
    assert shell.window.session.annotator == "dave"
    shell.close_current()
