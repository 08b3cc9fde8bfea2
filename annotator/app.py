"""The composition root of the desktop app: QApplication, the project, the main window."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.paths import default_project_path, seeds_dir


def _display_problem() -> str | None:
    """Why Qt could not show a window here, in words, before Qt aborts the process instead."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform != "linux" or platform.startswith(("offscreen", "minimal", "vnc", "wayland")):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return (
            "no display found: run Annotator on a desktop session "
            "(or under xvfb-run), or use the annotator command line"
        )
    if not ctypes.util.find_library("xcb-cursor"):
        return (
            "Qt needs the library libxcb-cursor0 to open a window on X11: "
            "install it (sudo apt-get install libxcb-cursor0) and start again"
        )
    return None


def run(project_path: Path | None = None, annotator: str | None = None) -> int:
    """Start the app on ``project_path`` (default: the demo project, created on first run)."""
    problem = _display_problem()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    from annotator.ui.shell import Shell

    path = project_path or ensure_default_project()
    return Shell(annotator).run(path)


def ensure_default_project() -> Path:
    """The per-user demo project, made from the bundled seeds the first time."""
    from annotator.model.schema import load_schema
    from annotator.paths import default_schema_path
    from annotator.transfer.importing import create_project

    path = default_project_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_project(path, load_schema(default_schema_path()), seeds_dir()).close()
    return path


def main() -> None:
    """Entry point of ``annotator-gui``."""
    try:
        sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
    except AnnotatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
