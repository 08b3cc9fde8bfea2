"""The cyclic garbage collector paused over bulk work (imports, exports, agreement)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Bulk work allocates millions of small objects and makes no cycles; the cyclic
    collector would walk the heap again and again for nothing (a sixth of an import's time,
    a quarter of an export's in a process that holds a large heap, such as the window, a
    third of an agreement report's at 10,000 documents)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
