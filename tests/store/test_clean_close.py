"""Opening a project the way our writer left it skips the whole-file damage check; a file
that anything else touched, or that SQLite found damaged, is checked in full."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from disks import damage_page

from annotator.errors import DamagedProjectError
from annotator.model import AnnotationSet, DocumentId
from annotator.model.annotation import Span
from annotator.model.ids import AnnotatorName, SpanId
from annotator.model.schema import Schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.store.clean_close import stamps_path
from annotator.store.restore import restore
from annotator.transfer.importing import import_paths

SEED_WORDS = b"Dmitry Peskov"


def closed_project(tmp_path: Path, schema: Schema) -> Path:
    path = tmp_path / "p.db"
    with Project.create(path, schema) as project:
        import_paths(project, [seeds_dir()])
    return path


def check_at_open(path: Path) -> str:
    with Project.open(path) as project:
        return project.damage_check


def test_a_file_as_our_writer_closed_it_opens_without_the_whole_file_check(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    assert stamps_path().is_file()
    assert check_at_open(path) == "clean close"
    # ... and again: each clean close vouches for the next open.
    assert check_at_open(path) == "clean close"


def test_a_touched_file_gets_the_whole_file_check(tmp_path: Path, schema: Schema) -> None:
    path = closed_project(tmp_path, schema)
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert check_at_open(path) == "whole file"


def test_a_file_system_with_coarse_times_is_never_vouched_for(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    whole_second = 1_700_000_000 * 1_000_000_000  # the times FAT keeps (2 s steps)
    os.utime(path, ns=(whole_second, whole_second))
    assert check_at_open(path) == "whole file"
    # Closed with nothing written: the times are still whole seconds, so no stamp was taken.
    assert check_at_open(path) == "whole file"


def test_a_copy_put_back_in_place_gets_the_whole_file_check(tmp_path: Path, schema: Schema) -> None:
    path = closed_project(tmp_path, schema)
    aside = tmp_path / "aside.db"
    shutil.copy2(path, aside)  # the same bytes and times: a restore, a sync
    os.replace(aside, path)
    assert check_at_open(path) == "whole file"


def test_a_wal_with_content_beside_the_file_gets_the_whole_file_check(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    path.with_name(path.name + "-wal").write_bytes(b"\0" * 4096)
    assert check_at_open(path) == "whole file"


def test_damage_after_a_clean_close_is_still_refused(tmp_path: Path, schema: Schema) -> None:
    path = closed_project(tmp_path, schema)
    damage_page(path, SEED_WORDS)
    with pytest.raises(DamagedProjectError, match="damaged"):
        Project.open(path)


def test_a_restored_file_is_vouched_for_again_after_our_writer_closes_it(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    with Project.open(path) as project:
        backup = project.backup("manual")
    damage_page(path, SEED_WORDS)
    with pytest.raises(DamagedProjectError):
        Project.open(path)
    restore(path, backup)
    assert check_at_open(path) == "whole file"  # a restored copy is checked once...
    assert check_at_open(path) == "clean close"  # ...then our clean close vouches for it


def test_damage_with_its_modification_time_set_back_is_still_refused(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    info = path.stat()
    damage_page(path, SEED_WORDS)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # ctime cannot be set back
    with pytest.raises(DamagedProjectError, match="damaged"):
        Project.open(path)


def test_damage_seen_while_open_means_the_next_open_checks_the_whole_file(
    tmp_path: Path, schema: Schema
) -> None:
    path = closed_project(tmp_path, schema)
    with Project.open(path) as project:
        project.note_damage()
    assert check_at_open(path) == "whole file"


def test_every_annotator_of_a_span_is_listed_across_opens(tmp_path: Path, schema: Schema) -> None:
    path = closed_project(tmp_path, schema)
    with Project.open(path) as project:
        document = next(iter(project.documents.ids()))
        with project.transaction():
            # A span of an annotator with no set and no name yet (the store allows it).
            project.spans.insert(
                Span(SpanId(0), DocumentId(document), AnnotatorName("zed"), 0, 4, "QUOTE")
            )
        assert "zed" in project.annotators()
    with Project.open(path, read_only=True) as reader:
        assert "zed" in reader.annotators()
    with Project.open(path) as project:
        assert "zed" in project.annotators()


def steps_of_annotators(path: Path) -> tuple[list[str], int]:
    """The annotators a reader lists, and how many SQLite VM steps (in hundreds) it took:
    a count that grows with every row read, unlike a time."""
    with Project.open(path, read_only=True) as reader:
        steps = [0]

        def count() -> int:
            steps[0] += 1
            return 0

        conn = reader._db.conn  # as support.snapshot does: only a test needs this
        conn.set_progress_handler(count, 100)
        names = reader.annotators()
        conn.set_progress_handler(None, 100)
        return names, steps[0]


def test_listing_annotators_does_not_read_every_span(tmp_path: Path, schema: Schema) -> None:
    path = closed_project(tmp_path, schema)
    names, before = steps_of_annotators(path)
    with Project.open(path) as project:
        document = DocumentId(next(iter(project.documents.ids())))
        spans = [
            Span(SpanId(k), document, AnnotatorName("many"), k, k + 3, "QUOTE", name=f"T{k}")
            for k in range(1, 20_001)
        ]
        with project.transaction():
            project.bulk.insert_sets([AnnotationSet(document, AnnotatorName("many"), spans=spans)])
    after_names, after = steps_of_annotators(path)
    assert after_names == sorted({*names, "many"})
    # 20,000 more spans: the old DISTINCT over every span took thousands of steps more.
    assert after <= before + 20
