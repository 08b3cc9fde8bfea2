"""`annotator-gui PROJECT` opens that project (and --quit-after closes it as File > Quit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.app import main
from annotator.ui.main_window import MainWindow


def test_the_project_given_is_the_one_opened_and_it_is_closed_after(project_path: Path) -> None:
    titles: list[str] = []
    locked: list[bool] = []
    lock = Path(f"{project_path}-lock")

    def look() -> None:
        locked.append(lock.exists())
        titles.extend(
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
        )

    QTimer.singleShot(300, look)
    with pytest.raises(SystemExit) as exited:
        main([str(project_path), "--annotator", "carol", "--quit-after", "0.6"])

    assert exited.value.code == 0
    assert titles and titles[0].endswith(f"— {project_path.name} — Annotator")
    assert locked == [True] and not lock.exists()  # it was open, and is closed
