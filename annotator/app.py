"""The composition root of the desktop app: QApplication, the project, the main window."""

from __future__ import annotations

import argparse
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


def run(
    project_path: Path | None = None, annotator: str | None = None, quit_after: float | None = None
) -> int:
    """Start the app on ``project_path`` (default: the demo project, created on first run).

    ``quit_after`` closes the window that many seconds after it showed, as File > Quit does
    (the bundle's smoke test and the screenshot script open and close a real window).
    """
    problem = _display_problem()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    from annotator.ui.shell import Shell

    path = project_path or ensure_default_project()
    return Shell(annotator, quit_after).run(path)


def version_text() -> str:
    """The versions a bug report needs: the app's, Qt's (as loaded) and SQLite's."""
    from annotator.ui.help import version_line

    return version_line()


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="annotator-gui",
        description="Open the Annotator window on PROJECT (default: the demo project). "
        "Every other task is a command of `annotator`, installed beside it.",
    )
    parser.add_argument("project", nargs="?", type=Path, help="the project file to open")
    parser.add_argument("--annotator", help="annotate as NAME without being asked")
    parser.add_argument(
        "--quit-after",
        type=float,
        metavar="SECONDS",
        help="close the window after SECONDS (smoke tests, screenshots)",
    )
    parser.add_argument("--version", action="store_true", help="print the versions and exit")
    return parser.parse_args(argv)


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


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``annotator-gui``: ``annotator-gui [PROJECT] [--annotator NAME]``.

    An argument it does not know (``annotator-gui init x.db``) is refused with the usage
    and exit status 2, never taken for a project file that then fails to open.
    """
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    if arguments.version:
        print(version_text())
        sys.exit(0)
    try:
        sys.exit(run(arguments.project, arguments.annotator, arguments.quit_after))
    except AnnotatorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
