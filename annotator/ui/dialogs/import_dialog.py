"""File > Import: choose files or a folder, see what they hold and how their labels map before
anything is written, change the mapping, then import in the background with progress and
Cancel (a cancel imports nothing).

The dialog only gathers choices and shows results: reading, mapping and writing are
``transfer.peer_import``'s, the same calls the command line makes.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.formats.label_map import LabelMapping, load_mapping, mapping_shown, mapping_toml
from annotator.model.progress import Progress
from annotator.store.project import Project
from annotator.transfer.atomic import atomic_output
from annotator.transfer.import_sources import (
    FORMATS,
    TEXT_COLUMN_FORMATS,
    ImportOptions,
    resolve_sources,
)
from annotator.transfer.peer_import import ImportPlan, preview_import, write_plan
from annotator.ui.counts import counted
from annotator.ui.dialogs.mapping_table import (
    UNMAPPED,
    MappingTableModel,
    TargetDelegate,
    mapping_of,
)
from annotator.ui.dialogs.transfer_job import TransferJob, Work
from annotator.ui.session import Session
from annotator.ui.translation import QT_TRANSLATE_NOOP

DETECT = QT_TRANSLATE_NOOP("ImportDialog", "Detect from the content")
MAPPING_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Mappings (*.toml *.txt *.tsv);;All files (*)")
PREVIEW_DELAY_MS = 250


class ImportDialog(QDialog):
    """Files in, a preview, then the import; ``imported`` carries the report when it is done."""

    imported = Signal(object)  # FilesImportReport

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("import_dialog")
        self.resize(760, 620)
        self.session = session
        self.paths: list[Path] = []
        self.pairs: dict[tuple[str, str], str] = {}
        #: a mapping file's choices, under the table's edits (as --mapping under --map)
        self.loaded = LabelMapping()
        self.plan: ImportPlan | None = None
        self._job: TransferJob | None = None
        self._generation = 0
        self._importing = False
        # The formats the last preview found (None: not known, as where a failed preview
        # could not even tell them).
        self._found: frozenset[str] | None = frozenset()
        # A failed preview's formats, by its generation (written by the preview's thread).
        self._failed_formats: dict[int, frozenset[str]] = {}

        self.files = QListWidget()
        self.files.setAccessibleName(self.tr("Files to import"))
        self.files.setMaximumHeight(96)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_files_button = QPushButton(self.tr("Add &Files…"))
        self.add_folder_button = QPushButton(self.tr("Add F&older…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.format = QComboBox()
        self.format.addItems([self.tr(DETECT), *FORMATS])
        self.annotator = QLineEdit()
        self.annotator.setPlaceholderText(
            self.tr("the names in the files (unnamed: the format's name)")
        )
        self.text_column = QLineEdit("text")
        self.text_column.setToolTip(
            self.tr(
                "CSV: the column that holds the text. Label Studio: the data field that "
                "holds it, where the file does not tell."
            )
        )
        self.add_labels = QCheckBox(
            self.tr("&Add labels, relations and attributes the schema lacks")
        )
        self.summary = QLabel(self.tr("Add files or a folder to see what they hold."))
        self.summary.setWordWrap(True)
        self.model = MappingTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Names in the files and what each becomes"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(MappingTableModel.COL_OURS, TargetDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (MappingTableModel.COL_KIND, MappingTableModel.COL_COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.load_mapping_button = QPushButton(self.tr("&Load Mapping…"))
        self.load_mapping_button.setToolTip(
            self.tr("Start from a mapping file, as annotator import --mapping FILE does")
        )
        self.save_mapping_button = QPushButton(self.tr("&Save Mapping…"))
        self.save_mapping_button.setToolTip(
            self.tr("Write what the table decides to a TOML file for the next import")
        )
        self.save_mapping_button.setEnabled(False)
        self.mapping_source = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {UNMAPPED.name()}")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self._layout()

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.preview)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.format.currentIndexChanged.connect(self._show_text_column)
        self.format.currentIndexChanged.connect(self.schedule_preview)
        self.annotator.editingFinished.connect(self.schedule_preview)
        self.text_column.editingFinished.connect(self.schedule_preview)
        self.add_labels.toggled.connect(self.schedule_preview)
        self.model.edited.connect(self._mapping_edited)
        self.load_mapping_button.clicked.connect(self.load_mapping_file)
        self.save_mapping_button.clicked.connect(self.save_mapping_file)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)

    def _layout(self) -> None:
        buttons = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        sources = QHBoxLayout()
        sources.addWidget(self.files, 1)
        sources.addLayout(buttons)
        form = self._form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("A&nnotator:"), self.annotator)
        form.addRow(self.tr("&Text column or field:"), self.text_column)
        form.addRow("", self.add_labels)
        self._show_text_column()
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(sources)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        mapping_files = QHBoxLayout()
        mapping_files.addWidget(self.mapping_source, 1)
        mapping_files.addWidget(self.load_mapping_button)
        mapping_files.addWidget(self.save_mapping_button)
        layout.addLayout(mapping_files)
        layout.addWidget(self.problem)
        layout.addWidget(self.notes)
        layout.addLayout(bottom)

    # --- choices -------------------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), "", self.tr("All files (*)")
        )
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if name:
            self.add_paths([Path(name)])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(path)
                self.files.addItem(str(path))
        if paths:
            self.schedule_preview()

    def remove_selected(self) -> None:
        rows = sorted((self.files.row(i) for i in self.files.selectedItems()), reverse=True)
        for row in rows:
            self.files.takeItem(row)
            del self.paths[row]
        self.schedule_preview()

    def options(self) -> ImportOptions:
        fmt = self.format.currentText()
        return ImportOptions(
            fmt=None if self.format.currentIndex() == 0 else fmt,
            annotator=self.annotator.text().strip() or None,
            mapping=self.loaded.updated(mapping_of(self.pairs)),
            add_labels=self.add_labels.isChecked(),
            text_column=self.text_column.text().strip() or "text",
        )

    def load_mapping_file(self) -> None:
        """A mapping file becomes the starting point; the table's earlier edits give way."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a mapping"), "", self.tr(MAPPING_FILTER)
        )
        if not name:
            return
        try:
            self.loaded = load_mapping(Path(name))
        except AnnotatorError as exc:
            self.problem.setText(str(exc))
            return
        self.pairs.clear()
        self.mapping_source.setText(self.tr("Mapping from {0}").format(Path(name).name))
        self.schedule_preview()

    def save_mapping_file(self) -> None:
        """What the table shows, as a TOML file ``--mapping`` and Load Mapping read back."""
        if self.plan is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the mapping"), self.tr("mapping.toml"), self.tr(MAPPING_FILTER)
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != ".toml":  # the TOML layout is what load_mapping reads by this name
            path = path.with_name(path.name + ".toml")
        content = mapping_toml(mapping_shown(self.plan.mapping))
        try:
            with atomic_output(path) as out:
                out.write(content.encode("utf-8"))
        except (AnnotatorError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.problem.setText(self.tr("The mapping was not saved: {0}").format(reason))
            return
        self.mapping_source.setText(self.tr("Mapping saved to {0}").format(path.name))

    def _show_text_column(self) -> None:
        """The text column (CSV) or data field (Label Studio) is asked for only where one of
        those is read: the format chosen, or those the preview found (a failed one too:
        perhaps the column was not found, to be put right here). Where the formats are not
        known it stays."""
        detect = self.format.currentIndex() == 0
        formats = self._found if detect else frozenset({self.format.currentText()})
        shown = formats is None or not formats.isdisjoint(TEXT_COLUMN_FORMATS)
        self._form.setRowVisible(self.text_column, shown)

    def _mapping_edited(self, kind: str, peer: str, ours: str) -> None:
        self.pairs[(kind, peer)] = ours
        self.schedule_preview()

    # --- preview -------------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        """Settings changed: what was previewed no longer holds; look again shortly."""
        if self._importing:
            return
        self.plan = None
        self.import_button.setEnabled(False)
        self.save_mapping_button.setEnabled(False)
        self.problem.clear()
        self.summary.setText(self.tr("Reading…"))
        self._preview_timer.start()

    def preview(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._generation += 1
        if not self.paths:
            self._found = frozenset()
            self._show_text_column()
            self.format.setItemText(0, self.tr(DETECT))
            self.model.set_rows([])
            self.summary.setText(self.tr("Add files or a folder to see what they hold."))
            self.problem.clear()
            self.notes.clear()
            return
        paths, schema, options = list(self.paths), self.session.project.schema, self.options()
        generation, failed_formats = self._generation, self._failed_formats
        self.summary.setText(self.tr("Reading…"))

        def work(progress: Progress) -> object:
            try:
                return preview_import(paths, schema, options, progress)
            except AnnotatorError:
                # Which formats failed, for the text column's field (only the files' heads
                # are read again; where even that fails, they stay unknown).
                with suppress(AnnotatorError):
                    found = resolve_sources(paths, options.fmt)
                    failed_formats[generation] = frozenset(s.fmt for s in found)
                raise

        job = self._job_for(work)
        job.done.connect(self._previewed)
        job.failed.connect(self._preview_failed)
        job.start()

    def _previewed(self, generation: int, plan: ImportPlan) -> None:
        if generation != self._generation:
            return  # an older preview, overtaken by a change
        self.plan = plan
        self.model.set_rows(plan.mapping, plan.schema)
        self._found = frozenset(s.fmt for s in plan.sources)
        self._show_text_column()
        formats = ", ".join(sorted(self._found))
        self.format.setItemText(0, f"{self.tr(DETECT)}: {formats}")
        layers = plan.layers
        named = f" ({', '.join(layers[:6])}{', …' if len(layers) > 6 else ''})" if layers else ""
        self.summary.setText(
            self.tr("{formats}: {documents}, {layers}{named}, {spans}, {relations}").format(
                formats=formats,
                documents=counted(
                    plan.documents, self.tr("{0} document"), self.tr("{0} documents")
                ),
                layers=counted(len(layers), self.tr("{0} layer"), self.tr("{0} layers")),
                named=named,
                spans=counted(plan.spans, self.tr("{0} span"), self.tr("{0} spans")),
                relations=counted(
                    plan.relations, self.tr("{0} relation"), self.tr("{0} relations")
                ),
            )
        )
        problem = plan.problem
        if problem:
            problem = self.tr(
                "Some names map to nothing in the schema: type what each becomes in the "
                "table (empty drops it) or tick “Add labels”."
            )
        self.problem.setText(problem or "")
        notes = [self.tr("Added to the schema: {0}").format(line) for line in plan.added]
        notes += [line.strip() for line in plan.summary.lines()[1:]]
        self.notes.setText("\n".join(notes))
        self.import_button.setEnabled(plan.problem is None and bool(plan.sources))
        self.save_mapping_button.setEnabled(bool(plan.mapping))

    def _preview_failed(self, generation: int, text: str) -> None:
        if generation != self._generation:
            self._failed_formats.pop(generation, None)
            return
        self.plan = None
        self.save_mapping_button.setEnabled(False)
        self._found = self._failed_formats.pop(generation, None)
        self._show_text_column()
        self.format.setItemText(0, self.tr(DETECT))
        self.model.set_rows([])
        self.summary.setText(self.tr("These files cannot be imported as they are."))
        self.problem.setText(text)
        self.notes.clear()

    # --- import --------------------------------------------------------------------------------

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or plan.problem is not None or self._importing:
            return
        options = self.options()
        self._preview_timer.stop()
        self._importing = True
        self._enable_choices(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.problem.clear()

        def job_on(project: Project) -> TransferJob:
            # The project lent to the job: the window meanwhile reads the last commit.
            return self._job_for(lambda progress: write_plan(project, plan, options, progress))

        self._generation += 1
        try:
            job = self.session.hold.hold_for(job_on)
        except AnnotatorError as exc:  # another job holds the project
            self._import_ended(str(exc))
            return
        job.progressed.connect(self._progressed)
        job.done.connect(self._imported)
        job.failed.connect(self._import_failed)
        job.cancelled.connect(self._import_cancelled)
        job.start()

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _imported(self, _tag: int, report: object) -> None:
        self._importing = False
        self.imported.emit(report)
        self.accept()

    def _import_failed(self, _tag: int, text: str) -> None:
        self._import_ended(self.tr("Nothing was imported. {0}").format(text))

    def _import_cancelled(self, _tag: int) -> None:
        self._import_ended(self.tr("Cancelled: nothing was imported."))

    def _import_ended(self, text: str) -> None:
        self._importing = False
        self.progress.hide()
        self._enable_choices(True)
        self.problem.setText(text)
        self.import_button.setEnabled(self.plan is not None and self.plan.problem is None)

    def _enable_choices(self, enabled: bool) -> None:
        for widget in (
            self.files,
            self.add_files_button,
            self.add_folder_button,
            self.remove_button,
            self.format,
            self.annotator,
            self.text_column,
            self.add_labels,
            self.table,
            self.load_mapping_button,
            self.save_mapping_button,
        ):
            widget.setEnabled(enabled)

    def _job_for(self, work: Work) -> TransferJob:
        """The job of ``work``, for the caller to connect and then start (a job started
        first may end before its ``done`` is connected: a small file's preview did, and its
        answer was lost)."""
        job = TransferJob(work, self._generation)
        self._job = job
        job.ended.connect(self._job_ended)
        return job

    def _job_ended(self, job: TransferJob) -> None:
        if job is self._job:
            self._job = None

    def reject(self) -> None:
        """Cancel stops a running import (which then imports nothing) before it closes."""
        if self._importing and self._job is not None:
            self._job.cancel()
            return
        if self._job is not None:
            self._job.cancel()
        super().reject()
