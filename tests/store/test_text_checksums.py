"""Each text's CRC32 (migration 0007), which exports check instead of the slower sha256:
filled for the texts of an older file when it is upgraded, kept by every insert, never the
cause of a good text's loss; ``annotator check`` still compares every sha256."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from disks import flip
from sqlite_utils import Database

from annotator.cli import cli
from annotator.errors import DamagedProjectError
from annotator.model import text_sha256
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store import migrations as migrations_module
from annotator.store.connection import APPLICATION_ID
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths

TEXTS = {f"doc{i}": f"Document {i} begins. " + f"word{i} " * 2000 for i in range(3)}


def older_file(path: Path, schema: Schema) -> None:
    """A project file as version 0006 wrote it (no CRC32 column), holding TEXTS."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations_module.MIGRATIONS.apply(
        Database(conn, execute_plugins=False), stop_before="0007_text_crc32"
    )
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", [schema.source])
    for ord_, (did, text) in enumerate(TEXTS.items(), start=1):
        conn.execute(
            "INSERT INTO documents (id, ord, title, text, meta, sha256, length) "
            "VALUES (?, ?, '', ?, '{}', ?, ?)",
            [did, ord_, text, text_sha256(text), len(text)],
        )
    conn.close()


def exported_ids(path: Path) -> list[str]:
    out = io.BytesIO()
    with Project.open(path, read_only=True) as project:
        export_jsonl(project, out)
    return [json.loads(line)["id"] for line in out.getvalue().splitlines()]


def set_stored(path: Path, column: str, value: object, document: str) -> None:
    """Change what the file stores beside a text, as damage to those bytes would."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"UPDATE documents SET {column} = ? WHERE id = ?", [value, document])
    conn.close()


@pytest.fixture
def upgraded(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "p.db"
    older_file(path, schema)
    Project.open(path).close()  # a writer upgrades it: 0007 fills the texts' CRC32
    return path


def test_an_older_file_reads_as_it_is_and_damage_is_still_found(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "p.db"
    older_file(path, schema)
    assert exported_ids(path) == list(TEXTS)
    flip(path, TEXTS["doc1"].encode()[:30], offset=25)
    with (
        Project.open(path, read_only=True) as project,
        pytest.raises(DamagedProjectError, match="document doc1: its text no longer matches"),
    ):
        export_jsonl(project, io.BytesIO())


def test_an_upgraded_file_has_its_texts_checked_by_crc32(upgraded: Path) -> None:
    # An export compares the CRC32 the upgrade filled in, not the sha256: a text whose
    # sha256 was changed still goes out while its CRC32 fits, and is damage when neither does.
    set_stored(upgraded, "sha256", "0" * 64, "doc2")
    assert exported_ids(upgraded) == list(TEXTS)
    set_stored(upgraded, "text_crc32", 1, "doc2")
    with (
        Project.open(upgraded, read_only=True) as project,
        pytest.raises(DamagedProjectError, match="document doc2"),
    ):
        export_jsonl(project, io.BytesIO())


def test_a_damaged_crc32_alone_does_not_lose_a_good_text(upgraded: Path) -> None:
    set_stored(upgraded, "text_crc32", 12345, "doc0")
    assert exported_ids(upgraded) == list(TEXTS)


def test_new_texts_get_their_crc32_and_flipped_bytes_are_damage(
    tmp_path: Path, upgraded: Path
) -> None:
    source = tmp_path / "more.jsonl"
    text = "Peskov said talks would continue. " * 300
    source.write_text(json.dumps({"id": "new", "text": text}) + "\n", encoding="utf-8")
    with Project.open(upgraded) as project:
        import_paths(project, [source])
    set_stored(upgraded, "sha256", "0" * 64, "new")  # only the CRC32 can tell now
    assert exported_ids(upgraded) == [*TEXTS, "new"]
    flip(upgraded, b"Peskov said talks would continue. Peskov", offset=3)
    with (
        Project.open(upgraded, read_only=True) as project,
        pytest.raises(DamagedProjectError, match="document new"),
    ):
        export_jsonl(project, io.BytesIO())


def test_check_still_compares_every_sha256(upgraded: Path) -> None:
    # A sha256 that no longer fits its text: the CRC32 fits, so an export goes on, but
    # `annotator check` compares the sha256 itself and reports it.
    set_stored(upgraded, "sha256", "0" * 64, "doc1")
    result = CliRunner().invoke(cli, ["check", str(upgraded)])
    assert result.exit_code == 1
    assert "document doc1: its text no longer matches its checksum" in result.output
