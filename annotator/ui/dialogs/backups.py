"""File > Backups: the project's backups (time, reason, size); back up now, show the folder,
and restore one, which the application shell does by closing and reopening the project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.store.backup import BackupInfo, backups_dir, list_backups
from annotator.store.filesystem import human_size
from annotator.ui.session import Session
from annotator.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

#: Why a backup was taken, as the table says it.
REASONS = {
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "By hand"),
    "auto": QT_TRANSLATE_NOOP("BackupsDialog", "Every half hour"),
    "close": QT_TRANSLATE_NOOP("BackupsDialog", "On closing"),
    "import": QT_TRANSLATE_NOOP("BackupsDialog", "Before an import"),
    "merge": QT_TRANSLATE_NOOP("BackupsDialog", "Before a merge"),
    "migrate": QT_TRANSLATE_NOOP("BackupsDialog", "Before an upgrade"),
    "restore": QT_TRANSLATE_NOOP("BackupsDialog", "Before a restore"),
}
HINT = QT_TRANSLATE_NOOP(
    "BackupsDialog",
    "Restoring replaces the project by the backup; the current file is kept beside it.",
)
NONE_YET = QT_TRANSLATE_NOOP(
    "BackupsDialog",
    "No backups yet. One is taken on closing after changes, every half hour while you work, "
    "and before imports, merges and upgrades.",
)


class BackupTableModel(QAbstractTableModel):
    COL_TIME, COL_REASON, COL_SIZE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Time"),
        QT_TRANSLATE_NOOP("Headers", "Reason"),
        QT_TRANSLATE_NOOP("Headers", "Size"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        backup = self.backup_at(index.row()) if index.isValid() else None
        if backup is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_TIME:
                return f"{backup.created:%Y-%m-%d %H:%M:%S}"
            if index.column() == self.COL_REASON:
                return QCoreApplication.translate(
                    "BackupsDialog", REASONS.get(backup.reason, backup.reason)
                )
            if index.column() == self.COL_SIZE:
                return human_size(backup.bytes)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("Headers", self.HEADERS[section])
        return None


class BackupsDialog(QDialog):
    """Lists the open project's backups; restoring is asked for, then left to the shell."""

    #: Replace the project by this backup (a Path); the dialog has closed.
    restore_requested = Signal(object)

    def __init__(
        self, session: Session, confirm: Callable[[str, str], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.confirm = confirm
        self.setWindowTitle(self.tr("Backups — {0}").format(session.project.path.name))
        self.resize(640, 420)
        self.model = BackupTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            BackupTableModel.COL_REASON, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(self.restore_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        back_up = QPushButton(self.tr("Back up now"))
        back_up.clicked.connect(self.back_up_now)
        show_folder = QPushButton(self.tr("Show folder"))
        show_folder.clicked.connect(self.show_folder)
        row = QHBoxLayout()
        for widget in (self.restore_button, back_up, show_folder):
            row.addWidget(widget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_backups(self.session.project.path))
        self.table.resizeColumnToContents(BackupTableModel.COL_TIME)
        self.message.setText(self.tr(HINT) if self.model.rowCount() else self.tr(NONE_YET))
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        try:
            # Not while a job holds the project (a merge from the Team view): the copy would
            # be of the last commit, and the job's commit is moments away.
            self.session.hold.refuse_if_busy()
            made = self.session.project.backup("manual")
        except AnnotatorError as exc:
            self.message.setText(self.tr("The backup failed: {exc}").format(exc=exc))
            return
        self.refresh()
        self.table.selectRow(0)
        self.message.setText(self.tr("Backed up as {0}.").format(made.name))

    def show_folder(self) -> None:
        folder = backups_dir(self.session.project.path)
        folder.mkdir(exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        project = self.session.project.path
        question = self.tr(
            "Replace {0} by the backup of {1:%Y-%m-%d %H:%M:%S}?\n\nThe project closes and "
            "reopens on the backup. The current file is kept beside it as "
            "{2}.replaced-<time>.db, and edits made since the backup are only in that replaced "
            "file."
        ).format(project.name, backup.created, project.name)
        if not self.confirm(self.tr("Restore backup"), question):
            return
        self.accept()
        self.restore_requested.emit(Path(backup.path))
