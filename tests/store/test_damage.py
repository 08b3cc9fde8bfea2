"""Damaged project files: refused for writing, never modified by reading, what is readable
saved in recovery mode, text whose checksum fails reported, the newest good backup found."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest
from disks import damage_page, flip, folder_state

from annotator.errors import DamagedProjectError
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.backup import backups_dir
from annotator.store.recovery import Damage, newest_good_backup
from annotator.transfer.exporting import export_jsonl, iter_documents_with_sets
from annotator.transfer.importing import import_paths

#: Long texts, so that every document fills pages of its own and damage hits only some.
TEXTS = {f"doc{i}": f"Document {i} begins. " + f"word{i} " * 3000 for i in range(6)}


@pytest.fixture
def six(tmp_path: Path, schema: Schema) -> Path:
    """A closed project of six long documents, each with one annotated set."""
    source = tmp_path / "six.jsonl"
    lines = [
        {
            "id": did,
            "text": text,
            "annotator": "alice",
            "spans": [{"id": "T1", "start": 0, "end": 8, "label": "QUOTE"}],
        }
        for did, text in TEXTS.items()
    ]
    source.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "p.db"
    with Project.create(path, schema) as project:
        import_paths(project, [source])
    return path


def test_opening_a_damaged_file_for_writing_is_refused(six: Path) -> None:
    damage_page(six, b"Document 3 begins.")
    before = folder_state(six.parent)
    with pytest.raises(DamagedProjectError, match="damaged"):
        Project.open(six)
    assert folder_state(six.parent) == before


def test_reading_a_damaged_file_leaves_it_byte_identical(six: Path) -> None:
    damage_page(six, b"Document 3 begins.")
    before = folder_state(six.parent)
    with Project.open(six, read_only=True) as project, pytest.raises(DamagedProjectError):
        export_jsonl(project, io.BytesIO())
    assert folder_state(six.parent) == before


def test_recovery_exports_every_readable_document_and_names_the_rest(six: Path) -> None:
    damage_page(six, b"Document 3 begins.")
    before = folder_state(six.parent)
    damage: list[Damage] = []
    out = io.BytesIO()
    with Project.open(six, recovery=True) as project:
        assert project.read_only and project.recovery
        export_jsonl(project, out, damage=damage)
    saved = [json.loads(line) for line in out.getvalue().splitlines()]
    skipped = {d.document for d in damage}
    assert "doc3" in skipped
    assert {r["id"] for r in saved} | skipped == set(TEXTS)
    assert len(saved) >= 3
    for record in saved:
        assert record["text"] == TEXTS[record["id"]]
        assert record["annotator"] == "alice" and len(record["spans"]) == 1
    assert all("doc3" not in d.message() or "unreadable" in d.message() for d in damage)
    assert folder_state(six.parent) == before


def test_text_that_no_longer_matches_its_checksum_is_damage(six: Path) -> None:
    flip(six, TEXTS["doc4"].encode()[:40], offset=30)
    with Project.open(six, read_only=True) as project:
        with pytest.raises(
            DamagedProjectError, match="document doc4: its text no longer matches its checksum"
        ):
            export_jsonl(project, io.BytesIO())
        with pytest.raises(DamagedProjectError, match="doc4"):
            list(iter_documents_with_sets(project))
        damage: list[Damage] = []
        out = io.BytesIO()
        export_jsonl(project, out, damage=damage)
        assert [d.document for d in damage] == ["doc4"]
        assert len(out.getvalue().splitlines()) == 5
        # SQLite itself sees nothing wrong: only the stored sha256 tells.
        assert project.integrity() == ["ok"]


def test_the_newest_good_backup_is_offered(six: Path) -> None:
    assert newest_good_backup(six) is None
    with Project.open(six) as project:
        older = project.backup("manual")
        time.sleep(0.01)
        newer = project.backup("manual")
    stamp = time.time()
    os.utime(older, (stamp - 100, stamp - 100))
    assert newest_good_backup(six) == newer
    damage_page(newer, b"Document 3 begins.")
    before = folder_state(backups_dir(six))
    assert newest_good_backup(six) == older
    assert folder_state(backups_dir(six)) == before
