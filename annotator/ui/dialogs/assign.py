"""The Assign dialog: annotators, the overlap share and how many share each such document."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.edits.assignment import AssignDocuments


class AssignDialog(QDialog):
    def __init__(self, annotators: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents"))
        self.annotators = QLineEdit(", ".join(annotators))
        self.annotators.setPlaceholderText(self.tr("alice, bob, carol"))
        self.annotators.setAccessibleName(self.tr("Annotators"))
        self.overlap = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, value=0.2)
        self.overlap.setAccessibleName(self.tr("Overlap share"))
        self.per_document = QSpinBox(minimum=2, maximum=20, value=2)
        self.per_document.setAccessibleName(self.tr("Annotators per overlap document"))
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        self.seed.setAccessibleName(self.tr("Seed"))
        self.reassign = QCheckBox(self.tr("Hand every document out anew (work already done stays)"))
        form = QFormLayout(self)
        form.addRow(self.tr("Annotators:"), self.annotators)
        form.addRow(self.tr("Share given to several:"), self.overlap)
        form.addRow(self.tr("Annotators per shared document:"), self.per_document)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.reassign)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def edit(self) -> AssignDocuments:
        """The assignment the dialog describes."""
        names = [n.strip() for n in self.annotators.text().split(",") if n.strip()]
        return AssignDocuments(
            names,
            overlap=self.overlap.value(),
            per_document=self.per_document.value(),
            seed=self.seed.value(),
            reassign=self.reassign.isChecked(),
        )
