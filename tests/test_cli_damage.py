"""The command line on damaged files: damage is reported as damage, with exit status 1 and
no traceback; reading never modifies the file; what is readable can be saved; text whose
stored sha256 no longer matches is never exported as if fine (the issue's failures 3 and 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from disks import damage_page, flip, folder_state
from test_cli_storage import SEED, clean_error, make, run

# --- damage ---------------------------------------------------------------------------------


def test_check_reports_a_damaged_page_and_exits_1_without_a_traceback(tmp_path: Path) -> None:
    path = make(tmp_path / "project")
    damage_page(path, SEED.read_text(encoding="utf-8")[:40].encode())
    before = folder_state(path.parent)
    code, out, err = run("check", path)
    assert code == 1
    assert "damaged" in out + err
    assert "Traceback" not in err
    assert folder_state(path.parent) == before


@pytest.mark.parametrize("command", ["export", "agreement", "import", "backup"])
def test_every_command_on_a_damaged_file_is_one_sentence(tmp_path: Path, command: str) -> None:
    path = make(tmp_path / "project")
    damage_page(path, SEED.read_text(encoding="utf-8")[:40].encode())
    before = folder_state(path.parent)
    args = {
        "export": ["--format", "jsonl"],
        "agreement": [],
        "import": [SEED],
        "backup": [],
    }
    code, _, err = run(command, path, *args[command])
    clean_error(code, err, "damaged")
    assert folder_state(path.parent) == before


def long_documents(folder: Path) -> Path:
    """A closed project of six long documents with alice's sets: damage to one page then
    leaves most documents readable."""
    folder.mkdir(parents=True)
    path = folder / "p.db"
    source = folder.parent / "long.jsonl"
    lines = [
        dict(
            long_line(i),
            spans=[{"id": "T1", "start": 0, "end": 8, "label": "QUOTE"}],
            relations=[],
        )
        for i in range(6)
    ]
    source.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    assert run("init", path)[0] == 0
    assert run("import", path, source)[0] == 0
    return path


def long_line(i: int) -> dict[str, object]:
    return {
        "id": f"doc{i}",
        "text": f"Document {i} begins. " + f"word{i} " * 3000,
        "annotator": "alice",
    }


def test_export_skip_damaged_saves_what_is_readable_and_names_the_rest(tmp_path: Path) -> None:
    path = long_documents(tmp_path / "project")
    damage_page(path, b"Document 3 begins.")
    before = folder_state(path.parent)
    out = tmp_path / "out.jsonl"
    code, _, err = run("export", path, "--format", "jsonl", "--out", out, "--skip-damaged")
    assert code == 1 and "Traceback" not in err
    assert "left out: document doc3" in err
    saved = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 3 <= len(saved) < 6
    for record in saved:
        assert record["text"] == long_line(int(record["id"][3:]))["text"]
        assert record["annotator"] == "alice" and len(record["spans"]) == 1
    assert folder_state(path.parent) == before


def test_merging_a_damaged_copy_names_that_copy_and_changes_nothing(tmp_path: Path) -> None:
    path = make(tmp_path / "project")
    other = long_documents(tmp_path / "other")
    damage_page(other, b"Document 3 begins.")
    before = folder_state(path.parent)
    code, _, err = run("merge", path, other)
    clean_error(code, err, "damaged")
    assert str(other) in err
    assert {k: v for k, v in folder_state(path.parent).items() if "backups" not in k} == {
        k: v for k, v in before.items() if "backups" not in k
    }


def test_a_document_whose_text_no_longer_matches_its_hash_is_never_exported(
    tmp_path: Path,
) -> None:
    path = make(tmp_path / "project")
    flip(path, b"Peskov said", offset=2)
    before = folder_state(path.parent)
    code, out, err = run("export", path, "--format", "jsonl")
    clean_error(code, err, "document d1: its text no longer matches its checksum")
    code, out, err = run("check", path)
    assert code == 1 and "document d1: its text no longer matches its checksum" in out + err
    saved = tmp_path / "saved.jsonl"
    code, _, err = run("export", path, "--format", "jsonl", "--out", saved, "--skip-damaged")
    assert code == 1 and "d1" in err
    assert [json.loads(line)["id"] for line in saved.read_text().splitlines()] == [SEED.stem]
    assert folder_state(path.parent) == before


def test_agreement_refuses_a_text_whose_checksum_fails(tmp_path: Path) -> None:
    """The report streams document by document: a changed text still stops it, in one
    sentence, before a number is printed."""
    path = make(tmp_path / "project")
    flip(path, b"Peskov said", offset=2)
    before = folder_state(path.parent)
    code, out, err = run("agreement", path)
    clean_error(code, err, "document d1: its text no longer matches its checksum")
    assert out == ""
    assert folder_state(path.parent) == before


def test_stats_of_a_damaged_file_counts_what_it_can_read_and_changes_nothing(
    tmp_path: Path,
) -> None:
    """Counts come from indexes the damage did not touch, so stats is right as far as it goes
    (reads skip the whole-file check; writers and ``check`` make it)."""
    path = make(tmp_path / "project")
    damage_page(path, SEED.read_text(encoding="utf-8")[:40].encode())
    before = folder_state(path.parent)
    code, out, err = run("stats", path)
    assert "Traceback" not in err
    assert code == 0 and "documents: 2" in out
    assert folder_state(path.parent) == before
