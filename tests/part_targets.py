"""Second-process targets that go wrong, for tests/test_export_halves.py: the second
process imports them by name (its path is the test run's, the tests' folder on it)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO, Any


def failing(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """Writes a few lines' worth, then fails, as a read error there would."""
    part.write(b'{"id": "half a line')
    raise RuntimeError("the second process failed")


def failing_after_300(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """The real second half, failing at its 300th document (after telling 256 of them)."""
    from annotator.transfer.exporting import _write_half

    seen = 0

    def counted() -> None:
        nonlocal seen
        tick()
        seen += 1
        if seen == 300:
            raise RuntimeError("the second process failed on its 300th document")

    _write_half(part, counted, *args)


def dying(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """Writes a little, then ends without a word, as a killed process does."""
    part.write(b'{"id": "half a line')
    part.flush()
    os._exit(3)


def reading_forever(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """Reads on and on, until it is stopped."""
    while True:
        tick()
