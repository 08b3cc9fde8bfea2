"""Item models of the agreement view, the rows they take from the report, and the value pairs.

The numbers come from ``agreement_report`` untouched; these models only lay them out. The
confusion matrices count value pairs over the same aligned units the report's Cohen's kappa
uses, rebuilt here from the sets with the agreement package's own alignment functions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from annotator.agreement.breakdown import (
    SPAN_KINDS,
    Disagreement,
    DisagreementFilter,
    Row,
    ValuePair,
)
from annotator.agreement.table import format_cell
from annotator.model.annotation import AttrValue
from annotator.ui.counts import form
from annotator.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
#: The raw number behind a cell (None when undefined), for tests and tooltips.
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The DisagreementFilter that clicking the cell applies to the disagreements list.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
_NOT_APPLICABLE = ""
_AGREE_COLOR = "#009E73"  # Okabe-Ito, like the schema's label colours: safe for colour blindness
_DISAGREE_COLOR = "#D55E00"


class TableModel(QAbstractTableModel):
    """A flat, read-only table; subclasses give the row count and the header names."""

    HEADERS: tuple[str, ...] = ()

    def _row_count(self) -> int:
        raise NotImplementedError

    def _headers(self, orientation: Qt.Orientation) -> Sequence[str]:
        horizontal = orientation == Qt.Orientation.Horizontal
        return (
            [QCoreApplication.translate("Headers", h) for h in self.HEADERS] if horizontal else ()
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers(Qt.Orientation.Horizontal))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        names = self._headers(orientation)
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(names):
            return names[section]
        return None

    def _valid(self, index: Index) -> bool:
        return (
            index.isValid()
            and 0 <= index.row() < self._row_count()
            and 0 <= index.column() < self.columnCount()
        )


class RowTableModel(TableModel):
    """A table of Rows: name columns first, then right-aligned numbers."""

    NAME_COLUMNS = 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        column = index.column()
        value = row.cells[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value)
        if role == VALUE_ROLE:
            return value
        if role == FILTER_ROLE:
            return row.filter
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in row.tips:
                return row.tips[column]
            if value is None:
                return self.tr("undefined: nothing to compare, or no expected disagreement")
            return repr(value) if isinstance(value, float) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.NAME_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and value is None:
            return QColor("#8a96a3")  # "undefined" reads as absent, not as a number
        if role == Qt.ItemDataRole.FontRole and row.total:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None


class SpanAgreementModel(RowTableModel):
    COL_LABEL, COL_EXACT, COL_OVERLAP, COL_OVERLAP_ANY, COL_ALPHA = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Label"),
        QT_TRANSLATE_NOOP("Headers", "Exact F1"),
        QT_TRANSLATE_NOOP("Headers", "Overlap F1"),
        QT_TRANSLATE_NOOP("Headers", "Overlap-any F1"),
        QT_TRANSLATE_NOOP("Headers", "Unitizing α"),
    )


class AttributeAgreementModel(RowTableModel):
    COL_ATTRIBUTE, COL_ALIGNMENT, COL_UNITS, COL_ALPHA = range(4)
    COL_FLEISS, COL_MEAN_COHEN, COL_PERCENT, COL_AMBIGUOUS = range(4, 8)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Attribute"),
        QT_TRANSLATE_NOOP("Headers", "Alignment"),
        QT_TRANSLATE_NOOP("Headers", "Units"),
        QT_TRANSLATE_NOOP("Headers", "Krippendorff α"),
        QT_TRANSLATE_NOOP("Headers", "Fleiss κ"),
        QT_TRANSLATE_NOOP("Headers", "Mean Cohen κ"),
        QT_TRANSLATE_NOOP("Headers", "Agreement"),
        QT_TRANSLATE_NOOP("Headers", "Ambiguous"),
    )
    NAME_COLUMNS = 2


class MatrixModel(TableModel):
    """A square table whose rows and columns are the same names."""

    def __init__(self) -> None:
        super().__init__()
        self._names: list[str] = []

    def _row_count(self) -> int:
        return len(self._names)

    def _headers(self, orientation: Qt.Orientation) -> Sequence[str]:
        return self._names


class PairMatrixModel(MatrixModel):
    """Annotator by annotator: the pair's micro F1 in one span mode (symmetric)."""

    def __init__(self) -> None:
        super().__init__()
        self._pairs: dict[str, dict[str, Any]] = {}

    def set_rows(self, report: Mapping[str, Any] | None, mode: str) -> None:
        self.beginResetModel()
        self._names = list(report["annotators"]) if report else []
        self._pairs = dict(report["spans"][mode]["pairs"]) if report else {}
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        first, second = sorted((self._names[index.row()], self._names[index.column()]))
        scores = self._pairs.get(f"{first}|{second}") if first != second else None
        if role == Qt.ItemDataRole.DisplayRole:
            if first == second:
                return "—"
            return format_cell(scores["f1"]) if scores else _NOT_APPLICABLE
        if role == VALUE_ROLE:
            return scores["f1"] if scores else None
        if role == FILTER_ROLE and scores:
            title = self.tr("missing or boundary, {0} vs {1}").format(first, second)
            return DisagreementFilter(title, kinds=SPAN_KINDS, pair=(first, second))
        if role == Qt.ItemDataRole.ToolTipRole and first != second:
            if not scores:
                return self.tr("{0} and {1} share no covered document").format(first, second)
            numbers = ("precision", "recall", "macro_f1", "hits_a", "hits_b")
            shown = [f"{n}: {format_cell(scores[n])}" for n in numbers if n in scores]
            return "\n".join([self.tr("{0} as reference").format(first), *shown])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ConfusionModel(MatrixModel):
    """Value by value: how often the first annotator of a pair chose the row's value and the
    second the column's, over aligned units both coded; background intensity by count."""

    def __init__(self) -> None:
        super().__init__()
        self._values: list[AttrValue] = []
        self._counts: Counter[ValuePair] = Counter()
        self._key = ""
        self._pair: tuple[str, str] | None = None

    def set_rows(
        self,
        key: str,
        values: Sequence[AttrValue],
        counts: Mapping[ValuePair, int],
        pair: tuple[str, str] | None,
    ) -> None:
        self.beginResetModel()
        self._key, self._pair = key, pair
        self._values = list(values)
        self._names = [str(v) for v in values]
        self._counts = Counter(counts)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        a, b = self._values[index.row()], self._values[index.column()]
        count = self._counts.get((a, b), 0)
        if role in (Qt.ItemDataRole.DisplayRole, VALUE_ROLE):
            return count
        if role == FILTER_ROLE:
            who = f"{self._pair[0]} {a} vs {self._pair[1]} {b}" if self._pair else f"{a} vs {b}"
            if a == b:
                who += self.tr(" (others differ)")  # the pair agrees; the cases are someone else's
            return DisagreementFilter(
                f"{self._key}: {who}", kinds=frozenset({self._key}), pair=self._pair, values=(a, b)
            )
        if role == Qt.ItemDataRole.BackgroundRole and count:
            # Agreement and disagreement each scaled by their own largest cell: otherwise a
            # large diagonal washes out the off-diagonal cells one came to look at.
            same = [n for (x, y), n in self._counts.items() if (x == y) == (a == b)]
            color = QColor(_AGREE_COLOR if a == b else _DISAGREE_COLOR)
            color.setAlpha(40 + round(200 * count / max(same)))
            return color
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return form(
                count,
                self.tr("{0} unit: {1} (row) and {2} (column)"),
                self.tr("{0} units: {1} (row) and {2} (column)"),
            ).format(count, a, b)
        return None


class DisagreementModel(TableModel):
    """The report's disagreements: where, what kind, and each annotator's version."""

    COL_DOCUMENT, COL_LABEL, COL_KIND, COL_VERSIONS, COL_TEXT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("Headers", "Document"),
        QT_TRANSLATE_NOOP("Headers", "Label"),
        QT_TRANSLATE_NOOP("Headers", "Kind"),
        QT_TRANSLATE_NOOP("Headers", "Versions"),
        QT_TRANSLATE_NOOP("Headers", "Text"),
    )
    _SNIPPET = 70

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[Disagreement] = []
        self._texts: Mapping[str, str] = {}
        self._coverers: Mapping[str, Sequence[str]] = {}

    def set_rows(
        self,
        entries: Iterable[Disagreement],
        texts: Mapping[str, str],
        coverers: Mapping[str, Sequence[str]],
    ) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._texts = texts
        self._coverers = coverers
        self.endResetModel()

    def entry_at(self, row: int) -> Disagreement | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _row_count(self) -> int:
        return len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index) or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if column == self.COL_VERSIONS:
            spans = entry["spans"]
            coded = entry["kind"] not in SPAN_KINDS
            shown = [_version(n, s, coded) for n, s in spans.items()]
            # Whoever covers the document but drew nothing there is part of the story.
            absent = [n for n in self._coverers.get(entry["document"], ()) if n not in spans]
            return " · ".join(shown + [f"{n} (none)" for n in absent])
        if column == self.COL_TEXT:
            ranges = [s[:2] for s in entry["spans"].values() if s[0] is not None]
            start, end = (
                (min(r[0] for r in ranges), max(r[1] for r in ranges)) if ranges else (0, 0)
            )
            text = self._texts.get(entry["document"], "")[start:end]
            short = " ".join(text.split())
            if role == Qt.ItemDataRole.ToolTipRole:
                return text
            return short if len(short) <= self._SNIPPET else short[: self._SNIPPET - 1] + "…"
        return entry[("document", "label", "kind")[column]]


def _version(name: str, span: Sequence[Any], coded: bool) -> str:
    start, end, value = span
    parts = [name] if start is None else [name, f"{start}–{end}"]
    if coded:  # an attribute's disagreement: show every value, an absent one too
        parts.append("(none)" if value is None else str(value))
    return " ".join(parts)
