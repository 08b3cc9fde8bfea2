"""Links drawn as arcs above the text: for the selected quote, for every quote by Ctrl+L."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.ui.main_window import MainWindow
from annotator.ui.text.text_view import TextView

from driving import CTRL, TEXT, label, settle

SPEAKER = "Kremlin spokesperson Dmitry Peskov"
QUOTE = (
    "“We have heard from Washington at various levels that Ukraine’s NATO membership is off "
    "the table."
)


def link_quote(qtbot, window: MainWindow) -> None:
    """A speaker, a cue and a quote linked to both by the keys a user presses."""
    label(qtbot, window, SPEAKER, "s")
    label(qtbot, window, "told", "c")
    label(qtbot, window, QUOTE, "q")
    qtbot.keyClick(window.view, "a")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, "u")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    settle()


def band_points(view: TextView, image: QImage) -> list[QPoint]:
    """Painted pixels in the band above the lines of the speaker, cue and quote."""
    base = view.palette().color(QPalette.ColorRole.Base)
    band = int(view.document().documentLayout().band)  # type: ignore[attr-defined]
    tops = set()
    for part in (SPEAKER, "told", QUOTE):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(TEXT.index(part)))
        tops.add(view.cursorRect(cursor).top())
    found = []
    for top in tops:
        for y in range(max(0, top - band + 1), min(top - 1, image.height())):
            for x in range(0, image.width(), 1):
                if QColor(image.pixel(x, y)) != base:
                    found.append(QPoint(x, y))
    return found


def grab(view: TextView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def test_the_selected_quotes_links_are_arcs_that_go_with_the_selection(qtbot, window) -> None:
    link_quote(qtbot, window)
    view = window.view
    assert view.selected_span() is not None  # linking leaves the quote selected
    assert band_points(view, grab(view)), "no arc above the linked spans"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_span() is None
    assert band_points(view, grab(view)) == []


def test_ctrl_l_draws_every_quotes_links_and_takes_them_away(qtbot, window) -> None:
    link_quote(qtbot, window)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, "l", CTRL)
    assert window.commands.all_links.isChecked()
    assert band_points(view, grab(view))
    qtbot.keyClick(view, "l", CTRL)
    assert band_points(view, grab(view)) == []


def test_hovering_an_arc_shows_the_links_label(qtbot, window) -> None:
    link_quote(qtbot, window)
    view = window.view
    points = band_points(view, grab(view))
    shown = set()
    for pos in points[:: max(1, len(points) // 40)]:
        event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
        shown.add(QToolTip.text().split(":")[0])
    assert {"attributed_to", "cued_by"} <= shown
    quote = TEXT.index(QUOTE)
    assert view.tooltip_text_at(points[0]).startswith(
        ("attributed_to: QUOTE [", "cued_by: QUOTE [")
    ), view.tooltip_text_at(points[0])
    assert f"QUOTE [{quote}–" in view.tooltip_text_at(points[0])


def test_undoing_a_link_takes_its_arc_away(qtbot, window) -> None:
    link_quote(qtbot, window)
    view = window.view
    before = len(band_points(view, grab(view)))
    qtbot.keyClick(view, "z", CTRL)
    qtbot.keyClick(view, "z", CTRL)
    after = band_points(view, grab(view))
    assert after == [] and before > 0


def test_a_joined_split_quote_shows_a_continues_arc_on_hover(qtbot, window) -> None:
    label(qtbot, window, "“We have heard from Washington", "q")
    label(qtbot, window, "Naturally, this corresponds", "q")
    qtbot.keyClick(window.view, "j")
    settle()
    view = window.view
    qtbot.keyClick(view, "l", CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    image = grab(view)
    base = view.palette().color(QPalette.ColorRole.Base)
    band = int(view.document().documentLayout().band)  # type: ignore[attr-defined]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(TEXT.index("Naturally")))
    top = view.cursorRect(cursor).top()
    labels = {
        view.tooltip_text_at(QPoint(x, y)).split(":")[0]
        for y in range(top - band + 1, top - 1)
        for x in range(image.width())
        if QColor(image.pixel(x, y)) != base
    }
    assert labels == {"continues"}


def test_show_all_links_is_remembered_for_the_next_window(
    qtbot, open_window, project_path, window
) -> None:
    def arcs_in_sight(again: MainWindow) -> list[QPoint]:
        again.view.scroll_to_cp(TEXT.index(SPEAKER))  # a reopened window may sit elsewhere
        image = grab(again.view)
        return [p for p in band_points(again.view, image) if image.rect().contains(p)]

    link_quote(qtbot, window)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, "l", CTRL)
    window.close()
    window.session.project.close()
    again = open_window(project_path)
    assert again.commands.all_links.isChecked()
    assert arcs_in_sight(again), "every quote's arcs, as they were left"
    qtbot.keyClick(again.view, "l", CTRL)
    again.close()
    again.session.project.close()
    third = open_window(project_path)
    assert not third.commands.all_links.isChecked()
    assert arcs_in_sight(third) == []


def test_clicking_an_arc_selects_its_quote(qtbot, window) -> None:
    link_quote(qtbot, window)
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, "l", CTRL)
    assert view.selected_span() is None
    on_arc = [p for p in band_points(view, grab(view)) if view.arc_at(p) is not None]
    assert on_arc, "no arc drawn to click"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=on_arc[len(on_arc) // 2])
    selected = view.selected_span()
    assert selected is not None and selected.label == "QUOTE"
    assert TEXT[selected.start : selected.end] == QUOTE
    settle()
    assert window.inspector.links.count() == 2  # the inspector shows the quote, linked twice
