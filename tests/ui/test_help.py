"""Help: the `?` cheat sheet (from BINDINGS, remapped keys included) and the About box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from annotator.ui.actions import BINDINGS
from annotator.ui.main_window import MainWindow
from annotator.ui.preferences import Preferences, apply_shortcuts, store_preferences

from driving import settle


def open_cheat_sheet(qtbot, window: MainWindow) -> str:
    qtbot.keyClick(window.view, "?")
    settle()
    assert window.cheat_sheet.isVisible()
    return window.cheat_sheet.text.text()


def test_question_mark_shows_every_command_with_its_keys(qtbot, window: MainWindow) -> None:
    sheet = open_cheat_sheet(qtbot, window)

    for binding in BINDINGS:
        if binding.keys:
            assert binding.text.replace("&", "").replace("…", "") in sheet.replace("…", "")
    assert "<b>Ctrl+E</b>" in sheet and "Export…" in sheet
    assert "Label as QUOTE" in sheet  # the schema's keys too


def test_a_key_closes_the_sheet_and_does_nothing_behind_it(qtbot, window: MainWindow) -> None:
    open_cheat_sheet(qtbot, window)
    window.view.set_selection_cp(0, 10)

    qtbot.keyClick(window.cheat_sheet, "q")
    settle()

    assert not window.cheat_sheet.isVisible()
    assert window.session.current_set().spans == []  # nothing was labelled
    qtbot.keyClick(window.view, "?")
    qtbot.mouseClick(window.cheat_sheet, Qt.MouseButton.LeftButton)
    assert not window.cheat_sheet.isVisible()


def test_the_sheet_shows_remapped_keys(qtbot, window: MainWindow) -> None:
    prefs = Preferences()
    prefs.shortcuts["zoom_in"] = ("F6",)
    store_preferences(prefs)
    apply_shortcuts(prefs, window.commands)

    sheet = open_cheat_sheet(qtbot, window)

    assert "<b>F6</b></td><td>Zoom In</td>" in sheet


def test_about_names_the_versions_and_the_project_file(qtbot, window: MainWindow) -> None:
    window.commands.about.trigger()
    box = window.findChild(QMessageBox, "about")
    assert box is not None and box.isVisible()
    text = box.text()
    assert str(window.session.project.path) in text
    assert "Qt</td><td>6." in text and "SQLite</td><td>3." in text
    assert window.commands.about in window.menuBar().actions()[-1].menu().actions()
    box.close()


def test_the_cheat_sheet_key_is_listed_in_the_help_menu(window: MainWindow) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.commands.cheat_sheet in help_menu.actions()
    assert window.commands.cheat_sheet.shortcuts() == [QKeySequence("?")]
