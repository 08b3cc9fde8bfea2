"""Edit > Preferences: name, snapping, font, theme, backup interval, and every command's keys."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.actions import BINDINGS, Actions
from annotator.ui.preferences import (
    THEMES,
    Preferences,
    apply_preferences,
    conflict,
    current_preferences,
    default_keys,
    defaults,
    schema_keys,
    store_preferences,
)
from annotator.ui.translation import SYSTEM, available_languages, language_name

NATIVE = QKeySequence.SequenceFormat.NativeText


def shown_keys(keys: Sequence[str]) -> str:
    return ", ".join(QKeySequence(k).toString(NATIVE) for k in keys)


def menu_text(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class PreferencesDialog(QDialog):
    """Shows ``prefs``; :meth:`preferences` is what the user chose when it is accepted.

    ``fixed_keys`` are commands outside the key table (the schema's label and attribute keys)
    by their text: a remapped key may not take one of theirs either.
    """

    #: The user pressed OK and the choices were stored and applied (a Preferences).
    applied = Signal(object)

    def __init__(
        self, prefs: Preferences, fixed_keys: Mapping[str, Sequence[str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._prefs = replace(prefs, shortcuts=dict(prefs.shortcuts))
        self._fixed = fixed_keys
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Annotator name"))
        self.snap = QCheckBox(self.tr("Snap new spans to whole words"))
        self.font_family = QFontComboBox()
        self.font_family.setAccessibleName(self.tr("Text font"))
        self.font_size = QDoubleSpinBox(decimals=1, minimum=6, maximum=48, suffix=self.tr(" pt"))
        self.font_size.setAccessibleName(self.tr("Text size"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        theme_names = {
            "system": self.tr("System"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for theme in THEMES:
            self.theme.addItem(theme_names.get(theme, theme.capitalize()), theme)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System language"), SYSTEM)
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        self.backup = QSpinBox(minimum=1, maximum=24 * 60, suffix=self.tr(" minutes"))
        self.backup.setAccessibleName(self.tr("Backup interval"))
        self.commands = QTreeWidget()
        self.commands.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.commands.setRootIsDecorated(False)
        self.commands.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.commands.setAccessibleName(self.tr("Commands and their keys"))
        self.key_edit = QKeySequenceEdit()
        self.key_edit.setMaximumSequenceLength(1)
        self.key_edit.setAccessibleName(self.tr("New key for the selected command"))
        self.key_edit.setEnabled(False)
        self.clear_keys = QPushButton(self.tr("&No Key"))
        self.default_keys = QPushButton(self.tr("&Default Key"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Shortcut message"))
        self._build()
        self._show(self._prefs)
        self.commands.currentItemChanged.connect(self._command_chosen)
        # One key combination is the whole sequence: take it as soon as it is pressed.
        self.key_edit.keySequenceChanged.connect(self._key_recorded)
        self.clear_keys.clicked.connect(lambda: self._set_keys(()))
        self.default_keys.clicked.connect(self._default_key)

    def _build(self) -> None:
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("&Annotator name:"), self.name)
        form.addRow("", self.snap)
        form.addRow(self.tr("Text &font:"), self.font_family)
        form.addRow(self.tr("Text &size:"), self.font_size)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", QLabel(self.tr("A new language shows from the next start.")))
        form.addRow(self.tr("&Back up every:"), self.backup)
        keys = QWidget()
        column = QVBoxLayout(keys)
        column.addWidget(self.commands, 1)
        row = QHBoxLayout()
        prompt = QLabel(self.tr("&Press the new key:"))
        prompt.setBuddy(self.key_edit)
        row.addWidget(prompt)
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.clear_keys)
        row.addWidget(self.default_keys)
        column.addLayout(row)
        column.addWidget(self.message)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("&General"))
        self.tabs.addTab(keys, self.tr("&Keys"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reset_button = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setToolTip(
            self.tr("Every preference and key as the app comes, but your name")
        )
        self.reset_button.clicked.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _show(self, prefs: Preferences) -> None:
        self.name.setText(prefs.annotator)
        self.snap.setChecked(prefs.snap_to_words)
        font = QFont(self.font())
        if prefs.font_family:
            font.setFamily(prefs.font_family)
        self.font_family.setCurrentFont(font)
        self.font_size.setValue(prefs.font_size or font.pointSizeF())
        self.theme.setCurrentIndex(THEMES.index(prefs.theme))
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.backup.setValue(prefs.backup_minutes)
        self.commands.clear()
        for binding in BINDINGS:
            text = QCoreApplication.translate("Actions", binding.text)
            item = QTreeWidgetItem([menu_text(text), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, binding.name)
            self.commands.addTopLevelItem(item)
        self._refresh_keys()
        self.commands.resizeColumnToContents(0)

    def _refresh_keys(self) -> None:
        for index in range(self.commands.topLevelItemCount()):
            item = self.commands.topLevelItem(index)
            assert item is not None
            name = str(item.data(0, Qt.ItemDataRole.UserRole))
            item.setText(1, shown_keys(self._prefs.shortcuts[name]))

    def _current(self) -> str | None:
        item = self.commands.currentItem()
        return str(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _command_chosen(self) -> None:
        self.key_edit.setEnabled(self._current() is not None)
        self.key_edit.clear()
        self.message.clear()

    def _key_recorded(self) -> None:
        sequence = self.key_edit.keySequence()
        if sequence.isEmpty():
            return
        key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        self._set_keys((key,))
        # Ready for another try (after the field has finished with this key press).
        QTimer.singleShot(0, self.key_edit.clear)

    def _default_key(self) -> None:
        name = self._current()
        if name is not None:
            self._set_keys(default_keys()[name])

    def _set_keys(self, keys: tuple[str, ...]) -> None:
        """Give the selected command ``keys``, unless another command has one of them."""
        name = self._current()
        if name is None:
            return
        for key in keys:
            other = conflict(self._prefs, name, key, self._fixed)
            if other is not None:
                shown = QKeySequence(key).toString(NATIVE)
                self.message.setText(
                    self.tr("{shown} is already the key of “{other}”: not changed.").format(
                        shown=shown, other=other
                    )
                )
                return
        self._prefs.shortcuts[name] = keys
        self._refresh_keys()
        texts = {b.name: menu_text(QCoreApplication.translate("Actions", b.text)) for b in BINDINGS}
        self.message.setText(
            self.tr("“{command}”: {keys}.").format(
                command=texts[name], keys=shown_keys(keys) or self.tr("no key")
            )
        )

    def reset(self) -> None:
        """Every field back to the app's defaults (kept only when OK is pressed)."""
        self._prefs = defaults(self.name.text())
        self._show(self._prefs)
        self.message.setText(self.tr("Every preference and key is back to the default."))

    def preferences(self) -> Preferences:
        return replace(
            self._prefs,
            annotator=self.name.text().strip() or self._prefs.annotator,
            snap_to_words=self.snap.isChecked(),
            font_family=self.font_family.currentFont().family(),
            font_size=self.font_size.value(),
            theme=str(self.theme.currentData()),
            language=str(self.language.currentData()),
            backup_minutes=self.backup.value(),
            shortcuts=dict(self._prefs.shortcuts),
        )


def open_preferences(
    parent: QWidget,
    annotator: str,
    actions: Actions,
    text: QWidget,
    schema_actions: Sequence[QAction],
) -> PreferencesDialog:
    """Show the dialog (window-modal); on OK store the choices and apply them to ``actions``
    and ``text`` at once, then emit ``applied`` for what the window and shell apply."""
    dialog = PreferencesDialog(
        current_preferences(annotator, text), schema_keys(schema_actions), parent
    )

    def accepted() -> None:
        prefs = dialog.preferences()
        store_preferences(prefs)
        apply_preferences(prefs, actions, text)
        dialog.applied.emit(prefs)

    dialog.accepted.connect(accepted)
    # The window's keys work again at once (without a window manager nothing reactivates it).
    dialog.finished.connect(parent.activateWindow)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
