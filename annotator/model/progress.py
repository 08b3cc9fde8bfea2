"""How long work reports how far it got, and how a user stops it.

Imports, exports, merges and agreement take a ``Progress`` callback: the command line
draws it as a bar on stderr, the window as a progress dialog. The callback raises
``Cancelled`` to stop the work; the work then leaves the project as it was (an import or
merge rolls its one transaction back, an export removes its partial output).
"""

from __future__ import annotations

from collections.abc import Callable

# Called with how many units are done and how many there are (None when not known yet).
Progress = Callable[[int, int | None], None]


class Cancelled(Exception):
    """The user stopped the work; nothing it would have changed was changed."""


def no_progress(done: int, total: int | None) -> None:
    """The Progress of work nobody watches."""
