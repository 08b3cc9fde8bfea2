"""`annotator backup --list` and `annotator restore` as a user meets them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.store.backup import list_backups


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    assert run("init", path)[0] == 0
    assert run("backup", path)[0] == 0  # of the empty project
    assert run("import", path, seeds_dir())[0] == 0
    return path


def documents(path: Path) -> int:
    with Project.open(path) as project:
        return project.documents.count()


def test_backup_list_shows_time_reason_size_and_path(db: Path) -> None:
    assert run("backup", db)[0] == 0
    code, out, _ = run("backup", db, "--list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    newest = list_backups(db)[0]
    assert lines[0].split()[:3] == [
        f"{newest.created:%Y-%m-%d}",
        f"{newest.created:%H:%M:%S}",
        "manual",
    ]
    assert "KB" in lines[0] and lines[0].endswith(str(newest.path))
    assert lines[1].split()[2] == "manual" and lines[1].endswith(str(list_backups(db)[1].path))


def test_backup_list_check_says_which_pass_quick_check(db: Path) -> None:
    code, out, _ = run("backup", db, "--list", "--check")
    assert code == 0 and " ok " in out
    broken = list_backups(db)[0].path
    broken.write_bytes(broken.read_bytes()[:100])  # cut short
    code, out, err = run("backup", db, "--list", "--check")
    assert code == 1
    assert "ok" not in out.split()[4] and "1 of 1 backups failed" in err


def test_backup_list_works_while_the_project_is_open_and_without_it(db: Path) -> None:
    with Project.open(db):
        assert run("backup", db, "--list")[0] == 0
    db.unlink()
    code, out, _ = run("backup", db, "--list")
    assert code == 0 and "manual" in out


def test_backup_list_of_a_project_without_backups(tmp_path: Path) -> None:
    code, out, err = run("backup", tmp_path / "new.db", "--list")
    assert code == 0 and out == "" and "no backups" in err


def test_check_without_list_is_a_usage_error(db: Path) -> None:
    code, _, err = run("backup", db, "--check")
    assert code == 2 and "--list" in err


def test_restore_brings_the_backup_back_and_keeps_the_replaced_file(
    db: Path, tmp_path: Path
) -> None:
    backup = list_backups(db)[0].path  # taken before the import: no documents
    code, _, err = run("restore", db, backup)
    assert code == 0, err
    assert documents(db) == 0
    replaced = list(tmp_path.glob("p.db.replaced-*.db"))
    assert len(replaced) == 1 and str(replaced[0]) in err
    assert documents(replaced[0]) == 1
    assert "restore" in [b.reason for b in list_backups(db)]


def test_restore_while_open_elsewhere_is_refused_in_one_sentence(db: Path) -> None:
    backup = list_backups(db)[0].path
    with Project.open(db):
        code, _, err = run("restore", db, backup)
    assert code == 1
    assert err.startswith("error: ") and "open in another window or process" in err
    assert documents(db) == 1


def test_restore_of_something_that_is_not_a_backup(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    code, _, err = run("restore", db, other)
    assert code == 1
    assert err == f"error: {other}: not an Annotator project; nothing was restored\n"


def test_restore_of_a_missing_backup(db: Path, tmp_path: Path) -> None:
    code, _, err = run("restore", db, tmp_path / "nope.db")
    assert code != 0 and "nope.db" in err and "Traceback" not in err
