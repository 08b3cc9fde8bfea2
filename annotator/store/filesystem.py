"""Where the project file lives: SQLite's locking and WAL do not work on network file systems."""

from __future__ import annotations

from pathlib import Path

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
