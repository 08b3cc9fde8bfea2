"""Every UI string reaches the user through tr(); the catalogues are current; German works."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from annotator.ui.catalogues import ACTION_TEXTS, UI_DIR, action_texts_source, run_lupdate
from annotator.ui.preferences import load_preferences
from annotator.ui.settings import store_values, stored_language
from annotator.ui.translation import (
    SOURCE_LANGUAGE,
    catalogue_path,
    install_language,
    read_catalogue,
    resolve_language,
)

#: Methods whose string arguments the user reads (or hears: accessible names).
SINK_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "addMenu", "setTitle", "addTab", "insertTab", "setTabText",
    "setTabToolTip", "setLabelText", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels", "addRow", "insertRow", "showMessage", "setAccessibleName",
    "setAccessibleDescription", "addItem", "addItems", "insertItem", "setItemText",
    "setSuffix", "setPrefix", "setSpecialValueText", "setCancelButtonText", "setButtonText",
    "addButton", "addAction", "setFormat", "status", "warn", "inform", "confirm",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames",
    "getText", "getItem", "getInt", "information", "warning", "critical", "question", "about",
    "setInformativeText", "setDetailedText", "emit",
}  # fmt: skip
#: Constructors that take a text the user reads.
SINK_CLASSES = {
    "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu",
    "QToolBar", "QToolButton", "QMessageBox", "QProgressDialog", "QDockWidget",
    "QCommandLinkButton", "make_action", "QTableWidgetItem", "QListWidgetItem",
    "QStandardItem", "QTreeWidgetItem",
}  # fmt: skip
#: Keyword arguments of any call that are texts (``QSpinBox(suffix=" minutes")``).
SINK_KEYWORDS = {"text", "title", "suffix", "prefix", "placeholderText", "toolTip", "statusTip"}
WRAPPERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _literals(node: ast.expr) -> list[ast.expr]:
    """Prose literals in ``node`` that do not pass through a translation call."""
    if isinstance(node, ast.Call):
        if _name(node.func) in WRAPPERS:
            return []
        if _name(node.func) == "format" and isinstance(node.func, ast.Attribute):
            return _literals(node.func.value)
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if any(c.isalpha() for c in node.value) else []
    if isinstance(node, ast.JoinedStr):
        parts = [v for v in node.values if isinstance(v, ast.Constant)]
        return [node] if any(any(c.isalpha() for c in str(v.value)) for v in parts) else []
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [found for value in node.values for found in _literals(value)]
    if isinstance(node, ast.List | ast.Tuple):
        return [found for element in node.elts for found in _literals(element)]
    return []


def _names(node: ast.expr) -> list[str]:
    """Variables whose value is shown as it is: ``x``, ``[x, *y]``."""
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.Starred):
        return _names(node.value)
    if isinstance(node, ast.List | ast.Tuple):
        return [name for element in node.elts for name in _names(element)]
    return []


def _texts(call: ast.Call) -> list[ast.expr]:
    """The arguments of ``call`` that are shown to the user."""
    name = _name(call.func)
    if (name in SINK_METHODS and isinstance(call.func, ast.Attribute)) or name in SINK_CLASSES:
        return list(call.args) + [k.value for k in call.keywords]
    return [k.value for k in call.keywords if k.arg in SINK_KEYWORDS]


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, literal) of each text shown without tr(): passed to a sink directly, through a
    local variable, or held in a table's HEADERS."""
    tree = ast.parse(source)
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += [lit for arg in _texts(node) for lit in _literals(arg)]
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and "HEADERS" in target.id and node.value:
                found += _literals(node.value)
    for function in [tree, *ast.walk(tree)]:  # the module's constants, then each function's
        if not isinstance(function, ast.FunctionDef | ast.Module):
            continue
        assigned: dict[str, list[ast.expr]] = {}
        shown: set[str] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                assigned.setdefault(node.targets[0].id, []).extend(_literals(node.value))
            if isinstance(node, ast.Call):
                shown |= {name for arg in _texts(node) for name in _names(arg)}
        found += [lit for name in shown for lit in assigned.get(name, [])]
    return sorted({(lit.lineno, ast.unparse(lit)[:70]) for lit in found})


def test_every_ui_string_goes_through_tr():
    problems = [
        f"{path.relative_to(UI_DIR.parent.parent)}:{line}: {text}"
        for path in sorted(UI_DIR.rglob("*.py"))
        for line, text in untranslated(path.read_text(encoding="utf-8"))
    ]
    assert not problems, (
        "user-visible strings not wrapped in self.tr() / QCoreApplication.translate():\n"
        + "\n".join(problems)
    )


@pytest.mark.parametrize(
    "source",
    [
        'label = QLabel("Hello")',
        'button.setText(f"Saved {n} spans")',
        'box.setSuffix(" minutes" if many else " minute")',
        'spin = QSpinBox(suffix=" minutes")',
        'HEADERS = ("Title", "Status")',
        'def f(self):\n    message = "Nothing merged"\n    self.status.setText(message)',
        'w.setToolTip(tip or "Label the selection")',
        'SAVED = "All changes saved"\ndef f(self):\n    self.label = QLabel(SAVED)',
        'ALL = "All documents"\ndef f(self):\n    self.box.addItems([ALL, *OTHERS])',
    ],
)
def test_the_check_finds_an_unwrapped_string(source):
    assert untranslated(source)


@pytest.mark.parametrize(
    "source",
    [
        'label = QLabel(self.tr("Hello"))',
        'button.setText(self.tr("Saved {n} spans").format(n=n))',
        'w.setText(QCoreApplication.translate("Menus", "&File"))',
        'HEADERS = (QT_TRANSLATE_NOOP("Headers", "Title"),)',
        'w.setObjectName("main-toolbar")',
        'w.setText("")',
        "w.setText(str(count))",
    ],
)
def test_the_check_lets_wrapped_and_non_prose_strings_pass(source):
    assert not untranslated(source)


def test_the_action_texts_match_the_key_table():
    assert ACTION_TEXTS.read_text(encoding="utf-8") == action_texts_source(), (
        "annotator/ui/action_texts.py is stale: run python -m annotator.ui.catalogues"
    )


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_catalogues_hold_every_string_of_the_ui(tmp_path, language):
    committed = catalogue_path(language)
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    run_lupdate(copy)
    assert copy.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
        f"{committed.name} is stale: run python -m annotator.ui.catalogues"
    )


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{([^{}:!]*)", text))


def test_german_translates_every_string_with_the_same_placeholders():
    english = _sources(catalogue_path("en"))
    german = read_catalogue(catalogue_path("de"))
    missing = sorted(key for key in english if key not in german)
    assert not missing, f"untranslated in annotator_de.ts: {missing[:10]}"
    wrong = [(s, t) for (_, s), t in german.items() if _placeholders(s) != _placeholders(t)]
    assert not wrong, f"placeholders changed: {wrong[:5]}"


def _sources(path: Path) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }


@pytest.mark.parametrize(
    ("system", "expected"), [("de_DE", "de"), ("de_AT", "de"), ("fr_FR", "en"), ("en_US", "en")]
)
def test_the_system_language_is_used_when_there_is_a_catalogue(system, expected):
    assert resolve_language("system", QLocale(system)) == expected


def test_the_preference_overrides_the_system_language():
    assert resolve_language("en", QLocale("de_DE")) == "en"
    assert resolve_language("de", QLocale("en_US")) == "de"


@pytest.fixture
def german():
    """German chosen in Preferences and loaded as at start; English again afterwards."""
    store_values({"language": "de"})
    assert load_preferences().language == "de"
    assert install_language(stored_language()) == "de"
    yield
    install_language(SOURCE_LANGUAGE)


def _menus(window):
    return [a.text() for a in window.menuBar().actions()]


def _keys(window):
    return {
        name: [s.toString(QKeySequence.SequenceFormat.PortableText) for s in a.shortcuts()]
        for name, a in vars(window.commands).items()
    }


def test_the_window_in_english(window):
    assert _menus(window) == ["&File", "&Edit", "&Label", "&Document", "&View", "&Help"]
    assert window.commands.open_project.text() == "&Open Project…"


def test_the_window_in_german_has_german_menus_and_the_same_keys(
    german, open_window, project_path, tmp_path
):
    window = open_window(project_path)
    assert _menus(window) == ["&Datei", "&Bearbeiten", "&Label", "D&okument", "&Ansicht", "&Hilfe"]
    assert window.commands.open_project.text() == "Projekt ö&ffnen…"
    assert window.commands.mark_done.statusTip() == (
        "Dieses Dokument als fertig markieren und zum nächsten gehen"
    )
    german_keys = _keys(window)
    install_language(SOURCE_LANGUAGE)
    english = open_window(Path(shutil.copy(project_path, tmp_path / "copy.db")))
    assert _menus(english)[0] == "&File"
    assert german_keys == _keys(english)


def test_choices_shown_in_german_still_work(german, open_window, project_path):
    """Combo boxes compare by position or data, never by their (translated) text."""
    window = open_window(project_path)
    search = window.side.search
    search.field.setText("peskov")
    search.scope.setCurrentIndex(0)
    assert search.scope.currentText() == "Text"
    assert len(search.search()) == 2
    search.scope.setCurrentIndex(2)
    assert search.scope.currentText() == "Text in Spannen"
    assert search.search() == []


def test_the_language_is_chosen_in_preferences_and_used_at_the_next_start(qtbot, window):
    window.commands.preferences.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System language", "English", "Deutsch"]
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_End)  # the last: Deutsch
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert load_preferences().language == "de"
    try:
        assert install_language(stored_language()) == "de"  # as make_application does
        assert QCoreApplication.translate("Menus", "&File") == "&Datei"
    finally:
        install_language(SOURCE_LANGUAGE)
    assert QCoreApplication.translate("Menus", "&File") == "&File"
