"""GUI tests run offscreen with their own settings, a seeded project, and windows to drive."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Set before anything imports Qt: GUI tests must never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.transfer.importing import create_project
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import make_application

OpenWindow = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def settings_dir(tmp_path: Path) -> Path:
    """QSettings computes its folder once per process; point it at this test's own."""
    make_application()
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def project_path(tmp_path: Path, schema: Schema) -> Path:
    """A project file holding the seed article."""
    path = tmp_path / "p.db"
    create_project(path, schema, seeds_dir()).close()
    return path


@pytest.fixture
def open_window(qtbot) -> Iterator[OpenWindow]:
    """Opens a window on a project file, focused on the text; closes it (and the file) after."""
    opened: list[MainWindow] = []

    def open_(path: Path, annotator: str = "alice") -> MainWindow:
        window = MainWindow(Session(Project.open(path), annotator))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        window.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
        opened.append(window)
        return window

    yield open_
    for window in opened:
        close(window)


def close(window: MainWindow) -> None:
    """Close like the application shell does: the window, then its project."""
    window.close()
    window.session.project.close()


@pytest.fixture
def window(open_window: OpenWindow, project_path: Path) -> MainWindow:
    return open_window(project_path)
