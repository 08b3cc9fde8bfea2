"""File > Merge of another copy, cancelled once something has been done while the copy's rows
are in the merge's transaction: what the window does meanwhile is what the tests look at."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

import annotator.ui.dialogs.import_dialog as import_dialog
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer import merging
from annotator.transfer.importing import import_paths
from annotator.ui.main_window import MainWindow


def copy_with(path: Path, schema: Schema, lines: list[dict[str, Any]]) -> Path:
    """A project at ``path`` holding the JSONL ``lines``."""
    source = path.with_suffix(".jsonl")
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Project.create(path, schema) as copy:
        import_paths(copy, [source])
    return path


def merge_cancelled_midway(
    qtbot: Any,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    copy: Path,
    midway: Callable[[], object],
) -> None:
    """Merge ``copy`` by File > Merge; at the merge's first progress (its progress dialog lets
    the event loop run) call ``midway``, then click Cancel."""
    monkeypatch.setattr(
        import_dialog.QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(copy)], "")
    )
    real = merging.merge_projects
    called: list[bool] = []

    def merge_then_cancel(project, paths, progress):  # type: ignore[no-untyped-def]
        def report(done: int, total: int | None) -> None:
            if done and not called:
                called.append(True)
                midway()
                dialog = window.findChild(QProgressDialog)
                dialog.show()
                qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            progress(done, total)

        return real(project, paths, report)

    monkeypatch.setattr(merging, "merge_projects", merge_then_cancel)
    window.commands.merge_projects.trigger()
    assert called
    assert window.statusBar().currentMessage() == "Cancelled: nothing was merged."
