"""Side panels: speakers, targets, problems, search, find, guidelines, document attributes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from annotator.edits.registry import SaveSpeaker
from annotator.model import Speaker
from annotator.ui.main_window import MainWindow

from driving import DOC, SHIFT, TEXT, click_item, label, pick, set_editor, settle


def test_speaker_typed_on_a_span_joins_the_registry_and_merge_relinks(
    qtbot, window: MainWindow, monkeypatch
) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    set_editor(qtbot, window, "speaker", "Dmitry Peskov")
    label(qtbot, window, "Peskov declined", "s")
    window.view.set_selection_cp(*(lambda s: (s, s + 6))(TEXT.index("Peskov declined")))
    set_editor(qtbot, window, "speaker", "Peskov")
    window.side.setCurrentWidget(window.side.speakers)
    names = [
        window.side.speakers.tree.topLevelItem(i).text(0)
        for i in range(window.side.speakers.tree.topLevelItemCount())
    ]
    assert names == ["Dmitry Peskov", "Peskov"]
    window.side.speakers.tree.setCurrentItem(window.side.speakers.tree.topLevelItem(1))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Dmitry Peskov", True))
    window.side.speakers.merge_speaker()
    spans = window.session.project.spans.in_set(DOC, "alice")
    assert sorted(s.attrs["speaker"] for s in spans) == ["Dmitry Peskov", "Dmitry Peskov"]
    assert window.side.speakers.tree.topLevelItemCount() == 1
    assert window.commands.undo.text() == "&Undo merge speaker Peskov into Dmitry Peskov"
    window.commands.undo.trigger()
    assert window.side.speakers.tree.topLevelItemCount() == 2


def test_quote_shows_its_speaker_and_the_panel_lists_their_quotes(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    set_editor(qtbot, window, "speaker", "Dmitry Peskov")
    label(qtbot, window, "“We have heard from Washington", "q")
    qtbot.keyClick(window.view, "a")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    settle()
    row = window.span_model.row_of(window.view.selected_span().id)
    assert window.span_model.data(window.span_model.index(row, 3)) == "Dmitry Peskov"
    panel = window.side.speakers
    panel.refresh()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.quotes.count() == 1 and "We have heard" in panel.quotes.item(0).text()


def test_proposing_a_target_from_the_stance_editor(qtbot, window) -> None:
    label(qtbot, window, "“We have heard from Washington", "q")
    set_editor(qtbot, window, "target", "Ukraine joining NATO")
    assert [t.label for t in window.session.project.targets.all()] == ["Ukraine joining NATO"]
    window.side.targets.refresh()
    assert window.side.targets.tree.topLevelItem(0).text(1) == "1"  # uses
    window.side.targets.tree.setCurrentItem(window.side.targets.tree.topLevelItem(0))
    window.side.targets.delete_target()  # in use: refused, with the reason on screen
    assert "merge it into another instead" in window.statusBar().currentMessage()
    assert len(window.session.project.targets.all()) == 1


def test_problems_list_is_clickable(qtbot, window) -> None:
    label(qtbot, window, "told", "c")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle()
    panel = window.side.problems
    assert window.side.tabText(1) == "Problems (1)"
    window.side.setCurrentWidget(panel)  # the list is filled when it is shown
    start = TEXT.index("told")
    assert panel.item(0).text() == f"CUE “told” [{start}–{start + 4}] is not linked to a quote"
    label(qtbot, window, "said", "c")  # shown: kept current on every key press
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    settle()
    assert window.side.tabText(1) == "Problems (2)" and panel.count() == 2
    click_item(qtbot, panel, panel.item(0))
    assert TEXT[window.view.selected_span().start : window.view.selected_span().end] == "told"


def test_corpus_search_opens_the_hit(qtbot, window) -> None:
    search = window.side.search
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert window.side.currentWidget() is search and search.field.hasFocus()
    qtbot.keyClicks(search.field, "peskov")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    hits = search.search()
    assert [TEXT[h.start : h.end] for h in hits] == ["Peskov", "Peskov"]
    assert search.results.count() == 2
    click_item(qtbot, search.results, search.results.item(1))
    assert window.view.selection_cp() == (hits[1].start, hits[1].end)
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    search.scope.setCurrentText("annotations")
    search.field.setText("speaker")
    assert [h.why for h in search.search()] == ["SPEAKER"]


def test_find_bar_counts_and_steps_through_hits(qtbot, window) -> None:
    qtbot.keyClick(window.view, "f", Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "ukraine")
    assert window.find_bar.count.text() == f"1 of {TEXT.lower().count('ukraine')}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text().startswith("2 of")
    assert len(window.view.extraSelections()) == TEXT.lower().count("ukraine")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_guidelines_and_tooltips_carry_the_schema_descriptions(qtbot, window) -> None:
    quote = next(a for a in window.label_actions if a.data() == "QUOTE")
    assert "direct quote with its quotation marks" in quote.toolTip()
    assert "(Q)" in quote.toolTip()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    assert window.side.currentWidget() is window.side.guidelines
    assert "Labels and keys" in window.side.guidelines.toPlainText()
    label(qtbot, window, "“We have heard from Washington", "q")
    stance = window.inspector.editors["stance"]
    assert "never the journalist" in stance.toolTip()
    favor = stance.findText("favor")
    assert "supports the target" in stance.itemData(favor, Qt.ItemDataRole.ToolTipRole)


def test_speaker_rename_elsewhere_updates_the_open_document(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    set_editor(qtbot, window, "speaker", "Peskov")
    window.session.push(SaveSpeaker(Speaker("Dmitry Peskov"), "Peskov"))
    assert [s.attrs for s in window.view.spans] == [{"speaker": "Dmitry Peskov"}]


def test_a_speaker_mention_is_offered_as_a_new_speaker(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    editor = window.inspector.editors["speaker"]
    assert editor.itemText(1) == "Kremlin spokesperson Dmitry Peskov"
    assert "New:" in editor.itemData(1, Qt.ItemDataRole.ToolTipRole)
    pick(qtbot, editor, "Kremlin spokesperson Dmitry Peskov")
    assert [s.name for s in window.session.project.speakers.all()] == [
        "Kremlin spokesperson Dmitry Peskov"
    ]


def test_inspector_says_who_a_quote_is_by(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    set_editor(qtbot, window, "speaker", "Dmitry Peskov")
    label(qtbot, window, "“We have heard from Washington", "q")
    qtbot.keyClick(window.view, "a")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    settle()
    assert "Said by: Dmitry Peskov" in window.inspector.title.text()


def test_each_speaker_span_offers_its_own_mention_and_no_other(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    label(qtbot, window, "Zelensky", "s")
    editor = window.inspector.editors["speaker"]
    items = [editor.itemText(i) for i in range(editor.count())]
    assert items[1] == "Zelensky" and editor.currentText() == "—"
    assert "Kremlin spokesperson Dmitry Peskov" not in items
    window.view.set_selection_cp(0, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # the first speaker span
    settle()
    editor = window.inspector.editors["speaker"]
    items = [editor.itemText(i) for i in range(editor.count())]
    assert items[1] == "Kremlin spokesperson Dmitry Peskov" and "Zelensky" not in items
    pick(qtbot, editor, "Kremlin spokesperson Dmitry Peskov")
    spans = window.session.project.spans.in_set(DOC, "alice")
    assert sorted(s.attrs.get("speaker", "") for s in spans) == [
        "",
        "Kremlin spokesperson Dmitry Peskov",
    ]
