"""Where the project file lives: SQLite's locking and WAL do not work on network file systems;
copies need room to spare, and a rename is durable only once its folder is synced."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from annotator.errors import DiskFullError

# WAL needs shared memory on one host; these file systems give neither (SQLite's wal.html).
NETWORK_TYPES = (
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "afs",
    "ceph",
    "fuse.sshfs",
    "fuse.rclone",
    "davfs",
    "fuse.davfs",
    "9p",
)
MOUNTINFO = Path("/proc/self/mountinfo")


def filesystem_type(path: Path, mountinfo: str) -> str | None:
    """The type of the file system holding ``path``, from /proc/self/mountinfo text."""
    target = str(path.resolve())
    best, best_type = "", None
    for line in mountinfo.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        mount_point = fields[4].replace("\\040", " ")
        fs_type = line.split(" - ", 1)[1].split()[0]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type


def network_filesystem(path: Path) -> str | None:
    """The network file system type holding ``path``, or None (also where it cannot tell)."""
    try:
        mountinfo = MOUNTINFO.read_text(encoding="utf-8")
    except OSError:
        return None
    fs_type = filesystem_type(path.parent, mountinfo)
    return fs_type if fs_type is not None and fs_type.startswith(NETWORK_TYPES) else None


#: A copy must leave at least max(RESERVE_FACTOR x the project's size, RESERVE_FLOOR) free.
RESERVE_FACTOR = 2
RESERVE_FLOOR = 50 * 2**20


def human_size(size: int) -> str:
    """``size`` bytes as people read it: "812 bytes", "131.1 KB", "2.4 GB"."""
    if size < 1024:
        return f"{size} bytes"
    for unit, scale in (("KB", 2**10), ("MB", 2**20), ("GB", 2**30)):
        if size < 1024 * scale or unit == "GB":
            return f"{size / scale:.1f} {unit}"
    raise AssertionError("unreachable")


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def ensure_free_space(folder: Path, copy_bytes: int, project_bytes: int, doing: str) -> None:
    """Refuse to copy ``copy_bytes`` into ``folder`` when that would leave less than
    max(2 x the project's size, 50 MB) free on its disk.

    Why that much: after the copy the project must still be able to grow. SQLite's WAL and an
    import can each take about the project's size again, and a migration rebuilds tables
    beside the old ones; the 50 MB floor keeps a small project from taking the last
    megabytes that the rest of the system (and the window's own settings) need. The issue
    this answers: on a small disk, backups filled it and then every edit failed.
    """
    free = shutil.disk_usage(folder).free
    reserve = max(RESERVE_FACTOR * project_bytes, RESERVE_FLOOR)
    if free - copy_bytes < reserve:
        raise DiskFullError(
            f"{doing}: not enough free space in {folder}: the copy needs "
            f"{megabytes(copy_bytes)} and must leave {megabytes(reserve)} free for the project "
            f"to keep working, but only {megabytes(free)} is free; free some space and try again"
        )


def sync_file(path: Path) -> None:
    """Force ``path``'s bytes to the disk before it is renamed into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable: POSIX keeps a new directory entry in memory until
    the folder itself is synced, so a power cut could bring the old name back."""
    if os.name != "posix":
        return  # Windows cannot open a folder to sync it; NTFS journals the rename itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
