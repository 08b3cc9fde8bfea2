"""Optional modules kept out of an import: a library that imports them whenever they are
installed, only to recognise their objects, is imported (or first used) while they are
refused, then they are allowed again at once, so any later ``import`` works as usual.

The refusal is the calling thread's alone: the finder sits on the process-wide
``sys.meta_path``, and another thread (the window's, an export's worker) that imports one of
the modules meanwhile must get it. At worst such a thread brings it in during the block, and
the library then sees it, as it would without the block: only a little time is lost."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType


class _Refused(MetaPathFinder):
    """Fails the import of the named top-level modules (and their submodules) at once, in
    the thread that made it only."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)
        self.thread = threading.get_ident()

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in self.names and threading.get_ident() == self.thread:
            raise ModuleNotFoundError(f"{fullname} is kept out of this import", name=fullname)
        return None


@contextmanager
def marked_absent(names: Sequence[str]) -> Iterator[None]:
    """Within the block, importing any of ``names`` not imported yet fails at once with
    ModuleNotFoundError in this thread (other threads import them as usual). A finder, not
    ``sys.modules[name] = None``: Cython modules (pyarrow) take a None found there for the
    module itself, and that would refuse every thread."""
    refused = _Refused([name for name in names if name not in sys.modules])
    if not refused.names:
        yield
        return
    sys.meta_path.insert(0, refused)
    try:
        yield
    finally:
        sys.meta_path.remove(refused)
