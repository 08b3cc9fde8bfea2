"""The import preview's table: each peer name found, how often, and what it becomes (editable,
completing the schema's names as one types)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from annotator.formats.label_map import LabelMapping, MappedName
from annotator.model.schema import Schema
from annotator.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

#: how a name mapped, as the table says it
HOW = {
    "same name": QT_TRANSLATE_NOOP("MappingTableModel", "same name"),
    "any case": QT_TRANSLATE_NOOP("MappingTableModel", "same name, other case"),
    # our brat and CoNLL writers' spelling of the name ("Direct_Quote"): the same name
    "peer spelling": QT_TRANSLATE_NOOP("MappingTableModel", "same name"),
    "mapped": QT_TRANSLATE_NOOP("MappingTableModel", "your mapping"),
    "dropped": QT_TRANSLATE_NOOP("MappingTableModel", "dropped"),
    "added": QT_TRANSLATE_NOOP("MappingTableModel", "added to the schema"),
    "unmapped": QT_TRANSLATE_NOOP("MappingTableModel", "maps to nothing"),
    "wrong ends": QT_TRANSLATE_NOOP("MappingTableModel", "ends do not fit"),
}
UNMAPPED = QColor("#D55E00")


class MappingTableModel(QAbstractTableModel):
    """The peer names found and what each becomes; "Becomes" is editable (empty drops it)."""

    COL_KIND, COL_PEER, COL_COUNT, COL_OURS, COL_HOW = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Kind"),
        QT_TRANSLATE_NOOP("Headers", "In the files"),
        QT_TRANSLATE_NOOP("Headers", "Count"),
        QT_TRANSLATE_NOOP("Headers", "Becomes"),
        QT_TRANSLATE_NOOP("Headers", "How"),
    )

    #: kind, peer name, our name ("" drops it): the user changed a row's target
    edited = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MappedName] = []
        self._schema: Schema | None = None

    def set_rows(self, rows: list[MappedName], schema: Schema | None = None) -> None:
        self.beginResetModel()
        self._schema = schema
        # What still needs a decision first, then by kind and count as the mapping reports.
        kept = [r for r in rows if r.kind != "relation ends"]
        self._rows = sorted(kept, key=lambda r: r.how != "unmapped")
        self.endResetModel()

    def choices(self, row: int) -> list[str]:
        """The schema's names a row's peer name can become."""
        schema = self._schema
        if schema is None or not 0 <= row < len(self._rows):
            return []
        kind, peer = self._rows[row].kind, self._rows[row].peer
        if kind == "label":
            return [lab.name for lab in schema.labels]
        if kind == "relation":
            return [rel.name for rel in schema.relations]
        if kind == "attribute":
            return sorted({a.name for a in schema.attributes})
        attribute = peer.partition("=")[0]
        return [str(v) for a in schema.attributes if a.name == attribute for v in a.values]

    def row_of(self, kind: str, peer: str) -> int:
        return next((i for i, r in enumerate(self._rows) if (r.kind, r.peer) == (kind, peer)), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Headers", self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.COL_OURS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.COL_KIND:
                return row.kind
            if column == self.COL_PEER:
                return row.peer
            if column == self.COL_COUNT:
                return row.count
            if column == self.COL_OURS:
                if role == Qt.ItemDataRole.EditRole:
                    return row.ours or ""
                return "—" if row.ours is None else row.ours or "(dropped)"
            if column == self.COL_HOW:
                return self.tr(HOW.get(row.how, row.how))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_OURS:
            names = ", ".join(self.choices(index.row()))
            return self.tr("Type what it becomes ({names}); empty drops it").format(names=names)
        if role == Qt.ItemDataRole.ForegroundRole and row.how == "unmapped":
            return QBrush(UNMAPPED)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.COL_OURS:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        ours = str(value).strip()
        if ours == (row.ours or "") and row.how not in ("unmapped", "added"):
            return False
        self._rows[index.row()] = replace(row, ours=ours, how="dropped" if not ours else "mapped")
        self.dataChanged.emit(index, self.index(index.row(), self.COL_HOW))
        self.edited.emit(row.kind, row.peer, ours)
        return True


class TargetDelegate(QStyledItemDelegate):
    """Edits "Becomes" in a line that completes the schema's names as you type."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        model = index.model()
        if isinstance(model, MappingTableModel):
            completer = QCompleter(model.choices(index.row()), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            # Inline: Return commits what is shown, with no popup to dismiss first.
            completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
            editor.setCompleter(completer)
        return editor


def mapping_of(pairs: dict[tuple[str, str], str]) -> LabelMapping:
    """The table's edits, (kind, peer name) -> our name, as a mapping."""
    mapping = LabelMapping()
    for (kind, peer), ours in pairs.items():
        mapping.choose(kind, peer, ours)
    return mapping
