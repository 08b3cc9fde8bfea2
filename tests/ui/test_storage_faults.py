"""A storage error during an edit in the window: a sentence, "Not saved: ..." in red, and the
edit kept off the undo stack, so what is shown is what is stored (a real full disk: a tmpfs)."""

from __future__ import annotations

from pathlib import Path

from disks import fill, small_disk
from PySide6.QtCore import Qt

from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.transfer.importing import create_project
from annotator.ui.main_window import MainWindow

from driving import CTRL, DOC, label, settle


def stored(window: MainWindow) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in window.session.project.spans.in_set(DOC, "alice")]


def shown(window: MainWindow) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in window.view.spans)


def test_a_full_disk_during_edits_says_not_saved_and_shows_what_is_stored(
    qtbot, open_window, tmp_path: Path, schema: Schema
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "p.db"
        create_project(path, schema, seeds_dir()).close()
        window = open_window(path)
        warned: list[str] = []
        window.messages.warn = lambda text, title="Annotator": warned.append(text)
        label(qtbot, window, "Dmitry Peskov", "s")  # saved while there is room
        before = stored(window)
        assert len(before) == 1 and window.session.undo_stack.count() == 1
        fill(disk)

        label(qtbot, window, "Washington", "s")
        assert len(warned) == 1 and "the disk is full" in warned[0], warned
        saved = window.status_line.saved
        assert saved.text() == "Not saved: disk full"
        assert "#d32f2f" in saved.styleSheet()  # red
        assert stored(window) == before and shown(window) == before
        assert window.session.undo_stack.count() == 1  # the failed edit is not on the stack

        # An undo that cannot be saved leaves the stack (and the span) as they were.
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
        settle()
        assert len(warned) == 2
        assert stored(window) == before and shown(window) == before
        assert window.session.undo_stack.index() == 1
        assert window.commands.undo.isEnabled() and not window.commands.redo.isEnabled()

        (disk / "filler").unlink()  # room again: the same undo now works, and says saved
        qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
        settle()
        assert stored(window) == [] and shown(window) == []
        assert saved.text() == "All changes saved" and saved.styleSheet() == ""
        window.close()
        window.session.project.close()
