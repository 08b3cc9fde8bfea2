"""Optional modules kept out of an import: a library that imports them whenever they are
installed, only to recognise their objects, is imported (or first used) while they are
refused, then they are allowed again at once, so any later ``import`` works as usual."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType


class _Refused(MetaPathFinder):
    """Fails the import of the named top-level modules (and their submodules) at once."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in self.names:
            raise ModuleNotFoundError(f"{fullname} is kept out of this import", name=fullname)
        return None


@contextmanager
def marked_absent(names: Sequence[str]) -> Iterator[None]:
    """Within the block, importing any of ``names`` not imported yet fails at once with
    ModuleNotFoundError. A finder, not ``sys.modules[name] = None``: Cython modules (pyarrow)
    take a None found there for the module itself."""
    refused = _Refused([name for name in names if name not in sys.modules])
    if not refused.names:
        yield
        return
    sys.meta_path.insert(0, refused)
    try:
        yield
    finally:
        sys.meta_path.remove(refused)
