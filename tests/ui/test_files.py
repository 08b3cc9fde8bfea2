"""File menu: export and merge from the window, with the project reloaded after (import has its
own dialog: test_import_dialog.py)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton

from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer import merging
from annotator.transfer.importing import import_paths
from annotator.ui.dialogs.export_dialog import ExportDialog

LINE = {
    "id": "extra",
    "title": "Extra",
    "text": "Putin said no.",
    "annotator": "bob",
    "status": "done",
    "spans": [{"id": "T1", "start": 0, "end": 5, "label": "SPEAKER"}],
}


def test_export_from_the_file_menu(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window.commands.export_files.trigger()
    dialog = window.findChild(ExportDialog)
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Exported jsonl" in window.statusBar().currentMessage())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line.get("id") for line in lines] == ["000_80cf35cee6cee056"]


def test_merge_from_the_file_menu(window, tmp_path: Path, schema: Schema, monkeypatch) -> None:
    other = tmp_path / "bob.db"
    source = tmp_path / "bob.jsonl"
    source.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    with Project.create(other, schema) as copy:
        import_paths(copy, [source])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(other)], ""))
    window.commands.merge_projects.trigger()
    assert window.documents.model.rowCount() == 2
    assert "1 annotation set added" in window.statusBar().currentMessage()
    assert [s.label for s in window.session.project.spans.in_set("extra", "bob")] == ["SPEAKER"]


def test_cancel_during_a_merge_from_the_file_menu_merges_nothing(
    qtbot, window, tmp_path: Path, schema: Schema, monkeypatch
) -> None:
    other = tmp_path / "bob.db"
    source = tmp_path / "bob.jsonl"
    lines = [{**LINE, "id": f"extra{i}"} for i in range(3)]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Project.create(other, schema) as copy:
        import_paths(copy, [source])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(other)], ""))
    # The person presses Cancel once the merge has read documents (inside its transaction).
    real = merging.merge_projects  # looked up by File > Merge when it runs
    pressed: list[bool] = []

    def merge_then_cancel(project, paths, progress):
        def report(done: int, total: int | None) -> None:
            if done and not pressed:
                dialog = window.findChild(QProgressDialog)
                assert dialog is not None, "the merge shows a progress dialog"
                dialog.show()
                qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
                pressed.append(True)
            progress(done, total)

        return real(project, paths, report)

    monkeypatch.setattr(merging, "merge_projects", merge_then_cancel)
    window.commands.merge_projects.trigger()
    assert pressed
    assert window.statusBar().currentMessage() == "Cancelled: nothing was merged."
    assert window.documents.model.rowCount() == 1
    assert window.session.project.documents.count() == 1
    assert window.session.project.spans.in_set("extra0", "bob") == []
    assert (
        window.findChild(QProgressDialog) is None
        or not window.findChild(QProgressDialog).isVisible()
    )
