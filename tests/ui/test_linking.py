"""Link mode by keyboard and mouse, and joining a split quote in one keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.ui.main_window import MainWindow

from driving import DOC, TEXT, click_text, label, settle


def relations(window: MainWindow) -> list[tuple[str, str, str]]:
    by_id = {s.id: TEXT[s.start : s.end] for s in window.session.project.spans.in_set(DOC, "alice")}
    return [
        (r.label, by_id[r.head], by_id[r.child])
        for r in window.session.project.relations.in_set(DOC, "alice")
    ]


QUOTE = (
    "“We have heard from Washington at various levels that Ukraine’s NATO membership is off "
    "the table."
)


def setup_spans(qtbot, window: MainWindow) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    label(qtbot, window, "Kremlin", "s")  # the headline's, farther away
    label(qtbot, window, "told", "c")
    label(qtbot, window, QUOTE, "q")


def test_keyboard_link_mode_cycles_nearest_first_and_enter_links(qtbot, window) -> None:
    setup_spans(qtbot, window)
    qtbot.keyClick(window.view, "a")
    assert window.link_mode.active
    nearest = window.view.selected_span()
    assert TEXT[nearest.start : nearest.end] == "Kremlin spokesperson Dmitry Peskov"
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert TEXT[window.view.selected_span().start : window.view.selected_span().end] == "Kremlin"
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert not window.link_mode.active
    assert relations(window) == [("attributed_to", QUOTE, "Kremlin spokesperson Dmitry Peskov")]
    # The quote is selected again, so the cue can be linked right away.
    qtbot.keyClick(window.view, "u")
    qtbot.keyClick(window.view, Qt.Key.Key_Enter)
    assert relations(window)[1] == ("cued_by", QUOTE, "told")
    settle()
    assert window.inspector.links.count() == 2
    assert window.span_model.data(
        window.span_model.index(window.span_model.row_of(window.view.selected_span().id), 3)
    ) == ("“Kremlin spokesperson Dmitry Peskov”")
    qtbot.keyClick(window.view, "z", Qt.KeyboardModifier.ControlModifier)
    assert len(relations(window)) == 1


def test_escape_cancels_and_mouse_click_links(qtbot, window) -> None:
    setup_spans(qtbot, window)
    qtbot.keyClick(window.view, "a")
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.link_mode.active and relations(window) == []
    assert TEXT[window.view.selected_span().start : window.view.selected_span().end] == QUOTE
    qtbot.keyClick(window.view, "a")
    far = next(s for s in window.view.spans if TEXT[s.start : s.end] == "Kremlin")
    # Clicking a span while linking links to it.
    click_text(qtbot, window.view, far.start + 2)
    assert relations(window) == [("attributed_to", QUOTE, "Kremlin")]


def test_link_needs_a_selected_quote(qtbot, window) -> None:
    label(qtbot, window, "told", "c")
    qtbot.keyClick(window.view, "a")
    assert not window.link_mode.active
    assert "select a QUOTE first" in window.statusBar().currentMessage()


def test_j_joins_a_split_quote_to_the_previous_part(qtbot, window) -> None:
    label(qtbot, window, "“We have heard from Washington", "q")
    label(qtbot, window, "Naturally, this corresponds", "q")
    qtbot.keyClick(window.view, "j")
    assert relations(window) == [
        ("continues", "Naturally, this corresponds", "“We have heard from Washington")
    ]
