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

Windows (not supported yet): ``msvcrt.locking(fd, LK_NBLCK, 1)`` on the same sidecar gives
the same exclusion; Windows cannot delete an open file, so there it would stay in place.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from annotator.errors import ProjectLockedError
from annotator.store.faults import storage_errors


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
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
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
