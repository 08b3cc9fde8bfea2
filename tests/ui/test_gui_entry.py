"""`annotator-gui PROJECT` opens that project (and --quit-after closes it as File > Quit).

In a process of its own: the app's quit ends Qt's event handling for the process, as it
should at the end of a real run, which would leave no working windows for later tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_project_given_is_the_one_opened_and_it_is_closed_after(
    project_path: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    gui = "from annotator.app import main; main()"
    arguments = [str(project_path), "--annotator", "carol", "--quit-after", "0.5"]

    result = subprocess.run(
        [sys.executable, "-c", gui, *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    # The shell opened it: it is the recent project now, and it was closed (lock released).
    settings = (config / "Annotator" / "Annotator.conf").read_text(encoding="utf-8")
    assert str(project_path.resolve()) in settings
    assert not Path(f"{project_path}-lock").exists()
