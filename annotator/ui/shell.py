"""The application shell: one QApplication, one main window at a time, switching projects."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.errors import AnnotatorError, DamagedProjectError
from annotator.store import Project
from annotator.store.backup import list_backups
from annotator.store.recovery import READ_FAILURES, newest_good_backup
from annotator.store.restore import restore as restore_backup
from annotator.transfer.pack_origin import pack_origin
from annotator.ui.dialogs.recovery import RecoveryDialog
from annotator.ui.icons import icon
from annotator.ui.main_window import MainWindow
from annotator.ui.messages import LONG
from annotator.ui.preferences import backup_interval_ms
from annotator.ui.project_files import ask_annotator
from annotator.ui.session import Session
from annotator.ui.settings import remember_recent, stored_annotator, stored_language
from annotator.ui.theme import apply_theme
from annotator.ui.translation import install_language

#: How often Qt's event loop hands control to Python, so that a signal handler can run.
SIGNAL_CHECK_MS = 250


def make_application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Names first: QSettings() takes its file location from them.
    QCoreApplication.setOrganizationName("Annotator")
    QCoreApplication.setApplicationName("Annotator")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(sys.argv[:1])
    QGuiApplication.setDesktopFileName("org.annotator.Annotator")
    app.setWindowIcon(icon("app"))
    install_language(stored_language())
    apply_theme(False)
    return app


class Shell:
    def __init__(self, annotator: str | None = None, quit_after: float | None = None) -> None:
        self.app = make_application()
        self.annotator = annotator
        self.quit_after = quit_after
        self.project: Project | None = None
        self.window: MainWindow | None = None
        #: The recovery screen while it waits for a choice (a damaged project).
        self.recovery: RecoveryDialog | None = None
        # Anki-style: a checked copy every half hour (Preferences) while there is something new.
        self.backup_timer = QTimer(interval=backup_interval_ms())
        self.backup_timer.timeout.connect(self.periodic_backup)

    def run(self, path: Path) -> int:
        with quit_on_signals(self.app):
            if not self.open(path):
                return 1
            if self.quit_after is not None:
                QTimer.singleShot(int(self.quit_after * 1000), self.app.quit)
            try:
                return self.app.exec()
            finally:
                self.close_current()

    def identity(self) -> str | None:
        return self.annotator or stored_annotator() or ask_annotator(None)

    def open(self, path: Path) -> bool:
        """Open ``path`` in a new window; a damaged file shows the recovery screen instead
        (True: it waits for the user's choice)."""
        try:
            project = Project.open(path)
        except DamagedProjectError as exc:
            return self.offer_recovery(path, exc)
        except AnnotatorError as exc:
            QMessageBox.critical(
                self.window, QCoreApplication.translate("Shell", "Annotator"), str(exc)
            )
            return False
        return self.show_project(project, path)

    def offer_recovery(self, path: Path, problem: DamagedProjectError) -> bool:
        """The recovery screen: restore the newest good backup, open read-only, or cancel
        (which ends the app when no other project is open)."""
        backup = newest_good_backup(path)
        info = next((b for b in list_backups(path) if b.path == backup), None)
        dialog = RecoveryDialog(path, problem, info, self.window)
        if backup is not None:
            dialog.restore_chosen.connect(lambda: self.restore_damaged(path, backup))
        dialog.read_only_chosen.connect(lambda: self.open_read_only(path))
        dialog.rejected.connect(self._quit_if_nothing_open)
        dialog.finished.connect(dialog.deleteLater)
        self.recovery = dialog
        dialog.open()
        return True

    def restore_damaged(self, path: Path, backup: Path) -> bool:
        """Replace the damaged ``path`` by ``backup`` (the damaged file kept beside it) and
        open it."""
        self.recovery = None
        try:
            report = restore_backup(path, backup)
        except AnnotatorError as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Shell", "Annotator"),
                QCoreApplication.translate("Shell", "Nothing was restored.\n\n{exc}").format(
                    exc=exc
                ),
            )
            self._quit_if_nothing_open()
            return False
        if self.open(path) and self.window is not None:
            self.window.statusBar().showMessage(report.summary(), LONG)
            return True
        return False

    def open_read_only(self, path: Path) -> bool:
        """The damaged ``path`` in a window that reads what it can and writes nothing."""
        self.recovery = None
        try:
            project = Project.open(path, recovery=True)
        except AnnotatorError as exc:
            QMessageBox.critical(
                self.window, QCoreApplication.translate("Shell", "Annotator"), str(exc)
            )
            self._quit_if_nothing_open()
            return False
        if not self.show_project(project, path):
            return False
        if self.window is not None:
            self.window.status_line.show_read_only()
            self.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Shell",
                    "Read-only: the file is damaged. File › Backups restores a backup; "
                    "File › Export saves what is readable.",
                )
            )
        return True

    def _quit_if_nothing_open(self) -> None:
        self.recovery = None
        if self.window is None:
            self.app.quit()

    def show_project(self, project: Project, path: Path) -> bool:
        """A window on the opened ``project`` (it replaces the current one)."""
        # A pack is its annotator's: opening it asks no name.
        origin = pack_origin(project)
        annotator = origin.annotator if origin is not None else self.identity()
        if annotator is None:
            project.close()
            return False
        self.close_current()
        self.project = project
        remember_recent(path)
        try:
            self.window = MainWindow(Session(project, annotator))
        except READ_FAILURES as exc:
            # Read-only on a damaged file: even the document list may be unreadable.
            self.project = None
            project.close()
            QMessageBox.critical(
                None,
                QCoreApplication.translate("Shell", "Annotator"),
                QCoreApplication.translate(
                    "Shell", "{0}: nothing of it can be read ({1}); restore a backup."
                ).format(path, exc),
            )
            self._quit_if_nothing_open()
            return False
        self.annotator = annotator
        self.window.project_requested.connect(self.switch)
        self.window.annotator_requested.connect(self.reopen_as)
        self.window.restore_requested.connect(self.restore)
        self.window.preferences_changed.connect(
            lambda: self.backup_timer.setInterval(backup_interval_ms())
        )
        self.window.show()
        # After the first-run name dialog the new window is not active by itself (seen
        # without a window manager), and the label keys are window shortcuts.
        self.window.raise_()
        self.window.activateWindow()
        self.backup_timer.start()
        return True

    def periodic_backup(self) -> None:
        project = self.project
        if project is None or project.read_only:
            return
        if self.window is not None and self.window.session.hold.busy:
            return  # inside an import's or a merge's transaction: the next tick backs up
        if not project.changed_since_backup():
            return
        try:
            project.backup("auto")
        # A full disk must not take the session down with it (the store raises StorageError).
        except (OSError, AnnotatorError) as exc:
            if self.window is not None:
                self.window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "Shell", "The automatic backup failed: {exc}"
                    ).format(exc=exc)
                )

    def switch(self, path: Path) -> None:
        """Open ``path`` (the same file reloads it, e.g. after a schema change)."""
        if self.project is not None and path.resolve() == self.project.path.resolve():
            # The exclusive lock must be released before the file can be opened again.
            self.close_current()
        self.open(path)

    def restore(self, backup: Path) -> bool:
        """Replace the open project by ``backup`` (checked first, the replaced file kept beside
        it) and reopen it; on a refusal the project reopens as it was, and the user is told."""
        if self.project is None:
            return False
        path = self.project.path
        self.close_current()  # the writer lock must be free, and the close backup taken
        try:
            report = restore_backup(path, backup)
        except AnnotatorError as exc:
            QMessageBox.warning(
                None,
                QCoreApplication.translate("Shell", "Annotator"),
                QCoreApplication.translate("Shell", "Nothing was restored.\n\n{exc}").format(
                    exc=exc
                ),
            )
            self.open(path)
            return False
        if self.open(path) and self.window is not None:
            self.window.statusBar().showMessage(report.summary(), LONG)
        return True

    def reopen_as(self, annotator: str) -> None:
        if self.project is None:
            return
        path = self.project.path
        self.annotator = annotator
        self.close_current()
        self.open(path)

    def close_current(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.backup_timer.stop()
        if self.project is not None:
            project, self.project = self.project, None
            try:
                if not project.read_only and project.changed_since_backup():
                    project.backup("close")
            except AnnotatorError as exc:
                # Every edit is already in the project; only the extra copy is missing. The
                # window is gone (or a signal is ending the app): say it where it can be read.
                print(f"error: the backup on closing failed: {exc}", file=sys.stderr)
            finally:
                project.close()


@contextmanager
def quit_on_signals(app: QApplication) -> Iterator[None]:
    """SIGTERM (logout, ``kill``, a service manager) and SIGINT (Ctrl+C in the terminal) quit
    like File > Quit, so the window closes and the close backup is taken.

    Python runs a signal handler only between its own bytecodes, and Qt's event loop is C++:
    a timer wakes Python a few times a second. The handler posts a quit, which ends the event
    loop (and a dialog's nested one) as soon as one runs, even if the signal came before
    ``exec()``; closing happens after ``exec()`` returns, as on a normal quit.
    """
    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    for signum in previous:
        signal.signal(signum, lambda _signum, _frame: QTimer.singleShot(0, app.quit))
    wake = QTimer(interval=SIGNAL_CHECK_MS)
    wake.timeout.connect(lambda: None)
    wake.start()
    try:
        yield
    finally:
        wake.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
