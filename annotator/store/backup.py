"""Consistent copies of the project: VACUUM INTO a partial file, check it, rename atomically."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

KEEP = 30


def backups_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def make_backup(db: Database, project_path: Path, reason: str) -> Path:
    """Write a checked copy of the open project; never a half-written file under the final name."""
    folder = backups_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%d-%H.%M.%S.%f")
    final = folder / f"{project_path.stem}-{stamp}-{reason}.db"
    partial = folder / f".partial-{final.name}"
    partial.unlink(missing_ok=True)
    db.execute("VACUUM INTO ?", [str(partial)])
    check = sqlite3.connect(str(partial))
    try:
        result = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise OSError(f"the backup copy failed its check ({result})")
    os.replace(partial, final)
    _thin(folder)
    return final


def _thin(folder: Path) -> None:
    backups = sorted(p for p in folder.glob("*.db") if not p.name.startswith("."))
    for old in backups[:-KEEP]:
        old.unlink(missing_ok=True)
