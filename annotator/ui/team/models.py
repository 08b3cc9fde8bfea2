"""Table models of the Team view: one row per annotator, and one per document's assignment."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from annotator.model import AnnotatorName, DocumentId
from annotator.transfer.team_progress import AnnotatorProgress
from annotator.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
R = TypeVar("R")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def duration(seconds: float | None) -> str:
    """1:05:09, 4:07 or -, as a person reads a duration."""
    if seconds is None:
        return "-"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over a list of rows, its columns named by ``HEADERS``; subclasses say
    what a cell shows (``cells``) and which columns are edited."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("Headers", self.HEADERS[section])
        return None

    def cells(self, row: R) -> tuple[object, ...]:
        raise NotImplementedError


class TeamTableModel(RowTableModel[AnnotatorProgress]):
    COL_NAME, COL_ASSIGNED, COL_DONE, COL_SKIPPED, COL_OPEN, COL_TIME, COL_MEDIAN, COL_F1 = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Annotator"),
        QT_TRANSLATE_NOOP("Headers", "Assigned"),
        QT_TRANSLATE_NOOP("Headers", "Done"),
        QT_TRANSLATE_NOOP("Headers", "Skipped"),
        QT_TRANSLATE_NOOP("Headers", "In progress"),
        QT_TRANSLATE_NOOP("Headers", "Active time"),
        QT_TRANSLATE_NOOP("Headers", "Per done document"),
        QT_TRANSLATE_NOOP("Headers", "Agreement (F1)"),
    )

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_NAME:
            return _RIGHT
        if role != _DISPLAY:
            return None
        return self.cells(self._rows[index.row()])[column]

    def cells(self, row: AnnotatorProgress) -> tuple[object, ...]:
        return (
            row.name,
            row.assigned,
            row.done,
            row.skipped,
            row.in_progress,
            duration(row.active_seconds),
            duration(row.median_seconds),
            f"{row.agreement_f1:.2f}" if row.agreement_f1 is not None else "-",
        )


Assignment = tuple[DocumentId, str, list[AnnotatorName]]


class AssignmentTableModel(RowTableModel[Assignment]):
    """Every document and who is assigned it; the last column is edited as "alice, bob"."""

    COL_DOCUMENT, COL_TITLE, COL_ASSIGNED = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Document"),
        QT_TRANSLATE_NOOP("Headers", "Title"),
        QT_TRANSLATE_NOOP("Headers", "Assigned to"),
    )
    #: The user typed new annotators for a document: (document id, names).
    assignees_edited = Signal(str, list)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.COL_ASSIGNED:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.EditRole):
            return None
        return self.cells(self._rows[index.row()])[index.column()]

    def cells(self, row: Assignment) -> tuple[object, ...]:
        document, title, names = row
        return (document, title, ", ".join(names))

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.COL_ASSIGNED:
            return False
        names = sorted({n.strip() for n in str(value).split(",") if n.strip()})
        document = self._rows[index.row()][0]
        if names == self._rows[index.row()][2]:
            return False
        # The view pushes the edit and reloads; the row shows what the project then holds.
        self.assignees_edited.emit(document, names)
        return True

    def row_of(self, document: str) -> int:
        for row, (found, _, _) in enumerate(self._rows):
            if found == document:
                return row
        return -1
