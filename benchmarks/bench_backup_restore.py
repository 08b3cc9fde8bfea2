"""Backup and restore of a generated project (default 20,000 documents, 200,000 spans).

Baseline measured in the same run on the same file: ``shutil.copyfile`` of the closed
project plus an ``fsync``, the disk's own price of one copy. A backup is VACUUM INTO (which
rebuilds every table and index rather than copying pages) plus a quick_check of the copy; a
restore is a copy of the backup and its quick_check, plus a backup of the replaced project.

Usage: python benchmarks/bench_backup_restore.py [DOCUMENTS] [SPANS_PER_DOCUMENT]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import orjson
from bench_import_export import generate

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.store.backup import list_backups
from annotator.store.restore import restore
from annotator.transfer.importing import import_paths


def timed(label: str, func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    value = func(*args)
    took = time.perf_counter() - start
    print(f"{label:<40} {took:7.2f} s", flush=True)
    return took, value


def copy_and_sync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    per_document = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        records = generate(documents, per_document)
        source.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
        path = folder / "p.db"
        with Project.create(path, load_schema(default_schema_path())) as project:
            import_paths(project, [source])
        size = path.stat().st_size
        print(f"{documents:,} documents, {documents * per_document:,} spans: {size / 1e6:.0f} MB")
        baseline, _ = timed("baseline: copyfile + fsync", copy_and_sync, path, folder / "c.db")
        with Project.open(path) as project:
            backed_up, made = timed("annotator backup", project.backup, "manual")
        restored, _ = timed("annotator restore (with pre-restore)", restore, path, made)
        folder_of = made.parent
        for n in range(200):
            shutil.copyfile(made, folder_of / made.name.replace("manual", f"auto{n:03d}"))
        listed, found = timed("list_backups, 200 files", list_backups, path)
        assert isinstance(found, list)
    for name, took in (("backup", backed_up), ("restore", restored)):
        print(f"{name} / baseline: {took / baseline:.1f}x, {took / size * 1e8:.2f} s per 100 MB")
    print(f"listing: {listed * 1000 / len(found):.2f} ms per backup (names only, no file opened)")


if __name__ == "__main__":
    main()
