"""What a day of annotating showed: focus, snapping, scrolling, wording; each driven by keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.ui.adjudication.view import LearningView
from annotator.ui.agreement.view import AgreementView
from annotator.ui.main_window import MainWindow

from driving import CTRL, DOC, SHIFT, TEXT, label, set_editor, settle


def stored(window: MainWindow) -> list[str]:
    return [TEXT[s.start : s.end] for s in window.session.project.spans.in_set(DOC, "alice")]


def test_enter_in_the_speaker_box_gives_the_keys_back_to_the_text(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    label(qtbot, window, "Zelensky", "s")
    window.view.set_selection_cp(0, 0)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    settle()
    set_editor(qtbot, window, "speaker", "Dmitry Peskov")
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    selected = window.view.selected_span()
    assert selected is not None and TEXT[selected.start : selected.end] == "Zelensky"


def test_a_pronoun_is_not_offered_as_a_new_speaker(qtbot, window) -> None:
    start = TEXT.index("he told Reuters")
    window.view.set_selection_cp(start, start + 2)
    qtbot.keyClick(window.view, "s")
    settle()
    editor = window.inspector.editors["speaker"]
    assert editor.findText("he") < 0
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    assert window.inspector.editors["speaker"].findText("Kremlin spokesperson Dmitry Peskov") > 0


def test_a_selection_ending_before_the_closing_mark_takes_it(qtbot, window) -> None:
    start = TEXT.index("“Our response")
    end = TEXT.index(",”", start) + 1  # the caret between the comma and the mark
    window.view.set_selection_cp(start, start)
    for _ in range(end - start):
        qtbot.keyClick(window.view, Qt.Key.Key_Right, SHIFT)
    assert window.view.selection_cp() == (start, end)
    qtbot.keyClick(window.view, "q")
    assert stored(window) == [TEXT[start : end + 1]]
    assert stored(window)[0].endswith(",”")


def last_whole_line(view) -> tuple[int, int]:
    """The first letter on the lowest line whose text is drawn whole, and that line's bottom."""
    y = view.viewport().height() - 1
    while y > 0:
        cp = view.cp_at(QPoint(30, y))
        y -= 2
        if cp is None or not TEXT[cp].isalpha():
            continue
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(cp))
        bottom = view.cursorRect(cursor).bottom()
        if bottom < view.viewport().height():
            return cp, bottom
    raise AssertionError("no line on screen")


def test_labelling_on_the_last_visible_line_does_not_scroll(qtbot, window) -> None:
    view = window.view
    bar = view.verticalScrollBar()
    # A height where that line's text shows but its underline lanes are cut off.
    for height in range(400, 470):
        window.resize(1000, height)
        settle()
        bar.setValue(3)
        settle()
        word, bottom = last_whole_line(view)
        if bottom + 6 > view.viewport().height():
            break
    else:
        raise AssertionError("no height cuts the last line's lanes")
    before = bar.value()
    view.set_selection_cp(word, word + 2)
    qtbot.keyClick(view, "c")
    assert len(stored(window)) == 1
    assert bar.value() == before


def test_the_status_line_counts_in_words(qtbot, window) -> None:
    label(qtbot, window, "Zelensky", "s")
    assert window.status_line.document.text().startswith("1 span ·")
    label(qtbot, window, "Kremlin", "s")
    assert window.status_line.document.text().startswith("2 spans ·")


def test_links_list_a_direct_quote_with_its_own_marks_once(qtbot, window) -> None:
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    label(qtbot, window, "“We have heard from Washington", "q")
    qtbot.keyClick(window.view, "a")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    window.view.set_selection_cp(0, 0)
    label(qtbot, window, "Kremlin spokesperson Dmitry Peskov", "s")
    settle()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    settle()
    links = [window.inspector.links.item(i).text() for i in range(window.inspector.links.count())]
    assert links and all("\u201c\u201c" not in text for text in links), links


def test_review_windows_close_by_escape_or_their_close_button(qtbot, window) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_G, CTRL | SHIFT)  # Compare with Gold
    learning = window.findChildren(LearningView)[-1]
    qtbot.waitExposed(learning)
    qtbot.waitUntil(learning.isActiveWindow)
    with qtbot.waitSignal(learning.destroyed):
        qtbot.keyClick(learning, Qt.Key.Key_Escape)
    window.activateWindow()  # a window manager would do it
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view, Qt.Key.Key_K, CTRL | SHIFT)  # Agreement
    agreement = window.findChildren(AgreementView)[-1]
    qtbot.waitExposed(agreement)
    close = agreement.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    with qtbot.waitSignal(agreement.destroyed):
        qtbot.mouseClick(close, Qt.MouseButton.LeftButton)


def test_a_new_quote_gets_its_type_from_its_marks_and_y_changes_it(qtbot, window) -> None:
    label(
        qtbot,
        window,
        "“Negotiations for a peaceful resolution should take place discreetly, not in public,”",
        "q",
    )
    label(qtbot, window, "Ukraine’s NATO accession is “off the table.”", "q")
    label(qtbot, window, "steering diplomatic efforts", "q")
    spans = window.session.project.spans.in_set(DOC, "alice")
    types = {TEXT[s.start : s.start + 8]: s.attrs.get("quote_type") for s in spans}
    assert types == {"“Negotia": "direct", "Ukraine’": "mixed", "steering": "indirect"}
    qtbot.keyClick(window.view, "y")  # the last quote, still selected
    steering = next(
        s
        for s in window.session.project.spans.in_set(DOC, "alice")
        if TEXT[s.start :].startswith("steering")
    )
    assert steering.attrs["quote_type"] != "indirect"
