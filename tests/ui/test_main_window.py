"""The annotation window driven like a user would: keys, clicks, undo, documents, reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.model import DocumentId, Status
from annotator.paths import default_schema_path, seeds_dir
from annotator.transfer import create_project
from annotator.ui.main_window import MainWindow

SEED = next(seeds_dir().glob("*.txt"))
DOC = DocumentId(SEED.stem)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def spans(window: MainWindow) -> list[tuple[int, int, str]]:
    return [
        (s.start, s.end, s.label) for s in window.session.project.annotations.spans(DOC, "alice")
    ]


def select_words(qtbot, window: MainWindow, words: int) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    for _ in range(words):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, CTRL | SHIFT)


def test_opens_the_first_unfinished_document_and_starts_it(window: MainWindow) -> None:
    assert window.session.document is not None and window.session.document.id == DOC
    assert window.session.project.annotations.status(DOC, "alice") == Status.IN_PROGRESS
    assert window.documents.progress.text() == "0 / 1 done"


def test_keyboard_selection_and_q_store_a_quote_with_exact_offsets(qtbot, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    assert spans(window) == [(0, 16, "QUOTE")]
    assert SEED.read_text(encoding="utf-8")[0:16] == "Kremlin Welcomes"
    assert window.view.selected_span() is not None
    qtbot.waitUntil(lambda: window.span_model.rowCount() == 1)
    assert window.commands.undo.text() == "&Undo add QUOTE"


def test_undo_removes_and_redo_restores(qtbot, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "s")
    assert spans(window) == [(0, 16, "SPEAKER")]
    qtbot.keyClick(window.view, "z", CTRL)
    assert spans(window) == []
    assert len(window.view.spans) == 0
    qtbot.keyClick(window.view, "y", CTRL)
    assert spans(window) == [(0, 16, "SPEAKER")]
    assert len(window.view.spans) == 1


def test_digit_keys_label_in_schema_order_and_snap_to_words(qtbot, window) -> None:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Peskov")
    window.view.set_selection_cp(start + 2, start + 4)  # "sk" inside "Peskov"
    qtbot.keyClick(window.view, "2")
    assert spans(window) == [(start, start + 6, "SPEAKER")]


def test_tab_cycles_spans_and_delete_removes_the_selected(qtbot, window) -> None:
    text = SEED.read_text(encoding="utf-8")
    for word, key in (("Kremlin", "s"), ("voiced", "c"), ("Peskov", "s")):
        start = text.index(word, 10)
        window.view.set_selection_cp(start, start + len(word))
        qtbot.keyClick(window.view, key)
    window.labeller.clear()
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    order = []
    for _ in range(4):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        order.append(text[window.view.selected_span().start : window.view.selected_span().end])
    assert order == ["Kremlin", "voiced", "Peskov", "Kremlin"]  # wraps around
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, SHIFT)
    assert text[window.view.selected_span().start : window.view.selected_span().end] == "Peskov"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert [text[s:e] for s, e, _ in spans(window)] == ["Kremlin", "voiced"]


def test_alt_arrows_move_the_boundaries_by_a_word(qtbot, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT | SHIFT)
    assert spans(window) == [(0, 19, "QUOTE")]  # "Kremlin Welcomes US"
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)
    assert spans(window) == [(8, 19, "QUOTE")]  # "Welcomes US"
    qtbot.keyClick(window.view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, ALT | SHIFT)
    assert spans(window) == [(0, 16, "QUOTE")]
    qtbot.keyClick(window.view, "z", CTRL)
    assert spans(window) == [(0, 19, "QUOTE")]


def test_attribute_keys_cycle_values_and_back_to_unset(qtbot, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    stances = []
    for _ in range(4):
        qtbot.keyClick(window.view, "t")
        stances.append(
            window.session.project.annotations.spans(DOC, "alice")[0].attrs.get("stance")
        )
    assert stances == ["favor", "against", "none", None]
    qtbot.waitUntil(lambda: "stance" in window.inspector.editors)


def test_inspector_sets_attributes_and_document_attributes(qtbot, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    qtbot.waitUntil(lambda: "claim_type" in window.inspector.editors)
    editor = window.inspector.editors["claim_type"]
    editor.setCurrentText("prediction")
    editor.activated.emit(editor.currentIndex())
    assert window.session.project.annotations.spans(DOC, "alice")[0].attrs == {
        "claim_type": "prediction"
    }
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    window._refresh_panels()
    relevance = window.inspector.editors["relevance"]
    relevance.setCurrentText("relevant")
    relevance.activated.emit(relevance.currentIndex())
    assert window.session.project.annotations.doc_attrs(DOC, "alice") == {"relevance": "relevant"}


def test_mark_done_warns_about_missing_required_attributes(qtbot, open_window, tmp_path) -> None:
    schema_path = tmp_path / "strict.toml"
    default = default_schema_path()
    (tmp_path / "quotes.md").write_text(
        (default.parent / "quotes.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    schema_path.write_text(
        default.read_text(encoding="utf-8").replace(
            'name = "stance"\napplies_to = ["QUOTE"]',
            'name = "stance"\napplies_to = ["QUOTE"]\nrequired = true',
        ),
        encoding="utf-8",
    )
    from annotator.model.schema import load_schema

    path = tmp_path / "strict.db"
    create_project(path, load_schema(schema_path), seeds_dir()).close()
    window = open_window(path)
    asked: list[str] = []
    # Refuse the first question, accept the second.
    window.confirm = lambda title, text: asked.append(text) or len(asked) > 1  # type: ignore[method-assign]
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert asked and "QUOTE “Kremlin Welcomes” [0–16] has no stance" in asked[0]
    assert window.session.project.annotations.status(DOC, "alice") == Status.IN_PROGRESS
    qtbot.keyClick(window.view, "t")
    qtbot.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert len(asked) == 2 and "has no stance" not in asked[1]
    assert "has no speaker" in asked[1]  # the built-in checks still speak up
    assert window.session.project.annotations.status(DOC, "alice") == Status.DONE
    assert window.documents.progress.text() == "1 / 1 done"


def test_reopening_the_project_shows_everything(qtbot, open_window, project_path) -> None:
    window = open_window(project_path)
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    qtbot.keyClick(window.view, "t")
    window.view.zoom_in()
    size = window.view.font().pointSizeF()
    window.close()
    window.session.project.close()
    again = open_window(project_path)
    assert [(s.start, s.end, s.label, s.attrs) for s in again.view.spans] == [
        (0, 16, "QUOTE", {"stance": "favor"})
    ]
    assert again.view.font().pointSizeF() == size  # view state survives too


def test_another_layer_is_read_only(qtbot, open_window, project_path) -> None:
    window = open_window(project_path, "bob")
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    window.show_layer("alice")
    assert window.session.read_only and len(window.view.spans) == 0
    qtbot.keyClick(window.view, "s")
    assert window.session.project.annotations.spans(DOC, "alice") == []
    window.show_layer("bob")
    assert len(window.view.spans) == 1


def test_item_models_pass_the_model_tester(qtbot, qtmodeltester, window) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    window._refresh_panels()
    qtmodeltester.check(window.span_model)
    qtmodeltester.check(window.documents.model)
    qtmodeltester.check(window.documents.proxy)


def test_every_action_has_a_tooltip_naming_its_shortcut(window: MainWindow) -> None:
    for action in window.commands.all() + window.label_actions + window.attribute_actions:
        if action.shortcut().isEmpty():
            continue
        assert action.shortcut().toString() in action.toolTip(), action.text()
