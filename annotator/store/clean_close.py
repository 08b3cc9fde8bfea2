"""Clean closes: what a project file looked like when our own writer last closed it cleanly.

SQLite's whole-file ``quick_check`` reads every page: 18.8 s for a 1.6 GB project not in the
page cache. Opening for writing needs it only for a file that may have changed since a check
passed. So whenever our writer closes a project cleanly (every edit checkpointed into the
file, no damage seen while it was open) it records a *stamp* of the file here, outside the
file: its resolved path, size, mtime and ctime in nanoseconds, inode and device, and the
SQLite header's file change counter, page count and schema cookie. At the next writer open a
file that still matches its stamp, with no ``-wal`` holding work beside it, is the file we
left: the whole-file check is skipped (the cheap checks of the header, application id and
version still run). A file copied, restored, synced, touched or written by anything else no
longer matches (a new inode, mtime or ctime; ctime cannot be set back by any tool) and gets
the full check. What a stamp cannot see is a disk that silently changes bytes without the
file system knowing; ``annotator check`` and every backup keep the full check for that.

A stamp is used once: the writer open that trusts it removes it, so a writer that dies
leaves no stamp behind, and the next open checks the whole file.

The stamps live in one small JSON file in the user state folder
(``platformdirs.user_state_dir``; tests point ``XDG_STATE_HOME`` elsewhere), replaced
atomically. Losing it only costs one full check per project.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from annotator.paths import user_state_dir

#: The stamps file, beside other per-user state.
STAMPS_NAME = "clean-closes.json"
#: How many projects' stamps are kept (the most recently closed ones).
KEEP = 200
#: How long a close waits, at most, for the clock to move past the file's last write.
_SETTLE_NS = 100_000_000

#: File times that are multiples of this look like a coarse-grained file system's.
_COARSE_NS = 1_000_000

# Paths where SQLite reported damage in this process: never stamped as clean.
_damaged: set[str] = set()


@dataclass(frozen=True)
class Stamp:
    """The identity and state of one project file, as the file system and SQLite show it."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    #: SQLite header: file change counter, database size in pages, schema cookie.
    change_counter: int
    page_count: int
    schema_cookie: int


def stamps_path() -> Path:
    return user_state_dir() / STAMPS_NAME


def _key(path: Path) -> str | None:
    """The stamps' key of ``path`` (its resolved path), or None if it cannot be resolved."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return None


def current(path: Path) -> Stamp | None:
    """The stamp ``path`` has now, or None if it cannot be read."""
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            header = handle.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return None
    return Stamp(
        size=info.st_size,
        mtime_ns=info.st_mtime_ns,
        ctime_ns=info.st_ctime_ns,
        inode=info.st_ino,
        device=info.st_dev,
        change_counter=int.from_bytes(header[24:28], "big"),
        page_count=int.from_bytes(header[28:32], "big"),
        schema_cookie=int.from_bytes(header[40:44], "big"),
    )


def _load() -> dict[str, dict[str, int]]:
    try:
        data = json.loads(stamps_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(stamps: dict[str, dict[str, int]]) -> None:
    """Write the stamps atomically (a reader sees the old file or the new one, never half);
    a failure (a full or read-only home) only means full checks later, so it is ignored."""
    target = stamps_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".stamps-", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(stamps, out)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def _wal_holds_work(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def take(path: Path) -> bool:
    """Whether ``path`` is exactly as our writer last closed it cleanly (then the whole-file
    check may be skipped). The stamp is removed either way: it vouches for one open only."""
    key = _key(path)
    stamps = _load()
    recorded = stamps.pop(key, None) if key is not None else None
    if recorded is None:
        return False
    _save(stamps)
    if _wal_holds_work(path):
        return False
    now = current(path)
    return now is not None and asdict(now) == recorded


def record(path: Path) -> bool:
    """Stamp ``path`` as closed cleanly by our writer (call after the last connection closed,
    the writer lock still held). Not done where damage was seen, where the ``-wal`` still
    holds work, or where the clock does not move past the file's last write in time. Returns
    whether the stamp was written."""
    key = _key(path)
    if key is None or key in _damaged or _wal_holds_work(path):
        return False
    stamp = _settled(path)
    if stamp is None:
        return False
    stamps = _load()
    stamps.pop(key, None)
    stamps[key] = asdict(stamp)  # the newest last, so the oldest go first
    for old in list(stamps)[: max(0, len(stamps) - KEEP)]:
        del stamps[old]
    _save(stamps)
    return True


def _settled(path: Path) -> Stamp | None:
    """The file's stamp once the clock has moved past its last change.

    File systems take a file's times from a coarse clock (a few milliseconds). A write in the
    same tick as our last one would leave mtime, ctime and size as they are; once the clock
    has moved on, any later write changes them. (Git's "racy clean" problem, solved here by
    waiting a tick.)"""
    clock = getattr(time, "CLOCK_REALTIME_COARSE", None)
    deadline = time.monotonic_ns() + _SETTLE_NS
    while True:
        stamp = current(path)
        if stamp is None or stamp.mtime_ns % _COARSE_NS == 0:
            # Times in whole milliseconds or coarser (FAT, exFAT, some FUSE and network file
            # systems): a later write within that step could keep them, so no stamp.
            return None
        now = time.clock_gettime_ns(clock) if clock is not None else time.time_ns()
        if now > max(stamp.mtime_ns, stamp.ctime_ns):
            return stamp
        if time.monotonic_ns() > deadline:
            return None
        time.sleep(0.001)


def forget(path: Path) -> None:
    """SQLite found ``path`` damaged: this process never stamps it clean, and a stamp it
    had is removed, so the next writer checks the whole file."""
    key = _key(path)
    if key is None:
        return
    _damaged.add(key)
    stamps = _load()
    if stamps.pop(key, None) is not None:
        _save(stamps)


def replaced(path: Path) -> None:
    """A checked copy now stands at ``path`` (a restore): damage this process saw there was the
    old file's, so the new one may be stamped clean when our writer closes it."""
    key = _key(path)
    if key is not None:
        _damaged.discard(key)
