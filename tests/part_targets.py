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


def dying(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """Writes a little, then ends without a word, as a killed process does."""
    part.write(b'{"id": "half a line')
    part.flush()
    os._exit(3)


def reading_forever(part: IO[bytes], tick: Callable[[], None], *args: Any) -> None:
    """Reads on and on, until it is stopped."""
    while True:
        tick()
