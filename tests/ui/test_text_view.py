"""TextView and its SpanIndex: offsets, keyboard, clicks, tooltips, incremental repaint, pixels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from annotator.model import AnnotatorName, AttrValue, DocumentId, Span, SpanId
from annotator.ui.text.span_index import LONG_SPAN, SpanIndex
from annotator.ui.text.text_view import LANES, TextView

COLORS = {"QUOTE": "#E69F00", "SPEAKER": "#56B4E9", "CUE": "#009E73"}
EMOJI = "\U0001f600"
NBSP = "\u00a0"
ARTICLE = (
    f"{EMOJI}a{NBSP}b\r\n"
    "Kremlin spokesperson Dmitry Peskov told reporters that the membership is off the table.\r\n"
    f"Kellogg confirmed it on Sunday{EMOJI}, cafe\u0301 talk.\n"
)


def span(sid: int, start: int, end: int, label: str = "QUOTE", **attrs: AttrValue) -> Span:
    return Span(SpanId(sid), DocumentId("d"), AnnotatorName("ann"), start, end, label, dict(attrs))


def at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TextView]:
    widget = TextView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def point_of(view: TextView, cp: int) -> QPoint:
    """A viewport point inside the character at ``cp`` (a few pixels right of its left edge)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(cp))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def grab(view: TextView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def base_color(view: TextView) -> QColor:
    return view.palette().color(QPalette.ColorRole.Base)


def background_pixel(image: QImage, view: TextView, cp: int) -> QColor:
    """A pixel inside a character cell at ``cp`` where no glyph ink is (its top edge)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(cp))
    rect = view.cursorRect(cursor)
    return image.pixelColor(rect.x() + 2, rect.top() + 1)


# -- offsets through the keyboard ---------------------------------------------------------------


def test_shift_right_extends_the_selection_by_exact_code_points(
    view: TextView, qtbot: QtBot
) -> None:
    view.set_content(ARTICLE, [], COLORS)
    view.setFocus()
    view.set_selection_cp(0, 0)
    seen: list[tuple[int, int]] = []
    view.selection_changed_cp.connect(lambda a, b: seen.append((a, b)))
    ends = []
    for _ in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        ends.append(view.selection_cp()[1])
    # emoji (1 cp), a, NBSP, b, then the \r\n break as one step (2 cp), then K
    assert ends == [1, 2, 3, 4, 6, 7]
    assert seen == [(0, e) for e in ends]
    assert ARTICLE[0:6] == f"{EMOJI}a{NBSP}b\r\n"


def test_combining_mark_and_astral_selection_is_exact(view: TextView, qtbot: QtBot) -> None:
    view.set_content(ARTICLE, [], COLORS)
    view.setFocus()
    start = ARTICLE.index("cafe")
    view.set_selection_cp(start + 3, start + 3)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (start + 3, start + 5)  # e + U+0301 is one grapheme
    emoji = ARTICLE.index(EMOJI, 1)
    view.set_selection_cp(emoji, emoji)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (emoji, emoji + 1)
    assert ARTICLE[slice(*view.selection_cp())] == EMOJI


def test_word_and_line_keys_work_in_code_points(view: TextView, qtbot: QtBot) -> None:
    view.set_content(ARTICLE, [], COLORS)
    view.setFocus()
    kellogg, _ = at(ARTICLE, "Kellogg")  # a line short enough not to wrap
    view.set_selection_cp(kellogg, kellogg)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, ctrl_shift)
    assert ARTICLE[slice(*view.selection_cp())] == "Kellogg "
    qtbot.keyClick(view, Qt.Key.Key_End)
    line_end = ARTICLE.index("\n", kellogg)
    assert view.caret_cp() == line_end
    assert view.selection_cp() == (line_end, line_end)
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_cp() == (kellogg, line_end)


def test_set_selection_cp_round_trips_and_shows_the_slice(view: TextView) -> None:
    view.set_content(ARTICLE, [], COLORS)
    start, end = at(ARTICLE, f"Sunday{EMOJI}, cafe\u0301")
    view.set_selection_cp(start, end)
    assert view.selection_cp() == (start, end)
    assert view.textCursor().selectedText() == ARTICLE[start:end]
    view.set_selection_cp(end, start)  # anchor after the caret: still reported start <= end
    assert view.selection_cp() == (start, end)
    assert view.caret_cp() == start


def test_letter_keys_reach_the_window_and_arrows_stay(qtbot: QtBot) -> None:
    class Parent(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.keys: list[str] = []

        def keyPressEvent(self, event: QKeyEvent) -> None:
            if event.text():  # QTest also sends the bare Shift press
                self.keys.append(event.text())

    parent = Parent()
    qtbot.addWidget(parent)
    view = TextView()
    QVBoxLayout(parent).addWidget(view)  # the parent owns the view
    parent.show()
    view.set_content(ARTICLE, [], COLORS)
    view.setFocus()
    view.set_selection_cp(7, 7)
    qtbot.keyClick(view, Qt.Key.Key_Q)
    qtbot.keyClick(view, Qt.Key.Key_3)
    qtbot.keyClick(view, Qt.Key.Key_Q, Qt.KeyboardModifier.ShiftModifier)
    assert parent.keys == ["q", "3", "q"]
    assert view.selection_cp() == (7, 7)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.caret_cp() == 8
    assert parent.keys == ["q", "3", "q"]  # the view used the arrow itself


def test_label_shortcut_of_the_window_fires_while_the_view_has_focus(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = TextView()
    window.setCentralWidget(view)
    fired: list[tuple[int, int]] = []
    action = QAction("Label QUOTE", window)
    action.setShortcut(QKeySequence("Q"))
    action.triggered.connect(lambda: fired.append(view.selection_cp()))
    window.addAction(action)
    with qtbot.waitActive(window):  # window shortcuts only fire in the active window
        window.show()
    view.set_content(ARTICLE, [], COLORS)
    view.setFocus()
    view.set_selection_cp(*at(ARTICLE, "Peskov"))
    qtbot.keyClick(view, Qt.Key.Key_Q)
    assert fired == [at(ARTICLE, "Peskov")]


# -- clicks, tooltips --------------------------------------------------------------------------


def test_click_activates_the_innermost_span(view: TextView, qtbot: QtBot) -> None:
    quote = span(1, *at(ARTICLE, "Kremlin spokesperson Dmitry Peskov told reporters"))
    speaker = span(2, *at(ARTICLE, "Dmitry Peskov"), label="SPEAKER")
    name = span(3, *at(ARTICLE, "Peskov"), label="SPEAKER")
    view.set_content(ARTICLE, [quote, speaker, name], COLORS)
    activated: list[int] = []
    view.span_activated.connect(activated.append)
    for cp in (ARTICLE.index("Peskov") + 2, ARTICLE.index("Dmitry") + 1, quote.start + 1):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, cp))
    assert activated == [3, 2, 1]
    assert view.selected_span() == quote


def test_click_off_spans_clears_the_selected_span(view: TextView, qtbot: QtBot) -> None:
    quote = span(1, *at(ARTICLE, "Dmitry Peskov"))
    view.set_content(ARTICLE, [quote], COLORS)
    view.set_selected_span(quote.id)
    with qtbot.waitSignal(view.span_deselected, timeout=1000):
        pos = point_of(view, ARTICLE.index("reporters"))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.selected_span() is None


def test_tooltip_lists_every_span_under_the_pointer(view: TextView, qtbot: QtBot) -> None:
    outer = span(1, *at(ARTICLE, "spokesperson Dmitry Peskov told"), stance="favor")
    inner = span(2, *at(ARTICLE, "Peskov"), label="SPEAKER", speaker="Dmitry Peskov")
    elsewhere = span(3, *at(ARTICLE, "Kellogg"), label="SPEAKER")
    view.set_content(ARTICLE, [outer, inner, elsewhere], COLORS)
    pos = point_of(view, inner.start + 1)
    expected = (
        f"QUOTE [{outer.start}–{outer.end}] stance=favor\n"
        f"SPEAKER [{inner.start}–{inner.end}] speaker=Dmitry Peskov"
    )
    assert view.tooltip_text_at(pos) == expected
    # The real route: a tooltip event on the viewport, forwarded by Qt to the view.
    help_event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), help_event)
    assert QToolTip.text() == expected
    assert view.tooltip_text_at(point_of(view, ARTICLE.index("reporters"))) == ""


# -- incremental updates and painting ----------------------------------------------------------


class PaintSpy(QObject):
    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.rects: list[QRect] = []
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def test_add_and_remove_repaint_only_the_span_lines(view: TextView, qtbot: QtBot) -> None:
    view.set_content(ARTICLE, [], COLORS)
    before = grab(view)
    spy = PaintSpy(view.viewport())
    peskov = span(7, *at(ARTICLE, "Dmitry Peskov"), label="SPEAKER")
    view.add_span(peskov)
    qtbot.waitUntil(lambda: bool(spy.rects), timeout=1000)
    assert view.spans.get(peskov.id) == peskov
    assert view.spans.at(peskov.start + 1) == [peskov]
    line_y = point_of(view, peskov.start).y()
    assert all(r.height() < view.viewport().height() / 2 for r in spy.rects)
    assert any(r.top() <= line_y <= r.bottom() for r in spy.rects)
    tinted = background_pixel(grab(view), view, peskov.start + 2)
    assert tinted != background_pixel(before, view, peskov.start + 2)
    assert tinted.blue() > tinted.red()  # the SPEAKER blue shows through
    spy.rects.clear()
    view.remove_span(peskov.id)
    qtbot.waitUntil(lambda: bool(spy.rects), timeout=1000)
    assert peskov.id not in view.spans
    assert background_pixel(grab(view), view, peskov.start + 2) == base_color(view)


def test_adding_an_offscreen_span_paints_nothing(view: TextView, qtbot: QtBot) -> None:
    text = "\n".join(f"Paragraph {i} says something." for i in range(400))
    view.set_content(text, [], COLORS)
    grab(view)
    spy = PaintSpy(view.viewport())
    far = text.index("Paragraph 390")
    view.add_span(span(1, far, far + 9))
    qtbot.wait(50)
    assert spy.rects == []
    view.scroll_to_cp(far)
    assert view.caret_cp() == 0  # scrolling does not move the caret
    pos = point_of(view, far + 2)
    assert view.viewport().rect().contains(pos)
    assert view.cp_at(pos) == far + 2
    assert background_pixel(grab(view), view, far + 2) != base_color(view)


def test_replace_span_keeps_its_lane_and_moves_its_paint(view: TextView) -> None:
    outer = span(1, *at(ARTICLE, "spokesperson Dmitry Peskov told"))
    inner = span(2, *at(ARTICLE, "Dmitry"), label="SPEAKER")
    view.set_content(ARTICLE, [outer, inner], COLORS)
    lane = view.spans.lane(inner.id)
    moved = span(2, *at(ARTICLE, "Peskov"), label="SPEAKER")
    view.replace_span(moved)
    assert view.spans.lane(moved.id) == lane == 1
    assert view.spans.get(SpanId(2)) == moved
    image = grab(view)
    only_outer = background_pixel(image, view, ARTICLE.index("Dmitry") + 1)
    both = background_pixel(image, view, ARTICLE.index("Peskov") + 1)
    assert both != only_outer


def test_many_overlapping_spans_paint_background_lanes_and_markers(view: TextView) -> None:
    start, end = at(ARTICLE, "membership is off the table")
    spans = [
        span(i, start + i % 5, end - i % 3, ["QUOTE", "SPEAKER", "CUE"][i % 3]) for i in range(60)
    ]
    spans.append(span(100, *at(ARTICLE, "Kellogg"), label="CUE"))
    view.set_content(ARTICLE, spans, COLORS)
    assert max(view.spans.lane(s.id) for s in spans) >= LANES  # deeper than the lanes
    image = grab(view)
    assert background_pixel(image, view, start + 8) != base_color(view)
    assert background_pixel(image, view, ARTICLE.index("reporters") + 2) == base_color(view)
    # Lane 0 lies just below the text line: the CUE green of span 100 is there.
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(ARTICLE.index("Kellogg") + 3))
    rect = view.cursorRect(cursor)
    lane0 = image.pixelColor(rect.x(), rect.bottom() + 2)
    assert (lane0.red(), lane0.green(), lane0.blue()) == (0x00, 0x9E, 0x73)


def test_span_across_a_crlf_paragraph_break_paints_both_lines(view: TextView) -> None:
    start = ARTICLE.index("table.")
    end = ARTICLE.index("confirmed")
    view.set_content(ARTICLE, [span(1, start, end)], COLORS)
    image = grab(view)
    assert background_pixel(image, view, start + 1) != base_color(view)
    assert background_pixel(image, view, ARTICLE.index("Kellogg") + 1) != base_color(view)
    assert background_pixel(image, view, end + 2) == base_color(view)


def test_selected_span_is_outlined_in_the_text_colour(view: TextView) -> None:
    peskov = span(1, *at(ARTICLE, "Dmitry Peskov"), label="SPEAKER")
    view.set_content(ARTICLE, [peskov], COLORS)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(peskov.start + 6))
    y = view.cursorRect(cursor).top()
    x = view.cursorRect(cursor).x()

    def top_edge(image: QImage) -> set[tuple[int, int, int]]:
        colors = (image.pixelColor(x, yy) for yy in range(y - 1, y + 2))
        return {(c.red(), c.green(), c.blue()) for c in colors}

    assert (0, 0, 0) not in top_edge(grab(view))
    view.set_selected_span(peskov.id)
    assert (0, 0, 0) in top_edge(grab(view))  # the default light palette's text is black
    view.set_selected_span(None)
    assert (0, 0, 0) not in top_edge(grab(view))


def test_dark_palette_keeps_text_light_and_spans_visible(view: TextView) -> None:
    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    view.setPalette(palette)
    quote = span(1, *at(ARTICLE, "Kremlin spokesperson Dmitry Peskov"))
    view.set_content(ARTICLE, [quote], COLORS)
    image = grab(view)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(quote.start))
    rect = view.cursorRect(cursor)
    ink = [
        image.pixelColor(x, yy).lightness()
        for x in range(rect.x(), rect.x() + 60)
        for yy in range(rect.top(), rect.bottom())
    ]
    assert max(ink) > 200  # glyphs keep the palette's light text colour over the tint
    tint = background_pixel(image, view, quote.start + 1)
    assert tint != QColor("#1e1e1e") and tint.red() > tint.blue()


def test_read_only_layer_greys_the_spans(view: TextView) -> None:
    quote = span(1, *at(ARTICLE, "Kremlin spokesperson"))
    view.set_content(ARTICLE, [quote], COLORS)
    vivid = background_pixel(grab(view), view, quote.start + 3)
    view.set_read_only_layer(True)
    grey = background_pixel(grab(view), view, quote.start + 3)
    assert grey.hsvSaturation() < vivid.hsvSaturation()


def test_offsets_outside_the_text_fail_the_caller_not_the_paint(view: TextView) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        view.set_content("short", [span(1, 2, 9)], COLORS)
    view.set_content("short", [span(1, 0, 5)], COLORS)
    with pytest.raises(ValueError, match="outside the text"):
        view.add_span(span(2, 4, 6))
    assert SpanId(2) not in view.spans
    with pytest.raises(KeyError):
        view.set_selected_span(SpanId(2))


def test_a_label_without_a_colour_is_painted_grey(view: TextView) -> None:
    view.set_content(ARTICLE, [span(1, *at(ARTICLE, "Kremlin"), label="TARGET")], COLORS)
    tint = background_pixel(grab(view), view, ARTICLE.index("Kremlin") + 2)
    assert tint != base_color(view)
    assert (
        max(tint.red(), tint.green(), tint.blue()) - min(tint.red(), tint.green(), tint.blue()) < 8
    )


def test_zoom_changes_the_font_and_keeps_offsets(view: TextView, qtbot: QtBot) -> None:
    view.set_content(ARTICLE, [span(1, *at(ARTICLE, "Peskov"))], COLORS)
    size = view.font().pointSizeF()
    line_height = view.cursorRect().height()
    view.zoom_in()
    assert view.font().pointSizeF() == size + 1
    assert view.cursorRect().height() > line_height
    peskov = ARTICLE.index("Peskov")
    assert view.cp_at(point_of(view, peskov + 1)) == peskov + 1
    view.zoom_out()
    view.zoom_out()
    assert view.font().pointSizeF() == size - 1


# -- SpanIndex (pure; here because this file owns the view's index) ------------------------------


def test_index_navigation_in_document_order() -> None:
    a, b, c, d = span(1, 0, 10), span(2, 0, 4), span(3, 5, 8), span(4, 20, 30)
    index = SpanIndex([d, c, b, a])
    assert list(index) == [a, b, c, d]  # outer first at a shared start
    assert index.next_span(0, after=a.id) == b
    assert index.next_span(0, after=b.id) == c
    assert index.next_span(9) == d
    assert index.next_span(0, after=d.id) is None
    assert index.previous_span(0, before=c.id) == b
    assert index.previous_span(20) == c
    assert index.previous_span(0) is None
    assert index.innermost_at(6) == c
    assert index.innermost_at(2) == b
    assert index.innermost_at(15) is None


def test_index_lanes_are_sticky_and_compact() -> None:
    index = SpanIndex([span(1, 0, 100), span(2, 10, 20), span(3, 30, 40)])
    assert [index.lane(SpanId(i)) for i in (1, 2, 3)] == [0, 1, 1]
    index.add(span(4, 15, 35))  # overlaps 1, 2 and 3: needs a third lane
    assert index.lane(SpanId(4)) == 2
    index.remove(SpanId(2))
    assert [index.lane(SpanId(i)) for i in (1, 3, 4)] == [0, 1, 2]  # nobody moved
    index.add(span(5, 12, 14))
    assert index.lane(SpanId(5)) == 1  # the freed lane is reused
    with pytest.raises(ValueError):
        index.add(span(5, 0, 1))


def test_index_finds_long_spans_without_a_wide_window() -> None:
    long = span(1, 0, LONG_SPAN * 3)
    index = SpanIndex([long, span(2, 10, 20), span(3, LONG_SPAN * 2, LONG_SPAN * 2 + 5)])
    assert index.overlapping(LONG_SPAN * 2 + 1, LONG_SPAN * 2 + 2) == [
        span(3, *(2 * LONG_SPAN, 2 * LONG_SPAN + 5)),
        long,
    ]
    assert index.at(LONG_SPAN * 3 - 1) == [long]
    assert index.at(LONG_SPAN * 3) == []


ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "replace"]),
        st.integers(0, 300),
        st.one_of(st.integers(1, 40), st.integers(LONG_SPAN, LONG_SPAN + 400)),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(initial=ops, edits=ops, query=st.tuples(st.integers(0, 5000), st.integers(0, 400)))
def test_index_matches_brute_force_and_lanes_never_collide(
    initial: list[tuple[str, int, int]],
    edits: list[tuple[str, int, int]],
    query: tuple[int, int],
) -> None:
    spans = {i: span(i, s, s + n) for i, (_, s, n) in enumerate(initial)}
    index = SpanIndex(spans.values())
    depth = max(
        (sum(o.start <= p.start < o.end for o in spans.values()) for p in spans.values()), default=0
    )
    assert index.lane_count == depth  # the bulk sweep is optimal
    next_id = len(spans)
    for op, start, length in edits:
        if op != "add" and spans:
            target = sorted(spans)[start % len(spans)]
            lanes_before = {i: index.lane(SpanId(i)) for i in spans if i != target}
            if op == "remove":
                index.remove(SpanId(target))
                del spans[target]
            else:
                old_lane = index.lane(SpanId(target))
                spans[target] = span(target, start, start + length)
                index.replace(spans[target])
                clash = any(
                    index.lane(SpanId(i)) == old_lane and o.overlaps(spans[target])
                    for i, o in spans.items()
                    if i != target
                )
                assert clash or index.lane(SpanId(target)) == old_lane  # kept when still free
        else:
            lanes_before = {i: index.lane(SpanId(i)) for i in spans}
            spans[next_id] = span(next_id, start, start + length)
            index.add(spans[next_id])
            next_id += 1
        assert lanes_before == {i: index.lane(SpanId(i)) for i in lanes_before}  # sticky
    a, width = query
    expected = (
        {i for i, s in spans.items() if s.start < a + width and s.end > a}
        if width
        else {i for i, s in spans.items() if s.start <= a < s.end}
    )
    found = index.overlapping(a, a + width) if width else index.at(a)
    assert sorted(s.id for s in found) == sorted(expected)
    for s in spans.values():
        for o in spans.values():
            if s.id != o.id and s.overlaps(o):
                assert index.lane(s.id) != index.lane(o.id)
    assert list(index) == sorted(spans.values(), key=lambda s: (s.start, -s.end, s.id))
