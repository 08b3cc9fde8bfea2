"""The writer lock: one window or write command per project, readers never blocked.

SQLite's own ``locking_mode=EXCLUSIVE`` gave one writer too, but it also shut every reader
out (an export while the window was open was refused). So SQLite runs in normal WAL locking,
where readers and one writer coexist, and this lock keeps writers to one: an exclusive,
non-blocking ``flock`` on a sidecar file ``PROJECT-lock`` beside the project.

Why a sidecar and not the project file itself: SQLite holds POSIX record locks on the
project file, and POSIX drops *all* of a process's record locks on a file when *any*
descriptor of that file is closed (SQLite's howtocorrupt.html, section 2.2). A descriptor of
ours on the project file would, when closed, silently unlock every SQLite connection of this
process on it. ``flock`` locks and POSIX locks are independent on Linux and the BSDs, and a
separate file cannot disturb SQLite at all. The network file systems where ``flock`` is
emulated by POSIX locks are refused before we get here (``filesystem.py``).

The sidecar is removed when the writer closes, while still holding the lock; a later opener
that locked the removed file notices (its inode is no longer the path's) and tries again, so
two writers can never hold two different files. A writer killed by the system leaves the
file behind; the kernel released its lock, so the next opener simply takes it.

On Windows (untested here) ``msvcrt.locking`` on the sidecar's first byte gives the same
exclusion (SQLite's own locks there are per handle, so no close problem either); Windows
cannot delete an open file, so there the sidecar stays in place after the writer closes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.errors import ProjectLockedError
from annotator.store.faults import storage_errors

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            raise BlockingIOError from None

else:
    import fcntl

    def _try_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def lock_path(project_path: Path) -> Path:
    """The sidecar file the writer lock is taken on: ``p.db-lock`` beside ``p.db``."""
    return project_path.with_name(project_path.name + "-lock")


def locked_message(project_path: Path) -> str:
    return (
        f"{project_path}: this project is open in another window or process; close it there first"
    )


class WriterLock:
    """Held by the one process that may write the project; :meth:`release` to let go."""

    def __init__(self, project_path: Path, fd: int) -> None:
        self.project_path = project_path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, project_path: Path) -> WriterLock:
        """Take the lock now or raise ProjectLockedError at once (never wait for it).

        A folder where the sidecar cannot be made raises the StorageError of that (read-only,
        disk full), since nobody can write the project there anyway.
        """
        path = lock_path(project_path)
        with storage_errors(project_path, "opening it for writing"):
            while True:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
                try:
                    _try_lock(fd)
                except BlockingIOError:
                    os.close(fd)
                    raise ProjectLockedError(locked_message(project_path)) from None
                except BaseException:
                    os.close(fd)
                    raise
                if _same_file(fd, path):
                    return cls(project_path, fd)
                # The holder we waited behind removed the file as it closed: lock the new one.
                os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Remove the sidecar (still locked, see the module docstring) and unlock it."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _same_file(fd, lock_path(self.project_path)):
                lock_path(self.project_path).unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder or a vanished file: the lock still goes with the fd
        finally:
            os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)
