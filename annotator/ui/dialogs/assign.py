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
        self.setWindowTitle("Assign documents")
        self.annotators = QLineEdit(", ".join(annotators))
        self.annotators.setPlaceholderText("alice, bob, carol")
        self.annotators.setAccessibleName("Annotators")
        self.overlap = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, value=0.2)
        self.overlap.setAccessibleName("Overlap share")
        self.per_document = QSpinBox(minimum=2, maximum=20, value=2)
        self.per_document.setAccessibleName("Annotators per overlap document")
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        self.seed.setAccessibleName("Seed")
        self.reassign = QCheckBox("Hand every document out anew (work already done stays)")
        form = QFormLayout(self)
        form.addRow("Annotators:", self.annotators)
        form.addRow("Share given to several:", self.overlap)
        form.addRow("Annotators per shared document:", self.per_document)
        form.addRow("Seed:", self.seed)
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
