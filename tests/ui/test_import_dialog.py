"""File > Import: files or a folder in, a preview of what they hold and how their labels map
(editable), then the import in the background with progress; a cancel imports nothing."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

import annotator.ui.dialogs.import_dialog as import_dialog
from annotator.errors import AnnotatorError
from annotator.formats.label_map import load_mapping
from annotator.ui.dialogs.import_dialog import ImportDialog
from annotator.ui.dialogs.mapping_table import MappingTableModel
from annotator.ui.dialogs.transfer_job import TransferJob
from annotator.ui.main_window import MainWindow

from driving import CTRL, pick, settle
from support import snapshot

DATA = Path(__file__).parents[1] / "formats" / "data"
LINE = {
    "id": "extra",
    "title": "Extra",
    "text": "Putin said no.",
    "annotator": "bob",
    "status": "done",
    "spans": [{"id": "T1", "start": 0, "end": 5, "label": "SPEAKER"}],
}


def open_import(qtbot, window: MainWindow) -> ImportDialog:
    """Ctrl+I, as File > Import… shows."""
    qtbot.keyClick(window.view, "I", CTRL)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    settle()


def add_files(qtbot, dialog: ImportDialog, monkeypatch, *paths: Path) -> None:
    names = [str(p) for p in paths]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (names, ""))
    click(qtbot, dialog.add_files_button)


def replace_files(qtbot, dialog: ImportDialog, monkeypatch, *paths: Path) -> None:
    """Every file listed removed, then ``paths`` added."""
    dialog.files.selectAll()
    click(qtbot, dialog.remove_button)
    add_files(qtbot, dialog, monkeypatch, *paths)


def previewed(qtbot, dialog: ImportDialog) -> None:
    """Wait for the preview of the current choices (or its refusal)."""
    qtbot.waitUntil(lambda: dialog.plan is not None or bool(dialog.problem.text()), timeout=10000)


class PausedImport:
    """The dialog's next import stops inside its transaction after its first batch (a file of
    more than 2,000 documents has more), until the test lets it go on (``go_on``) or the job
    is cancelled (its progress raises then; asked every 10 ms), 30 s at most; then it fails
    with ``fail`` if given, or goes on to its end."""

    def __init__(self, monkeypatch, fail: str | None = None) -> None:
        self.inside = threading.Event()
        self.go_on = threading.Event()
        real = import_dialog.write_plan

        def paused(project, plan, options, progress):
            def report(done: int, total: int | None) -> None:
                progress(done, total)  # raises Cancelled once the job is cancelled
                if done and not self.inside.is_set():
                    self.inside.set()
                    for _ in range(3000):
                        if self.go_on.wait(0.01):
                            break
                        progress(done, total)
                    if fail is not None:
                        raise AnnotatorError(fail)

            return real(project, plan, options, report)

        monkeypatch.setattr(import_dialog, "write_plan", paused)

    def start(self, qtbot, window: MainWindow, monkeypatch, source: Path) -> ImportDialog:
        """File > Import of ``source``, previewed, Import clicked; returns once the import
        has written its first batch and stopped."""
        dialog = open_import(qtbot, window)
        add_files(qtbot, dialog, monkeypatch, source)
        previewed(qtbot, dialog)
        click(qtbot, dialog.import_button)
        qtbot.waitUntil(self.inside.is_set, timeout=10000)
        return dialog


def closed(qtbot, window: MainWindow) -> None:
    """The dialog is gone (it deletes itself on closing)."""
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is None, timeout=10000)


def rows(model: MappingTableModel) -> dict[tuple[str, str], tuple[str, str]]:
    out = {}
    for row in range(model.rowCount()):
        cell = [model.index(row, c).data() for c in range(model.columnCount())]
        out[(cell[0], cell[1])] = (cell[3], cell[4])
    return out


def edit_target(qtbot, dialog: ImportDialog, kind: str, peer: str, ours: str) -> None:
    """Click the row's "Becomes" cell, F2, type the new name, Return."""
    model = dialog.model
    index = model.index(model.row_of(kind, peer), MappingTableModel.COL_OURS)
    dialog.table.scrollTo(index)
    rect = dialog.table.visualRect(index)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, ours)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()


def test_a_jsonl_file_is_previewed_then_imported(qtbot, window, tmp_path, monkeypatch) -> None:
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    dialog = open_import(qtbot, window)
    assert not dialog.import_button.isEnabled()
    add_files(qtbot, dialog, monkeypatch, source)
    previewed(qtbot, dialog)
    assert dialog.summary.text() == "jsonl: 1 document, 1 layer (bob), 1 span, 0 relations"
    assert rows(dialog.model) == {("label", "SPEAKER"): ("SPEAKER", "same name")}
    assert window.documents.model.rowCount() == 1  # nothing written by the preview
    click(qtbot, dialog.import_button)
    closed(qtbot, window)
    assert window.documents.model.rowCount() == 2
    assert "1 document added" in window.statusBar().currentMessage()


def test_a_job_that_ends_at_once_still_gives_its_preview_and_its_import(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    """A small file's job may end before the dialog's next step: its answers still arrive
    (the dialog listens before the job starts)."""
    # The job's work run to its end inside start(), as a fast thread may do.
    monkeypatch.setattr(TransferJob, "start", lambda job: job.run())
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    dialog = open_import(qtbot, window)
    add_files(qtbot, dialog, monkeypatch, source)
    previewed(qtbot, dialog)
    assert dialog.summary.text() == "jsonl: 1 document, 1 layer (bob), 1 span, 0 relations"
    click(qtbot, dialog.import_button)
    closed(qtbot, window)
    assert window.documents.model.rowCount() == 2


def test_a_bad_file_is_refused_in_the_preview_and_changes_nothing(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "x"\n', encoding="utf-8")
    before = snapshot(window.session.project)
    dialog = open_import(qtbot, window)
    add_files(qtbot, dialog, monkeypatch, source)
    previewed(qtbot, dialog)
    assert "line 1: not valid JSON" in dialog.problem.text()
    assert not dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    closed(qtbot, window)
    assert snapshot(window.session.project) == before


def test_peer_labels_are_mapped_in_the_table_or_added(qtbot, window, monkeypatch) -> None:
    dialog = open_import(qtbot, window)
    folder = str(DATA / "brat" / "news")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: folder)
    click(qtbot, dialog.add_folder_button)
    previewed(qtbot, dialog)
    assert dialog.summary.text().startswith("brat: 2 documents, 1 layer (brat), 10 spans")
    assert dialog.format.currentText() == "Detect from the content: brat"
    pick(qtbot, dialog.format, "citron")  # the wrong format, by choice: the reader says why
    previewed(qtbot, dialog)
    assert dialog.problem.text().endswith("news: the folder holds no CITRON .json files")
    assert not dialog.import_button.isEnabled()
    pick(qtbot, dialog.format, "Detect from the content")
    previewed(qtbot, dialog)
    found = rows(dialog.model)
    assert found[("label", "Person")] == ("—", "maps to nothing")
    assert found[("label", "Quote")] == ("QUOTE", "same name, other case")
    assert "map to nothing" in dialog.problem.text()
    assert not dialog.import_button.isEnabled()

    # The editor completes the schema's names as one types: "spea" + Return is SPEAKER.
    edit_target(qtbot, dialog, "label", "Person", "spea")
    previewed(qtbot, dialog)
    assert rows(dialog.model)[("label", "Person")] == ("SPEAKER", "your mapping")
    assert not dialog.import_button.isEnabled()  # Title, Statement, ... still map to nothing

    click(qtbot, dialog.add_labels)
    previewed(qtbot, dialog)
    assert rows(dialog.model)[("label", "Title")] == ("Title", "added to the schema")
    assert "Added to the schema: labels Title, Statement" in dialog.notes.text()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.project_requested, timeout=10000):
        click(qtbot, dialog.import_button)
    project = window.session.project
    assert project.schema.label("Title") is not None
    speakers = [s for s in project.spans.in_set("peskov", "brat") if s.label == "SPEAKER"]
    text = project.documents.get("peskov").text
    assert sorted(text[s.start : s.end] for s in speakers) == ["Dmitry Peskov", "Zelensky", "he"]


def test_cancel_during_the_import_imports_nothing(qtbot, window, tmp_path, monkeypatch) -> None:
    rows_ = "".join(f"d{i},Text number {i}.\n" for i in range(5000))
    table = tmp_path / "many.csv"
    table.write_text("id,text\n" + rows_, encoding="utf-8")
    before = snapshot(window.session.project)
    # Hold the import at its first progress report until Cancel has been clicked, so the
    # cancel lands mid-import every time (the next report, after a batch, sees it).
    clicked = threading.Event()
    real = import_dialog.write_plan

    def held(project, plan, options, progress):
        def report(done: int, total: int | None) -> None:
            progress(done, total)
            clicked.wait(10)

        return real(project, plan, options, report)

    monkeypatch.setattr(import_dialog, "write_plan", held)
    dialog = open_import(qtbot, window)
    add_files(qtbot, dialog, monkeypatch, table)
    previewed(qtbot, dialog)
    assert dialog.summary.text().startswith("csv: 5000 documents")
    click(qtbot, dialog.import_button)
    assert dialog.progress.isVisible() and not dialog.add_files_button.isEnabled()
    click(qtbot, dialog.cancel_button)
    clicked.set()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.problem.text(), timeout=10000)
    assert dialog.problem.text() == "Cancelled: nothing was imported."
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    # The job says it was cancelled, then that it ended (which releases the project): the
    # two signals may be handled apart.
    qtbot.waitUntil(lambda: not window.session.hold.busy, timeout=10000)
    after = snapshot(window.session.project)
    # The active time counted while the import ran is stored when it ends (it waited).
    assert after.pop("active_time") != [] and before.pop("active_time") == []
    assert after == before
    assert window.session.project.documents.count() == 1
    click(qtbot, dialog.cancel_button)
    closed(qtbot, window)


def test_a_mapping_is_saved_and_loaded_as_the_command_line_reads_it(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    """Map a peer name in the table, Save Mapping: the file is what ``--mapping`` takes; a new
    dialog that loads it maps the same names without typing."""
    folder = str(DATA / "brat" / "news")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: folder)
    dialog = open_import(qtbot, window)
    click(qtbot, dialog.add_folder_button)
    previewed(qtbot, dialog)
    edit_target(qtbot, dialog, "label", "Person", "SPEAKER")
    previewed(qtbot, dialog)
    saved = tmp_path / "brat-news"  # no suffix typed: saved as .toml
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    click(qtbot, dialog.save_mapping_button)
    written = tmp_path / "brat-news.toml"
    assert load_mapping(written).labels["Person"] == "SPEAKER"
    assert load_mapping(written).labels["Quote"] == "QUOTE"  # matched by name, said outright
    assert "Title" not in load_mapping(written).labels  # maps to nothing: left to decide
    assert "saved to brat-news.toml" in dialog.mapping_source.text()
    click(qtbot, dialog.cancel_button)
    closed(qtbot, window)

    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    again = open_import(qtbot, window)
    click(qtbot, again.add_folder_button)
    previewed(qtbot, again)
    assert rows(again.model)[("label", "Person")] == ("—", "maps to nothing")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(written), ""))
    click(qtbot, again.load_mapping_button)
    previewed(qtbot, again)
    assert rows(again.model)[("label", "Person")] == ("SPEAKER", "your mapping")
    assert "brat-news.toml" in again.mapping_source.text()


def test_a_bad_mapping_file_is_said_in_one_sentence(qtbot, window, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Person SPEAKER\n", encoding="utf-8")
    dialog = open_import(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    click(qtbot, dialog.load_mapping_button)
    assert dialog.problem.text() == f'{bad}, line 1: "Person SPEAKER" is not PEER=OURS'
    assert dialog.mapping_source.text() == ""


def test_the_text_column_is_asked_for_where_csv_or_label_studio_is_read(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    """The text column (CSV) or data field (Label Studio): shown for those formats, chosen
    or found by the preview, failed or not (the column may be what failed); hidden for the
    others."""
    dialog = open_import(qtbot, window)
    field = dialog.text_column
    assert not field.isVisible()  # no files yet, the format to be detected
    for fmt, shown in (("csv", True), ("jsonl", False), ("label-studio", True), ("brat", False)):
        pick(qtbot, dialog.format, fmt)
        assert field.isVisible() is shown, fmt
    pick(qtbot, dialog.format, import_dialog.DETECT)

    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(json.dumps({**LINE, "annotator": None}) + "\n", encoding="utf-8")
    add_files(qtbot, dialog, monkeypatch, jsonl)
    previewed(qtbot, dialog)
    assert 'needs "annotator"' in dialog.problem.text()
    assert not field.isVisible()  # a JSONL file failed: the field would not put it right
    jsonl.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    replace_files(qtbot, dialog, monkeypatch, jsonl)
    previewed(qtbot, dialog)
    assert dialog.plan is not None
    assert not field.isVisible()

    table = tmp_path / "articles.csv"
    table.write_text("id,body\na1,Peskov said no.\n", encoding="utf-8")
    replace_files(qtbot, dialog, monkeypatch, table)
    previewed(qtbot, dialog)
    assert dialog.problem.text().endswith('no column "text" (the columns are id, body)')
    assert field.isVisible()  # to put it right:
    field.selectAll()
    qtbot.keyClicks(field, "body")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the field's editing is finished: previewed
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.summary.text().startswith("csv: 1 document")
    assert field.isVisible()
