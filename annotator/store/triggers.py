"""A trigger set aside for the length of a bulk write, then made again from its own stored
SQL: the write does in one statement at its end what the trigger did per row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from annotator.store.database import Database


@contextmanager
def trigger_paused(db: Database, name: str) -> Iterator[bool]:
    """Drop trigger ``name`` for the body; yields whether there was one (a file from before
    its migration has none, and then nothing is to be made up for). Run inside the write's
    transaction: a failure or a kill rolls the drop back with the rest, so the trigger is
    made again only after a body that finished."""
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    ).fetchone()
    if found is None:
        yield False
        return
    db.execute(f"DROP TRIGGER {name}")
    yield True
    db.execute(found[0])
