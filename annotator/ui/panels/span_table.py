"""The table of a document's spans: where, label, text, speaker and key attributes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from annotator.model import AnnotationSet, Relation, Span, SpanId
from annotator.model.attribution import SPEAKER_ATTRIBUTE, SPEAKER_JOIN, speaker_mentions
from annotator.model.schema import Schema
from annotator.model.snippet import quoted
from annotator.ui.icons import swatch
from annotator.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
SPAN_ROLE = Qt.ItemDataRole.UserRole + 1
COL_START, COL_LABEL, COL_TEXT, COL_SPEAKER, COL_ATTRS = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("Headers", "Start"),
    QT_TRANSLATE_NOOP("Headers", "Label"),
    QT_TRANSLATE_NOOP("Headers", "Text"),
    QT_TRANSLATE_NOOP("Headers", "Speaker"),
    QT_TRANSLATE_NOOP("Headers", "Attributes"),
)
_SNIPPET = 80


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id)


def speakers_of(annotation: AnnotationSet, text: str) -> dict[SpanId, str]:
    """Who each span stands for: its own speaker (SPEAKER) or its quote's (QUOTE, the parts of
    a split quote included). A mention not in the registry yet shows as its text in marks."""
    names: dict[SpanId, str] = {
        span.id: str(span.attrs[SPEAKER_ATTRIBUTE])
        for span in annotation.spans
        if span.attrs.get(SPEAKER_ATTRIBUTE)
    }
    for quote, mentions in speaker_mentions(annotation).items():
        shown = [names.get(m.id) or quoted(text[m.start : m.end]) for m in mentions]
        names[quote] = SPEAKER_JOIN.join(dict.fromkeys(shown))
    return names


class SpanTableModel(QAbstractTableModel):
    def __init__(self, schema: Schema) -> None:
        super().__init__()
        self._schema = schema
        self._text = ""
        self._spans: list[Span] = []
        self._speakers: dict[SpanId, str] = {}
        self._by_id: dict[SpanId, Span] = {}
        #: The set shown; edits of it arrive through note() and sync(), not as a reset.
        self._shown: AnnotationSet | None = None
        self._pending: dict[SpanId, Span | None] = {}
        self._relations_changed = False
        self._links: list[Relation] = []

    def set_rows(self, text: str, annotation: AnnotationSet | None) -> None:
        self.beginResetModel()
        self._text = text
        self._spans = list(annotation.spans) if annotation else []
        self._by_id = {span.id: span for span in self._spans}
        self._speakers = speakers_of(annotation, text) if annotation else {}
        self._shown = annotation
        self._links = list(annotation.relations) if annotation else []
        self._pending.clear()
        self.endResetModel()

    def sync(self, text: str, annotation: AnnotationSet) -> None:
        """Show ``annotation``: a reset when another set arrives; for the set already shown,
        only the rows of the spans noted since (a long document's table is never re-read)."""
        if annotation is not self._shown or text is not self._text:
            self.set_rows(text, annotation)
            return
        pending, self._pending = self._pending, {}
        for span_id, span in pending.items():
            self._put(span_id, span)
        if pending and self._relinked(annotation, pending):
            self._speakers = speakers_of(annotation, text)
            if self._spans:
                last = self.index(len(self._spans) - 1, COL_SPEAKER)
                self.dataChanged.emit(self.index(0, COL_SPEAKER), last)

    def note(self, spans: Iterable[Span], removed: Iterable[SpanId], relations: bool) -> None:
        """An edit changed these spans of the shown set; :meth:`sync` shows them later."""
        self._pending.update({span.id: span for span in spans})
        self._pending.update(dict.fromkeys(removed))
        self._relations_changed = self._relations_changed or relations

    def _relinked(self, annotation: AnnotationSet, changed: dict[SpanId, Span | None]) -> bool:
        """Whether the speaker column may have changed beyond the changed spans' own names:
        links changed, or a linked span moved (a mention shows its text when unregistered)."""
        relinked, self._relations_changed = self._relations_changed, False
        # An undone span reports its links as changed; most often none were there.
        if relinked and annotation.relations != self._links:
            self._links = list(annotation.relations)
            return True
        for span_id, span in changed.items():
            if span is not None and span.attrs.get(SPEAKER_ATTRIBUTE):
                self._speakers[span_id] = str(span.attrs[SPEAKER_ATTRIBUTE])
            else:
                self._speakers.pop(span_id, None)
        return any(r.head in changed or r.child in changed for r in annotation.relations)

    def _put(self, span_id: SpanId, span: Span | None) -> None:
        """Remove, insert or update one row in place."""
        old = self._by_id.pop(span_id, None)
        row = self._row_by_key(old) if old is not None else -1
        if span is not None and old is not None and _order(span) == _order(old):
            self._spans[row] = self._by_id[span_id] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._spans[row]
            self.endRemoveRows()
        if span is not None:
            row = bisect_left(self._spans, _order(span), key=_order)
            self.beginInsertRows(QModelIndex(), row, row)
            self._spans.insert(row, span)
            self._by_id[span_id] = span
            self.endInsertRows()

    def _row_by_key(self, span: Span) -> int:
        row = bisect_left(self._spans, _order(span), key=_order)
        if row < len(self._spans) and self._spans[row].id == span.id:
            return row
        return -1

    def row_of(self, span_id: SpanId) -> int:
        span = self._by_id.get(span_id)
        return self._row_by_key(span) if span is not None else -1

    def speaker_of(self, span_id: SpanId) -> str:
        """Who the span stands for (its own speaker, or its quote's), as the table shows."""
        return self._speakers.get(span_id, "")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == SPAN_ROLE:
            return span.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_START:
                return span.start
            if column == COL_LABEL:
                return span.label
            if column == COL_TEXT:
                covered = " ".join(self._text[span.start : span.end].split())
                return covered if len(covered) <= _SNIPPET else covered[: _SNIPPET - 1] + "…"
            if column == COL_SPEAKER:
                return self._speakers.get(span.id, "")
            if column == COL_ATTRS:
                return ", ".join(f"{k}={v}" for k, v in span.attrs.items() if k != "speaker")
        if role == Qt.ItemDataRole.DecorationRole and column == COL_LABEL:
            label = self._schema.label(span.label)
            return swatch(label.color) if label else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return self._text[span.start : span.end]
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_SPEAKER:
            return self._speakers.get(span.id) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ATTRS:
            return "\n".join(f"{k}: {v}" for k, v in span.attrs.items())
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_START:
            return QColor("#8a96a3")
        return None


def span_table_view(model: SpanTableModel) -> QTableView:
    """A read-only, row-selecting table for the model, the text column taking the room."""
    table = QTableView()
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
    table.setAccessibleName(QCoreApplication.translate("SpanTable", "Spans of this document"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # Sized to the contents when a set arrives, not on every edit: a column resized to its
    # contents re-reads hundreds of rows after each inserted or changed row.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Size columns from the first rows only: measuring 50,000 rows takes a second.
    header.setResizeContentsPrecision(200)

    def fit() -> None:
        for column in (COL_START, COL_LABEL):
            table.resizeColumnToContents(column)

    model.modelReset.connect(fit)
    header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
    # Speaker names and attributes can be long: fixed widths (the user may drag them), the
    # full text in the tooltip and the inspector, so the text column keeps its room.
    for column, width in ((COL_SPEAKER, 120), (COL_ATTRS, 110)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table
