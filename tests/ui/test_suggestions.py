"""Reviewing suggestions by key: Enter accepts, Backspace rejects, Shift+Enter accepts all."""

from __future__ import annotations

import resource
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.model import Document, DocumentId
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.suggest import ANNOTATOR, suggest
from annotator.transfer.suggesting import suggest_documents
from annotator.ui.main_window import MainWindow

from driving import CTRL, DOC, SHIFT, TEXT, point_of, settle

OpenWindow = Callable[..., MainWindow]

PESKOV = TEXT.index("“We have heard from Washington")


@pytest.fixture
def suggested_path(project_path: Path) -> Path:
    with Project.open(project_path) as project:
        suggest_documents(project, workers=1)
    return project_path


@pytest.fixture
def window(open_window: OpenWindow, suggested_path: Path) -> MainWindow:
    return open_window(suggested_path)


def press(qtbot, window: MainWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.view, key, modifier)
    settle()


def mine(window: MainWindow) -> list[tuple[str, str]]:
    project = window.session.project
    spans = project.spans.in_set(DocumentId(DOC), "alice")
    return sorted((s.label, TEXT[s.start : s.end]) for s in spans)


def to_peskov(qtbot, window: MainWindow) -> None:
    """F8 from the top until the caret is on Peskov's quote."""
    qtbot.keyClick(window.view, Qt.Key.Key_Home, CTRL)
    for _ in range(len(window.suggestions.open)):
        press(qtbot, window, Qt.Key.Key_F8)
        current = window.suggestions.current
        if current is not None and current.parts[0].start == PESKOV:
            return
    raise AssertionError("F8 never reached Peskov's quote")


def test_suggestions_show_as_outlines_of_the_open_document(window: MainWindow) -> None:
    assert len(window.suggestions.open) >= 4
    assert len(window.view.suggestions) >= 10  # quotes, speakers and cues
    assert window.suggestions.label.text().startswith("Suggestions: ")
    assert "0 accepted, 0 rejected" in window.suggestions.label.text()


def test_enter_accepts_the_suggestion_under_the_caret_and_undo_takes_it_back(
    qtbot, window: MainWindow
) -> None:
    open_before = len(window.suggestions.open)
    to_peskov(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return)
    assert mine(window) == [
        ("CUE", "told"),
        ("QUOTE", TEXT[PESKOV : TEXT.index("satisfaction.”") + len("satisfaction.”")]),
        ("SPEAKER", "Kremlin spokesperson Dmitry Peskov"),
    ]
    assert all(s.id in window.view.spans for s in window.session.current_set().spans)
    assert len(window.suggestions.open) == open_before - 1
    assert "1 accepted, 0 rejected" in window.suggestions.label.text()
    links = {r.label for r in window.session.current_set().relations}
    assert links == {"attributed_to", "cued_by"}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert mine(window) == []
    assert len(window.suggestions.open) == open_before
    assert "0 accepted" in window.suggestions.label.text()


def test_backspace_rejects_and_undo_brings_it_back(qtbot, window: MainWindow) -> None:
    open_before = len(window.suggestions.open)
    to_peskov(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert mine(window) == []
    assert PESKOV not in [s.parts[0].start for s in window.suggestions.open]
    assert "0 accepted, 1 rejected" in window.suggestions.label.text()
    # The caret moved on to the next suggestion.
    assert window.suggestions.current is not None
    assert window.suggestions.current.start > PESKOV
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(window.suggestions.open) == open_before
    assert "0 rejected" in window.suggestions.label.text()


def test_shift_enter_accepts_all_as_one_step(qtbot, window: MainWindow) -> None:
    count = len(window.suggestions.open)
    press(qtbot, window, Qt.Key.Key_Return, SHIFT)
    assert window.suggestions.open == []
    assert f"{count} accepted" in window.suggestions.label.text()
    quotes = [label for label, _ in mine(window) if label == "QUOTE"]
    assert len(quotes) == 10
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert mine(window) == []
    assert len(window.suggestions.open) == count


def test_backspace_off_every_suggestion_still_deletes_the_selected_span(
    qtbot, window: MainWindow
) -> None:
    window.view.set_selection_cp(0, 7)
    qtbot.keyClick(window.view, "q")
    settle()
    assert mine(window) == [("QUOTE", TEXT[0:7])]
    window.select_span(window.session.current_set().spans[0].id)
    assert window.suggestions.current is None
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert mine(window) == []


def test_decisions_survive_a_restart(qtbot, open_window: OpenWindow, suggested_path: Path) -> None:
    window = open_window(suggested_path)
    to_peskov(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Return)
    press(qtbot, window, Qt.Key.Key_Backspace)
    window.close()
    window.session.project.close()
    again = open_window(suggested_path)
    assert "1 accepted, 1 rejected" in again.suggestions.label.text()
    starts = [s.parts[0].start for s in again.suggestions.open]
    assert PESKOV not in starts
    with Project.open(suggested_path, read_only=True) as project:
        counts = project.suggestions.counts(ANNOTATOR)
    assert [(c.annotator, c.accepted, c.rejected) for c in counts] == [("alice", 1, 1)]


def test_document_suggest_runs_for_the_open_document(
    qtbot, open_window: OpenWindow, project_path: Path
) -> None:
    window = open_window(project_path)
    assert window.suggestions.open == []
    window.commands.suggest_document.trigger()
    settle()
    assert len(window.suggestions.open) >= 4


def test_suggest_for_all_documents_fills_the_layer_of_every_document(
    qtbot, open_window: OpenWindow, project_path: Path
) -> None:
    window = open_window(project_path)
    window.commands.suggest_all.trigger()
    settle()
    assert len(window.suggestions.open) >= 4
    project = window.session.project
    assert project.sets.get(DocumentId(DOC), ANNOTATOR).spans
    assert "Suggested 10 quote parts" in window.statusBar().currentMessage()


def test_suggest_for_all_documents_of_a_large_project_runs_on_spawned_workers(
    qtbot, open_window: OpenWindow, tmp_path: Path, schema: Schema
) -> None:
    # Enough documents for the batch to start worker processes (spawned: this one runs Qt).
    texts = [f"“We won game {n},” coach Maria Alvarez said on Sunday." for n in range(520)]
    path = tmp_path / "large.db"
    with Project.create(path, schema) as project, project.transaction():
        project.documents.insert_many(
            Document(DocumentId(f"d{n}"), text) for n, text in enumerate(texts)
        )
    window = open_window(path)
    workers_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    window.commands.suggest_all.trigger()
    settle()
    assert "Suggested 520 quote parts, 520 speakers and 520 cues in 520 documents" in (
        window.statusBar().currentMessage()
    )
    # The work ran in other processes, and came back as this process finds it.
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime > workers_before
    project = window.session.project
    for n in (0, 519):
        stored = project.sets.get(DocumentId(f"d{n}"), ANNOTATOR).spans
        expected = suggest(Document(DocumentId(f"d{n}"), texts[n])).spans
        assert [(s.start, s.end, s.label, s.attrs) for s in stored] == [
            (s.start, s.end, s.label, s.attrs) for s in expected
        ]


def test_the_suggestion_under_the_caret_is_described(qtbot, window: MainWindow) -> None:
    to_peskov(qtbot, window)
    assert window.statusBar().currentMessage() == (
        "Suggested: direct quote, Dmitry Peskov. Enter accepts, Backspace rejects, F8 goes on."
    )
    speaker = TEXT.index("Kremlin spokesperson Dmitry Peskov")
    window.view.scroll_to_cp(speaker)
    tip = window.view.tooltip_text_at(point_of(window.view, speaker + 3))
    assert tip.startswith("suggested SPEAKER [") and tip.endswith("speaker=Dmitry Peskov")
