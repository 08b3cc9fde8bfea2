"""File > Export: format, layer, documents, split and destination, as ``annotator export`` takes
them, with a preview of what will be written that follows the choices; the export itself runs
in :mod:`annotator.ui.dialogs.export_worker`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.formats.split import parse_split
from annotator.model import Status
from annotator.transfer.export_job import (
    ALL_LAYER_FORMATS,
    FORMATS,
    GOLD,
    ExportRequest,
    check_request,
)
from annotator.ui.dialogs.transfer_job import TransferJob
from annotator.ui.translation import QT_TRANSLATE_NOOP

#: What the layer list offers for ``jsonl`` besides the layers: the whole project.
EVERY_LAYER = QT_TRANSLATE_NOOP("ExportDialog", "Every layer (the whole project)")
ALL_DOCUMENTS = QT_TRANSLATE_NOOP("ExportDialog", "All documents")
DONE_ONLY = QT_TRANSLATE_NOOP("ExportDialog", "Only documents marked done in the layer")
DEFAULT_SPLIT = "train=0.8,dev=0.1,test=0.1"
#: The preview waits this long after the last change (typing a split, a path) before it runs.
PREVIEW_DELAY_MS = 250
#: The preview of a request: the lines to show (AnnotatorError: why it cannot run).
Preview = Callable[[ExportRequest], list[str]]


class ExportDialog(QDialog):
    """The export's options; Export emits :attr:`requested` with a checked request."""

    requested = Signal(object)  # ExportRequest

    def __init__(
        self,
        project: Path,
        layers: list[str],
        annotator: str,
        parent: QWidget | None = None,
        preview: Preview | None = None,
        release: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._preview = preview
        # Called once the dialog is closed and no preview runs (the previewer's connection).
        self._release = release
        # The preview running in a worker, the request waiting for it, and the number of
        # the latest request: an answer to an older one is dropped.
        self._job: TransferJob | None = None
        self._waiting: ExportRequest | None = None
        self._latest = 0
        self.setWindowTitle(self.tr("Export"))
        self.project = project
        self.layers = layers
        self.annotator = annotator
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Format"))
        for fmt in FORMATS.values():
            self.format.addItem(f"{fmt.name}: {fmt.description}", fmt.name)
        self.layer = QComboBox()
        self.layer.setAccessibleName(self.tr("Layer"))
        self.documents = QComboBox()
        self.documents.setAccessibleName(self.tr("Documents"))
        self.documents.addItems([self.tr(ALL_DOCUMENTS), self.tr(DONE_ONLY)])
        self.split = QCheckBox(self.tr("Split by document"))
        self.parts = QLineEdit(DEFAULT_SPLIT)
        self.parts.setAccessibleName(self.tr("Parts"))
        self.seed = QSpinBox()
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setRange(0, 2**31 - 1)
        self.destination = QLineEdit()
        self.destination.setAccessibleName(self.tr("Destination"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #C0392B")
        self.preview = QPlainTextEdit()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(160)
        self.preview.setVisible(preview is not None)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("Export"))
        self._lay_out()
        self.format.currentIndexChanged.connect(self._format_changed)
        self.split.toggled.connect(self._split_toggled)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for changed in (
            self.format.currentIndexChanged,
            self.layer.currentIndexChanged,
            self.documents.currentIndexChanged,
            self.split.toggled,
            self.parts.textChanged,
            self.seed.valueChanged,
            self.destination.textChanged,
        ):
            changed.connect(self._schedule_preview)
        self._format_changed()
        self._split_toggled(False)
        self.finished.connect(self._release_when_idle)

    def _lay_out(self) -> None:
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        split_row.addWidget(self.parts, 1)
        split_row.addWidget(QLabel(self.tr("seed")))
        split_row.addWidget(self.seed)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("&Format"), self.format)
        form.addRow(self.tr("&Layer"), self.layer)
        form.addRow(self.tr("&Documents"), self.documents)
        form.addRow(self.tr("Split"), split_row)
        # A label with a row of widgets has no buddy unless given one: its & would show.
        destination_label = QLabel(self.tr("Des&tination"))
        destination_label.setBuddy(self.destination)
        form.addRow(destination_label, destination_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        preview_label = QLabel(self.tr("&What will be written"))
        preview_label.setBuddy(self.preview)
        preview_label.setVisible(self._preview is not None)
        layout.addWidget(preview_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 0)

    # --- what the choices imply ------------------------------------------------------------

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _writes_folder(self) -> bool:
        return self.split.isChecked() or FORMATS[self.chosen_format()].kind == "folder"

    def _format_changed(self) -> None:
        """The layers a format can take (every layer only for jsonl), gold first by default,
        and a destination beside the project named after the format."""
        name = self.chosen_format()
        current = self.layer.currentText()
        self.layer.clear()
        if name == "jsonl" or name in ALL_LAYER_FORMATS:
            # jsonl: the whole project; Label Studio: each layer its own annotation.
            self.layer.addItem(self.tr(EVERY_LAYER))
        self.layer.addItems(self.layers)
        preferred = [current, GOLD if name != "jsonl" else self.tr(EVERY_LAYER), self.annotator]
        for choice in preferred:
            if choice and self.layer.findText(choice) >= 0:
                self.layer.setCurrentIndex(self.layer.findText(choice))
                break
        self._suggest_destination()

    def _split_toggled(self, on: bool) -> None:
        self.parts.setEnabled(on)
        self.seed.setEnabled(on)
        self._suggest_destination()

    def _suggest_destination(self) -> None:
        fmt = FORMATS[self.chosen_format()]
        stem = self.project.name
        for ending in (".db", ".annotator"):  # demo.annotator.db -> demo
            stem = stem.removesuffix(ending)
        suffix = "" if self._writes_folder() else fmt.suffix
        self.destination.setText(str(self.project.parent / f"{stem}-{fmt.name}{suffix}"))
        what = self.tr("a folder") if self._writes_folder() else self.tr("a file")
        self.hint.setText(
            self.tr("Writes {what}; nothing appears there until the export is complete.").format(
                what=what
            )
        )
        self.problem.clear()

    def _browse(self) -> None:
        if self._writes_folder():
            path = QFileDialog.getExistingDirectory(
                self, self.tr("Export into"), self.destination.text()
            )
        else:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), self.destination.text()
            )
        if path:
            self.destination.setText(path)

    # --- the request -------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        """The request the choices make; AnnotatorError says what is wrong with them."""
        layer = self.layer.currentText()
        if not layer:
            raise AnnotatorError(self.tr("This project has no layer to export yet."))
        text = self.destination.text().strip()
        if not text:
            raise AnnotatorError(self.tr("Choose where to write the export."))
        every = layer == self.tr(EVERY_LAYER)
        request = ExportRequest(
            format=self.chosen_format(),
            out=Path(text).expanduser(),
            annotator=None if every else layer,
            all_layers=every and self.chosen_format() in ALL_LAYER_FORMATS,
            status=Status.DONE if self.documents.currentText() == self.tr(DONE_ONLY) else None,
            split=parse_split(self.parts.text()) if self.split.isChecked() else None,
            seed=self.seed.value(),
        )
        check_request(request)
        return request

    def _schedule_preview(self) -> None:
        if self._preview is not None:
            self._latest += 1  # a preview running now answers choices no longer made
            self.preview_timer.start()

    def refresh_preview(self) -> None:
        """Show what the current choices will write (or why they cannot run). Worked out in
        a worker (a second or two at 100,000 documents), so the dialog keeps taking keys;
        the last answer stays shown until the one for the latest choices replaces it."""
        if self._preview is None:
            return
        self._latest += 1
        try:
            request = self.request()
        except AnnotatorError as exc:
            self.preview.setPlainText(str(exc))
            return
        if self._job is not None:  # one at a time: the previewer is not shared by threads
            self._waiting = request
            return
        self._start_preview(request)

    def _start_preview(self, request: ExportRequest) -> None:
        preview = self._preview
        assert preview is not None
        job = TransferJob(lambda _progress: preview(request), self._latest)
        job.done.connect(self._previewed)
        job.failed.connect(self._previewed)
        job.finished.connect(self._preview_ended)
        self._job = job
        job.start()

    def _previewed(self, tag: int, answer: object) -> None:
        if tag != self._latest:
            return  # overtaken by later choices: its answer would show the wrong thing
        lines = answer if isinstance(answer, list) else [str(answer)]
        self.preview.setPlainText("\n".join(str(line) for line in lines))

    def _preview_ended(self) -> None:
        self._job = None
        waiting, self._waiting = self._waiting, None
        if waiting is not None and self.isVisible():
            self._start_preview(waiting)
        else:
            self._release_when_idle()

    def _release_when_idle(self) -> None:
        if self._release is None or self.isVisible():
            return
        release, self._release = self._release, None
        if self._job is None:
            release()
        else:  # a plain function: it runs when the job ends even if the dialog is gone
            self._job.finished.connect(release)

    def submit(self) -> None:
        try:
            request = self.request()
        except AnnotatorError as exc:
            self.problem.setText(str(exc))
            return
        self.preview_timer.stop()  # the export runs now: a preview of it would only delay it
        self.accept()
        self.requested.emit(request)
