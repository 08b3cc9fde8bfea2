"""The only package that speaks SQL: the project file, its migrations, backups and queries."""

import importlib
import sys


def _import_sqlite_utils_lean() -> None:
    """sqlite-utils imports pandas and numpy whenever they are installed, for column types we
    never use: about 80 MB of memory and most of a second on every command. Import it with
    both hidden; anything that imports them later gets them as usual."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils")
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


_import_sqlite_utils_lean()

from annotator.store.project import Project  # noqa: E402

__all__ = ["Project"]
