"""The review mode: every annotator's version of each unit side by side, decided by key.

One row per unit, one column per annotator. Keys on the table: Up/Down move, 1-9 accept
that version into gold, E accepts (the version most annotators drew) and hands the gold copy
to the normal editing flow, R rejects after an optional reason typed below the table, A
accepts every unanimous unit. Every decision goes through ``Session.push``, so Ctrl+Z undoes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.adjudication.gold import gold_diff, learning_rows, links_text, span_text
from annotator.adjudication.units import Unit
from annotator.edits import Change
from annotator.model import AnnotationSet, AnnotatorName, DocumentId
from annotator.model.adjudication import Decision, Verdict
from annotator.model.ids import GOLD, is_human
from annotator.ui import counts
from annotator.ui.adjudication.review_state import ReviewState
from annotator.ui.session import Session
from annotator.ui.translation import status_text

Index = QModelIndex | QPersistentModelIndex
COL_UNIT = 0
_DECIDED = QColor(128, 128, 128, 40)
_UNANIMOUS = QColor(0, 158, 115, 40)


def decision_text(decision: Decision | None, unit: Unit) -> str:
    if decision is None:
        return QCoreApplication.translate("Adjudication", "unanimous") if unit.unanimous else ""
    if decision.verdict == Verdict.REJECTED:
        if decision.reason:
            return QCoreApplication.translate("Adjudication", "rejected — {0}").format(
                decision.reason
            )
        return QCoreApplication.translate("Adjudication", "rejected")
    return f"{decision.verdict.value}: {decision.source}"


class AdjudicationModel(QAbstractTableModel):
    """Units as rows; the unit, then one column per annotator, then the decision."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._names: list[AnnotatorName] = []
        self._units: list[Unit] = []
        self._decisions: Mapping[str, Decision] = {}

    def set_rows(
        self,
        text: str,
        names: Sequence[AnnotatorName],
        found: Sequence[Unit],
        decisions: Mapping[str, Decision],
    ) -> None:
        self.beginResetModel()
        self._text = text
        self._names = list(names)
        self._units = list(found)
        self._decisions = dict(decisions)
        self.endResetModel()

    def unit_at(self, row: int) -> Unit | None:
        return self._units[row] if 0 <= row < len(self._units) else None

    def row_of(self, key: str) -> int:
        return next((i for i, u in enumerate(self._units) if u.key == key), -1)

    @property
    def decision_column(self) -> int:
        return len(self._names) + 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == COL_UNIT:
            return "Unit"
        if 1 <= section <= len(self._names):
            return self._names[section - 1]
        return "Decision" if section == self.decision_column else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        unit = self.unit_at(index.row()) if index.isValid() else None
        if unit is None or not 0 <= index.column() < self.columnCount():
            return None
        decision = self._decisions.get(unit.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(unit, decision, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            if decision is not None:
                return _DECIDED
            return _UNANIMOUS if unit.unanimous else None
        return None

    def _cell(self, unit: Unit, decision: Decision | None, column: int) -> str:
        if column == COL_UNIT:
            return f"{unit.label} {unit.start}–{unit.end}"
        if column == self.decision_column:
            return decision_text(decision, unit)
        name = self._names[column - 1]
        version = unit.version_of(name)
        body = span_text(self._text, unit.spans.get(name, ()))
        if version is None:
            return body
        return f"{version.number} · {body}{links_text(self._text, version.links)}"


class AdjudicationView(QWidget):
    """Review one document's units and decide them into the gold layer."""

    def __init__(
        self, session: Session, document: DocumentId, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.state = ReviewState(session, document, self)
        self._sized_for: list[AnnotatorName] | None = None
        self.setWindowTitle(self.tr("Adjudicate — {0}").format(self.state.title))
        self.layers = QLabel()
        self.include_unfinished = QCheckBox(self.tr("Include unfinished layers that have spans"))
        self.model = AdjudicationModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Units to adjudicate"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for rejecting"))
        self.reason.setPlaceholderText(
            self.tr("Why reject? (optional) — Enter rejects, Esc cancels")
        )
        self.reason.hide()
        self.progress = QLabel()
        self.message = QLabel()
        keys = QLabel(
            self.tr("1–9 accept version · E edit · R reject · A accept all unanimous · Ctrl+Z undo")
        )
        keys.setEnabled(False)
        column = QVBoxLayout(self)
        for widget in (self.layers, self.include_unfinished, self.table, self.reason):
            column.addWidget(widget, 1 if widget is self.table else 0)
        for widget in (self.progress, self.message, keys):
            column.addWidget(widget)
        self.table.installEventFilter(self)
        self.reason.installEventFilter(self)
        self.reason.returnPressed.connect(self._confirm_reject)
        self.include_unfinished.toggled.connect(self.state.set_unfinished)
        self.state.reloaded.connect(self._show)
        session.failed.connect(self.message.setText)
        self.refresh()
        self.table.setFocus()

    # --- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute units and decisions from the project, keeping the current unit."""
        self.state.reload()

    def _show(self) -> None:
        current = self.current_unit()  # the model still holds the units before the reload
        state = self.state
        counted = [s.annotator for s in state.counted]
        self.model.set_rows(state.text, counted, state.units, state.decisions)
        self.layers.setText(_layers_text(state.sets, counted))
        found = state.found
        stale = (
            counts.counted(
                found.stale,
                self.tr(" · {0} earlier decision matches no unit now"),
                self.tr(" · {0} earlier decisions match no unit now"),
            )
            if found.stale
            else ""
        )
        self.progress.setText(
            counts.form(
                found.total,
                self.tr("{0} / {1} unit decided{stale}"),
                self.tr("{0} / {1} units decided{stale}"),
            ).format(found.decided, found.total, stale=stale)
        )
        row = self.model.row_of(current.key) if current is not None else -1
        if counted != self._sized_for:  # keep the reviewer's column widths while deciding
            self._sized_for = counted
            self.table.resizeColumnsToContents()
            # Every layer in sight: share the width between the annotators' columns evenly
            # (full text in the tooltips) instead of one long quote pushing the rest away.
            header = self.table.horizontalHeader()
            header.setStretchLastSection(False)
            for column in range(1, self.model.columnCount() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.select_row(row if row >= 0 else 0)

    def current_unit(self) -> Unit | None:
        return self.model.unit_at(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, COL_UNIT))

    # --- deciding -------------------------------------------------------------------------

    def accept(self, number: int) -> bool:
        """Accept version ``number`` of the current unit into gold."""
        unit = self.current_unit()
        if unit is None:
            return False
        problem = self.state.decider.accept(unit, number)
        if problem:
            self.message.setText(problem)
        return problem is None and self._advance(unit)

    def reject(self, reason: str = "") -> bool:
        unit = self.current_unit()
        if unit is None:
            return False
        return self.state.decider.reject(unit, reason) and self._advance(unit)

    def edit(self) -> bool:
        """Accept the version most annotators drew (unless gold has one) and edit the copy."""
        unit = self.current_unit()
        return unit is not None and self.state.edit(unit)

    def accept_unanimous(self) -> bool:
        return self.state.accept_unanimous()

    def ask_reason(self) -> None:
        if self.current_unit() is None:
            return
        self.reason.clear()
        self.reason.show()
        self.reason.setFocus()

    def _confirm_reject(self) -> None:
        reason = self.reason.text()
        self._close_reason()
        self.reject(reason)

    def _close_reason(self) -> None:
        self.reason.hide()
        self.table.setFocus()

    def _advance(self, unit: Unit) -> bool:
        self.message.clear()
        # On to the next unit still waiting for a decision, so a reviewer can keep typing.
        row = self.model.row_of(unit.key)
        following = [
            i
            for i in range(row + 1, self.model.rowCount())
            if (u := self.model.unit_at(i)) is not None and self.state.undecided(u)
        ]
        if following:
            self.select_row(following[0])
        return True

    # --- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        if watched is self.reason:
            if event.key() != Qt.Key.Key_Escape:
                return False
            # Claim Escape before any window shortcut does, then cancel on the key press.
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._close_reason()
            return True
        if watched is not self.table:
            return False
        action = self._action_for(event)
        if action is None:
            return False
        event.accept()  # ShortcutOverride accepted: the key comes here, not to a menu shortcut
        if kind == QEvent.Type.KeyPress:
            action()
        return True

    def _action_for(self, event: QKeyEvent) -> Callable[[], object] | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.session.undo
        if event.matches(QKeySequence.StandardKey.Redo):
            return self.session.redo
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain != Qt.KeyboardModifier.NoModifier:
            return None
        text = event.text().lower()
        if text in tuple("123456789"):
            return lambda: self.accept(int(text))
        return {
            "r": self.ask_reason,
            "e": self.edit,
            "a": self.accept_unanimous,
        }.get(text)


def _layers_text(sets: Sequence[AnnotationSet], counted: Sequence[str]) -> str:
    left_out = [
        f"{s.annotator} ({status_text(s.status)})"
        for s in sets
        if is_human(s.annotator) and s.annotator not in counted
    ]
    done = ", ".join(counted) or QCoreApplication.translate("Adjudication", "none done yet")
    shown = QCoreApplication.translate("Adjudication", "Layers: {0}").format(done)
    if not left_out:
        return shown
    return shown + QCoreApplication.translate("Adjudication", " · not counted: {0}").format(
        ", ".join(left_out)
    )


# --- the learning view: one's own layer against gold -----------------------------------------


class LearningView(QWidget):
    """How gold differs from one annotator's layer of a document."""

    def __init__(
        self,
        session: Session,
        document: DocumentId,
        annotator: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.document = document
        self.annotator = annotator or session.annotator
        loaded = session.project.documents.get(document)
        self._text = loaded.text if loaded else ""
        self.setWindowTitle(
            self.tr("{0} compared with gold — {document}").format(self.annotator, document=document)
        )
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Differences from gold"))
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.list, 1)
        session.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        sets = self.session.project.sets
        own = sets.get(self.document, self.annotator)
        gold = sets.get(self.document, GOLD)
        rows = learning_rows(self._text, gold_diff(own, gold))
        self.list.clear()
        self.list.addItems(rows)
        if not gold.spans:
            self.summary.setText(self.tr("Nothing in gold yet for this document"))
        elif not rows:
            self.summary.setText(self.tr("Your layer matches gold"))
        else:
            self.summary.setText(
                counts.counted(
                    len(rows),
                    self.tr("{0} difference from gold"),
                    self.tr("{0} differences from gold"),
                )
            )

    def _changed(self, change: Change) -> None:
        if change.document in (self.document, ""):
            self.refresh()
