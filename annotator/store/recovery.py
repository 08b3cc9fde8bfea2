"""Damage and recovery: what a damaged project still holds, read one batch (or, where a batch
hits damage, one document) at a time; text whose checksum fails; the newest good backup.

SQLite notices damage to the pages a query reads; text whose bytes changed inside a page
passes SQLite's checks and only the stored checksums of each document tell (``text_damage``).
Nothing here writes: the project is open read-only (``Project.open(path, recovery=True)``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from annotator.errors import AnnotatorError
from annotator.model import Document, DocumentId, Speaker, Target
from annotator.model.document import text_crc32, text_sha256
from annotator.store.backup import backups_dir
from annotator.store.bulk import Bulk
from annotator.store.connection import connect, refuse_unless_ours, tidy_after_reader
from annotator.store.database import Database
from annotator.store.registries import Speakers, Targets
from annotator.store.rows import document_from_row

TEXT_MISMATCH = "its text no longer matches its checksum; the file is damaged"
UNREADABLE = "unreadable (the file is damaged there); left out"
SETS_UNREADABLE = "its annotation sets are unreadable (the file is damaged there); left out"
#: What a damaged page raises: SQLite's "malformed", text that no longer decodes, or JSON
#: columns that no longer parse.
_READ_FAILURES = (sqlite3.DatabaseError, ValueError)
#: The same, for the window's read-only view of a damaged project to catch.
READ_FAILURES = _READ_FAILURES
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Damage:
    """Something of the project that could not be read, or no longer reads true."""

    document: DocumentId | None
    problem: str

    def message(self) -> str:
        return f"document {self.document}: {self.problem}" if self.document else self.problem


def text_damage(document: Document, thorough: bool = False) -> Damage | None:
    """The damage of a document whose text no longer matches the checksum stored with it.

    Its CRC32 where the store read one (exports: five to eight times faster), else, or when
    ``thorough`` (``annotator check``), its sha256. A CRC32 that differs is damage to the
    text or to the checksum itself: the sha256 tells which, so a good text is never lost."""
    fast = not thorough and document.crc32 is not None
    if fast and text_crc32(document.text) == document.crc32:
        return None
    if text_sha256(document.text) != document.sha256:
        return Damage(document.id, TEXT_MISMATCH)
    return None


class Salvage:
    """Reads of a damaged project that skip what fails and say so, instead of failing whole.

    Each read appends a :class:`Damage` to the caller's list for what it had to leave out.
    The usual one-query-per-batch reads are tried first; only a batch that fails is read
    again document by document, so an undamaged project costs no more than a normal export.
    """

    def __init__(self, db: Database, bulk: Bulk) -> None:
        self._db = db
        self._bulk = bulk

    def documents(self, batch: int, damage: list[Damage]) -> Iterator[list[Document]]:
        """Every readable document in import order, ``batch`` at a time."""
        rowids = self._rowids(damage)
        names = self._names()
        for i in range(0, len(rowids), batch):
            chunk = rowids[i : i + batch]
            found = _attempt(self._documents, chunk)
            if found is None:
                found = {}
                for rowid in chunk:
                    one = _attempt(self._documents, [rowid])
                    if one is None:
                        name = names.get(rowid, DocumentId(f"at row {rowid}"))
                        damage.append(Damage(name, UNREADABLE))
                    else:
                        found.update(one)
            yield [found[r] for r in chunk if r in found]

    def _rowids(self, damage: list[Damage]) -> list[int]:
        """Rowids in import order, from the ``ord`` index if it reads, else from the table
        as far as it reads."""
        try:
            return [r[0] for r in self._db.execute("SELECT rowid FROM documents ORDER BY ord")]
        except _READ_FAILURES:
            pass
        rowids: list[int] = []
        try:
            for (rowid,) in self._db.execute("SELECT rowid FROM documents ORDER BY rowid"):
                rowids.append(rowid)
        except _READ_FAILURES:
            damage.append(Damage(None, "the list of documents is damaged; some may be missing"))
        return rowids

    def _names(self) -> dict[int, DocumentId]:
        """Document ids by rowid from the id index, to name documents whose row is unreadable."""
        try:
            return {
                rowid: DocumentId(did)
                for rowid, did in self._db.execute(
                    "SELECT rowid, id FROM documents INDEXED BY sqlite_autoindex_documents_1"
                )
            }
        except _READ_FAILURES:
            return {}

    def _documents(self, rowids: Sequence[int]) -> dict[int, Document]:
        marks = ",".join("?" * len(rowids))
        return {
            row[0]: document_from_row(row[1:])
            for row in self._db.execute(
                f"SELECT rowid, id, title, text, meta, sha256 FROM documents "
                f"WHERE rowid IN ({marks})",
                list(rowids),
            )
        }

    def sets(
        self,
        documents: Sequence[DocumentId],
        read: Callable[[Sequence[DocumentId]], dict[DocumentId, list[_T]]],
        damage: list[Damage],
    ) -> dict[DocumentId, list[_T]]:
        """``read`` (``Bulk.export_rows`` or ``Bulk.sets_for``) over ``documents``, one
        document at a time where the batch fails; a document whose sets cannot be read keeps
        none of them (a part of a set would pass for the whole)."""
        whole = _attempt(read, documents)
        if whole is not None:
            return whole
        found: dict[DocumentId, list[_T]] = {}
        for document in documents:
            one = _attempt(read, [document])
            if one is None:
                damage.append(Damage(document, SETS_UNREADABLE))
            else:
                found.update(one)
        return found

    def registry(self, damage: list[Damage]) -> list[Speaker | Target]:
        """The speaker and target registries, or none of them if they are unreadable."""
        speakers, targets = _attempt(Speakers(self._db).all), _attempt(Targets(self._db).all)
        if speakers is None or targets is None:
            damage.append(
                Damage(None, "the speaker and target registries are unreadable; left out")
            )
            return []
        return [*speakers, *targets]


def _attempt(read: Callable[..., _T], *args: Any) -> _T | None:
    """``read(*args)``, or None where it hits damage."""
    try:
        return read(*args)
    except _READ_FAILURES:
        return None


def newest_good_backup(project_path: Path) -> Path | None:
    """The newest backup of ``project_path`` that is an Annotator project this version can
    open and that passes SQLite's quick check; None if there is none. Read-only: the
    backups stay byte-identical. For the window to offer when a project is damaged."""
    folder = backups_dir(project_path)
    if not folder.is_dir():
        return None
    candidates = sorted(
        (p for p in folder.glob("*.db") if not p.name.startswith(".") and p.is_file()),
        key=lambda p: (p.stat().st_mtime, p.name),
        reverse=True,
    )
    for candidate in candidates:
        if _good(candidate):
            return candidate
    return None


def _good(backup: Path) -> bool:
    try:
        conn = connect(backup, read_only=True)
    except AnnotatorError:
        return False
    try:
        refuse_unless_ours(backup, conn, Database(conn), read_only=True)
        return str(conn.execute("PRAGMA quick_check").fetchone()[0]) == "ok"
    except (AnnotatorError, *_READ_FAILURES):
        return False
    finally:
        conn.close()
        tidy_after_reader(backup)
