"""What the app remembers between runs (QSettings): identity, recent projects, window layout,
font size and palette. The one module that knows the settings' keys."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

ANNOTATOR = "identity/annotator"
RECENT = "files/recent"
GEOMETRY = "window/geometry"
FONT_SIZE = "view/font_size"
DARK = "view/dark"
MAX_RECENT = 10


def stored_annotator() -> str | None:
    value = QSettings().value(ANNOTATOR)
    return str(value) if value else None


def store_annotator(name: str) -> None:
    QSettings().setValue(ANNOTATOR, name)


def recent_projects() -> list[str]:
    """Projects opened lately, newest first, those that still exist."""
    value = QSettings().value(RECENT, [])
    paths = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [p for p in paths if Path(p).is_file()]


def remember_recent(path: Path) -> None:
    resolved = str(path.resolve())
    recent = [resolved] + [p for p in recent_projects() if p != resolved]
    QSettings().setValue(RECENT, recent[:MAX_RECENT])


def dark_palette() -> bool:
    return bool(QSettings().value(DARK, False, type=bool))


def restore_layout(window: QMainWindow, splitters: Mapping[str, QSplitter], text: QWidget) -> None:
    """Window geometry, splitter positions and the text's font size as they were left."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY)
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    for key, splitter in splitters.items():
        state = settings.value(f"window/{key}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    font = text.font()
    font.setPointSizeF(float(str(settings.value(FONT_SIZE, font.pointSizeF()))))
    text.setFont(font)


def save_layout(
    window: QMainWindow, splitters: Mapping[str, QSplitter], text: QWidget, dark: bool
) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    for key, splitter in splitters.items():
        settings.setValue(f"window/{key}", splitter.saveState())
    settings.setValue(FONT_SIZE, text.font().pointSizeF())
    settings.setValue(DARK, dark)
