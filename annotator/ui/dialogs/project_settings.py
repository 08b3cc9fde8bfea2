"""File > Project settings: the schema, with labels and values to add, rename, recolour, remove.

Every change is a ChangeSchema edit on the session's undo stack; the window reloads with
the new schema when the dialog closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.edits.schema import ChangeSchema
from annotator.errors import AnnotatorError
from annotator.model import AttrValue
from annotator.model.schema import Attribute, Label, Schema
from annotator.model.schema_writer import (
    add_label,
    add_value,
    recolor_label,
    remove_label,
    remove_value,
    rename_label,
    rename_value,
    to_toml,
)
from annotator.ui.icons import swatch
from annotator.ui.session import Session

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


class ProjectSettings(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.changed = False
        self.setWindowTitle(self.tr("Project settings"))
        self.resize(760, 620)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Labels and attributes"))
        self.tree.setHeaderLabels([self.tr("Schema"), self.tr("Key"), self.tr("Used by")])
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setAccessibleName(self.tr("Schema file"))
        buttons = QGridLayout()
        for index, (text, slot) in enumerate(
            (
                (self.tr("Add label…"), self.add_label),
                (self.tr("Rename…"), self.rename),
                (self.tr("Colour…"), self.recolor),
                (self.tr("Remove"), self.remove),
                (self.tr("Add value…"), self.add_value),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 3, index % 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("The schema file (TOML), as stored in the project:")))
        layout.addWidget(self.source, 2)
        layout.addWidget(close)
        self.refresh()

    # --- the tree ----------------------------------------------------------------------------

    def refresh(self) -> None:
        schema = self.session.project.schema
        usage = self.session.project.usage
        self.tree.clear()
        labels = QTreeWidgetItem([self.tr("Labels")])
        for label in schema.labels:
            uses = len(usage.span_ids_with_label(label.name))
            item = QTreeWidgetItem([label.name, label.key, str(uses)])
            item.setIcon(0, swatch(label.color))
            item.setToolTip(0, label.description)
            item.setData(0, KIND_ROLE, ("label", label.name))
            labels.addChild(item)
        attributes = QTreeWidgetItem([self.tr("Attributes")])
        for attribute in schema.attributes:
            owner = ", ".join(attribute.applies_to)
            item = QTreeWidgetItem([f"{attribute.name} ({owner})", attribute.key, ""])
            item.setData(0, KIND_ROLE, ("attribute", attribute))
            for value in attribute.values:
                child = QTreeWidgetItem([str(value), "", str(self._value_uses(attribute, value))])
                child.setData(0, KIND_ROLE, ("value", (attribute, value)))
                item.addChild(child)
            attributes.addChild(item)
        self.tree.addTopLevelItems([labels, attributes])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.source.setPlainText(schema.source or to_toml(schema))

    def _value_uses(self, attribute: Attribute, value: AttrValue) -> int:
        usage = self.session.project.usage
        labels = [n for n in attribute.applies_to if n != "document"]
        spans = usage.span_ids_with_value(attribute.name, value, labels) if labels else []
        sets = usage.sets_with_doc_value(attribute.name, value) if attribute.on_document else []
        return len(spans) + len(sets)

    def _selected(self) -> tuple[str, object] | None:
        item = self.tree.currentItem()
        data = item.data(0, KIND_ROLE) if item else None
        return data if isinstance(data, tuple) else None

    # --- changes -------------------------------------------------------------------------------

    def _push(self, build: Callable[[], Schema], **edit: Any) -> None:
        """Build the new schema (may refuse) and push the edit; show why if it fails."""
        try:
            after = build()
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return
        failed: list[str] = []
        self.session.failed.connect(failed.append)
        try:
            done = self.session.push(ChangeSchema(after, **edit))
        finally:
            self.session.failed.disconnect(failed.append)
        self.message.setText(failed[0] if failed else "")
        if done:
            self.changed = True
            self.refresh()

    def add_label(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Add label"), self.tr("Name of the new label:")
        )
        if not ok or not name.strip():
            return
        schema = self.session.project.schema
        key, _ = QInputDialog.getText(
            self, self.tr("Add label"), self.tr("Its key (one character, optional):")
        )
        color = PALETTE[len(schema.labels) % len(PALETTE)]
        label = Label(name.strip(), key.strip()[:1], color)
        self._push(
            lambda: add_label(schema, label), text=self.tr("add label {0}").format(label.name)
        )

    def rename(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, data = selected
        schema = self.session.project.schema
        if kind == "label":
            old = str(data)
            new, ok = QInputDialog.getText(
                self,
                self.tr("Rename label"),
                self.tr("New name for {old}:").format(old=old),
                text=old,
            )
            if ok and new.strip() and new.strip() != old:
                self._push(
                    lambda: rename_label(schema, old, new.strip()),
                    text=self.tr("rename label {0}").format(old),
                    rename_label=(old, new.strip()),
                )
        elif kind == "value":
            attribute, value = cast(tuple[Attribute, AttrValue], data)
            new, ok = QInputDialog.getText(
                self,
                self.tr("Rename value"),
                self.tr("New name for {value}:").format(value=value),
                text=str(value),
            )
            if ok and new.strip() and new.strip() != str(value):
                self._push(
                    lambda: rename_value(schema, attribute, value, new.strip()),
                    text=self.tr("rename value {0}").format(value),
                    attribute=attribute,
                    rename_value=(value, new.strip()),
                )

    def recolor(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] != "label":
            self.message.setText(self.tr("select a label to recolour"))
            return
        schema = self.session.project.schema
        name = str(selected[1])
        current = schema.label(name)
        color = QColorDialog.getColor(QColor(current.color if current else "#999999"), self)
        if color.isValid():
            self._push(
                lambda: recolor_label(schema, name, color.name().upper()),
                text=self.tr("recolour {0}").format(name),
            )

    def remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, data = selected
        schema = self.session.project.schema
        if kind == "label":
            name = str(data)
            self._push(
                lambda: remove_label(schema, name),
                text=self.tr("remove label {0}").format(name),
                remove_label=name,
            )
        elif kind == "value":
            attribute, value = cast(tuple[Attribute, AttrValue], data)
            self._push(
                lambda: remove_value(schema, attribute, value),
                text=self.tr("remove value {0}").format(value),
                attribute=attribute,
                remove_value=value,
            )

    def add_value(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] not in ("attribute", "value"):
            self.message.setText(self.tr("select an attribute to add a value to"))
            return
        data = selected[1]
        attribute = data if isinstance(data, Attribute) else cast(tuple[Attribute, Any], data)[0]
        value, ok = QInputDialog.getText(
            self, self.tr("Add value"), self.tr("New value of {0}:").format(attribute.name)
        )
        if ok and value.strip():
            schema = self.session.project.schema
            self._push(
                lambda: add_value(schema, attribute, value.strip()),
                text=self.tr("add value {0}").format(value.strip()),
            )
