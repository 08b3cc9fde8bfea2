"""Panels for the project's registries: speakers (rename, merge, their quotes) and targets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.edits.registry import (
    DeleteTarget,
    MergeSpeakers,
    MergeTargets,
    SaveSpeaker,
    SaveTarget,
)
from annotator.model import DocumentId, Speaker, SpeakerType, Target
from annotator.ui.session import Session

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class SpeakerDialog(QDialog):
    def __init__(self, speaker: Speaker | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Speaker") if speaker else self.tr("New speaker"))
        self.name = QLineEdit(speaker.name if speaker else "")
        self.kind = QComboBox()
        self.kind.addItems([t.value for t in SpeakerType])
        if speaker:
            self.kind.setCurrentText(speaker.type.value)
        self.description = QLineEdit(speaker.description if speaker else "")
        self.description.setPlaceholderText(self.tr("e.g. Kremlin spokesperson"))
        self.wikidata = QLineEdit(speaker.wikidata if speaker else "")
        self.wikidata.setPlaceholderText(self.tr("e.g. Q1968283"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Canonical name"), self.name)
        form.addRow(self.tr("&Type"), self.kind)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Wikidata id"), self.wikidata)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def speaker(self) -> Speaker:
        return Speaker(
            self.name.text().strip(),
            SpeakerType(self.kind.currentText()),
            self.description.text().strip(),
            self.wikidata.text().strip(),
        )


class _RegistryPanel(QWidget):
    """A list of registry entries with buttons; subclasses say what the entries are."""

    def __init__(
        self,
        session: Session,
        name: str,
        headers: list[str],
        buttons: list[tuple[str, Callable[[], None], str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(name)
        self.tree.setHeaderLabels(headers)
        self.tree.setRootIsDecorated(False)
        self.buttons = QHBoxLayout()
        for text, slot, tip in buttons:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)

    def fill(self, rows: list[tuple[str, list[str], int, str]]) -> None:
        """(name, cells, tooltip column, tooltip) per entry; the selection is kept."""
        selected = self.selected()
        self.tree.clear()
        for name, cells, tip_column, tip in rows:
            item = QTreeWidgetItem(cells)
            item.setData(0, NAME_ROLE, name)
            item.setToolTip(tip_column, tip)
            self.tree.addTopLevelItem(item)
            if name == selected:
                self.tree.setCurrentItem(item)
        self.tree.resizeColumnToContents(0)

    def selected(self) -> str | None:
        item = self.tree.currentItem()
        return str(item.data(0, NAME_ROLE)) if item else None

    def choose_other(self, title: str, prompt: str, names: list[str]) -> str | None:
        """Another entry than the selected one, picked from a list (None if cancelled)."""
        current = self.selected()
        others = [n for n in names if n != current]
        chosen, ok = QInputDialog.getItem(self, title, prompt, others, 0, False)
        return chosen if ok and chosen else None


class SpeakersPanel(_RegistryPanel):
    """Every speaker with their mentions; select one to see their quotes across the corpus."""

    quote_chosen = Signal(str, int)  # document id, start offset

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Speakers"),
            [self.tr("Speaker"), self.tr("Type"), self.tr("Mentions")],
            [
                (self.tr("New…"), self.new_speaker, self.tr("Add a speaker to the registry")),
                (
                    self.tr("Edit…"),
                    self.edit_speaker,
                    self.tr("Rename or describe the selected speaker"),
                ),
                (
                    self.tr("Merge into…"),
                    self.merge_speaker,
                    self.tr("The selected speaker is another one"),
                ),
            ],
            parent,
        )
        self.tree.itemSelectionChanged.connect(self._show_quotes)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_speaker())
        self.quotes = QListWidget()
        self.quotes.setAccessibleName(self.tr("Quotes of the selected speaker"))
        self.quotes.itemActivated.connect(self._open_quote)
        self.quotes.itemClicked.connect(self._open_quote)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 2)
        layout.addLayout(self.buttons)
        layout.addWidget(QLabel(self.tr("Quotes attributed to this speaker:")))
        layout.addWidget(self.quotes, 1)

    def refresh(self) -> None:
        counts = self.session.project.speaker_uses.counts()
        self.fill(
            [
                (
                    s.name,
                    [s.name, s.type.value, str(counts.get(s.name, 0))],
                    0,
                    "\n".join(filter(None, [s.description, s.wikidata])),
                )
                for s in self.session.project.speakers.all()
            ]
        )

    def new_speaker(self) -> None:
        dialog = SpeakerDialog(None, self)
        if dialog.exec():
            self.session.push(SaveSpeaker(dialog.speaker()))

    def edit_speaker(self) -> None:
        name = self.selected()
        speaker = self.session.project.speakers.get(name) if name else None
        if speaker is None:
            return
        dialog = SpeakerDialog(speaker, self)
        if dialog.exec() and dialog.speaker() != speaker:
            self.session.push(SaveSpeaker(dialog.speaker(), speaker.name))

    def merge_speaker(self) -> None:
        name = self.selected()
        if name is None:
            return
        names = [s.name for s in self.session.project.speakers.all()]
        into = self.choose_other(
            self.tr("Merge speaker"), self.tr("“{0}” is the same speaker as:").format(name), names
        )
        if into:
            self.session.push(MergeSpeakers(name, into))

    def _show_quotes(self) -> None:
        self.quotes.clear()
        name = self.selected()
        if name is None:
            return
        project = self.session.project
        texts: dict[str, str] = {}
        for document, annotator, start, end in project.speaker_uses.quotes_of(name):
            if document not in texts:
                found = project.documents.get(DocumentId(document))
                texts[document] = found.text if found else ""
            snippet = " ".join(texts[document][start:end].split())[:90]
            item = QListWidgetItem(f"{document} · {annotator}: {snippet}")
            item.setData(NAME_ROLE, (document, start))
            self.quotes.addItem(item)

    def _open_quote(self, item: QListWidgetItem) -> None:
        document, start = item.data(NAME_ROLE)
        self.quote_chosen.emit(document, start)


class TargetDialog(QDialog):
    def __init__(self, target: Target | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stance target") if target else self.tr("New stance target"))
        self.label = QLineEdit(target.label if target else "")
        self.label.setPlaceholderText(self.tr("e.g. Ukraine joining NATO"))
        self.definition = QPlainTextEdit(target.definition if target else "")
        self.definition.setPlaceholderText(
            self.tr("What FAVOR means, e.g. FAVOR = supports Ukraine joining NATO")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("&Label"), self.label)
        form.addRow(self.tr("&Definition"), self.definition)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def target(self) -> Target:
        return Target(self.label.text().strip(), self.definition.toPlainText().strip())


class TargetsPanel(_RegistryPanel):
    """Stance targets with what FAVOR means for each; used ones merge rather than vanish."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Stance targets"),
            [self.tr("Target"), self.tr("Uses"), self.tr("Definition")],
            [
                (self.tr("New…"), self.new_target, self.tr("Propose a new stance target")),
                (
                    self.tr("Edit…"),
                    self.edit_target,
                    self.tr("Rename the target or define what FAVOR means"),
                ),
                (
                    self.tr("Merge into…"),
                    self.merge_target,
                    self.tr("Fold this target into another one"),
                ),
                (self.tr("Delete"), self.delete_target, self.tr("Delete an unused target")),
            ],
            parent,
        )
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_target())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addLayout(self.buttons)

    def refresh(self) -> None:
        counts = self.session.project.target_uses.counts()
        self.fill(
            [
                (t.label, [t.label, str(counts.get(t.label, 0)), t.definition], 2, t.definition)
                for t in self.session.project.targets.all()
            ]
        )

    def new_target(self) -> None:
        dialog = TargetDialog(None, self)
        if dialog.exec():
            self.session.push(SaveTarget(dialog.target()))

    def edit_target(self) -> None:
        label = self.selected()
        target = self.session.project.targets.get(label) if label else None
        if target is None:
            return
        dialog = TargetDialog(target, self)
        if dialog.exec() and dialog.target() != target:
            self.session.push(SaveTarget(dialog.target(), target.label))

    def merge_target(self) -> None:
        label = self.selected()
        if label is None:
            return
        labels = [t.label for t in self.session.project.targets.all()]
        into = self.choose_other(
            self.tr("Merge target"), self.tr("Fold “{0}” into:").format(label), labels
        )
        if into:
            self.session.push(MergeTargets(label, into))

    def delete_target(self) -> None:
        label = self.selected()
        if label is not None:
            self.session.push(DeleteTarget(label))
