"""The inspector: the selected span's label, attributes and links, or the document's attributes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.model import AnnotationSet, AttrValue, RelationId, Span
from annotator.model.attribution import is_pronoun
from annotator.model.schema import DOCUMENT, Attribute, Schema
from annotator.model.snippet import quoted
from annotator.ui.icons import icon, swatch

NONE_TEXT = "—"


def value_from_text(attribute: Attribute, text: str) -> AttrValue | None:
    """What the user picked, as the schema's own value (numbers stay numbers)."""
    if text in ("", NONE_TEXT):
        return None
    for value in attribute.values:
        if str(value) == text:
            return value
    return text


class AttributeEditor(QComboBox):
    """A dropdown for a closed attribute, an editable combo with suggestions for an open one."""

    value_chosen = Signal(str, object)  # attribute name, value or None
    #: Return pressed in the typed value: the annotator is done here, back to the text.
    finished = Signal()

    def __init__(self, attribute: Attribute, suggestions: list[str]) -> None:
        super().__init__()
        self.attribute = attribute
        self._shown = NONE_TEXT  # what the store holds, so re-choosing it pushes nothing
        self._offered = False  # whether item 1 is a new value offered (offer_new)
        self.setEditable(attribute.open or not attribute.values)
        self.addItem(NONE_TEXT)
        for value in attribute.values:
            self.addItem(str(value))
            description = attribute.value_descriptions.get(str(value))
            if description:
                self.setItemData(self.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        for suggestion in suggestions:
            if self.findText(suggestion) < 0:
                self.addItem(suggestion)
        hint = f" (key {attribute.key.upper()} cycles)" if attribute.key else ""
        self.setToolTip((attribute.description or attribute.name) + hint)
        self.setAccessibleName(attribute.name)
        line = self.lineEdit() if self.isEditable() else None
        if line is not None:
            line.setPlaceholderText(self.tr("type or pick"))
            # Inline completion would silently turn a typed "Peskov" into the offered mention
            # "Peskov declined" on Return; a popup suggests without changing what was typed.
            completer = self.completer()
            if completer is not None:
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            line.editingFinished.connect(self._commit)
            line.returnPressed.connect(self.finished)
        self.activated.connect(self._commit)
        self._own = self.count()  # the list's own items; shown values are added after them

    def reset(self, value: AttrValue | None, new: str | None = None) -> None:
        """Show another span's ``value`` (and offer its ``new`` value), as if built for it:
        what was added to show or offer for the span before goes."""
        self.blockSignals(True)
        while self.count() > self._own + self._offered:
            self.removeItem(self.count() - 1)
        if self._offered:
            self.removeItem(1)
            self._offered = False
        self.blockSignals(False)
        if new:
            self.offer_new(new)
        self.show_value(value)

    def offer_new(self, text: str) -> None:
        """Put ``text`` first in the list as a new value (e.g. a new speaker, as written)."""
        self._offered = True
        self.insertItem(1, text)
        self.setItemData(
            1, self.tr("New: add “{0}” to the registry").format(text), Qt.ItemDataRole.ToolTipRole
        )

    def show_value(self, value: AttrValue | None) -> None:
        self.blockSignals(True)
        text = NONE_TEXT if value is None else str(value)
        if self.findText(text) < 0:
            self.addItem(text)
        self.setCurrentText(text)
        self.blockSignals(False)
        self._shown = text

    def _commit(self, *_: object) -> None:
        text = self.currentText().strip()
        if text == self._shown:
            return
        self._shown = text
        self.value_chosen.emit(self.attribute.name, value_from_text(self.attribute, text))


class Inspector(QWidget):
    """Emits what the user asks for; the window turns requests into Edits."""

    attribute_chosen = Signal(object, str, object)  # span id, name, value
    doc_attribute_chosen = Signal(str, object)
    label_chosen = Signal(object, str)  # span id, label
    relation_removed = Signal(object)  # relation id
    #: A typed value was entered with Return: focus should go back to the text.
    editing_finished = Signal()

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self._suggestions: dict[str, list[str]] = {}
        # The forms built offer older suggestions: built again on their next use.
        self._offers_changed = False
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.label_box = QComboBox()
        self.label_box.setAccessibleName(self.tr("Label"))
        for number, label in enumerate(schema.labels, start=1):
            key = (
                self.tr("{0} or {1}").format(label.key.upper(), number)
                if label.key
                else str(number)
            )
            self.label_box.addItem(swatch(label.color), label.name)
            self.label_box.setItemData(
                number - 1,
                self.tr("{0}\nKey: {1}").format(label.description, key),
                Qt.ItemDataRole.ToolTipRole,
            )
        self.label_box.activated.connect(self._label_changed)
        self.form_box = QGroupBox(self.tr("Attributes"))
        # One page of editors per set of attributes, built on first use and then only
        # refilled: building the combo boxes again on every key press was most of the
        # panels' refresh after a label key (~20 ms). Known by the label's name (DOCUMENT
        # for the document's, a name no label may take): the schema is this inspector's for
        # its life (a schema edit reopens the project, and the window with it), so a label's
        # attributes never change. Not by the attributes' names: two labels may each have
        # an attribute of one name with other values.
        self.pages = QStackedWidget()
        QVBoxLayout(self.form_box).addWidget(self.pages)
        self._built: dict[str, tuple[QWidget, dict[str, AttributeEditor]]] = {}
        self.links_box = QGroupBox(self.tr("Links"))
        self.links = QListWidget()
        self.links.setAccessibleName(self.tr("Links"))
        self.unlink = QPushButton(icon("delete"), self.tr("Remove link"))
        self.unlink.setToolTip(self.tr("Remove the selected link"))
        self.unlink.clicked.connect(self._remove_link)
        links_layout = QVBoxLayout(self.links_box)
        links_layout.addWidget(self.links)
        links_layout.addWidget(self.unlink, 0, Qt.AlignmentFlag.AlignRight)
        label_row = QHBoxLayout()
        self.label_caption = QLabel(self.tr("&Label"))
        self.label_caption.setBuddy(self.label_box)
        label_row.addWidget(self.label_caption)
        label_row.addWidget(self.label_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(label_row)
        layout.addWidget(self.form_box)
        layout.addWidget(self.links_box)
        layout.addStretch(1)
        self._label_row = label_row
        self._span: Span | None = None
        self.editors: dict[str, AttributeEditor] = {}

    @property
    def suggestions(self) -> dict[str, list[str]]:
        """Values offered per open attribute (the speaker and target registries)."""
        return self._suggestions

    @suggestions.setter
    def suggestions(self, suggestions: dict[str, list[str]]) -> None:
        self._suggestions = suggestions
        self._offers_changed = True

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.label_box, self.form_box, self.unlink):
            widget.setEnabled(not read_only)

    def show_span(
        self, span: Span, text: str, annotation: AnnotationSet, speaker: str = ""
    ) -> None:
        """Show ``span``; ``speaker`` is who a quote is attributed to, if anyone."""
        self._span = span
        covered = " ".join(text[span.start : span.end].split())
        shown = covered if len(covered) <= 140 else covered[:139] + "…"
        said_by = (
            self.tr("\nSaid by: {0}").format(speaker)
            if speaker and "speaker" not in span.attrs
            else ""
        )
        self.title.setText(f"{span.label} [{span.start}–{span.end}]  {shown}{said_by}")
        self.label_box.setVisible(True)
        self.label_caption.setVisible(True)
        self.label_box.setCurrentText(span.label)
        # A mention not yet in the registry is offered as a new speaker, as written; a pronoun
        # ("he told Reuters") names no one, the annotator picks who it refers to.
        mention = covered if len(covered) <= 80 and not is_pronoun(covered) else ""
        self._fill(
            span.label,
            self.schema.span_attributes(span.label),
            span.attrs,
            {"speaker": mention} if mention else {},
        )
        self.form_box.setTitle(self.tr("{0} attributes").format(span.label))
        mine = [r for r in annotation.relations if span.id in (r.head, r.child)]
        # Only a linked span needs the others by id: a long document has 50,000 of them.
        by_id = {s.id: s for s in annotation.spans} if mine else {}
        self.links.clear()
        for relation in mine:
            other = by_id.get(relation.child if relation.head == span.id else relation.head)
            if other is None:
                continue
            arrow = "→" if relation.head == span.id else "←"
            shown = quoted(text[other.start : other.end])
            item = QListWidgetItem(f"{relation.label} {arrow} {other.label} {shown}")
            item.setData(Qt.ItemDataRole.UserRole, relation.id)
            self.links.addItem(item)
        self.links_box.setVisible(True)
        self.unlink.setEnabled(self.links.count() > 0)

    def show_document(self, title: str, annotation: AnnotationSet | None) -> None:
        self._span = None
        self.title.setText(
            self.tr(
                "Document: {title}\nNo span selected: select text and press a label key, or Tab "
                "to the next span."
            ).format(title=title)
        )
        self.label_box.setVisible(False)
        self.label_caption.setVisible(False)
        self.links_box.setVisible(False)
        self.form_box.setTitle(self.tr("Document attributes"))
        self._fill(
            DOCUMENT,
            self.schema.document_attributes,
            annotation.doc_attrs if annotation else {},
        )

    def _fill(
        self,
        form: str,
        attributes: tuple[Attribute, ...],
        values: dict[str, AttrValue],
        new_values: dict[str, str] | None = None,
    ) -> None:
        if self._offers_changed:
            self._offers_changed = False
            for page, _ in self._built.values():
                self.pages.removeWidget(page)
                page.deleteLater()
            self._built.clear()
        found = self._built.get(form)
        if found is None:
            found = self._built[form] = self._page(attributes)
        page, self.editors = found
        if self.pages.currentWidget() is not page:
            current = self.pages.currentWidget()
            if current is not None:  # a hidden page must not hold the panel to its height
                current.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            self.pages.setCurrentWidget(page)
        previous: QWidget = self.label_box
        for attribute in attributes:
            known = self.suggestions.get(attribute.name, [])
            offered = (new_values or {}).get(attribute.name)
            new = offered if offered not in known and attribute.name not in values else None
            editor = self.editors[attribute.name]
            editor.reset(values.get(attribute.name), new)
            # In reading order for Tab: the label, these editors, the links.
            QWidget.setTabOrder(previous, editor)
            previous = editor
        QWidget.setTabOrder(previous, self.links)
        QWidget.setTabOrder(self.links, self.unlink)

    def _page(
        self, attributes: tuple[Attribute, ...]
    ) -> tuple[QWidget, dict[str, AttributeEditor]]:
        """A form of editors for ``attributes``, added to the pages."""
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        editors: dict[str, AttributeEditor] = {}
        for attribute in attributes:
            editor = AttributeEditor(attribute, self.suggestions.get(attribute.name, []))
            editor.value_chosen.connect(self._value_chosen)
            editor.finished.connect(self.editing_finished)
            name = attribute.name.replace("_", " ")
            caption = QLabel(f"{name} ({attribute.key.upper()})" if attribute.key else name)
            caption.setToolTip(attribute.description)
            caption.setBuddy(editor)
            form.addRow(caption, editor)
            editors[attribute.name] = editor
        if not attributes:
            form.addRow(QLabel(self.tr("none in the schema")))
        self.pages.addWidget(page)
        return page, editors

    def _value_chosen(self, name: str, value: AttrValue | None) -> None:
        if self._span is None:
            self.doc_attribute_chosen.emit(name, value)
        else:
            self.attribute_chosen.emit(self._span.id, name, value)

    def _label_changed(self, row: int) -> None:
        if self._span is not None and self.schema.labels[row].name != self._span.label:
            self.label_chosen.emit(self._span.id, self.schema.labels[row].name)

    def _remove_link(self) -> None:
        item = self.links.currentItem() or self.links.item(0)
        if item is not None:
            self.relation_removed.emit(RelationId(item.data(Qt.ItemDataRole.UserRole)))
