"""The agreement view: the report's numbers, and one click from a number to its disagreements.

The sets are read on the GUI thread (the project's SQLite connection is not shared), then the
report is computed on a worker thread, exactly as ``annotator agreement`` computes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.breakdown import (
    DOCUMENT_ALIGNMENT,
    SPAN_MODES,
    DisagreementFilter,
    attribute_rows,
    span_rows,
    value_order,
)
from annotator.transfer.agreement_input import load_agreement_inputs
from annotator.ui.agreement.job import AgreementResult, ReportJob
from annotator.ui.agreement.models import (
    FILTER_ROLE,
    AttributeAgreementModel,
    ConfusionModel,
    DisagreementModel,
    PairMatrixModel,
    SpanAgreementModel,
)
from annotator.ui.agreement.versions import VersionsDialog
from annotator.ui.counts import counted, form
from annotator.ui.session import Session
from annotator.ui.translation import QT_TRANSLATE_NOOP

_ALL_PAIRS = QT_TRANSLATE_NOOP("AgreementView", "all pairs")
_CLOSE_WAIT_MS = 10_000


def _table(model: Any, name: str, rows: bool = True) -> QTableView:
    """A read-only table; ``rows``: a click picks a whole row (else one cell of a matrix)."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
    else:
        table.horizontalHeader().setMinimumSectionSize(80)  # heat-map cells, not slivers
    # Compact rows for lists; squarer cells for the matrices, whose colour is the message.
    table.verticalHeader().setDefaultSectionSize(
        table.fontMetrics().height() * (1 if rows else 2) + 8
    )
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns from the first rows only: a big corpus has tens of thousands of cases.
    header.setResizeContentsPrecision(200)
    return table


def _combo(name: str, items: Sequence[str] = ()) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItems(list(items))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class AgreementView(QWidget):
    """Options, a Compute button, result tabs, and the disagreements behind a clicked number."""

    #: A disagreement was double-clicked: its document id and the annotators covering it.
    open_disagreement = Signal(str, list)
    #: A computation finished and its results are shown.
    report_ready = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: AgreementResult | None = None
        self._job: ReportJob | None = None
        self.span_model = SpanAgreementModel()
        self.attribute_model = AttributeAgreementModel()
        self.pair_model = PairMatrixModel()
        self.confusion_model = ConfusionModel()
        self.disagreement_model = DisagreementModel()
        self._build()
        self._connect()

    # --- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        known = ", ".join(self.session.project.annotators()) or self.tr("none yet")
        self.annotators = QLineEdit(placeholderText=self.tr("all human annotators"))
        self.annotators.setAccessibleName(self.tr("Annotators to compare"))
        self.annotators.setToolTip(
            self.tr(
                "Names separated by commas (the project has: {known}). Empty: every human "
                "annotator with a counted set; gold and suggest:* layers only when named."
            ).format(known=known)
        )
        self.annotators.setClearButtonEnabled(True)
        self.include_unfinished = QCheckBox(self.tr("Count unfinished sets"))
        self.include_unfinished.setToolTip(
            self.tr("Compare sets in progress too, not only done ones")
        )
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Agreement computation"))
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.summary = QLabel(self.tr("Press Compute to measure agreement."))
        self.summary.setWordWrap(True)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Annotators:")))
        options.addWidget(self.annotators, 1)
        options.addWidget(self.include_unfinished)
        options.addWidget(self.compute_button)
        options.addWidget(self.progress)

        self.span_table = _table(self.span_model, self.tr("Span agreement per label"))
        self.attribute_table = _table(self.attribute_model, self.tr("Attribute agreement"))
        self.pair_mode = _combo(self.tr("Span matching"), SPAN_MODES)
        self.pair_table = _table(self.pair_model, self.tr("Pairwise micro F1"), rows=False)
        self.confusion_attribute = _combo(self.tr("Attribute"))
        self.confusion_alignment = _combo(self.tr("Alignment"), ["overlap", "exact"])
        self.confusion_pair = _combo(self.tr("Pair"))
        self.confusion_caption = QLabel()
        self.confusion_table = _table(self.confusion_model, self.tr("Confusion matrix"), rows=False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.span_table, self.tr("Spans"))
        self.tabs.addTab(self.attribute_table, self.tr("Attributes"))
        self.tabs.addTab(
            self._page(self.pair_table, QLabel(self.tr("Span matching:")), self.pair_mode),
            self.tr("Pairs"),
        )
        self.tabs.addTab(
            self._page(
                self.confusion_table,
                self.confusion_attribute,
                self.confusion_alignment,
                self.confusion_pair,
                caption=self.confusion_caption,
            ),
            self.tr("Confusion"),
        )

        self.filter_label = QLabel(self.tr("Disagreements"))
        self.show_all = QPushButton(self.tr("Show all"))
        self.disagreement_table = _table(self.disagreement_model, "Disagreements")
        self.disagreement_table.horizontalHeader().setSectionResizeMode(
            DisagreementModel.COL_TEXT, QHeaderView.ResizeMode.Stretch
        )
        self.disagreement_table.setToolTip(
            self.tr("Double-click to compare the annotators' versions")
        )
        heading = QHBoxLayout()
        heading.addWidget(self.filter_label, 1)
        heading.addWidget(self.show_all)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(heading)
        column.addWidget(self.disagreement_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(lower)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        self._set_results_enabled(False)

    def _page(
        self, table: QTableView, *controls: QWidget, caption: QLabel | None = None
    ) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        for control in controls:
            row.addWidget(control)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        if caption is not None:
            layout.addWidget(caption)
        layout.addWidget(table, 1)
        return page

    def _connect(self) -> None:
        self.compute_button.clicked.connect(self.compute)
        self.annotators.returnPressed.connect(self.compute)
        for table in (self.span_table, self.attribute_table, self.pair_table):
            table.clicked.connect(self._cell_chosen)
        self.confusion_table.clicked.connect(self._cell_chosen)
        self.attribute_table.clicked.connect(self._attribute_chosen)
        self.show_all.clicked.connect(lambda: self.apply_filter(None))
        self.pair_mode.currentTextChanged.connect(self._show_pairs)
        for combo in (self.confusion_attribute, self.confusion_alignment, self.confusion_pair):
            combo.currentIndexChanged.connect(self._show_confusion)
        # activated: a double click or Enter, once each (not doubleClicked as well).
        self.disagreement_table.activated.connect(self._disagreement_chosen)

    # --- computing ----------------------------------------------------------------------------

    @property
    def computing(self) -> bool:
        return self._job is not None

    def chosen_annotators(self) -> list[str] | None:
        """The names typed, or None (the CLI's default: every human annotator with a set)."""
        names = [n.strip() for n in self.annotators.text().split(",") if n.strip()]
        return list(dict.fromkeys(names)) or None

    def compute(self) -> None:
        if self._job is not None:
            return
        names = self.chosen_annotators()
        known = set(self.session.project.annotators())
        unknown = [n for n in names or () if n not in known]
        if unknown:
            self.summary.setText(self.tr('No annotator "{0}" in this project.').format(unknown[0]))
            return
        self.summary.setText(self.tr("Reading annotation sets…"))
        inputs = load_agreement_inputs(
            self.session.project, names, self.include_unfinished.isChecked()
        )
        job = ReportJob(inputs)
        job.progressed.connect(self._progressed)
        job.computed.connect(self._show_result)
        job.failed.connect(self._failed)
        job.finished.connect(self._job_finished)
        job.finished.connect(job.deleteLater)
        self._job = job
        self.compute_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(
            counted(
                len(inputs.sets),
                self.tr("Comparing {0} annotation set…"),
                self.tr("Comparing {0} annotation sets…"),
            )
        )
        job.start()

    def _ours(self) -> bool:
        # A job abandoned by shutdown() may still deliver queued signals: only the running
        # job's count.
        return self._job is not None and self.sender() is self._job

    def _progressed(self, done: int, total: int) -> None:
        if self._ours():
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _failed(self, message: str) -> None:
        if self._ours():
            self.summary.setText(
                self.tr("The computation failed: {message}").format(message=message)
            )

    def _job_finished(self) -> None:
        if self._ours():
            self._job = None
            self.progress.hide()
            self.compute_button.setEnabled(True)

    def shutdown(self) -> None:
        """Stop a running computation at its next stage and drop its results."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            # Bounded: one stage of a huge report may take long; the job then ends alone (the
            # application owns it, and it deletes itself when done).
            job.wait(_CLOSE_WAIT_MS)
            self.progress.hide()
            self.compute_button.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # --- showing --------------------------------------------------------------------------

    def _set_results_enabled(self, enabled: bool) -> None:
        for widget in (self.tabs, self.filter_label, self.show_all, self.disagreement_table):
            widget.setEnabled(enabled)

    def _show_result(self, result: AgreementResult) -> None:
        if not self._ours():
            return
        self.result = result
        report = result.report
        self.span_model.set_rows(span_rows(report))
        self.attribute_model.set_rows(attribute_rows(report))
        self._show_pairs()
        keys = [*report["attributes"], *report["doc_attrs"]]
        pairs = [self.tr(_ALL_PAIRS), *report["spans"]["exact"]["pairs"]]
        for combo, items in ((self.confusion_attribute, keys), (self.confusion_pair, pairs)):
            combo.blockSignals(True)  # one refresh after all combos are filled, not one each
            kept = combo.currentText()
            combo.clear()
            combo.addItems(items)
            if kept in items:
                combo.setCurrentText(kept)
            combo.blockSignals(False)
        self._show_confusion()
        self.apply_filter(None)
        names = ", ".join(report["annotators"]) or "nobody"
        self.summary.setText(
            self.tr("{names} · {documents} covered by at least two · {disagreements}").format(
                names=names,
                documents=counted(
                    report["documents"], self.tr("{0} document"), self.tr("{0} documents")
                ),
                disagreements=counted(
                    len(report["disagreements"]),
                    self.tr("{0} disagreement"),
                    self.tr("{0} disagreements"),
                ),
            )
        )
        self._set_results_enabled(True)
        self.report_ready.emit()

    def _show_pairs(self) -> None:
        report = self.result.report if self.result else None
        self.pair_model.set_rows(report, self.pair_mode.currentText())

    def _show_confusion(self) -> None:
        if self.result is None:
            return
        key = self.confusion_attribute.currentText()
        on_document = key in self.result.report["doc_attrs"]
        self.confusion_alignment.setEnabled(not on_document)
        alignment = DOCUMENT_ALIGNMENT if on_document else self.confusion_alignment.currentText()
        chosen = self.confusion_pair.currentText()
        pair = None if chosen in ("", self.tr(_ALL_PAIRS)) else chosen
        counts = self.result.pairs.matrix(key, alignment, pair)
        names = tuple(pair.split("|")) if pair else None
        self.confusion_model.set_rows(
            key,
            value_order(self.session.project.schema, key, counts),
            counts,
            (names[0], names[1]) if names else None,
        )
        rows = (
            self.tr("{0}'s value").format(names[0])
            if names
            else self.tr("the value of each pair's first annotator")
        )
        columns = (
            self.tr("{0}'s").format(names[1]) if names else self.tr("the second's (names sorted)")
        )
        self.confusion_caption.setText(
            form(
                sum(counts.values()),
                self.tr(
                    "Rows: {rows}; columns: {columns}. {0} unit coded by both ({alignment} "
                    "alignment): the data of Cohen's κ. Click a cell for its cases."
                ),
                self.tr(
                    "Rows: {rows}; columns: {columns}. {0} units coded by both ({alignment} "
                    "alignment): the data of Cohen's κ. Click a cell for its cases."
                ),
            ).format(sum(counts.values()), rows=rows, columns=columns, alignment=alignment)
        )

    def apply_filter(self, chosen: DisagreementFilter | None) -> None:
        """Show the disagreements behind a number (all of them for None)."""
        if self.result is None:
            return
        coverers = self.result.pairs.coverers
        entries = [
            e
            for e in self.result.report["disagreements"]
            if chosen is None or chosen.matches(e, coverers)
        ]
        self.disagreement_model.set_rows(entries, self.result.texts, coverers)
        title = chosen.title if chosen else self.tr("all")
        self.filter_label.setText(
            self.tr("Disagreements: {title} ({0})").format(len(entries), title=title)
        )

    def _cell_chosen(self, index: QModelIndex) -> None:
        chosen = index.data(FILTER_ROLE)
        if isinstance(chosen, DisagreementFilter):
            self.apply_filter(chosen)

    def _attribute_chosen(self, index: QModelIndex) -> None:
        # The confusion tab follows, so the next click there is about this attribute.
        model = self.attribute_model
        key = model.index(index.row(), model.COL_ATTRIBUTE).data()
        alignment = model.index(index.row(), model.COL_ALIGNMENT).data()
        self.confusion_attribute.setCurrentText(str(key))
        if alignment != DOCUMENT_ALIGNMENT:
            self.confusion_alignment.setCurrentText(str(alignment))

    def _disagreement_chosen(self, index: QModelIndex) -> None:
        entry = self.disagreement_model.entry_at(index.row())
        if entry is None or self.result is None:
            return
        document = entry["document"]
        # Everyone covering the document, including whoever drew nothing there.
        names = self.result.pairs.coverers.get(document) or tuple(sorted(entry["spans"]))
        self.open_disagreement.emit(document, list(names))

    def show_versions(self, document: str, annotators: list[str]) -> VersionsDialog:
        """The default target of open_disagreement: the versions side by side."""
        dialog = VersionsDialog(self.session.project, document, annotators, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
