"""The store's connection layer: opening and using a project without importing sqlite-utils,
migrations still applied by it, and transactions as sqlite-utils made them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.model.schema import Schema
from annotator.store import Project, migrations
from annotator.store.connection import APPLICATION_ID
from annotator.store.database import Database


def test_opening_and_editing_a_project_does_not_import_sqlite_utils(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "p.db"
    Project.create(path, schema).close()
    probe = (
        "import sys; from annotator.store import Project; "
        f"p = Project.open({str(path)!r}); p.ensure_annotator('ann'); "
        "print(p.annotators(), p.damage_check); p.close(); "
        "print(sorted(m for m in ('sqlite_utils', 'click', 'pluggy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["['ann'] clean close", "[]"]


def _older_file(path: Path, stop_before: str) -> sqlite3.Connection:
    from sqlite_utils import Database as Applier

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.MIGRATIONS.apply(Applier(conn, execute_plugins=False), stop_before=stop_before)
    return conn


def test_applied_and_pending_are_read_as_sqlite_utils_reads_them(tmp_path: Path) -> None:
    from sqlite_utils import Database as Applier

    conn = _older_file(tmp_path / "old.db", "0004_team")
    ours = Database(conn)
    theirs = Applier(conn, execute_plugins=False)
    assert migrations.applied(ours) == [m.name for m in migrations.MIGRATIONS.applied(theirs)]
    assert migrations.applied(ours) == migrations.KNOWN[:3]
    assert migrations.pending(ours) == [m.name for m in migrations.MIGRATIONS.pending(theirs)]
    assert migrations.pending(ours) == migrations.KNOWN[3:]
    conn.close()


def test_an_older_file_is_migrated_by_the_writer_and_then_needs_nothing(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "old.db"
    conn = _older_file(path, "0003_stable_ids")
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", [schema.source])
    conn.close()
    with Project.open(path) as project:
        assert project.schema.name == schema.name
        assert migrations.pending(project._db) == []
        assert migrations.applied(project._db) == migrations.KNOWN


def test_a_failed_nested_block_undoes_only_its_own_writes(tmp_path: Path) -> None:
    db = Database(sqlite3.connect(tmp_path / "t.db", isolation_level=None))
    db.execute("CREATE TABLE t (x INTEGER)")
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("refused")
    with pytest.raises(ValueError), db.atomic():
        db.execute("INSERT INTO t VALUES (3)")
        raise ValueError("refused")
    db.execute("INSERT INTO t VALUES (4)")  # outside a block: committed at once
    assert not db.conn.in_transaction
    assert [x for (x,) in db.execute("SELECT x FROM t ORDER BY x")] == [1, 4]
