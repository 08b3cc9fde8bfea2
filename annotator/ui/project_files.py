"""File menu work: new, open, import, export, merge, and the annotator's name."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from annotator.errors import AnnotatorError
from annotator.ui.messages import LONG, Messages
from annotator.ui.session import Session
from annotator.ui.settings import store_annotator
from annotator.ui.translation import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from annotator.transfer.peer_import import FilesImportReport

PROJECT_FILTER = QT_TRANSLATE_NOOP(
    "ProjectFiles", "Annotator projects (*.db *.annotator);;All files (*)"
)


def ask_annotator(parent: QWidget | None, current: str | None = None) -> str | None:
    """Ask who is annotating (once, at first start); the login name is the default."""
    import getpass  # here: asked once per user, and getpass imports termios

    name, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("ProjectFiles", "Who is annotating?"),
        QCoreApplication.translate(
            "ProjectFiles", "Your annotator name (your annotations are stored under it):"
        ),
        text=current or getpass.getuser(),
    )
    name = name.strip()
    if not ok or not name:
        return None
    store_annotator(name)
    return name


class ProjectFiles(QObject):
    """The File menu's commands over ``session``; the window reacts to what they announce."""

    #: Another project should replace this one (the application shell does it).
    project_requested = Signal(object)  # Path
    #: Reopen this project as another annotator.
    annotator_requested = Signal(str)
    #: Documents, layers or registries came in: lists and the open document must reload.
    documents_changed = Signal()
    #: Replace this project by the backup at this path (the application shell does it).
    restore_requested = Signal(object)

    def __init__(self, session: Session, parent: QWidget, messages: Messages) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.messages = messages

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("New project"), "", self.tr(PROJECT_FILTER)
        )
        if not path:
            return
        # Each action's machinery is imported on its first use, not at start-up.
        from annotator.model.schema import load_schema
        from annotator.paths import default_schema_path
        from annotator.transfer.importing import create_project

        try:
            create_project(Path(path), load_schema(default_schema_path())).close()
        except AnnotatorError as exc:
            self.messages.warn(str(exc))
            return
        self.project_requested.emit(Path(path))

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Open project"), "", self.tr(PROJECT_FILTER)
        )
        if path:
            self.project_requested.emit(Path(path))

    def import_files(self) -> None:
        """File > Import: the dialog previews, then imports in the background."""
        # Imported here, not at start-up: the formats cost a third of the window's imports.
        from annotator.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        dialog.open()

    def _imported(self, report: FilesImportReport) -> None:
        lines = report.lines()
        self.messages.status(lines[0], LONG)
        if report.added:
            # The schema changed: reopen the project so labels, keys and panels know it.
            self.project_requested.emit(self.session.project.path)
        else:
            self.documents_changed.emit()

    def export_files(self) -> None:
        """File > Export: the dialog, then the export in a worker with progress and Cancel."""
        # Imported here, not at start-up (see import_files).
        from annotator.transfer.export_preview import ReaderPreviewer
        from annotator.ui.dialogs.export_dialog import ExportDialog
        from annotator.ui.dialogs.export_worker import ExportRun

        project = self.session.project
        # Previews run in a worker: on a read-only connection of their own, not the window's.
        previewer = ReaderPreviewer(project.path)
        dialog = ExportDialog(
            project.path,
            project.annotators(),
            self.session.annotator,
            self.parent_widget,
            preview=previewer.lines,
            release=previewer.close,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(
            lambda request: ExportRun(
                project.path, request, self.parent_widget, self.messages
            ).start()
        )
        dialog.open()

    def merge_projects(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            self.tr("Merge other annotators' copies"),
            "",
            self.tr(PROJECT_FILTER),
        )
        if not paths:
            return
        from annotator.transfer.merging import merge_projects
        from annotator.ui.team.long_work import run_with_progress

        chosen = [Path(p) for p in paths]
        try:
            # The Team view's progress dialog: Cancel rolls the whole merge back.
            with self.session.hold.held() as project:
                report, cancelled = run_with_progress(
                    self.parent_widget,
                    self.tr("Merging…"),
                    lambda p: merge_projects(project, chosen, p),
                )
        except AnnotatorError as exc:
            self.messages.warn(self.tr("Nothing was merged.\n\n{exc}").format(exc=exc))
            return
        if cancelled or report is None:
            self.messages.status(self.tr("Cancelled: nothing was merged."), LONG)
            return
        self.documents_changed.emit()
        conflicts = report.conflict_lines()
        if conflicts:
            listed = "\n".join(conflicts[:20])
            more = f"\n… and {len(conflicts) - 20} more" if len(conflicts) > 20 else ""
            self.messages.inform(
                self.tr("Merged, with conflicts"),
                self.tr("{0}\n\nKept this project's version for:\n{listed}{more}").format(
                    report.summary(), listed=listed, more=more
                ),
            )
        self.messages.status(report.summary(), LONG)

    def backups(self) -> None:
        """File > Backups: not blocking, so the window stays responsive behind it."""
        from annotator.ui.dialogs.backups import BackupsDialog

        dialog = BackupsDialog(self.session, self.messages.confirm, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()

    def change_annotator(self) -> None:
        name = ask_annotator(self.parent_widget, self.session.annotator)
        if name and name != self.session.annotator:
            self.annotator_requested.emit(name)
