"""One document's versions side by side: each annotator's spans, disagreeing ones marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import agreement_report
from annotator.model import AnnotationSet, DocumentId, Status
from annotator.model.schema import DOCUMENT, Schema
from annotator.store import Project
from annotator.ui.panels.span_table import speakers_of
from annotator.ui.translation import status_text

_HIGHLIGHT = QColor(0xD5, 0x5E, 0x00, 80)  # vermillion as in the heat map; reads on dark too


def disagreeing_spans(sets: Sequence[AnnotationSet], schema: Schema) -> dict[str, dict[Any, str]]:
    """Annotator -> (label, start, end) of their disagreeing spans -> the kinds, for one
    document; the key DOCUMENT holds the disagreeing document attributes."""
    # Every version shown is compared, whatever its status.
    counted = [replace(s, status=Status.DONE) for s in sets]
    names = [s.annotator for s in sets]
    report = agreement_report(counted, schema, annotators=names)
    found: dict[str, dict[Any, str]] = {}
    for entry in report["disagreements"]:
        for name, (start, end, _) in entry["spans"].items():
            key = DOCUMENT if entry["label"] == DOCUMENT else (entry["label"], start, end)
            kinds = found.setdefault(name, {})
            kinds[key] = f"{kinds[key]}, {entry['kind']}" if key in kinds else entry["kind"]
    return found


class VersionsDialog(QDialog):
    """One document's annotations by several annotators, side by side, read-only."""

    def __init__(
        self,
        project: Project,
        document: str,
        annotators: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        found = project.documents.get(DocumentId(document))
        text = found.text if found else ""
        self.setWindowTitle(
            self.tr("{0} — versions").format((found.title if found else "") or document)
        )
        sets = [project.sets.get(DocumentId(document), n) for n in annotators]
        marks = disagreeing_spans(sets, project.schema)
        self.columns: dict[str, QListWidget] = {}
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for annotation in sets:
            column = self._column(annotation, text, marks.get(annotation.annotator, {}))
            self.columns[annotation.annotator] = column
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            status = status_text(annotation.status)
            layout.addWidget(
                QLabel(self.tr("<b>{0}</b> · {status}").format(annotation.annotator, status=status))
            )
            layout.addWidget(column, 1)
            splitter.addWidget(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Document {document}; disagreeing annotations highlighted.").format(
                    document=document
                )
            )
        )
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(min(420 * max(len(sets), 1), 1300), 560)

    @staticmethod
    def _column(annotation: AnnotationSet, text: str, marks: dict[Any, str]) -> QListWidget:
        column = QListWidget()
        column.setAccessibleName(
            QCoreApplication.translate("VersionsDialog", "{0}'s annotations").format(
                annotation.annotator
            )
        )
        column.setWordWrap(True)
        column.setSpacing(2)  # highlighted neighbours stay two rows, not one block
        rows: list[tuple[str, str | None]] = []
        if annotation.doc_attrs:
            attrs = ", ".join(f"{k}={v}" for k, v in annotation.doc_attrs.items())
            rows.append((f"document: {attrs}", marks.get(DOCUMENT)))
        # A QUOTE's speaker lives on its linked SPEAKER; show it where it is compared.
        speakers = speakers_of(annotation, text)
        for span in sorted(annotation.spans, key=lambda s: (s.start, s.end, s.label)):
            values = dict(span.attrs)
            if span.id in speakers:
                values.setdefault("speaker", speakers[span.id])
            attrs = ", ".join(f"{k}={v}" for k, v in values.items())
            covered = " ".join(text[span.start : span.end].split())
            line = f"{span.label} [{span.start}–{span.end}] {covered}  {attrs}".rstrip()
            rows.append((line, marks.get((span.label, span.start, span.end))))
        for line, kinds in rows:
            item = QListWidgetItem(line)
            if kinds:
                item.setBackground(_HIGHLIGHT)
                item.setToolTip(
                    QCoreApplication.translate("VersionsDialog", "Disagreement: {kinds}").format(
                        kinds=kinds
                    )
                )
            column.addItem(item)
        if not rows:
            column.addItem(QCoreApplication.translate("VersionsDialog", "(no annotations)"))
        return column
