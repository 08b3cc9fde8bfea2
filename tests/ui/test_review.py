"""Review in context driven by keys and clicks: every layer over the text, decided into gold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.edits.spans import AddRelation, SetStatus
from annotator.model import AnnotatorName, AttrValue, DocumentId, Span, Status
from annotator.model.adjudication import Verdict
from annotator.model.ids import GOLD
from annotator.store import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.review.view import ReviewView, top_line_start
from annotator.ui.session import Session
from annotator.ui.text.span_painter import MARK_COLOR
from annotator.ui.text.text_view import TextView

from driving import CTRL, SHIFT
from support import add_span

DOC = DocumentId("000_80cf35cee6cee056")


def add(project: Project, who: str, start: int, end: int, label: str, **attrs: AttrValue) -> Span:
    return add_span(project, DOC, who, start, end, label, **attrs)


def prepare(project: Project) -> None:
    """alice and bob are done: a unanimous speaker, a cue only alice has, a disputed quote."""
    quote = add(project, "alice", 200, 260, "QUOTE", stance="favor")
    speaker = add(project, "alice", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    add(project, "alice", 168, 172, "CUE")
    AddRelation("attributed_to", quote.id, speaker.id).apply(project)
    add(project, "bob", 198, 262, "QUOTE", stance="against")
    add(project, "bob", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    for who in ("alice", "bob"):
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(project)


@pytest.fixture
def session(project_path: Path) -> Iterator[Session]:
    project = Project.open(project_path)
    prepare(project)
    yield Session(project, "lead")
    project.close()


@pytest.fixture
def review(qtbot, session: Session) -> ReviewView:
    shown = ReviewView(session, DOC)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    view = shown.columns["alice"].view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return shown


def view_of(review: ReviewView, name: str = "alice") -> TextView:
    return review.columns[name].view


def gold(session: Session) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in session.project.spans.in_set(DOC, GOLD)]


def tab_to(qtbot, review: ReviewView, label: str) -> None:
    for _ in range(len(review.state.units) + 1):
        unit = review.current_unit()
        if unit is not None and unit.label == label:
            return
        qtbot.keyClick(view_of(review), Qt.Key.Key_Tab)
    raise AssertionError(f"no {label} unit")


def mark_pixels(view: TextView, start: int) -> int:
    """Vermillion pixels just above the line holding ``start`` (the disputed bar)."""
    QApplication.processEvents()
    image: QImage = view.viewport().grab().toImage()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    top = view.cursorRect(cursor).top()
    return sum(
        1
        for y in range(max(0, top - 4), top)
        for x in range(image.width())
        if QColor(image.pixel(x, y)) == MARK_COLOR
    )


def test_every_layer_and_gold_over_the_text_with_their_spans_and_links(review) -> None:
    assert list(review.columns) == ["alice", "bob", GOLD]
    alice, bob, gold_view = (view_of(review, n) for n in ("alice", "bob", GOLD))
    assert [(s.start, s.end) for s in alice.spans] == [(131, 167), (168, 172), (200, 260)]
    assert [(s.start, s.end) for s in bob.spans] == [(131, 167), (198, 262)]
    assert len(gold_view.spans) == 0
    assert alice.arcs_for_all(), "each column draws every link of its layer"
    assert review.splitter.orientation() == Qt.Orientation.Horizontal
    assert review.progress.text() == "0 / 3 units decided"


def test_tab_walks_the_units_and_the_headers_name_each_version(qtbot, review) -> None:
    assert review.current_unit() is not None and review.current_unit().label == "SPEAKER"
    assert review.unit_line.text() == "SPEAKER 131–167 · unanimous"
    qtbot.keyClick(view_of(review), Qt.Key.Key_Tab)
    qtbot.keyClick(view_of(review), Qt.Key.Key_Tab)
    assert review.unit_line.text() == "QUOTE 198–262 · 2 versions"
    headers = [c.header.text() for c in review.columns.values()]
    assert headers == ["alice — version 1", "bob — version 2", "gold — undecided"]
    qtbot.keyClick(view_of(review), Qt.Key.Key_Tab, SHIFT)
    assert review.unit_line.text() == "CUE 168–172 · 1 version"
    assert [c.header.text() for c in review.columns.values()][1] == "bob — nothing here"


def test_a_click_in_the_text_makes_that_unit_current(qtbot, review) -> None:
    bob = view_of(review, "bob")
    cursor = QTextCursor(bob.document())
    cursor.setPosition(bob.offsets.to_qt(230))
    rect = bob.cursorRect(cursor)
    qtbot.mouseClick(
        bob.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 2, rect.center().y())
    )
    assert review.current_unit() is not None and review.current_unit().label == "QUOTE"


def test_a_number_key_accepts_that_version_and_gold_shows_it(qtbot, review) -> None:
    tab_to(qtbot, review, "QUOTE")
    alice = view_of(review)
    assert mark_pixels(alice, 198) > 0, "the disputed quote is marked"
    qtbot.keyClick(alice, "2")
    assert gold(review.session) == [(198, 262, "QUOTE")]
    assert [(s.start, s.end) for s in view_of(review, GOLD).spans] == [(198, 262)]
    assert review.columns[GOLD].header.text() == "gold — accepted: bob"
    assert review.progress.text() == "1 / 3 units decided"
    qtbot.keyClick(alice, Qt.Key.Key_Tab)  # off the quote, so only its mark could remain
    assert mark_pixels(alice, 198) == 0, "a decided unit is no longer marked"
    qtbot.keyClick(alice, "z", CTRL)
    assert gold(review.session) == []
    assert len(view_of(review, GOLD).spans) == 0
    assert mark_pixels(alice, 198) > 0


def test_keys_decide_from_any_column_and_letters_never_label(qtbot, review) -> None:
    bob = view_of(review, "bob")
    bob.setFocus()
    qtbot.waitUntil(bob.hasFocus)
    qtbot.keyClick(bob, "q")  # a label key elsewhere; a read-only column does nothing
    qtbot.keyClick(bob, "s")
    assert len(review.session.project.spans.in_set(DOC, "bob")) == 2
    qtbot.keyClick(bob, "a")
    assert gold(review.session) == [(131, 167, "SPEAKER")]
    assert review.session.undo_stack.undoText() == "accept 1 unanimous unit"


def test_r_rejects_with_a_reason_and_e_hands_gold_over_for_editing(qtbot, review) -> None:
    tab_to(qtbot, review, "CUE")
    qtbot.keyClick(view_of(review), "r")
    qtbot.waitUntil(review.reason.hasFocus)
    qtbot.keyClicks(review.reason, "not a cue")
    qtbot.keyClick(review.reason, Qt.Key.Key_Return)
    decisions = review.session.project.adjudications.for_document(DOC)
    (decision,) = decisions.values()
    assert (decision.verdict, decision.reason) == (Verdict.REJECTED, "not a cue")
    assert review.columns[GOLD].header.text() == "gold — rejected — not a cue"
    qtbot.waitUntil(view_of(review).hasFocus)
    tab_to(qtbot, review, "QUOTE")
    with qtbot.waitSignal(review.state.edit_gold) as emitted:
        qtbot.keyClick(view_of(review), "e")
    (copy,) = review.session.project.spans.in_set(DOC, GOLD)
    assert emitted.args == [copy.id] and (copy.start, copy.end) == (200, 260)
    assert [(s.start, s.end) for s in view_of(review, GOLD).spans] == [(200, 260)]


def test_the_columns_scroll_together(qtbot, review) -> None:
    review.resize(1300, 260)
    QApplication.processEvents()
    views = [view_of(review, n) for n in ("alice", "bob", GOLD)]
    alice = views[0]
    assert alice.verticalScrollBar().maximum() > 4, "the text must be longer than the window"

    def tops() -> list[int]:
        QApplication.processEvents()
        return [top_line_start(view) for view in views]

    qtbot.keyClick(alice, Qt.Key.Key_End, CTRL)
    assert tops()[0] > 0 and len(set(tops())) == 1
    for _ in range(3):
        qtbot.keyClick(alice, Qt.Key.Key_PageUp)
        assert len(set(tops())) == 1, tops()
    qtbot.keyClick(view_of(review, "bob"), Qt.Key.Key_Home, CTRL)
    assert tops() == [0, 0, 0]
    review.resize(600, 500)  # stacked
    for _ in range(len(review.state.units)):
        qtbot.keyClick(alice, Qt.Key.Key_Tab)
        assert len(set(tops())) == 1, tops()


def test_columns_stack_when_the_window_is_narrow(qtbot, review) -> None:
    review.resize(600, 700)
    QApplication.processEvents()
    assert review.splitter.orientation() == Qt.Orientation.Vertical
    review.resize(1300, 700)
    QApplication.processEvents()
    assert review.splitter.orientation() == Qt.Orientation.Horizontal


def test_ctrl_shift_r_opens_the_review_of_the_open_document(
    qtbot, open_window, project_path
) -> None:
    project = Project.open(project_path)
    prepare(project)
    project.close()
    window: MainWindow = open_window(project_path, "lead")
    qtbot.keyClick(window.view, "r", CTRL | SHIFT)
    (shown,) = window.findChildren(ReviewView)
    qtbot.waitExposed(shown)
    qtbot.waitUntil(shown.isActiveWindow)
    assert list(shown.columns) == ["alice", "bob", GOLD]
    alice = shown.columns["alice"].view
    assert alice.hasFocus(), "the keys work at once"
    qtbot.keyClick(alice, "a")  # the review's A, not the main window's link key
    assert [s.label for s in window.session.project.spans.in_set(DOC, GOLD)] == ["SPEAKER"]
    with qtbot.waitSignal(shown.destroyed):
        qtbot.keyClick(alice, Qt.Key.Key_Escape)


def test_a_rejection_decides_the_unit_of_the_column_clicked_last(qtbot, review) -> None:
    bob = view_of(review, "bob")
    cursor = QTextCursor(bob.document())
    cursor.setPosition(bob.offsets.to_qt(230))
    rect = bob.cursorRect(cursor)
    qtbot.mouseClick(
        bob.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() + 2, rect.center().y())
    )
    qtbot.keyClick(bob, "r")
    qtbot.waitUntil(review.reason.hasFocus)
    qtbot.keyClick(review.reason, Qt.Key.Key_Return)
    (key,) = review.session.project.adjudications.for_document(DOC)
    assert key.startswith("QUOTE")
    assert bob.hasFocus() and review.current_unit().label == "QUOTE"  # type: ignore[union-attr]


def test_a_document_nobody_has_finished_shows_gold_alone(qtbot, project_path) -> None:
    project = Project.open(project_path)
    try:
        add(project, "alice", 200, 260, "QUOTE")  # started, not done: not counted
        shown = ReviewView(Session(project, "lead"), DOC)
        qtbot.addWidget(shown)
        shown.show()
        qtbot.keyClick(shown.columns[GOLD].view, Qt.Key.Key_Tab)
        qtbot.keyClick(shown.columns[GOLD].view, "1")
        assert list(shown.columns) == [GOLD]
        assert shown.unit_line.text() == "No unit under the caret: Tab goes to the next one"
        assert shown.progress.text() == "0 / 0 units decided"
        shown.include_unfinished.setChecked(True)
        assert list(shown.columns) == ["alice", GOLD]
    finally:
        project.close()


def test_a_long_text_is_stacked_even_in_a_wide_window(qtbot, session, monkeypatch) -> None:
    import annotator.ui.review.view as review_view

    monkeypatch.setattr(review_view, "LONG_TEXT", 100)  # the seed article is longer than this
    shown = ReviewView(session, DOC)
    qtbot.addWidget(shown)
    shown.resize(1300, 700)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.splitter.orientation() == Qt.Orientation.Vertical


def arc_points(view: TextView) -> list[QPoint]:
    """Viewport points on a drawn link (arc), found where the view says an arc is."""
    QApplication.processEvents()
    image: QImage = view.viewport().grab().toImage()
    base = view.palette().color(view.backgroundRole())
    return [
        QPoint(x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 3)
        if QColor(image.pixel(x, y)) != base and view.arc_at(QPoint(x, y)) is not None
    ]


def test_clicking_an_arc_makes_its_quote_the_current_unit(qtbot, review) -> None:
    alice = view_of(review)
    assert review.current_unit().label == "SPEAKER"  # type: ignore[union-attr]
    on_arc = arc_points(alice)
    assert on_arc, "alice's quote is linked to her speaker: an arc is drawn"
    qtbot.mouseClick(alice.viewport(), Qt.MouseButton.LeftButton, pos=on_arc[len(on_arc) // 2])
    unit = review.current_unit()
    assert unit is not None and unit.label == "QUOTE"
    assert review.unit_line.text() == "QUOTE 198–262 · 2 versions"
    assert [c.header.text() for c in review.columns.values()][:2] == [
        "alice — version 1",
        "bob — version 2",
    ]


def test_the_columns_take_the_text_size_and_zoom_together(qtbot, open_window, project_path) -> None:
    project = Project.open(project_path)
    prepare(project)
    project.close()
    window: MainWindow = open_window(project_path, "lead")
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)  # Zoom In, before the review opens
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, "r", CTRL | SHIFT)
    (shown,) = window.findChildren(ReviewView)
    qtbot.waitUntil(shown.isActiveWindow)
    views = [column.view for column in shown.columns.values()]

    def sizes() -> set[float]:
        return {view.font().pointSizeF() for view in views}

    assert sizes() == {size}, "the annotation view's size"
    bob = shown.columns["bob"].view
    qtbot.keyClick(bob, Qt.Key.Key_Equal, CTRL)
    assert sizes() == {size + 1}, "every column zooms with the one the key was pressed in"
    qtbot.keyClick(views[0], Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(views[0], Qt.Key.Key_Minus, CTRL)
    assert sizes() == {size - 1}
    assert window.view.font().pointSizeF() == size, "the annotation view keeps its own"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, CTRL)
    assert sizes() == {size + 1}, "the columns follow the annotation view's zoom"


def test_opening_shows_the_first_unit_far_down_the_article(
    qtbot, open_window, project_path
) -> None:
    project = Project.open(project_path)
    end = len(project.documents.get(DOC).text)
    start = end - 120  # the only disputed unit: near the article's end
    add(project, "alice", start, start + 40, "QUOTE")
    add(project, "bob", start + 2, start + 40, "QUOTE")
    for who in ("alice", "bob"):
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(project)
    project.close()
    window: MainWindow = open_window(project_path, "lead")
    qtbot.keyClick(window.view, "r", CTRL | SHIFT)
    (shown,) = window.findChildren(ReviewView)
    qtbot.waitExposed(shown)
    assert view_of(shown).verticalScrollBar().maximum() > 0, "the text must be longer"
    for name in ("alice", "bob", GOLD):
        view = view_of(shown, name)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(start))
        qtbot.waitUntil(lambda v=view, c=cursor: v.viewport().rect().contains(v.cursorRect(c)))
    unit = shown.current_unit()
    assert unit is not None and unit.start == start
