"""Icons from the bundled SVGs, cached; a status icon per document status."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from annotator.model import Status
from annotator.paths import resources_dir

STATUS_COLORS = {
    Status.TODO: "#8a96a3",
    Status.IN_PROGRESS: "#E69F00",
    Status.DONE: "#009E73",
    Status.SKIPPED: "#CC79A7",
}
STATUS_ICONS = {
    Status.TODO: "todo",
    Status.IN_PROGRESS: "progress",
    Status.DONE: "done",
    Status.SKIPPED: "skip",
}


#: A status icon on a selected row: the selection's text colour (a green tick on the blue
#: selection all but vanished).
SELECTED_COLOR = "#ffffff"


@cache
def icon(name: str, color: str | None = None, selected: str | None = None) -> QIcon:
    """The named SVG icon, optionally recoloured (the SVGs draw in one neutral stroke colour),
    and drawn in ``selected`` on a selected row of a list or table."""
    data = (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
    result = QIcon()
    modes = [(QIcon.Mode.Normal, color), (QIcon.Mode.Selected, selected)]
    for mode, stroke in modes if selected is not None else modes[:1]:
        svg = data.replace("#76838f", stroke) if stroke is not None else data
        renderer = QSvgRenderer(QByteArray(svg.encode()))
        for size in (16, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            result.addPixmap(pixmap, mode)
    return result


def status_icon(status: Status) -> QIcon:
    return icon(STATUS_ICONS[status], STATUS_COLORS[status], SELECTED_COLOR)


def swatch(color: str, size: int = 12) -> QIcon:
    """A small filled square in a label's colour, for menus and tables."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)
