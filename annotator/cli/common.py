"""What every command shares: user mistakes as one sentence, the PROJECT argument, versions."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from contextlib import nullcontext
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.store.faults import sqlite_errors
from annotator.store.project import sqlite_version

F = TypeVar("F", bound=Callable[..., Any])

PROJECT = click.argument("project", type=click.Path(path_type=Path, dir_okay=False))


def qt_version() -> str:
    # Read from package metadata: the command line never imports Qt.
    try:
        return version("PySide6-Essentials")
    except PackageNotFoundError:
        return "not installed"


def version_text() -> str:
    return f"annotator {__version__} (Qt {qt_version()}, SQLite {sqlite_version()})"


def user_errors(func: F) -> F:
    """Turn a user's mistake into one sentence on stderr and exit status 1, never a traceback.

    The one place where the commands' storage failures become sentences too: whatever SQLite
    or the file system raised that the store did not already turn into a StorageError (a
    read outside a transaction, an output file) is sorted by ``store.faults``; only what it
    does not recognise (a bug of ours) still ends in a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        project = kwargs.get("project")
        try:
            with sqlite_errors(Path(project)) if project is not None else nullcontext():
                return func(*args, **kwargs)
        except AnnotatorError as exc:
            fail(str(exc))
        except OSError as exc:
            # An output or input file of the command (the project's own are mapped above).
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{(exc.strerror or str(exc)).lower()}")

    return wrapper  # type: ignore[return-value]


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def name_list(text: str | None) -> list[str] | None:
    """A comma-separated option as a list of names; None when the option was not given."""
    return [n.strip() for n in text.split(",") if n.strip()] if text else None
