"""The recovery screen: a project too damaged to open for editing. It says what is wrong in
one sentence and offers the newest good backup (restored on a click, the damaged file kept
beside it) or the damaged file read-only; the application shell does what is chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import DamagedProjectError
from annotator.store.backup import BackupInfo
from annotator.store.filesystem import human_size
from annotator.ui.dialogs.backups import REASONS


class RecoveryDialog(QDialog):
    """Restore the newest good backup, open read-only, or cancel. Not modal to the code that
    shows it: the choice arrives as a signal (Cancel is ``rejected``)."""

    restore_chosen = Signal()
    read_only_chosen = Signal()

    def __init__(
        self,
        path: Path,
        problem: DamagedProjectError,
        backup: BackupInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotator — damaged project"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("<b>{0} cannot be opened for editing.</b>").format(path.name))
        self.problem = QLabel(self._in_window_words(problem))
        self.problem.setWordWrap(True)
        if backup is not None:
            offer = self.tr(
                "The newest good backup is from {0} ({1}, {2}). Restoring it replaces the "
                "project; the damaged file is kept beside it as {3}.replaced-<time>.db."
            ).format(
                f"{backup.created:%Y-%m-%d %H:%M:%S}",
                REASONS.get(backup.reason, backup.reason),
                human_size(backup.bytes),
                path.name,
            )
        else:
            offer = self.tr("There is no good backup of it in {0}.").format(path.name + ".backups")
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)
        read_only = QLabel(
            self.tr(
                "Opening it read-only shows what is still readable; nothing can be changed, "
                "and File › Export can save what is readable."
            )
        )
        read_only.setWordWrap(True)
        for widget in (heading, self.problem, self.offer, read_only):
            layout.addWidget(widget)
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                self.tr("Restore backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(self._restore)
        self.read_only_button = buttons.addButton(
            self.tr("Open read-only"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.read_only_button.clicked.connect(self._read_only)
        if backup is None:
            self.read_only_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _in_window_words(self, problem: DamagedProjectError) -> str:
        """The problem without the command line's advice (``annotator restore``, ``export
        --skip-damaged``): here the buttons below are the way out, and they say so."""
        return self.tr("The file is damaged; SQLite reports: {0}.").format(problem.detail)

    def _restore(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
        self.restore_chosen.emit()

    def _read_only(self) -> None:
        self.done(QDialog.DialogCode.Accepted)
        self.read_only_chosen.emit()
