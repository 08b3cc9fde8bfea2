"""Real storage faults for tests: a small tmpfs that can be filled (a full disk) or remounted
read-only (root ignores permission bits, so chmod cannot make a read-only folder here).

Mounting needs root (CAP_SYS_ADMIN); where it is refused the test is skipped with the reason.
Damage is made by flipping bytes of a closed file, see :func:`flip`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` mounted on ``folder`` for the duration of the block."""
    folder.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to make a full disk ({done.stderr.strip()})")
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def fill(folder: Path) -> None:
    """Fill the file system holding ``folder`` to the last byte."""
    # Unbuffered, so that nothing is left to flush (and fail) on close.
    with (folder / "filler").open("wb", buffering=0) as handle:
        for size in (65536, 512, 1):  # the last pieces too, so not even one page is left
            try:
                while handle.write(b"\0" * size):
                    pass
            except OSError:
                pass


def remount_read_only(folder: Path) -> None:
    done = _run("mount", "-o", "remount,ro", str(folder))
    assert done.returncode == 0, done.stderr


def flip(path: Path, needle: bytes, offset: int = 0) -> None:
    """Change one byte of ``needle`` (found in the closed file ``path``) to another letter,
    so the text still decodes and SQLite's own checks still pass."""
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at >= 0, "the bytes to damage are not in the file"
    at += offset
    data[at] = ord("Z") if data[at] != ord("Z") else ord("Y")
    path.write_bytes(bytes(data))
    os.sync()


def damage_page(path: Path, table_needle: bytes) -> None:
    """Overwrite the header of the B-tree page holding ``table_needle`` with garbage, the way
    a bad sector does: SQLite reports the file as malformed when it reads that page."""
    data = bytearray(path.read_bytes())
    at = data.find(table_needle)
    assert at >= 0
    page_size = int.from_bytes(data[16:18], "big") or 65536
    page = at - at % page_size
    data[page : page + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (project, -wal, -shm, lock, backups) by its sha256."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
