"""A trigger (or an index) set aside for the length of a bulk write, then made again from its
own stored SQL: the write does in one statement at its end what the trigger did per row (the
index is built by one sort instead of an insert per row)."""

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
    with _set_aside(db, "trigger", name) as found:
        yield found


@contextmanager
def index_paused(db: Database, name: str) -> Iterator[bool]:
    """:func:`trigger_paused` for index ``name``: made again after the body, in one pass."""
    with _set_aside(db, "index", name) as found:
        yield found


@contextmanager
def _set_aside(db: Database, kind: str, name: str) -> Iterator[bool]:
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", [kind, name]
    ).fetchone()
    if found is None:
        yield False
        return
    db.execute(f"DROP {kind.upper()} {name}")
    yield True
    db.execute(found[0])
