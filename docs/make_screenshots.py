"""Retake the screenshots of the README, the user guide and the AppStream metainfo.

    .venv/bin/python docs/make_screenshots.py [SCENE ...]   (default: every scene)
    .venv/bin/python docs/make_screenshots.py --list        (the scenes' names)

The real app on an X server (Xvfb through xvfb-run when there is no display), on a fresh
project made from the seed article, driven by its keys; each scene saves one PNG in
docs/screenshots/. To add a view, write a function that takes the Stage and returns the
widget to photograph, and list it in SCENES.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTH = 1100  # pixels: sharp enough to read, small enough for the repository


def main() -> int:
    if sys.argv[1:] == ["--list"]:
        print("\n".join(scene.name for scene in SCENES))
        return 0
    if not os.environ.get("DISPLAY"):
        if not shutil.which("xvfb-run"):
            print("error: no display and no xvfb-run (apt-get install xvfb xauth)", file=sys.stderr)
            return 1
        screen = ["-s", "-screen 0 1400x900x24"]
        return subprocess.call(["xvfb-run", "-a", *screen, sys.executable, *sys.argv])
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    home = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
    # Nothing of the user's own settings or data: the app as a new user first sees it.
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    sys.path.insert(0, str(ROOT))
    wanted = sys.argv[1:] or [scene.name for scene in SCENES]
    unknown = set(wanted) - {scene.name for scene in SCENES}
    if unknown:
        print(f"error: no scene {sorted(unknown)[0]!r}", file=sys.stderr)
        return 2
    stage = Stage(home)
    OUT.mkdir(exist_ok=True)
    for scene in SCENES:
        if scene.name in wanted:
            path = stage.shoot(scene)
            print(f"{path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    stage.close()
    return 0


class Stage:
    """The app on a project where alice and bob each annotated the seed article."""

    def __init__(self, home: Path) -> None:
        from annotator.ui.shell import make_application

        self.app = make_application()
        self.project_path = home / "demo.annotator.db"
        self._make_project()
        self.window = self._open("alice")

    def _make_project(self) -> None:
        from annotator.edits.spans import AddRelation, AddSpan, SetStatus
        from annotator.model import AnnotatorName, DocumentId, Span, SpanId, Status
        from annotator.model.schema import load_schema
        from annotator.paths import default_schema_path, seeds_dir
        from annotator.transfer.importing import create_project

        project = create_project(self.project_path, load_schema(default_schema_path()), seeds_dir())
        document = project.documents.get(DocumentId(next(seeds_dir().glob("*.txt")).stem))
        assert document is not None
        text = document.text

        def span(who: str, part: str, label: str, **attrs: str) -> SpanId:
            start = text.index(part)
            edit = AddSpan(
                Span(SpanId(0), document.id, AnnotatorName(who), start, start + len(part), label)
            )
            edit.apply(project)
            for name, value in attrs.items():
                from annotator.edits.spans import SetAttribute

                SetAttribute(edit.stored.id, name, value).apply(project)
            return edit.stored.id

        quote_text = "We have heard from Washington at various levels"
        for who, stance, cue in (("alice", "favor", "told"), ("bob", "against", "told reporters")):
            speaker = span(who, "Kremlin spokesperson Dmitry Peskov", "SPEAKER")
            quote = span(who, quote_text, "QUOTE", quote_type="direct", stance=stance)
            AddRelation("attributed_to", quote, speaker).apply(project)
            AddRelation("cued_by", quote, span(who, cue, "CUE")).apply(project)
            SetStatus(document.id, AnnotatorName(who), status=Status.DONE).apply(project)
        project.close()

    def _open(self, annotator: str):  # noqa: ANN202 (a MainWindow; Qt is imported late)
        from annotator.store import Project
        from annotator.ui.main_window import MainWindow
        from annotator.ui.session import Session

        window = MainWindow(Session(Project.open(self.project_path), annotator))
        window.resize(1360, 860)
        window.show()
        window.activateWindow()
        self.wait(800)
        window.view.setFocus()
        return window

    def wait(self, ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def keys(self, *presses: str) -> None:
        """Key presses as the menus write them ("Tab", "Ctrl+Shift+K", "?") to the focus."""
        from PySide6.QtGui import QKeySequence
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        for press in presses:
            target = QApplication.focusWidget() or self.window
            combination = QKeySequence(press)[0]
            QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
            self.wait(150)

    def shoot(self, scene: Scene) -> Path:
        from PySide6.QtCore import Qt

        widget = scene.take(self)
        self.wait(600)
        image = widget.grab().toImage()
        if image.width() > WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        path = OUT / f"{scene.name}.png"
        image.save(str(path), "PNG", 0)  # 0: the smallest file
        # A 256-colour palette reads the same and is a third of the size (apt-get install
        # pngquant); without it the PNG stays as Qt wrote it.
        if shutil.which("pngquant"):
            quantise = ["pngquant", "--force", "--skip-if-larger", "--strip", "--ext", ".png"]
            subprocess.run([*quantise, str(path)], check=False)
        scene.put_away(self, widget)
        return path

    def close(self) -> None:
        self.window.close()
        self.window.session.project.close()


def _keep(stage: Stage, widget: object) -> None:
    """Most scenes leave the main window as it is."""


def _close(stage: Stage, widget) -> None:  # noqa: ANN001 (a QWidget)
    widget.close()
    stage.window.activateWindow()
    stage.wait(300)
    stage.window.view.setFocus()


def _dismiss(stage: Stage, widget: object) -> None:
    stage.keys("Escape")


@dataclass(frozen=True)
class Scene:
    name: str
    take: Callable[[Stage], object]
    put_away: Callable[[Stage, object], None] = _keep


def annotate(stage: Stage):  # noqa: ANN201
    """alice's quote selected (Tab through the speaker and the cue to the quote)."""
    stage.keys("Tab", "Tab", "Tab")
    return stage.window


def cheat_sheet(stage: Stage):  # noqa: ANN201
    stage.keys("?")
    return stage.window


def preferences(stage: Stage):  # noqa: ANN201
    from annotator.ui.dialogs.preferences import PreferencesDialog

    stage.keys("Ctrl+Shift+P")
    dialog = stage.window.findChild(PreferencesDialog)
    dialog.tabs.setCurrentIndex(1)
    return dialog


def agreement(stage: Stage):  # noqa: ANN201
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    from annotator.ui.agreement.view import AgreementView

    stage.keys("Ctrl+Shift+K")
    view = stage.window.findChild(AgreementView)
    compute = next(b for b in view.findChildren(QPushButton) if b.text() == "Compute")
    ready: list[bool] = []
    view.report_ready.connect(lambda: ready.append(True))
    QTest.mouseClick(compute, Qt.MouseButton.LeftButton)
    for _ in range(600):  # the report is computed off the window's thread
        if ready:
            break
        stage.wait(100)
    return view


def adjudicate(stage: Stage):  # noqa: ANN201
    from annotator.ui.adjudication.view import AdjudicationView

    stage.keys("Ctrl+Shift+J")
    return stage.window.findChild(AdjudicationView)


def arcs(stage: Stage):  # noqa: ANN201
    """Every quote's links drawn over the text (View > Show All Links), nothing selected."""
    stage.keys("Escape", "Ctrl+L")
    return stage.window.view


def _links_off(stage: Stage, widget: object) -> None:
    stage.keys("Ctrl+L")  # as a new user finds it (the choice is remembered)


def review(stage: Stage):  # noqa: ANN201
    """Review in context, the caret in the cue unit alice and bob drew differently."""
    from annotator.ui.review.view import ReviewView

    stage.keys("Ctrl+Shift+R")
    view = stage.window.findChild(ReviewView)
    view.resize(1300, 560)
    stage.wait(300)
    stage.keys("Tab", "Tab")
    return view


def import_preview(stage: Stage):  # noqa: ANN201
    """File > Import of a brat folder: what it holds and how each of its names maps."""
    from annotator.ui.dialogs.import_dialog import ImportDialog

    stage.keys("Ctrl+I")
    dialog = stage.window.findChild(ImportDialog)
    dialog.add_paths([ROOT / "tests" / "formats" / "data" / "brat" / "news"])
    for _ in range(100):  # the preview reads the files off the window's thread
        if dialog.plan is not None:
            break
        stage.wait(100)
    return dialog


def german(stage: Stage):  # noqa: ANN201
    """The window in German (as Preferences > Language or a German system gives it), zoomed
    in so each span shows its label's key letter."""
    from annotator.ui.translation import install_language

    stage.close()
    install_language("de")
    stage.window = stage._open("alice")
    stage.keys("Tab", "Tab", "Tab", "Ctrl++", "Ctrl++", "Ctrl++")
    return stage.window


def _english(stage: Stage, widget: object) -> None:
    from annotator.ui.translation import SOURCE_LANGUAGE, install_language

    stage.close()
    install_language(SOURCE_LANGUAGE)
    stage.window = stage._open("alice")


#: Every screenshot, in the order they are taken (each starts where the last one left off).
SCENES = (
    Scene("annotate", annotate),
    Scene("cheat-sheet", cheat_sheet, _dismiss),
    Scene("preferences", preferences, _close),
    Scene("agreement", agreement, _close),
    Scene("adjudicate", adjudicate, _close),
    Scene("arcs", arcs, _links_off),
    Scene("review", review, _close),
    Scene("import", import_preview, _close),
    Scene("german", german, _english),
)

if __name__ == "__main__":
    sys.exit(main())
