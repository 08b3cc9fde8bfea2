"""Writing output files atomically: a partial file, fsync, then rename over the target."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.errors import AnnotatorError


@contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """Readers never see a half-written ``path``; on error the old file stays as it was."""
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
