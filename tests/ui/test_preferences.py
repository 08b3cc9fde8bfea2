"""Edit > Preferences: keys remapped (and conflicts refused), theme, font, snapping, reset."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTreeWidgetItem

from annotator.ui.dialogs.preferences import PreferencesDialog
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import stored_annotator
from annotator.ui.shell import Shell

from driving import CTRL, SHIFT, pick, settle

Button = QDialogButtonBox.StandardButton


def open_preferences(qtbot, window: MainWindow) -> PreferencesDialog:
    qtbot.keyClick(window.view, Qt.Key.Key_P, CTRL | SHIFT)
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def press(qtbot, dialog: PreferencesDialog, button: Button) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    settle()


def command_row(dialog: PreferencesDialog, text: str) -> QTreeWidgetItem:
    found = dialog.commands.findItems(text, Qt.MatchFlag.MatchExactly, 0)
    assert found, f"no command {text!r}"
    return found[0]


def record_key(qtbot, dialog: PreferencesDialog, command: str, key, modifiers=None) -> None:
    """On the Keys tab, click ``command`` and press ``key`` in the key field."""
    dialog.tabs.setCurrentIndex(1)
    item = command_row(dialog, command)
    dialog.commands.scrollToItem(item)
    rect = dialog.commands.visualItemRect(item)
    qtbot.mouseClick(dialog.commands.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog.key_edit.setFocus()
    qtbot.keyClick(dialog.key_edit, key, modifiers or Qt.KeyboardModifier.NoModifier)
    settle()


def point_size(window: MainWindow) -> float:
    return window.view.font().pointSizeF()


def test_a_remapped_key_works_at_once_and_after_a_restart(
    qtbot, open_window, project_path: Path, window: MainWindow
) -> None:
    dialog = open_preferences(qtbot, window)
    record_key(qtbot, dialog, "Zoom In", Qt.Key.Key_F6)
    assert command_row(dialog, "Zoom In").text(1) == "F6"
    press(qtbot, dialog, Button.Ok)

    before = point_size(window)
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert point_size(window) == before + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)  # the old key no longer zooms
    assert point_size(window) == before + 1
    window.close()
    window.session.project.close()

    again = open_window(project_path)
    assert again.commands.zoom_in.shortcuts() == [QKeySequence("F6")]


def test_a_key_another_command_has_is_refused_naming_it(qtbot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)

    record_key(qtbot, dialog, "Zoom In", Qt.Key.Key_E, CTRL)
    assert dialog.message.text() == "Ctrl+E is already the key of “Export…”: not changed."
    record_key(qtbot, dialog, "Zoom In", Qt.Key.Key_Q)
    assert dialog.message.text() == "Q is already the key of “Label as QUOTE”: not changed."
    press(qtbot, dialog, Button.Ok)

    assert window.commands.export_files.shortcuts() == [QKeySequence("Ctrl+E")]
    assert QKeySequence("Ctrl+E") not in window.commands.zoom_in.shortcuts()
    assert QKeySequence("Q") not in window.commands.zoom_in.shortcuts()


def test_the_theme_switches_the_palette_at_once(qtbot, window: MainWindow) -> None:
    def window_lightness() -> int:
        return QApplication.palette().color(QPalette.ColorRole.Window).lightness()

    dialog = open_preferences(qtbot, window)
    pick(qtbot, dialog.theme, "Dark")
    press(qtbot, dialog, Button.Ok)
    assert window_lightness() < 80
    assert window.commands.dark_mode.isChecked()

    dialog = open_preferences(qtbot, window)
    assert dialog.theme.currentText() == "Dark"
    pick(qtbot, dialog.theme, "Light")
    press(qtbot, dialog, Button.Ok)
    assert window_lightness() > 180
    assert not window.commands.dark_mode.isChecked()


def test_font_size_and_snapping_apply_to_the_text(qtbot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)
    dialog.font_size.setFocus()
    dialog.font_size.selectAll()
    qtbot.keyClicks(dialog.font_size, "21")
    qtbot.mouseClick(dialog.snap, Qt.MouseButton.LeftButton)
    press(qtbot, dialog, Button.Ok)

    assert point_size(window) == 21
    assert not window.commands.toggle_snap.isChecked()


def test_restore_defaults_gives_back_every_key_but_keeps_the_name(
    qtbot, window: MainWindow
) -> None:
    dialog = open_preferences(qtbot, window)
    record_key(qtbot, dialog, "Zoom In", Qt.Key.Key_F6)
    press(qtbot, dialog, Button.Ok)
    assert window.commands.zoom_in.shortcuts() == [QKeySequence("F6")]

    dialog = open_preferences(qtbot, window)
    press(qtbot, dialog, Button.RestoreDefaults)
    assert "Ctrl++" in command_row(dialog, "Zoom In").text(1)
    assert dialog.name.text() == "alice"
    press(qtbot, dialog, Button.Ok)

    assert QKeySequence("F6") not in window.commands.zoom_in.shortcuts()
    assert QKeySequence("Ctrl+=") in window.commands.zoom_in.shortcuts()


def test_a_new_name_reopens_the_project_as_that_annotator_and_the_backup_interval_applies(
    qtbot, project_path: Path
) -> None:
    shell = Shell("alice")
    assert shell.open(project_path)
    qtbot.waitUntil(shell.window.isActiveWindow)
    dialog = open_preferences(qtbot, shell.window)
    dialog.name.setFocus()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "bob")
    dialog.backup.setFocus()
    dialog.backup.selectAll()
    qtbot.keyClicks(dialog.backup, "5")
    press(qtbot, dialog, Button.Ok)

    assert shell.window.session.annotator == "bob"
    assert shell.backup_timer.interval() == 5 * 60 * 1000
    assert stored_annotator() == "bob"  # the next start asks nobody
    shell.close_current()


def test_the_dark_palette_key_is_the_theme_preferences_show(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL | SHIFT)

    dialog = open_preferences(qtbot, window)
    assert dialog.theme.currentText() == "Dark"
    press(qtbot, dialog, Button.Cancel)


def test_the_system_theme_stays_system_across_runs_and_an_old_dark_choice_is_kept(
    qtbot, open_window, project_path: Path
) -> None:
    first = open_window(project_path)
    first.close()
    first.session.project.close()
    second = open_window(project_path)
    dialog = open_preferences(qtbot, second)
    assert dialog.theme.currentText() == "System"  # closing did not freeze it into light
    press(qtbot, dialog, Button.Cancel)
    second.close()
    second.session.project.close()

    QSettings().setValue("view/dark", True)  # what a version before themes left
    third = open_window(project_path)
    assert third.commands.dark_mode.isChecked()
