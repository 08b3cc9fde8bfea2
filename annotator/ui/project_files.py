"""File menu work: new, open, import, export, recent projects, and the annotator's name."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from annotator.errors import AnnotatorError
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.transfer.atomic import atomic_output
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import create_project, import_paths
from annotator.ui.session import Session

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RECENT_KEY = "files/recent"
ANNOTATOR_KEY = "identity/annotator"
MAX_RECENT = 10
PROJECT_FILTER = "Annotator projects (*.db *.annotator);;All files (*)"


def remember_recent(path: Path) -> None:
    settings = QSettings()
    recent = [str(path.resolve())] + [p for p in recent_projects() if p != str(path.resolve())]
    settings.setValue(RECENT_KEY, recent[:MAX_RECENT])


def recent_projects() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    paths = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [p for p in paths if Path(p).is_file()]


def stored_annotator() -> str | None:
    value = QSettings().value(ANNOTATOR_KEY)
    return str(value) if value else None


def ask_annotator(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask who is annotating (once, at first start); the login name is the default."""
    name, ok = QInputDialog.getText(
        parent,
        "Who is annotating?",
        "Your annotator name (your annotations are stored under it):",
        text=current or getpass.getuser(),
    )
    name = name.strip()
    if not ok or not name:
        return None
    QSettings().setValue(ANNOTATOR_KEY, name)
    return name


class ProjectFiles:
    def __init__(self, window: MainWindow, session: Session) -> None:
        self.window = window
        self.session = session

    def recent(self) -> list[str]:
        return recent_projects()

    def _fail(self, message: str) -> None:
        QMessageBox.warning(self.window, "Annotator", message)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, "New project", "", PROJECT_FILTER)
        if not path:
            return
        try:
            create_project(Path(path), load_schema(default_schema_path())).close()
        except AnnotatorError as exc:
            self._fail(str(exc))
            return
        self.window.project_requested.emit(Path(path))

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open project", "", PROJECT_FILTER)
        if path:
            self.window.project_requested.emit(Path(path))

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import", "", "Texts and JSONL (*.txt *.jsonl *.ndjson);;All files (*)"
        )
        if not paths:
            return
        try:
            report = import_paths(self.session.project, [Path(p) for p in paths])
        except AnnotatorError as exc:
            self._fail(f"Nothing was imported.\n\n{exc}")
            return
        self.window.reload_documents()
        self.window.statusBar().showMessage(report.summary(), 8000)

    def export_jsonl(self) -> None:
        default = str(self.session.project.path.with_suffix(".jsonl"))
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export JSONL", default, "JSONL (*.jsonl)"
        )
        if not path:
            return
        try:
            with atomic_output(Path(path)) as handle:
                lines = export_jsonl(self.session.project, handle)
        except (AnnotatorError, OSError) as exc:
            self._fail(f"The export failed: {exc}")
            return
        self.window.statusBar().showMessage(f"Exported {lines} lines to {path}", 8000)

    def merge_projects(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Merge other annotators' copies", "", PROJECT_FILTER
        )
        if not paths:
            return
        from annotator.transfer.merging import merge_projects

        try:
            report = merge_projects(self.session.project, [Path(p) for p in paths])
        except AnnotatorError as exc:
            self._fail(f"Nothing was merged.\n\n{exc}")
            return
        self.window.reload_documents()
        if self.session.document is not None:
            self.window.open_document(self.session.document.id)
        conflicts = report.conflict_lines()
        if conflicts:
            listed = "\n".join(conflicts[:20])
            more = f"\n… and {len(conflicts) - 20} more" if len(conflicts) > 20 else ""
            QMessageBox.information(
                self.window,
                "Merged, with conflicts",
                f"{report.summary()}\n\nKept this project's version for:\n{listed}{more}",
            )
        self.window.statusBar().showMessage(report.summary(), 10000)

    def change_annotator(self) -> None:
        name = ask_annotator(self.window, self.session.annotator)
        if name and name != self.session.annotator:
            self.window.annotator_requested.emit(name)
