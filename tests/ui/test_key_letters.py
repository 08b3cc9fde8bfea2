"""A span's label is readable without its colour: its key letter at the span's start, on every
span when zoomed in, on the span under the pointer otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.ui.text.offsets import OffsetMap
from annotator.ui.text.span_painter import key_badges
from annotator.ui.text.text_view import TextView

TEXT = "Kremlin spokesperson Dmitry Peskov told reporters that the membership is off the table."
COLORS = {"QUOTE": "#E69F00", "SPEAKER": "#56B4E9"}
QUOTE = QColor("#E69F00")


def span(sid: int, needle: str, label: str) -> Span:
    start = TEXT.index(needle)
    return Span(
        SpanId(sid), DocumentId("d"), AnnotatorName("a"), start, start + len(needle), label, {}
    )


SPEAKER = span(1, "Dmitry Peskov", "SPEAKER")
QUOTED = span(2, "the membership is off the table", "QUOTE")


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TextView]:
    widget = TextView()
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_content(TEXT, [SPEAKER, QUOTED], COLORS)
    widget.set_label_keys({"QUOTE": "q", "SPEAKER": "s"})
    yield widget


def start_rect(view: TextView, cp: int) -> QRectF:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(cp))
    return QRectF(view.cursorRect(cursor))


def tag_pixels(view: TextView, sp: Span, color: QColor) -> tuple[int, int]:
    """In the band just above the span's first character: pixels of ``color`` (the tag) and
    pixels far from both it and the background (the letter drawn on it)."""
    QApplication.processEvents()
    image: QImage = view.viewport().grab().toImage()
    rect = start_rect(view, sp.start)
    tag, ink = 0, 0
    for x in range(int(rect.left()), int(rect.left()) + 10):
        for y in range(int(rect.top()) - 12, int(rect.top())):
            pixel = image.pixelColor(x, y)
            if _near(pixel, color):
                tag += 1
            elif not _near(pixel, QColor("#FFFFFF")) and pixel.lightness() < 200:
                ink += 1
    return tag, ink


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def test_at_the_normal_size_no_letters_cover_the_page(view: TextView) -> None:
    assert tag_pixels(view, QUOTED, QUOTE) == (0, 0)


def test_zoomed_in_every_span_shows_its_key_letter(view: TextView) -> None:
    view.zoom_in()
    view.zoom_in()
    tag, ink = tag_pixels(view, QUOTED, QUOTE)
    assert tag > 10 and ink > 0
    assert tag_pixels(view, SPEAKER, QColor("#56B4E9"))[0] > 10


def test_hovering_a_span_shows_its_letter_only(view: TextView, qtbot: QtBot) -> None:
    middle = start_rect(view, QUOTED.start + 5).center()
    qtbot.mouseMove(view.viewport(), QPoint(int(middle.x()), int(middle.y())))
    qtbot.waitUntil(lambda: tag_pixels(view, QUOTED, QUOTE)[0] > 10)
    assert tag_pixels(view, SPEAKER, QColor("#56B4E9"))[0] == 0


def test_the_letter_is_the_labels_key_or_its_initial() -> None:
    offsets = OffsetMap(TEXT)
    fragments = [(SPEAKER, QRectF(0, 20, 50, 10)), (QUOTED, QRectF(60, 20, 50, 10))]
    badges = key_badges(fragments, 0, offsets, {"QUOTE": "q"})
    assert [(b[0].id, b[2]) for b in badges] == [(SPEAKER.id, "S"), (QUOTED.id, "Q")]
    # A span that starts above the visible lines shows no letter on its continuation.
    assert key_badges(fragments, offsets.to_qt(SPEAKER.start) + 1, offsets, {}) == [
        (QUOTED, QRectF(60, 20, 50, 10), "Q")
    ]
