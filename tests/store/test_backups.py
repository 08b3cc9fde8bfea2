"""Backups: listed from their names, thinned by age, protected across a migration, partial
files cleared on the next start, refused before they would fill the disk, synced folders."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator.errors import DiskFullError
from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.store.backup import BackupInfo, backups_dir, list_backups
from annotator.store.migrations import KNOWN
from annotator.store.retention import expired
from annotator.transfer.importing import create_project

NOW = datetime(2026, 3, 10, 15, 0)
NEWEST = KNOWN[-1][:4]


def info(created: datetime, reason: str = "auto", migration: str | None = NEWEST) -> BackupInfo:
    return BackupInfo(Path(f"{created:%Y%m%d%H%M%S}-{reason}.db"), created, reason, 1, migration)


def kept(backups: list[BackupInfo], newest: str = NEWEST) -> list[BackupInfo]:
    gone = expired(backups, NOW, newest)
    return [b for b in backups if b not in gone]


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour)


# --- the thinning policy, with fake times ---------------------------------------------------


def test_every_backup_of_today_is_kept() -> None:
    today = [info(NOW.replace(hour=h)) for h in (0, 8, 14)] + [info(NOW + timedelta(hours=3))]
    assert kept(today) == today


def test_one_per_day_for_the_seven_days_before_today() -> None:
    week = [info(at(f"2026-03-0{d}", h)) for d in range(3, 10) for h in (9, 13, 18)]
    assert [b.created for b in kept(week)] == [at(f"2026-03-0{d}", 18) for d in range(3, 10)]


def test_one_per_week_from_eight_days_to_a_month() -> None:
    # 2026-02-07 (8 days before) to 2026-03-02 (31 days ... 8 days): ISO weeks 6 to 10.
    days = [datetime(2026, 2, 7) + timedelta(days=n) for n in range(24)]
    month = [info(d.replace(hour=12)) for d in days]
    assert [b.created.date().isoformat() for b in kept(month)] == [
        "2026-02-08",
        "2026-02-15",
        "2026-02-22",
        "2026-03-01",
        "2026-03-02",
    ]


def test_one_per_month_beyond_a_month() -> None:
    days = [datetime(2025, 12, 1) + timedelta(days=n) for n in range(68)]  # to 2026-02-06
    old = [info(d.replace(hour=12)) for d in days]
    assert [b.created.date().isoformat() for b in kept(old)] == [
        "2025-12-31",
        "2026-01-31",
        "2026-02-06",
    ]


def test_pre_migration_and_pre_restore_backups_stay_until_the_next_migration() -> None:
    backups = [
        info(at("2025-06-01"), "migrate", NEWEST),
        info(at("2025-06-02"), "restore", NEWEST),
        info(at("2025-06-03"), "auto"),
        info(at("2025-07-01"), "migrate", "0001"),  # taken before an older release's migration
        info(at("2025-07-02"), "auto"),
        info(at("2025-08-01"), "migrate", None),  # named before migrations were recorded
        info(at("2025-08-02"), "auto"),
    ]
    assert [b.reason for b in kept(backups)] == ["migrate", "restore", "auto", "auto", "auto"]
    # A later release's migration (here "9999") frees them to be thinned by age.
    assert [b.created.day for b in kept(backups, "9999")] == [3, 2, 2]


def test_a_whole_history_thins_to_a_bounded_set() -> None:
    start = datetime(2025, 3, 10)  # a year of backups every six hours, to today 12:00
    every_six_hours = [info(start + timedelta(hours=6 * n)) for n in range(365 * 4 + 3)]
    remaining = kept(every_six_hours)
    today = [b for b in remaining if b.created.date() == NOW.date()]
    assert len(today) == 3  # 00:00, 06:00, 12:00
    # 3 today + 7 days + 5 ISO weeks (6 to 10) + 12 months (March 2025 to February 2026).
    assert len(remaining) == 3 + 7 + 5 + 12


# --- names and listing ------------------------------------------------------------------------


@pytest.fixture
def project_path(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "p.db"
    create_project(path, schema, seeds_dir()).close()
    return path


def test_backups_are_listed_newest_first_with_time_reason_size(project_path: Path) -> None:
    with Project.open(project_path) as project:
        first = project.backup("manual")
        second = project.backup("import")
    folder = backups_dir(project_path)
    (folder / ".partial-p-2026-01-01-00.00.00.000000-manual.db").write_bytes(b"x")
    (folder / "notes.txt").write_text("mine")
    listed = list_backups(project_path)
    assert [b.path for b in listed] == [second, first]
    assert [b.reason for b in listed] == ["import", "manual"]
    assert listed[0].bytes == second.stat().st_size > 0
    assert abs(listed[0].created - datetime.now()) < timedelta(minutes=1)
    assert listed[0].migration == NEWEST, "the name records the newest migration known"


def test_older_backup_names_are_still_listed(project_path: Path) -> None:
    folder = backups_dir(project_path)
    folder.mkdir()
    (folder / "p-2026-01-02-03.04.05.000006-close.db").write_bytes(b"x" * 10)
    (only,) = list_backups(project_path)
    assert (only.created, only.reason, only.bytes, only.migration) == (
        datetime(2026, 1, 2, 3, 4, 5, 6),
        "close",
        10,
        None,
    )


def test_no_backups_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "never.db") == []


# --- housekeeping through make_backup and open ---------------------------------------------------


def old_copy(backup: Path, created: datetime, reason: str) -> Path:
    """A copy of ``backup`` named as if taken at ``created`` for ``reason``."""
    name = f"p-{created:%Y-%m-%d-%H.%M.%S.%f}-schema{NEWEST}-{reason}.db"
    target = backup.with_name(name)
    shutil.copyfile(backup, target)
    return target


def test_quick_backups_never_push_out_the_pre_migration_backup(project_path: Path) -> None:
    with Project.open(project_path) as project:
        first = project.backup("manual")
        migrate = old_copy(first, NOW - timedelta(days=200), "migrate")
        auto = old_copy(first, NOW - timedelta(days=200, hours=-1), "auto")
        newer_auto = old_copy(first, NOW - timedelta(days=200, hours=-2), "auto")
        for _ in range(31):
            project.backup("manual")
    assert migrate.exists(), "kept until the next release's migration"
    assert newer_auto.exists() and not auto.exists(), "one per month that long ago"
    assert len(list_backups(project_path)) == 32 + 2


def test_partial_files_of_killed_backups_go_on_the_next_open(project_path: Path) -> None:
    folder = backups_dir(project_path)
    folder.mkdir()
    leftover = folder / ".partial-p-2026-01-01-00.00.00.000000-schema0002-close.db"
    leftover.write_bytes(b"half a copy")
    Project.open(project_path).close()
    assert not leftover.exists()


def test_partial_files_of_failed_backups_go_on_the_next_backup(project_path: Path) -> None:
    with Project.open(project_path) as project:
        leftover = backups_dir(project_path) / ".partial-p-old-manual.db"
        leftover.parent.mkdir(exist_ok=True)
        leftover.write_bytes(b"half a copy")
        project.backup("manual")
    assert not leftover.exists()


def fake_free(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10**12, 0, free))


def test_backup_refuses_when_it_would_leave_the_disk_nearly_full(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.open(project_path) as project:
        fake_free(monkeypatch, 40 * 2**20)
        with pytest.raises(DiskFullError, match=r"p\.db.*free") as caught:
            project.backup("manual")
        assert "MB" in str(caught.value)
        assert list_backups(project_path) == []
        assert not list(backups_dir(project_path).glob(".partial-*"))
        fake_free(monkeypatch, 60 * 2**20)
        project.backup("manual")
    assert len(list_backups(project_path)) == 1


def test_backup_syncs_the_copy_and_then_the_folder(
    project_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    with Project.open(project_path) as project:
        monkeypatch.setattr(os, "fsync", fsync)
        project.backup("manual")
    assert synced[:2] == ["file", "folder"]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs: a real full disk, where mounting is allowed (root in a container)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_backup_on_a_really_full_disk_is_a_sentence_and_leaves_no_partial(
    small_disk: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_disk / "p.db"
    create_project(path, schema, seeds_dir()).close()
    with Project.open(path) as project:
        # The free-space check refuses first on so small a disk...
        with pytest.raises(DiskFullError, match="free"):
            project.backup("manual")
        # ...and without it, SQLite's own "disk is full" becomes the same kind of sentence.
        monkeypatch.setattr("annotator.store.backup.ensure_free_space", lambda *_a: None)
        filler = small_disk / "filler"
        free = shutil.disk_usage(small_disk).free
        filler.write_bytes(b"\0" * (free - 40 * 1024))
        with pytest.raises(DiskFullError, match="disk is full"):
            project.backup("manual")
        assert not list(backups_dir(path).glob(".partial-*"))
        filler.unlink()
