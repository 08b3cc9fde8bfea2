"""The Team view: the lead's table of progress, assignments, and packs out and back in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.edits import Change
from annotator.edits.assignment import SetAssignees
from annotator.errors import AnnotatorError
from annotator.model import DocumentId
from annotator.model.progress import Progress
from annotator.store.catalogue import DocumentQuery
from annotator.store.project import Project
from annotator.transfer.merging import MergeReport, merge_projects
from annotator.transfer.packing import PackReport, write_all_packs
from annotator.transfer.team_progress import team_progress
from annotator.ui.counts import counted
from annotator.ui.dialogs.assign import AssignDialog
from annotator.ui.session import Session
from annotator.ui.team.long_work import run_with_progress
from annotator.ui.team.models import AssignmentTableModel, RowTableModel, TeamTableModel
from annotator.ui.translation import QT_TRANSLATE_NOOP

PACK_FILTER = QT_TRANSLATE_NOOP("TeamView", "Packs and projects (*.db *.annotator);;All files (*)")
C = TypeVar("C")
T = TypeVar("T")


class TeamView(QWidget):
    #: Packs were merged: documents, layers or registries may be new to the main window.
    documents_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Team — {0}").format(session.project.path.name))
        #: Where packs go and which packs to merge; tests answer these instead of a person.
        self.choose_folder: Callable[[], Path | None] = self._ask_folder
        self.choose_packs: Callable[[], list[Path]] = self._ask_packs
        self.summary = QLabel()
        self.team_model = TeamTableModel()
        self.team_table = _table(self.team_model, self.tr("Progress per annotator"))
        self.assign_button = QPushButton(self.tr("&Assign…"))
        self.pack_button = QPushButton(self.tr("&Pack All…"))
        self.merge_button = QPushButton(self.tr("&Merge Packs…"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.assignment_model = AssignmentTableModel()
        self.assignment_table = _table(self.assignment_model, self.tr("Assignments per document"))
        self.assignment_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # Contents-sized columns would read every row of a large corpus: fixed widths.
        self.assignment_table.setColumnWidth(AssignmentTableModel.COL_DOCUMENT, 160)
        self.assignment_table.setColumnWidth(AssignmentTableModel.COL_TITLE, 380)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.assign_dialog: AssignDialog | None = None
        buttons = QHBoxLayout()
        for button in (self.assign_button, self.pack_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.team_table, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Assignments (edit a row as: alice, bob):")))
        layout.addWidget(self.assignment_table, 2)
        layout.addWidget(self.status)
        self.assign_button.clicked.connect(self.open_assign_dialog)
        self.pack_button.clicked.connect(self.pack_all)
        self.merge_button.clicked.connect(self.merge_packs)
        self.refresh_button.clicked.connect(self.refresh)
        # Queued: the edit reloads the table, which must not happen while its editor is still
        # committing (the reset would delete the editor under the view).
        self.assignment_model.assignees_edited.connect(
            self._assignees_edited, Qt.ConnectionType.QueuedConnection
        )
        session.changed.connect(self._changed)
        # Assigning is an edit like any other: undone here too, on the window's one stack.
        stack = session.undo_stack
        QShortcut(QKeySequence.StandardKey.Undo, self, stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, stack.redo)
        self.refresh()

    def refresh(self) -> None:
        project = self.session.project
        progress = team_progress(project)
        self.team_model.set_rows(list(progress.annotators.values()))
        documents = counted(progress.documents, self.tr("{0} document"), self.tr("{0} documents"))
        annotators = counted(
            len(progress.annotators), self.tr("{0} annotator"), self.tr("{0} annotators")
        )
        self.summary.setText(
            self.tr("{documents}, {0} shared by several annotators, {annotators} assigned").format(
                progress.overlap_documents, documents=documents, annotators=annotators
            )
        )
        assigned = project.assignments.all()
        rows = project.catalogue.rows(DocumentQuery(""), 0, project.documents.count())
        self.assignment_model.set_rows([(r.id, r.title, assigned.get(r.id, [])) for r in rows])
        self.team_table.resizeColumnsToContents()

    def _changed(self, change: Change) -> None:
        # Assignment edits (and their undo) touch no layer; annotators' edits wait for Refresh.
        if not change.annotator:
            self.refresh()

    # --- assigning ------------------------------------------------------------------------

    def open_assign_dialog(self) -> None:
        known = [str(name) for name in self.session.project.assignments.annotators()]
        dialog = AssignDialog(known, self)
        dialog.accepted.connect(lambda: self._assign(dialog))
        # Back to this view's keys (undo) once it closes, with or without a window manager.
        dialog.finished.connect(lambda _result: self.activateWindow())
        self.assign_dialog = dialog
        dialog.open()

    def _assign(self, dialog: AssignDialog) -> None:
        edit = dialog.edit()
        if self.session.push(edit):
            self.status.setText(edit.report.summary())
        else:
            self.status.setText(self.tr("Nothing was assigned (see the status bar)."))

    def _assignees_edited(self, document: str, names: list[str]) -> None:
        self.session.push(SetAssignees(DocumentId(document), names))

    # --- packs ----------------------------------------------------------------------------

    def pack_all(self) -> None:
        self._choose_and_run(
            self.choose_folder,
            write_all_packs,
            self.tr("Writing packs…"),
            (self.tr("No pack was written: {0}"), self.tr("Cancelled: no pack was written.")),
            self._packed,
        )

    def _packed(self, folder: Path, reports: list[PackReport]) -> None:
        packs = counted(len(reports), self.tr("{0} pack"), self.tr("{0} packs"))
        each = [
            self.tr("{0} ({documents})").format(
                r.annotator,
                documents=counted(r.documents, self.tr("{0} document"), self.tr("{0} documents")),
            )
            for r in reports
        ]
        self.status.setText(
            self.tr("{packs} written to {folder}: ").format(packs=packs, folder=folder)
            + ", ".join(each)
        )

    def merge_packs(self) -> None:
        self._choose_and_run(
            lambda: self.choose_packs() or None,
            merge_projects,
            self.tr("Merging packs…"),
            (self.tr("Nothing was merged: {0}"), self.tr("Cancelled: nothing was merged.")),
            self._merged,
        )

    def _merged(self, _paths: list[Path], report: MergeReport) -> None:
        conflicts = report.conflict_lines()
        listed = "".join(f"\n{line}" for line in conflicts[:10])
        self.status.setText(self.tr("Merged: {0}{listed}").format(report.summary(), listed=listed))
        self.documents_changed.emit()
        self.refresh()

    def _choose_and_run(
        self,
        choose: Callable[[], C | None],
        work: Callable[[Project, C, Progress], T],
        label: str,
        nothing: tuple[str, str],
        done: Callable[[C, T], None],
    ) -> None:
        """Packing and merging alike: choose where, run under a progress dialog with Cancel,
        then show the report, or one sentence saying that nothing happened and why
        (``nothing``: the sentence for a failure, with ``{0}`` for the reason, and the one
        for a cancel)."""
        chosen = choose()
        if chosen is None:
            return
        try:
            with self.session.hold.held() as project:
                result, cancelled = run_with_progress(
                    self, label, lambda p: work(project, chosen, p)
                )
        except AnnotatorError as exc:
            self.status.setText(nothing[0].format(exc))
            return
        if cancelled or result is None:
            self.status.setText(nothing[1])
            return
        done(chosen, result)

    def _ask_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Write one pack per annotator into")
        )
        return Path(folder) if folder else None

    def _ask_packs(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Merge packs"), "", self.tr(PACK_FILTER)
        )
        return [Path(p) for p in paths]


def _table(model: RowTableModel[Any], name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table
