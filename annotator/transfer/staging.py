"""Export outputs written aside and moved into place whole: a failed or cancelled export
leaves nothing of itself behind, and readers never see half a file or half a folder.

An export writes into a hidden folder beside its output (the same file system, so the moves
are renames); :meth:`Staging.commit` syncs what is there and renames each entry into place.
A folder output that already exists keeps the files the export does not write.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import AnnotatorError


class Staging:
    """A hidden ``.NAME.*.partial`` folder beside ``out``; write to :attr:`target`."""

    def __init__(self, out: Path) -> None:
        parent = out.parent
        if not parent.is_dir():
            raise AnnotatorError(f"{out}: the folder {parent} does not exist")
        # OSError (a full or read-only disk) is left to the caller's sentence for file errors.
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
        self.out = out
        #: where the export writes what will become ``out`` (a file or a folder)
        self.target = self.root / out.name

    def commit(self) -> list[Path]:
        """Sync every file written, then rename each into place; returns the paths written."""
        entries = sorted(self.root.iterdir())
        for entry in entries:
            _refuse_clash(entry, self.out.parent / entry.name)
        for entry in entries:
            _sync(entry)
        for entry in entries:
            _move(entry, self.out.parent / entry.name)
        _sync_folder(self.out.parent)
        return [self.out.parent / entry.name for entry in entries]

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@contextmanager
def staged(out: Path) -> Iterator[Staging]:
    """A staging folder for ``out``, removed on leaving whether or not it was committed."""
    staging = Staging(out)
    try:
        yield staging
    finally:
        staging.discard()


def _refuse_clash(source: Path, target: Path) -> None:
    """A file where a folder goes, or the other way round: refused before anything moves."""
    if source.is_dir():
        if target.exists() and not target.is_dir():
            raise AnnotatorError(f"{target}: is a file, and this export writes a folder there")
        if target.is_dir():
            for child in source.iterdir():
                _refuse_clash(child, target / child.name)
    elif target.is_dir():
        raise AnnotatorError(f"{target}: is a folder; name a file to write")


def _move(source: Path, target: Path) -> None:
    if source.is_dir() and target.is_dir():
        for child in sorted(source.iterdir()):
            _move(child, target / child.name)
        _sync_folder(target)
    else:
        os.replace(source, target)


def _sync(path: Path) -> None:
    if path.is_dir():
        for child in path.iterdir():
            _sync(child)
        _sync_folder(path)
        return
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(path: Path) -> None:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return  # some systems cannot open a folder; the files themselves are synced
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
