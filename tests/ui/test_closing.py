"""Closing the app: SIGTERM (a logout, `kill`, a service manager) and SIGINT (Ctrl+C in the
terminal) close it like File > Quit, taking the close backup; a close backup that fails never
leaves the project open or prints a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from annotator.edits.spans import SetStatus
from annotator.errors import DiskFullError
from annotator.model import DocumentId, Status
from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.store.backup import list_backups
from annotator.transfer.importing import create_project
from annotator.ui.shell import Shell, make_application, quit_on_signals

# The real entry point (annotator.app.run), with one edit made once the window is up so that
# there is something for the close backup to keep.
APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from annotator.app import run
from annotator.edits.spans import SetStatus
from annotator.model import Status
from annotator.ui.main_window import MainWindow
from annotator.ui.shell import make_application

app = make_application()

def edit():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    document = window.session.document
    window.session.push(SetStatus(document.id, "alice", status=Status.DONE))
    print("edited", flush=True)

QTimer.singleShot(0, edit)
sys.exit(run(Path(sys.argv[1]), "alice"))
"""


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_app_like_quit_taking_the_close_backup(
    signum: int, tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "p.db"
    create_project(path, schema, seeds_dir()).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline() == "edited\n"
        app.send_signal(signum)
        _, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    assert [b.reason for b in list_backups(path)] == ["close"]
    assert not path.with_name("p.db-wal").exists(), "the project was closed, not abandoned"


def test_a_failed_close_backup_still_closes_the_project(
    project_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shell = Shell("alice")
    assert shell.open(project_path)
    assert shell.window is not None and shell.window.session.document is not None
    document = DocumentId(shell.window.session.document.id)
    shell.window.session.push(SetStatus(document, "alice", status=Status.DONE))

    def full(_self: Project, _reason: str) -> Path:
        raise DiskFullError(f"{project_path}: backing up: the disk is full")

    monkeypatch.setattr(Project, "backup", full)
    shell.close_current()
    assert shell.project is None
    assert "the backup on closing failed" in capsys.readouterr().err
    with Project.open(project_path) as reopened:  # released, and the edit is there
        assert reopened.sets.status(document, "alice") == Status.DONE


def test_a_signal_before_the_event_loop_runs_still_quits_it() -> None:
    """A SIGTERM during start-up (opening the project) must not be lost: the quit waits for
    the loop. A fallback timer ends a lost quit after 5 s, which the elapsed time would show."""
    app = make_application()
    with quit_on_signals(app):
        os.kill(os.getpid(), signal.SIGTERM)  # handled at once: Python is running
        QTimer.singleShot(5000, app.quit)
        started = time.perf_counter()
        app.exec()
    assert time.perf_counter() - started < 2
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL, "the handlers are put back"
