"""A long document opens in two steps: the text and its first screen's spans are painted
first, every span and the panels come just after; anything that needs every span before
then (a key, a click) gets them at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from annotator.edits.spans import DeleteRelation
from annotator.model import DocumentId
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.importing import import_paths
from annotator.ui.main_window import FIRST_SCREEN, MainWindow
from annotator.ui.session import LONG_SET

from driving import CTRL, SHIFT

WORDS = 6000
SPANS = WORDS // 2  # every other word


@pytest.fixture
def long_project(tmp_path: Path, schema: Schema) -> Path:
    """A short document (opened first), then one of 6,000 words with 3,000 CUE spans."""
    text = "Long\n" + "word " * WORDS
    spans = [
        {"id": f"T{n}", "start": 5 + 10 * n, "end": 9 + 10 * n, "label": "CUE"}
        for n in range(SPANS)
    ]
    records = [
        {"id": "short", "text": "A short one."},
        {"id": "long", "text": text, "annotator": "alice", "status": "in_progress", "spans": spans},
    ]
    source = tmp_path / "long.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = tmp_path / "long.db"
    with Project.create(path, schema) as project:
        import_paths(project, [source])
    assert SPANS > LONG_SET and len(text) > FIRST_SCREEN  # the two-step kind
    return path


class Paints(QObject):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_a_long_document_is_painted_before_its_whole_set_is_read(
    qtbot, open_window, long_project, monkeypatch
) -> None:
    window: MainWindow = open_window(long_project)
    events: list[str] = []
    spans = window.session.project.spans
    read_all = spans.in_set

    def reading(document, annotator):  # type: ignore[no-untyped-def]
        if (document, annotator) == ("long", "alice"):
            events.append("every span read")
        return read_all(document, annotator)

    monkeypatch.setattr(spans, "in_set", reading)
    paints = Paints(events)
    window.view.viewport().installEventFilter(paints)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    assert window.session.document is not None and window.session.document.id == "long"
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS)
    assert "paint" in events and "every span read" in events
    assert events.index("paint") < events.index("every span read")
    assert window.status_line.document.text().startswith(f"{SPANS} spans")


def test_keys_right_after_opening_reach_every_span_of_a_long_document(
    qtbot, open_window, long_project
) -> None:
    window: MainWindow = open_window(long_project)
    # No event loop turn between the keys: the second needs spans past the first screen.
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, SHIFT)  # Previous Span: wraps to the last
    selected = window.view.selected_span()
    assert selected is not None and selected.start == 5 + 10 * (SPANS - 1)
    # The span table, filled after the paint, shows it too.
    qtbot.waitUntil(lambda: window.span_table.currentIndex().row() == SPANS - 1)
    assert window.span_model.rowCount() == SPANS


def test_the_first_paint_of_a_long_document_shows_what_the_whole_set_shows(
    qtbot, open_window, long_project
) -> None:
    window: MainWindow = open_window(long_project)
    window.view.setCursorWidth(0)  # the blinking caret is not what is compared
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    QApplication.sendPostedEvents()  # Qt's own layout (the scroll bar), no timer yet
    first = window.view.viewport().grab().toImage()  # before any span past the screen
    assert window.span_model.rowCount() == 0  # the table waits for every span
    # The status bar counts them already (not the last document's).
    assert window.status_line.document.text().startswith(f"{SPANS} spans")
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS)
    assert window.view.viewport().grab().toImage() == first


def test_a_label_key_right_after_opening_a_long_document_adds_one_span(
    qtbot, open_window, long_project
) -> None:
    window: MainWindow = open_window(long_project)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    window.view.set_selection_cp(0, 4)  # "Long", the one word not labelled
    qtbot.keyClick(window.view, "q")  # before the rest of the spans came
    assert len(window.view.spans) == SPANS + 1
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS + 1)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)  # Undo
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS)
    assert len(window.view.spans) == SPANS


LINKS = 50


@pytest.fixture
def linked_project(tmp_path: Path, schema: Schema) -> Path:
    """A short document (opened first), then a long one of quotes each cued by the next word,
    the first 50 linked."""
    text = "Long\n" + "word " * WORDS
    spans = [
        {
            "id": f"T{n}",
            "start": 5 + 10 * n,
            "end": 9 + 10 * n,
            "label": "CUE" if n % 2 else "QUOTE",
        }
        for n in range(SPANS)
    ]
    links = [
        {"label": "cued_by", "head": f"T{n}", "child": f"T{n + 1}"} for n in range(0, 2 * LINKS, 2)
    ]
    records = [
        {"id": "short", "text": "A short one."},
        {"id": "long", "text": text, "annotator": "alice", "spans": spans, "relations": links},
    ]
    source = tmp_path / "linked.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    path = tmp_path / "linked.db"
    with Project.create(path, schema) as project:
        import_paths(project, [source])
    return path


def counting_link_reads(window: MainWindow, monkeypatch) -> list[str]:
    reads: list[str] = []
    relations = window.session.project.relations
    read = relations.in_set

    def reading(document, annotator):  # type: ignore[no-untyped-def]
        if annotator == "alice":  # not the suggestions' layer, read for their outlines
            reads.append(document)
        return read(document, annotator)

    monkeypatch.setattr(relations, "in_set", reading)
    return reads


def test_a_long_document_reads_its_links_once_when_it_opens(
    qtbot, open_window, linked_project, monkeypatch
) -> None:
    window: MainWindow = open_window(linked_project)
    reads = counting_link_reads(window, monkeypatch)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS)
    assert reads == ["long"]  # by the first screen; the whole set takes them from it
    stored = window.session.project.relations.in_set(DocumentId("long"), "alice")
    assert len(stored) == LINKS
    assert window.session.current_set().relations == stored


def test_a_change_before_the_whole_set_is_read_has_its_links_read_again(
    qtbot, open_window, linked_project, monkeypatch
) -> None:
    window: MainWindow = open_window(linked_project)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, CTRL)  # Next Document
    project = window.session.project
    first = project.relations.in_set(DocumentId("long"), "alice")[0]
    # From another window (the review's), before the first screen's turn of the event loop.
    assert window.session.push(DeleteRelation(first.id))
    qtbot.waitUntil(lambda: window.span_model.rowCount() == SPANS)
    kept = window.session.current_set().relations
    assert first not in kept and len(kept) == LINKS - 1
