"""The document list: a table (title, status, spans, last edited) of one layer's view, sortable
and filtered by words, status and annotator, with "12 / 40 done" progress.

The title gets the room: it stretches, the status is its icon (the word in its tooltip), and
the other columns are as narrow as their headers; widths the user drags are remembered.

The model reads its rows a page at a time from the store's catalogue, so a large project
does not load every document to show a list. The highlighted row is always the open
document: moving in the list opens what it lands on (after a short pause, so holding an arrow
key does not open every document on the way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model import DocumentId, Status
from annotator.store.catalogue import DocumentQuery, DocumentRow
from annotator.ui.icons import status_icon
from annotator.ui.settings import store_column_widths, stored_column_widths
from annotator.ui.translation import QT_TRANSLATE_NOOP, status_text

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_TITLE, COL_STATUS, COL_SPANS, COL_EDITED = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Title"),
    QT_TRANSLATE_NOOP("Headers", "Status"),
    QT_TRANSLATE_NOOP("Headers", "Spans"),
    QT_TRANSLATE_NOOP("Headers", "Edited"),
)
SORT_KEYS = ("title", "status", "spans", "edited")
# The columns of a fixed width (the title stretches), and where their widths are kept.
_SIZED = (COL_STATUS, COL_SPANS, COL_EDITED)
COLUMNS_KEY = "documents"
PAGE = 200
#: Pause after the last move in the list before the document under it opens.
OPEN_DELAY_MS = 150

RowSource = Callable[[DocumentQuery, int, int], list[DocumentRow]]
CountSource = Callable[[DocumentQuery], int]
#: Where a document is in a query's order (-1: not shown), counted in SQL, not by reading.
PositionSource = Callable[[DocumentQuery, DocumentId], int]
#: One document's row as a query shows it (None: hidden).
OneRowSource = Callable[[DocumentQuery, DocumentId], DocumentRow | None]
#: Sorts under which a row's place cannot change when its status, spans or edit time do.
_STABLE_SORTS = frozenset({"order", "title", "length"})


class DocumentTableModel(QAbstractTableModel):
    """Rows of the catalogue for one query, read a page at a time and kept until it changes."""

    def __init__(
        self,
        rows: RowSource,
        count: CountSource,
        query: DocumentQuery,
        position: PositionSource | None = None,
        one_row: OneRowSource | None = None,
    ) -> None:
        super().__init__()
        self._fetch = rows
        self._count = count
        self._position = position
        self._one_row = one_row
        self.query = query
        self._total = count(query)
        self._pages: dict[int, list[DocumentRow]] = {}
        self.open_document: DocumentId | None = None

    # --- data ---------------------------------------------------------------------------

    def set_query(self, query: DocumentQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._total = self._count(query)
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        """Everything may have changed (an import, a merge): read again."""
        self.set_query(self.query)

    def row(self, number: int) -> DocumentRow | None:
        if not 0 <= number < self._total:
            return None
        page = number // PAGE
        if page not in self._pages:
            self._pages[page] = self._fetch(self.query, page * PAGE, PAGE)
        found = self._pages[page]
        offset = number - page * PAGE
        return found[offset] if offset < len(found) else None

    def row_of(self, document: DocumentId) -> int:
        """Where ``document`` is in the list, or -1: counted by the store when it can, else
        found by reading pages."""
        for page, rows in self._pages.items():
            for offset, cached in enumerate(rows):
                if cached.id == document:
                    return page * PAGE + offset
        if self._position is not None:
            return self._position(self.query, document)
        for number in range(self._total):
            found = self.row(number)
            if found is not None and found.id == document:
                return number
        return -1

    def refresh_document(self, document: DocumentId) -> None:
        """One document's status or span count changed: read its row again (its page, where
        the order may move it)."""
        for page, rows in list(self._pages.items()):
            for offset, found in enumerate(rows):
                if found.id == document:
                    fresh: DocumentRow | None = None
                    if self._one_row is not None and self.query.sort in _STABLE_SORTS:
                        fresh = self._one_row(self.query, document)
                    if fresh is not None:
                        rows[offset] = fresh
                    else:
                        del self._pages[page]
                    number = page * PAGE + offset
                    self.dataChanged.emit(self.index(number, 0), self.index(number, COL_EDITED))
                    return

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("Headers", HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; column -1 is import order."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else "order"
        descending = order == Qt.SortOrder.DescendingOrder and key != "order"
        self.layoutAboutToBeChanged.emit()
        self.query = _replace(self.query, sort=key, descending=descending)
        self._pages.clear()
        self.layoutChanged.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        found = self.row(index.row())
        if found is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return found.id
        if column == COL_STATUS and role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return status_text(found.status)  # the column shows its icon: room for the title
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return found.title or found.id
            if column == COL_SPANS:
                return found.spans
            if column == COL_EDITED:
                return _when(found.edited)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STATUS:
            return status_icon(found.status)
        if role == Qt.ItemDataRole.FontRole and found.id == self.open_document:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole title too: a narrow list elides it.
            described = self.tr("{title}\n{id} · {length:,} characters").format(
                title=found.title or found.id, id=found.id, length=found.length
            )
            if found.id == self.open_document:
                described += self.tr(" · open")
            return described
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _replace(query: DocumentQuery, **changes: Any) -> DocumentQuery:
    return replace(query, **changes)


def _when(iso: str | None) -> str:
    """A last-edited time, short: the time today, the date before."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d")


class DocumentPanel(QWidget):
    """The left pane: words, status and annotator filters, the table, and progress."""

    document_chosen = Signal(str)
    #: The list now describes this annotator's layer.
    annotator_changed = Signal(str)

    def __init__(
        self,
        rows: RowSource,
        count: CountSource,
        annotator: str,
        parent: QWidget | None = None,
        position: PositionSource | None = None,
        one_row: OneRowSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = DocumentTableModel(rows, count, DocumentQuery(annotator), position, one_row)
        self.filter = QLineEdit(placeholderText=self.tr("Filter: words in the title or text"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter documents"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Show documents with status"))
        self.status.addItem(self.tr("Any status"), None)
        for status in Status:
            self.status.addItem(status_icon(status), status_text(status), status.value)
        self.annotator = QComboBox()
        self.annotator.setAccessibleName(self.tr("Status and spans of annotator"))
        self.annotator.setToolTip(self.tr("Whose status, spans and edits the list shows"))
        self.annotator.addItem(annotator)
        # The lead hands out documents (annotator assign, the Team view): an annotator's share.
        self.assigned = QCheckBox(self.tr("Assigned to me"))
        self.assigned.setToolTip(
            self.tr("Only the documents assigned to the annotator whose layer the list shows")
        )
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Documents"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        # Import order to start (no column sorted); a header click sorts by that column.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the widest text each column can show, not from its rows: a column
        # resized to its contents reads hundreds of rows (pages of SQL) after each change.
        metrics = self.view.fontMetrics()
        for column, widest, room in (
            (COL_STATUS, "", 16),  # an icon; the header (and its sort arrow) is the widest
            (COL_SPANS, "", 16),
            (COL_EDITED, "0000-00-00", 2),
        ):
            # The header as translated: "Bearbeitet" is longer than "Edited".
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(widest), metrics.horizontalAdvance(title))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + room)
        for column, width in stored_column_widths(COLUMNS_KEY).items():
            if column in _SIZED and width > 0:
                header.resizeSection(column, width)
        # Only a user's drag of a sized column is kept (the title's width follows the panel).
        header.sectionResized.connect(self._column_resized)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Documents done"))
        self._open_timer = QTimer(self, singleShot=True, interval=OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        self._counts: Callable[[str], dict[Status, int]] | None = None
        filters = QHBoxLayout()
        filters.addWidget(self.status, 1)
        filters.addWidget(self.annotator, 1)
        filters.addWidget(self.assigned)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        self.filter.textChanged.connect(lambda _: self._requery())
        self.status.currentIndexChanged.connect(lambda _: self._requery())
        self.assigned.toggled.connect(lambda _: self._requery())
        self.annotator.currentTextChanged.connect(self._annotator_chosen)
        self.view.selectionModel().currentRowChanged.connect(self._moved)
        self.view.activated.connect(lambda _: self._open_current())

    # --- what the window tells it --------------------------------------------------------

    def set_counts(self, counts: Callable[[str], dict[Status, int]]) -> None:
        self._counts = counts
        self.update_progress()

    def set_annotators(self, names: list[str], shown: str) -> None:
        self.annotator.blockSignals(True)
        self.annotator.clear()
        self.annotator.addItems(names)
        self.annotator.setCurrentText(shown)
        self.annotator.blockSignals(False)
        self._requery()

    def reload(self) -> None:
        self.model.reload()
        self.update_progress()
        if self.model.open_document is not None:
            self.select(self.model.open_document)

    def document_changed(self, document: DocumentId) -> None:
        self.model.refresh_document(document)
        self.update_progress()

    def update_progress(self) -> None:
        counts = self._counts(self.model.query.annotator) if self._counts else {}
        total = sum(counts.values()) or self.model.rowCount()
        done = counts.get(Status.DONE, 0)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{done} / {total} done").format(done=done, total=total))

    def select(self, document: DocumentId) -> None:
        """Show ``document`` as the open one and highlight its row."""
        self.model.open_document = document
        row = self.model.row_of(document)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, COL_TITLE)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        else:
            self.view.clearSelection()
            # A new filter starts at its top: where the old list was scrolled to, the new one
            # may have no cheap page (the end of a filtered million steps over every row).
            self.view.scrollToTop()
        selection.blockSignals(False)
        self.view.viewport().update()

    def neighbour(self, document: DocumentId, delta: int) -> DocumentId | None:
        """The document ``delta`` rows away from ``document`` in the list, or None."""
        row = self.model.row_of(document)
        found = self.model.row(row + delta) if row >= 0 and row + delta >= 0 else None
        return found.id if found is not None else None

    def ids(self) -> list[DocumentId]:
        """The shown documents in the list's order."""
        return [
            row.id
            for number in range(self.model.rowCount())
            if (row := self.model.row(number)) is not None
        ]

    # --- the user's moves ----------------------------------------------------------------

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in _SIZED:
            header = self.view.horizontalHeader()
            store_column_widths(COLUMNS_KEY, {c: header.sectionSize(c) for c in _SIZED})

    def _requery(self) -> None:
        status = self.status.currentData()
        query = _replace(
            self.model.query,
            text=self.filter.text().strip(),
            statuses=frozenset({Status(status)}) if status else frozenset(),
            annotator=self.annotator.currentText() or self.model.query.annotator,
            assigned=self.assigned.isChecked(),
        )
        self.model.set_query(query)
        self.update_progress()
        if self.model.open_document is not None:
            self.select(self.model.open_document)

    def _annotator_chosen(self, name: str) -> None:
        if name:
            self._requery()
            self.annotator_changed.emit(name)

    def _moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._open_timer.start()

    def _open_current(self) -> None:
        self._open_timer.stop()
        document = self.model.data(self.view.currentIndex(), ID_ROLE)
        if document and document != self.model.open_document:
            self.document_chosen.emit(document)
