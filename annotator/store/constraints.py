"""The CHECK constraints of the tables a bulk write fills (migration 0001 and 0004), made in
Python once per row while SQLite skips its own (``ignore_check_constraints``) for the length
of a bulk import.

Why: SQLite codes the list of ``status IN ('todo', ...)`` as a small table that it builds
again for every row checked (a CHECK constraint's code has no run-once guard), about 10,000
instructions per annotation set: 7% of an import of short records. The same test in Python
costs a set lookup. Each failure is the very ``sqlite3.IntegrityError`` SQLite would raise,
with its wording, so whoever caught SQLite's sees no difference.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter, lt
from typing import Any

from annotator.model import Status
from annotator.store.database import Database

#: ``annotation_sets.status``: what its CHECK lets in.
STATUSES = frozenset(s.value for s in Status)
_STATUS_CHECK = "status IN ('todo', 'in_progress', 'done', 'skipped')"
_SPAN_CHECK = 'start >= 0 AND "end" > start'
_SECONDS_CHECK = "seconds >= 0"
_START, _END, _THIRD = itemgetter(3), itemgetter(4), itemgetter(2)


def _failed(check: str) -> sqlite3.IntegrityError:
    return sqlite3.IntegrityError(f"CHECK constraint failed: {check}")


def check_spans(rows: Sequence[tuple[Any, ...]]) -> None:
    """``spans``' CHECK over rows of (document, annotator, name, start, end, ...)."""
    # Iterated in C (map, all, min): a Python step per span would cost what it saves.
    starts = list(map(_START, rows))
    if min(starts, default=0) < 0 or not all(map(lt, starts, map(_END, rows))):
        raise _failed(_SPAN_CHECK)


def check_statuses(rows: Iterable[tuple[Any, ...]]) -> None:
    """``annotation_sets``' CHECK over rows of (document, annotator, status, ...)."""
    if not STATUSES.issuperset(map(_THIRD, rows)):
        raise _failed(_STATUS_CHECK)


def check_seconds(rows: Iterable[tuple[str, str, float]]) -> None:
    """``active_time``'s CHECK over rows of (document, annotator, seconds)."""
    if min(map(_THIRD, rows), default=0) < 0:
        raise _failed(_SECONDS_CHECK)


@contextmanager
def checked_in_python(db: Database) -> Iterator[None]:
    """SQLite skips CHECK constraints in the body, a bulk write whose rows are checked by the
    functions above (``Bulk.insert_values`` always checks them). Only what the body writes
    is concerned: the setting belongs to the connection and is set back after, also when the
    body fails."""
    db.execute("PRAGMA ignore_check_constraints=ON")
    try:
        yield
    finally:
        db.execute("PRAGMA ignore_check_constraints=OFF")
