"""The project's connection as the store's modules use it: statements, transactions, tables.

A thin layer over ``sqlite3`` with sqlite-utils' semantics for the three things the store
asks of a database (``execute``, ``atomic``, ``conn``), plus whether a table exists.
sqlite-utils itself is imported only where its work is done, applying migrations
(``migrations.migrate``): importing it brings click, pluggy and dateutil, about a tenth of
a second of every start of the window, which reads and edits without them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import Any

# Statements that begin or end transactions themselves: never committed on their behalf.
_TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
_savepoints = count(1)


class Database:
    """One open connection of the project (a writer's or a reader's)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # As sqlite-utils sets it: a trigger's own writes fire the triggers on those rows
        # (the full-text index and the set counts are kept by triggers).
        conn.execute("PRAGMA recursive_triggers=on")

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """Run one statement. A write outside a transaction is committed at once (as with
        sqlite-utils, whatever the connection's transaction mode); inside one it joins it."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                # The failed statement opened a transaction nothing would ever commit.
                conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and cursor.description is None
            and _first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            conn.execute("COMMIT")
        return cursor

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction around the block; inside another, a savepoint (so an inner
        failure undoes only its own part)."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"annotator_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger may already have ended the whole transaction.
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def reading_through(self, reader: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        """Statements run on ``reader`` inside the block; yields the connection they ran on
        until then, for the caller to lend to a job meanwhile."""
        own, self.conn = self.conn, reader
        try:
            yield own
        finally:
            self.conn = own

    def table_exists(self, name: str) -> bool:
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
        ).fetchone()
        return found is not None


def _first_keyword(sql: str) -> str:
    words = sql.lstrip(" \t\r\n;(").split(None, 1)
    return words[0].upper().rstrip(";") if words else ""
