"""Key bindings: no key does two things, and the standard ones work on a real X server too.

Qt binds standard keys per platform (Redo is Ctrl+Y offscreen, Ctrl+Shift+Z on X11), so a
binding that is fine offscreen can be ambiguous, and dead, under X11. The tests of this module
run offscreen in-process, and once more in a subprocess on an Xvfb server (``xcb``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from annotator.ui.main_window import MainWindow

from driving import CTRL, DOC, SHIFT, select_words

HERE = Path(__file__).resolve()


def test_no_two_actions_share_a_key(window: MainWindow) -> None:
    seen: dict[str, str] = {}
    actions = window.commands.all() + window.label_actions + window.attribute_actions
    for action in actions:
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is both {seen[key]!r} and {action.text()!r}"
            seen[key] = action.text()
    assert len(seen) >= len(actions) - 1  # every command but the toggles has a key


@pytest.mark.parametrize(
    "redo", [(Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT)], ids=["ctrl+y", "ctrl+shift+z"]
)
def test_undo_and_redo_from_the_keyboard(qtbot, window: MainWindow, redo) -> None:
    select_words(qtbot, window, 2)
    qtbot.keyClick(window.view, "q")
    stored = window.session.project.spans.in_set
    assert len(stored(DOC, "alice")) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(DOC, "alice") == []
    qtbot.keyClick(window.view, *redo)
    assert len(stored(DOC, "alice")) == 1


def test_standard_keys_quit_and_find_are_bound_everywhere(window: MainWindow) -> None:
    keys = {s.toString() for s in window.commands.quit.shortcuts()}
    assert "Ctrl+Q" in keys
    assert "Ctrl+F" in {s.toString() for s in window.commands.find.shortcuts()}


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A virtual X server for this module's xcb run; skipped where none can start."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt install xvfb): the xcb key bindings go untested")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start: the xcb key bindings go untested")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_the_same_keys_on_a_real_x_server(x_display: str, tmp_path: Path) -> None:
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":
        pytest.skip("already running on xcb")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=x_display, XDG_RUNTIME_DIR=str(runtime))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(HERE),
            "-k",
            "not real_x_server",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
