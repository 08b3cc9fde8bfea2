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
