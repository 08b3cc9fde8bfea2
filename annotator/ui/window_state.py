"""What the window remembers between runs (QSettings): geometry, splitters, font, palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def restore_state(window: MainWindow) -> None:
    settings = QSettings()
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    for key, splitter in (("window/splitter", window.splitter), ("window/right", window.right)):
        state = settings.value(key)
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    font = window.view.font()
    font.setPointSizeF(float(str(settings.value("view/font_size", font.pointSizeF()))))
    window.view.setFont(font)
    window.commands.dark_mode.setChecked(bool(settings.value("view/dark", False, type=bool)))


def save_state(window: MainWindow) -> None:
    settings = QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", window.splitter.saveState())
    settings.setValue("window/right", window.right.saveState())
    settings.setValue("view/font_size", window.view.font().pointSizeF())
    settings.setValue("view/dark", window.commands.dark_mode.isChecked())
