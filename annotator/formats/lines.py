"""The lines of an untrusted input file, read one at a time: memory stays flat whatever the
file's size (the size cap, the BOM and the refusals of ``source.read_bytes`` kept)."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.source import BOM_BYTES, MAX_BYTES


def numbered_lines(path: Path) -> Generator[tuple[int, bytes]]:
    """Each non-blank line of ``path`` as bytes, with its number (from 1); a leading UTF-8 BOM
    is dropped. Refuses a missing, huge or empty file (the last once it has been read)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}")
        handle = path.open("rb")
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    empty = True
    with handle:
        for number, line in enumerate(handle, start=1):
            if number == 1 and line.startswith(BOM_BYTES):
                line = line[len(BOM_BYTES) :]
            if not line or line.isspace():
                continue
            empty = False
            yield number, line
    if empty:
        raise InputError(path, "the file is empty")
