"""The review mode driven by keys: accept a version, reject with a reason, accept all, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.adjudication.units import units
from annotator.edits.spans import AddRelation, SetStatus
from annotator.model import AnnotatorName, AttrValue, DocumentId, Span, Status
from annotator.model.adjudication import Verdict
from annotator.model.ids import GOLD
from annotator.store import Project
from annotator.ui.adjudication.view import AdjudicationView, LearningView
from annotator.ui.session import Session

from support import add_span

DOC = DocumentId("000_80cf35cee6cee056")
SPEAKER_ROW, CUE_ROW, QUOTE_ROW = range(3)


def add(project: Project, who: str, start: int, end: int, label: str, **attrs: AttrValue) -> Span:
    return add_span(project, DOC, who, start, end, label, **attrs)


@pytest.fixture
def session(project_path: Path) -> Iterator[Session]:
    """alice and bob are done: a unanimous speaker, a cue only alice has, a disputed quote."""
    project = Project.open(project_path)
    quote = add(project, "alice", 200, 260, "QUOTE", stance="favor")
    speaker = add(project, "alice", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    add(project, "alice", 168, 172, "CUE")
    AddRelation("attributed_to", quote.id, speaker.id).apply(project)
    add(project, "bob", 198, 262, "QUOTE", stance="against")
    add(project, "bob", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    for who in ("alice", "bob"):
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(project)
    yield Session(project, "lead")
    project.close()


@pytest.fixture
def view(qtbot, session: Session) -> AdjudicationView:
    shown = AdjudicationView(session, DOC)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.table.setFocus()
    return shown


def gold(session: Session) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in session.project.spans.in_set(DOC, GOLD)]


def cell(view: AdjudicationView, row: int, column: int) -> str:
    return str(view.model.data(view.model.index(row, column)))


def test_rows_show_every_annotators_version_and_the_progress(view: AdjudicationView) -> None:
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Unit", "alice", "bob", "Decision"]
    assert [cell(view, r, 0) for r in range(model.rowCount())] == [
        "SPEAKER 131–167",
        "CUE 168–172",
        "QUOTE 198–262",
    ]
    assert cell(view, QUOTE_ROW, 1).startswith("1 · [200–260] “")
    assert cell(view, QUOTE_ROW, 1).endswith("stance=favor · attributed_to → Dmitry Peskov")
    assert cell(view, QUOTE_ROW, 2).startswith("2 · [198–262] “")
    assert cell(view, CUE_ROW, 2) == "—"
    assert cell(view, SPEAKER_ROW, 3) == "unanimous"
    assert view.progress.text() == "0 / 3 units decided"
    assert view.layers.text() == "Layers: alice, bob"


def test_the_table_model_passes_the_model_tester(qtmodeltester, view: AdjudicationView) -> None:
    qtmodeltester.check(view.model)


def test_keys_1_and_2_accept_that_version_into_gold(qtbot, view: AdjudicationView) -> None:
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.current_unit() is not None and view.current_unit().label == "QUOTE"  # type: ignore[union-attr]
    qtbot.keyClick(view.table, "1")
    assert gold(view.session) == [(200, 260, "QUOTE")]
    assert cell(view, QUOTE_ROW, 3) == "accepted: alice"
    qtbot.keyClick(view.table, "2")  # deciding again replaces alice's copy with bob's
    assert gold(view.session) == [(198, 262, "QUOTE")]
    assert cell(view, QUOTE_ROW, 3) == "accepted: bob"
    assert view.progress.text() == "1 / 3 units decided"
    qtbot.keyClick(view.table, "3")  # there is no third version
    assert gold(view.session) == [(198, 262, "QUOTE")]
    assert view.message.text() == "this unit has no version 3"


def test_a_decision_moves_on_to_the_next_undecided_unit(qtbot, view: AdjudicationView) -> None:
    qtbot.keyClick(view.table, "1")
    assert view.table.currentIndex().row() == CUE_ROW
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    assert view.table.currentIndex().row() == SPEAKER_ROW


def test_r_rejects_with_the_reason_typed_below(qtbot, view: AdjudicationView) -> None:
    view.select_row(CUE_ROW)
    qtbot.keyClick(view.table, "r")
    assert view.reason.isVisible()
    qtbot.waitUntil(view.reason.hasFocus)
    qtbot.keyClicks(view.reason, "not an attribution cue")
    qtbot.keyClick(view.reason, Qt.Key.Key_Return)
    decision = view.session.project.adjudications.get(DOC, units_by_label(view)["CUE"])
    assert decision is not None
    assert (decision.verdict, decision.reason, decision.reviewer) == (
        Verdict.REJECTED,
        "not an attribution cue",
        "lead",
    )
    assert not view.reason.isVisible()
    assert cell(view, CUE_ROW, 3) == "rejected — not an attribution cue"
    assert gold(view.session) == []


def test_escape_cancels_a_rejection(qtbot, view: AdjudicationView) -> None:
    qtbot.keyClick(view.table, "r")
    qtbot.keyClicks(view.reason, "never mind")
    qtbot.keyClick(view.reason, Qt.Key.Key_Escape)
    assert not view.reason.isVisible()
    assert view.session.project.adjudications.for_document(DOC) == {}


def test_a_accepts_unanimous_units_in_one_undo_step(qtbot, view: AdjudicationView) -> None:
    qtbot.keyClick(view.table, "a")
    assert gold(view.session) == [(131, 167, "SPEAKER")]
    assert view.progress.text() == "1 / 3 units decided"
    assert view.session.undo_stack.count() == 1
    assert view.session.undo_stack.undoText() == "accept 1 unanimous unit"
    view.session.undo_stack.undo()
    assert gold(view.session) == []
    assert view.progress.text() == "0 / 3 units decided"
    assert cell(view, SPEAKER_ROW, 3) == "unanimous"


def test_gold_is_done_once_every_unit_is_decided(qtbot, view: AdjudicationView) -> None:
    status = view.session.project.sets.status
    assert status(DOC, GOLD) == Status.TODO
    qtbot.keyClick(view.table, "a")  # the speaker
    assert status(DOC, GOLD) == Status.IN_PROGRESS
    view.select_row(CUE_ROW)
    qtbot.keyClick(view.table, "1")
    view.select_row(QUOTE_ROW)
    qtbot.keyClick(view.table, "2")
    assert view.progress.text() == "3 / 3 units decided"
    assert status(DOC, GOLD) == Status.DONE
    qtbot.keyClick(view.table, "z", Qt.KeyboardModifier.ControlModifier)
    assert status(DOC, GOLD) == Status.IN_PROGRESS


def test_undo_restores_an_earlier_decision(qtbot, view: AdjudicationView) -> None:
    view.select_row(QUOTE_ROW)
    qtbot.keyClick(view.table, "1")
    qtbot.keyClick(view.table, "2")
    view.session.undo_stack.undo()
    assert gold(view.session) == [(200, 260, "QUOTE")]
    assert cell(view, QUOTE_ROW, 3) == "accepted: alice"
    qtbot.keyClick(view.table, "z", Qt.KeyboardModifier.ControlModifier)
    assert gold(view.session) == []
    assert view.progress.text() == "0 / 3 units decided"
    qtbot.keyClick(view.table, "y", Qt.KeyboardModifier.ControlModifier)
    assert gold(view.session) == [(200, 260, "QUOTE")]


def test_e_accepts_and_hands_the_gold_copy_over_for_editing(qtbot, view: AdjudicationView) -> None:
    view.select_row(QUOTE_ROW)
    with qtbot.waitSignal(view.state.edit_gold) as emitted:
        qtbot.keyClick(view.table, "e")
    (copy,) = view.session.project.spans.in_set(DOC, GOLD)
    assert emitted.args == [copy.id]
    assert (copy.start, copy.end) == (200, 260), "a tie goes to version 1"
    assert cell(view, QUOTE_ROW, 3) == "edited: alice"
    view.select_row(QUOTE_ROW)
    with qtbot.waitSignal(view.state.edit_gold) as again:
        qtbot.keyClick(view.table, "e")  # already edited: the same copy, nothing replaced
    assert again.args == [copy.id]
    assert view.session.undo_stack.count() == 1


def test_e_on_an_accepted_unit_marks_it_edited(qtbot, view: AdjudicationView) -> None:
    view.select_row(QUOTE_ROW)
    qtbot.keyClick(view.table, "2")
    view.select_row(QUOTE_ROW)
    with qtbot.waitSignal(view.state.edit_gold):
        qtbot.keyClick(view.table, "e")
    assert cell(view, QUOTE_ROW, 3) == "edited: bob"
    assert gold(view.session) == [(198, 262, "QUOTE")]


def test_a_read_only_session_refuses_and_says_why(qtbot, view: AdjudicationView) -> None:
    view.session.set_layer("bob")
    qtbot.keyClick(view.table, "1")
    assert gold(view.session) == []
    assert "read-only" in view.message.text()


def test_unfinished_layers_count_only_when_asked(qtbot, view: AdjudicationView) -> None:
    session = view.session
    add(session.project, "carol", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    SetStatus(DOC, AnnotatorName("carol"), status=Status.IN_PROGRESS).apply(session.project)
    view.refresh()
    assert view.layers.text() == "Layers: alice, bob · not counted: carol (in progress)"
    view.include_unfinished.setChecked(True)
    assert view.model.columnCount() == 5
    assert view.layers.text() == "Layers: alice, bob, carol"


def test_the_learning_view_lists_how_gold_differs(qtbot, view: AdjudicationView) -> None:
    learning = LearningView(view.session, DOC, "alice")
    qtbot.addWidget(learning)
    assert learning.summary.text() == "Nothing in gold yet for this document"
    view.select_row(QUOTE_ROW)
    qtbot.keyClick(view.table, "2")
    qtbot.keyClick(view.table, "a")
    rows = [learning.list.item(i).text() for i in range(learning.list.count())]
    assert len(rows) == 2
    assert rows[0].startswith("only yours: CUE [168–172]")
    assert rows[1].startswith("QUOTE “") and rows[1].endswith(
        "[200–260] → gold [198–262]; stance: favor → against"
    )
    assert learning.summary.text() == "2 differences from gold"


def units_by_label(view: AdjudicationView) -> dict[str, str]:
    sets = view.session.project.bulk.sets_for([DOC])[DOC]
    return {u.label: u.key for u in units(sets)}


def test_keys_reach_the_view_before_the_annotation_windows_shortcuts(qtbot, window) -> None:
    # 1-9 label a selection and "a" links a speaker in the main window; inside the review
    # table the same keys must decide units instead.
    project = window.session.project
    for who in ("bob", "carol"):
        add(project, who, 131, 167, "SPEAKER")
        add(project, who, 200, 260, "QUOTE", stance="favor" if who == "bob" else "none")
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(project)
    review = AdjudicationView(window.session, DOC)
    window.side.addTab(review, "Adjudicate")
    window.side.setCurrentWidget(review)
    review.table.setFocus()
    qtbot.waitUntil(review.table.hasFocus)
    review.select_row(1)
    qtbot.keyClick(review.table, "2")
    qtbot.keyClick(review.table, "a")
    assert gold(window.session) == [(131, 167, "SPEAKER"), (200, 260, "QUOTE")]
    assert project.spans.in_set(DOC, "alice") == []
    qtbot.keyClick(review.table, "z", Qt.KeyboardModifier.ControlModifier)
    assert gold(window.session) == [(200, 260, "QUOTE")]


def test_one_difference_from_gold_is_counted_as_one(qtbot, view: AdjudicationView) -> None:
    learning = LearningView(view.session, DOC, "alice")
    qtbot.addWidget(learning)
    view.select_row(QUOTE_ROW)
    qtbot.keyClick(view.table, "1")  # alice's own quote into gold
    qtbot.keyClick(view.table, "a")  # and the speaker both drew
    assert [learning.list.item(i).text()[:25] for i in range(learning.list.count())] == [
        "only yours: CUE [168–172]"
    ]
    assert learning.summary.text() == "1 difference from gold"
