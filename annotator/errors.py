"""The errors a user can cause: each carries one sentence naming the file, line and problem."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """A problem the user can fix (bad input, locked project); never a bug of ours."""


class InputError(AnnotatorError):
    """Bad content in an input file, located by file name and (where known) line number."""

    def __init__(self, path: str | Path | None, problem: str, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.problem = problem
        where = self.path or "input"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"{where}: {problem}")


class SchemaError(InputError):
    """A label schema (TOML) that cannot be used."""


class ProjectLockedError(AnnotatorError):
    """The project file is held by another Annotator window or process."""


class ProjectFileError(AnnotatorError):
    """The file is not an Annotator project, or was written by a newer version."""


class StorageError(AnnotatorError):
    """The project file could not be read or written: the disk, the folder or the file itself.

    Raised by the store (``annotator.store.faults``) in place of SQLite's own errors, so every
    layer above can say what happened in one sentence without knowing SQLite.
    """

    #: Short kind for the window's status line: "disk full", "read-only", "damaged", ...
    kind: str = "storage"


class DiskFullError(StorageError):
    kind = "disk full"


class ReadOnlyStorageError(StorageError):
    kind = "read-only"


class DamagedProjectError(StorageError):
    kind = "damaged"

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        #: What SQLite or the text check found, without the command line's advice (the
        #: recovery screen words the way out with its own buttons).
        self.detail = detail


class StorageLockedError(StorageError):
    kind = "locked"


class StorageIOError(StorageError):
    kind = "I/O error"
