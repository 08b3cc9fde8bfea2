"""Edits say what they do: an undo on another document shows it first and its text names it; a
relabel that cannot keep a link or a value says what it dropped, and undo brings it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.transfer.importing import create_project, import_paths
from annotator.ui.main_window import MainWindow

from driving import CTRL, DOC, TEXT, label, settle

OTHER_TEXT = "Lavrov said the talks would go on. Nothing else was agreed on Tuesday."


def two_documents(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "two.db"
    other = tmp_path / "other.txt"
    other.write_text(f"Second article\n{OTHER_TEXT}\n", encoding="utf-8")
    with create_project(path, schema, seeds_dir()) as project:
        import_paths(project, [other], "text")
    return path


def shown(window: MainWindow) -> str:
    assert window.session.document is not None
    return window.session.document.id


def test_undo_of_an_edit_on_another_document_opens_it_and_names_it(
    qtbot, open_window, tmp_path: Path, schema: Schema
) -> None:
    window = open_window(two_documents(tmp_path, schema))
    assert shown(window) == DOC
    label(qtbot, window, "Dmitry Peskov", "s")
    window.open_document("other")
    settle()
    assert shown(window) == "other"
    assert window.commands.undo.text().startswith("&Undo add SPEAKER in «Kremlin Welcomes")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    settle()
    # The view went to the document the undo changed, and shows where the span was.
    assert shown(window) == DOC
    assert window.session.project.spans.in_set(DOC, "alice") == []
    start = TEXT.index("Dmitry Peskov")
    assert window.view.selection_cp() == (start, start + len("Dmitry Peskov"))
    assert window.commands.redo.text() == "&Redo add SPEAKER"
    # Redo from the other document: the same, the other way.
    window.open_document("other")
    settle()
    assert window.commands.redo.text().startswith("&Redo add SPEAKER in «")
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    settle()
    assert shown(window) == DOC
    selected = window.view.selected_span()
    assert selected is not None and (selected.start, selected.label) == (start, "SPEAKER")


def test_a_label_key_on_a_linked_speaker_says_what_the_relabel_dropped(
    qtbot, window: MainWindow
) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    quote = "“We have heard from Washington at various levels"
    label(qtbot, window, quote, "q")
    qtbot.keyClick(window.view, "a")  # link the quote to its nearest speaker
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    settle()
    project = window.session.project
    assert len(project.relations.in_set(DOC, "alice")) == 1
    speaker = next(s for s in project.spans.in_set(DOC, "alice") if s.label == "SPEAKER")
    window.select_span(speaker.id)
    window.view.set_selection_cp(speaker.end, speaker.end)
    window.select_span(speaker.id)
    qtbot.keyClick(window.view, "c")  # relabel as CUE: a CUE has no speaker link
    settle()
    relabelled = project.spans.get(speaker.id)
    assert relabelled is not None and relabelled.label == "CUE"
    assert project.relations.in_set(DOC, "alice") == []
    message = window.statusBar().currentMessage()
    assert "dropped" in message and "attributed_to link from QUOTE" in message, message
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    settle()
    assert project.spans.get(speaker.id) == speaker
    assert len(project.relations.in_set(DOC, "alice")) == 1
