"""Reading untrusted input files: size cap, strict UTF-8, BOM, and line-numbered decode errors."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import InputError


class EmptyFileError(InputError):
    """A file with nothing in it but white space: a folder's import skips it, where a file
    named alone is refused."""


MAX_BYTES = 4 * 1024**3
BOM_BYTES = "\ufeff".encode()


def read_bytes(path: Path) -> bytes:
    """The file's bytes without a leading UTF-8 BOM; refuses missing, huge and empty files."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,}")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    if data.startswith(BOM_BYTES):
        data = data[len(BOM_BYTES) :]
    if not data or data.isspace():
        raise EmptyFileError(path, "the file is empty")
    return data


def utf8_problem(data: bytes) -> str | None:
    """Why ``data`` is not UTF-8 (naming the first bad byte), or None when it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    return None


def read_utf8(path: Path) -> str:
    """The file's text; a leading BOM is dropped. Refuses empty, huge and non-UTF-8 files."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    return text
