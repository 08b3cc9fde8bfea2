"""What the app remembers between runs (QSettings): identity, recent projects, window layout,
font size and palette, column widths the user dragged, and the Preferences. The one module
that knows the settings' keys."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from annotator.ui.theme import is_dark

ANNOTATOR = "identity/annotator"
RECENT = "files/recent"
GEOMETRY = "window/geometry"
FONT_SIZE = "view/font_size"
DARK = "view/dark"  # before themes (read, never written): the palette was dark
ALL_LINKS = "view/all_links"  # View > Show All Links: every quote's arcs, not the selected one's
COLUMN_WIDTHS = "columns/"  # + a table's name: JSON, column number to the width the user chose
MAX_RECENT = 10
# Preferences (annotator.ui.preferences); the font size is the one zooming changes.
SNAP = "editing/snap_to_words"
FONT_FAMILY = "view/font_family"
THEME = "view/theme"
BACKUP_MINUTES = "backup/interval_minutes"
SHORTCUTS = "keys/remapped"  # JSON: command name to its keys, only those remapped
LANGUAGE = "view/language"  # a language code, or "system"
_PREFERENCES = {
    "annotator": ANNOTATOR,
    "snap_to_words": SNAP,
    "font_family": FONT_FAMILY,
    "font_size": FONT_SIZE,
    "theme": THEME,
    "backup_minutes": BACKUP_MINUTES,
    "shortcuts": SHORTCUTS,
    "language": LANGUAGE,
}


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


def stored_theme() -> str:
    """The theme the user chose (Preferences or the Dark Palette key); before themes, the
    dark palette's on/off; on a first run, the desktop's ("system")."""
    settings = QSettings()
    theme = settings.value(THEME)
    if theme in ("system", "light", "dark"):
        return str(theme)
    dark = settings.value(DARK)
    if dark is not None:
        return "dark" if str(dark).lower() in ("true", "1") else "light"
    return "system"


def dark_palette() -> bool:
    """Whether the stored theme is dark ("system" follows the desktop's colour scheme)."""
    return is_dark(stored_theme())


def stored_language() -> str:
    """The language chosen in Preferences ("system": the system's)."""
    return str(QSettings().value(LANGUAGE) or "system")


def store_theme(theme: str) -> None:
    QSettings().setValue(THEME, theme)


def stored_all_links() -> bool:
    """Whether View > Show All Links was on when the app was last used (off on a first run)."""
    return str(QSettings().value(ALL_LINKS, False)).lower() in ("true", "1")


def store_all_links(on: bool) -> None:
    QSettings().setValue(ALL_LINKS, on)


def stored_column_widths(table: str) -> dict[int, int]:
    """The widths the user gave a table's columns by dragging (none on a first run)."""
    try:
        found = json.loads(str(QSettings().value(COLUMN_WIDTHS + table, "{}")))
        return {int(column): int(width) for column, width in dict(found).items()}
    except (TypeError, ValueError):  # edited by hand: the table's own widths
        return {}


def store_column_widths(table: str, widths: Mapping[int, int]) -> None:
    QSettings().setValue(COLUMN_WIDTHS + table, json.dumps({str(c): w for c, w in widths.items()}))


def load_values() -> dict[str, Any]:
    """The stored preferences by name (absent ones are missing); shortcuts as a dict."""
    settings = QSettings()
    found = {name: settings.value(key) for name, key in _PREFERENCES.items()}
    values = {name: value for name, value in found.items() if value is not None}
    if "shortcuts" in values:
        try:
            values["shortcuts"] = json.loads(str(values["shortcuts"]))
        except ValueError:  # edited by hand: the defaults, rather than no keys at all
            del values["shortcuts"]
    return values


def store_values(values: Mapping[str, Any]) -> None:
    settings = QSettings()
    for name, value in values.items():
        settings.setValue(_PREFERENCES[name], json.dumps(value) if name == "shortcuts" else value)


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


def save_layout(window: QMainWindow, splitters: Mapping[str, QSplitter], text: QWidget) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY, window.saveGeometry())
    for key, splitter in splitters.items():
        settings.setValue(f"window/{key}", splitter.saveState())
    settings.setValue(FONT_SIZE, text.font().pointSizeF())
