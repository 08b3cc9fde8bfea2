"""Writing output files atomically: a partial file, fsync, then rename over the target; a
device, a FIFO or ``-`` (stdout) written in place, and a symlink followed, never replaced."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.errors import AnnotatorError


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Readers never see a half-written ``path``; on error the old file stays as it was.

    ``-`` is stdout. What is not a regular file (``/dev/null``, a FIFO) is written in place,
    streamed: renaming over it would replace a device node (as root) or a pipe's reader's
    end. A symlink is followed: its target is replaced atomically, the link stays."""
    if str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        with path.open("wb") as special:
            yield special
        return
    if not path.parent.is_dir():
        raise AnnotatorError(f"{path}: the folder {path.parent} does not exist")
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
