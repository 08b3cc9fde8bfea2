"""Light and dark palettes on the Fusion style, so the app looks the same on every desktop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#23272e",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1b1e23",
    QPalette.ColorRole.AlternateBase: "#262a31",
    QPalette.ColorRole.ToolTipBase: "#2d323a",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2b3038",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#8a96a3",
    QPalette.ColorRole.Link: "#56B4E9",
}


def apply_theme(dark: bool) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # Each change repolishes every widget: only what differs is set (the window applies the
    # preferences as it opens, mostly the theme the application already has).
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if not dark:
        palette = app.style().standardPalette()
    else:
        palette = QPalette()
        for role, color in _DARK.items():
            palette.setColor(role, QColor(color))
        for role in (
            QPalette.ColorRole.Text,
            QPalette.ColorRole.ButtonText,
            QPalette.ColorRole.WindowText,
        ):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7480"))
    if app.palette() != palette:
        app.setPalette(palette)


def is_dark(theme: str) -> bool:
    """Whether ``theme`` (system, light or dark) means the dark palette here and now."""
    if theme == "system":
        hints = QGuiApplication.styleHints()
        return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark
    return theme == "dark"
