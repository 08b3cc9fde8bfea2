"""The document list: titles with status icons, a filter box and "12 / 40 done" progress."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLineEdit, QListView, QProgressBar, QVBoxLayout, QWidget

from annotator.model import DocumentId, Status
from annotator.store.documents import DocumentSummary
from annotator.ui.icons import status_icon

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentListModel(QAbstractListModel):
    """One row per document, in import order."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DocumentSummary] = []
        self._statuses: dict[DocumentId, Status] = {}

    def set_rows(self, rows: list[DocumentSummary], statuses: dict[DocumentId, Status]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._statuses = statuses
        self.endResetModel()

    def set_status(self, document: DocumentId, status: Status) -> None:
        self._statuses[document] = status
        for row, summary in enumerate(self._rows):
            if summary.id == document:
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def status(self, document: DocumentId) -> Status:
        return self._statuses.get(document, Status.TODO)

    def row_of(self, document: DocumentId) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == document), -1)

    def ids(self) -> list[DocumentId]:
        return [s.id for s in self._rows]

    def done_count(self) -> int:
        return sum(1 for s in self._rows if self.status(s.id) == Status.DONE)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        status = self.status(summary.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title or summary.id
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{summary.id} · {status.value.replace('_', ' ')} · {summary.length:,} characters"
            )
        if role == ID_ROLE:
            return summary.id
        return None


class DocumentPanel(QWidget):
    """The left pane: filter, list and progress."""

    document_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(placeholderText="Filter documents")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter documents")
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Documents")
        self.view.setUniformItemSizes(True)
        self.view.activated.connect(self._chosen)
        self.view.clicked.connect(self._chosen)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Documents done")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)

    def set_documents(
        self, rows: list[DocumentSummary], statuses: dict[DocumentId, Status]
    ) -> None:
        self.model.set_rows(rows, statuses)
        self.update_progress()

    def set_status(self, document: DocumentId, status: Status) -> None:
        self.model.set_status(document, status)
        self.update_progress()

    def update_progress(self) -> None:
        total = self.model.rowCount()
        done = self.model.done_count()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} / {total} done")

    def select(self, document: DocumentId) -> None:
        row = self.model.row_of(document)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _chosen(self, index: QModelIndex) -> None:
        document = self.proxy.data(index, ID_ROLE)
        if document:
            self.document_chosen.emit(document)
