"""The command line on real storage faults: read-only commands write nothing, and a full
disk, a read-only disk or a damaged file is one sentence and exit status 1, never a
traceback (the issue's failures 3, 4, 5, 9 and 11, reproduced on real file systems)."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from disks import fill, folder_state, remount_read_only, small_disk

from annotator.cli import cli
from annotator.paths import seeds_dir

SEED = next(seeds_dir().glob("*.txt"))
LINE = {
    "id": "d1",
    "text": "Peskov said: “No.”",
    "annotator": "alice",
    "status": "done",
    "spans": [
        {"id": "T1", "start": 0, "end": 6, "label": "SPEAKER"},
        {"id": "T2", "start": 13, "end": 18, "label": "QUOTE"},
    ],
    "relations": [{"label": "attributed_to", "head": "T2", "child": "T1"}],
}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def make(folder: Path) -> Path:
    """A closed project in ``folder`` with the seed and an annotated document."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "p.db"
    assert run("init", path)[0] == 0
    source = folder.parent / f"{folder.name}-line.jsonl"
    bob = dict(LINE, annotator="bob")
    source.write_text(json.dumps(LINE) + "\n" + json.dumps(bob) + "\n", encoding="utf-8")
    assert run("import", path, seeds_dir(), source)[0] == 0
    return path


def clean_error(code: int, err: str, words: str) -> None:
    assert code == 1, err
    assert words in err, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) <= 3, err


# --- read-only commands write nothing -------------------------------------------------------

READERS = {
    "stats": ["stats"],
    "export": ["export", "--format", "jsonl"],
    "agreement": ["agreement", "--json"],
    "check": ["check"],
}


@pytest.mark.parametrize("command", list(READERS))
def test_read_only_commands_leave_every_file_byte_identical(tmp_path: Path, command: str) -> None:
    path = make(tmp_path / "project")
    before = folder_state(path.parent)
    code, _, err = run(READERS[command][0], path, *READERS[command][1:])
    assert code in (0, 1) and "Traceback" not in err
    assert folder_state(path.parent) == before


def test_export_to_a_file_leaves_the_project_byte_identical(tmp_path: Path) -> None:
    path = make(tmp_path / "project")
    before = folder_state(path.parent)
    assert run("export", path, "--format", "jsonl", "--out", tmp_path / "out.jsonl")[0] == 0
    assert folder_state(path.parent) == before


def test_merge_leaves_the_other_files_byte_identical(tmp_path: Path) -> None:
    path = make(tmp_path / "project")
    other = make(tmp_path / "other")
    before = folder_state(other.parent)
    code, _, err = run("merge", path, other)
    assert code == 0, err
    assert folder_state(other.parent) == before


# --- a read-only disk -----------------------------------------------------------------------


def test_a_project_on_a_read_only_disk_can_be_read_and_exported(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = make(disk / "project")
        remount_read_only(disk)
        out = tmp_path / "out.jsonl"
        code, _, err = run("export", path, "--format", "jsonl", "--out", out)
        assert code == 0, err
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3
        assert run("stats", path)[0] == 0
        assert run("check", path)[0] == 0
        assert run("agreement", path)[0] == 0
        code, _, err = run("init", disk / "new.db")
        clean_error(code, err, "read-only")


@pytest.mark.parametrize("command", ["import", "backup", "merge"])
def test_writing_to_a_read_only_disk_is_reported_as_read_only(tmp_path: Path, command: str) -> None:
    other = make(tmp_path / "other")
    with small_disk(tmp_path / "disk") as disk:
        path = make(disk / "project")
        remount_read_only(disk)
        args = {"import": [SEED], "backup": [], "merge": [other]}[command]
        code, _, err = run(command, path, *args)
        clean_error(code, err, "read-only")
        assert "not an Annotator project" not in err


# --- a full disk ----------------------------------------------------------------------------


def test_init_on_a_full_disk_says_so_and_leaves_no_file(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        path = disk / "p.db"
        code, _, err = run("init", path)
        clean_error(code, err, "disk is full")
        assert sorted(p.name for p in disk.iterdir()) == ["filler"]


@pytest.mark.parametrize("command", ["import", "backup", "merge"])
def test_writing_on_a_full_disk_says_so_and_keeps_the_project(tmp_path: Path, command: str) -> None:
    other = make(tmp_path / "other")
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as handle:
        for i in range(300):
            handle.write(json.dumps(dict(LINE, id=f"x{i}", text="word " * 200)) + "\n")
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = make(disk / "project")
        fill(disk)
        args = {"import": [big], "backup": [], "merge": [other]}[command]
        code, _, err = run(command, path, *args)
        clean_error(code, err, "disk is full")
        (disk / "filler").unlink()
        code, out, _ = run("stats", path)
        assert code == 0 and "documents: 2" in out


def test_export_to_a_full_disk_says_so(tmp_path: Path) -> None:
    path = make(tmp_path / "project")
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        code, _, err = run("export", path, "--format", "jsonl", "--out", disk / "out.jsonl")
        clean_error(code, err, "no space left")
        assert "Traceback" not in err


def test_reading_works_while_the_project_disk_is_full(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        path = make(disk / "project")
        fill(disk)
        code, _, err = run("stats", path)
        assert code == 0, err
        code, _, err = run("export", path, "--format", "jsonl")
        assert code == 0, err


# --- an I/O error ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fault",
    [sqlite3.OperationalError("disk I/O error"), OSError(errno.EIO, "Input/output error")],
    ids=["sqlite", "os"],
)
def test_an_io_error_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: Exception
) -> None:
    """A failing disk cannot be made on demand: the fault is injected where SQLite or the OS
    would raise it (the backup's copy)."""
    path = make(tmp_path / "project")

    def failing(*args: object) -> None:
        raise fault

    monkeypatch.setattr("annotator.store.project.make_backup", failing)
    code, _, err = run("backup", path)
    clean_error(code, err, "the disk reported an error")
