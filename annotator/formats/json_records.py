"""Peer JSON files as records: one JSON array, one object, or JSON Lines, with locations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from annotator.errors import InputError
from annotator.formats.lines import numbered_lines
from annotator.formats.source import read_bytes, utf8_problem


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One top-level object of a peer file and where it was: a JSONL line or an array item."""

    value: Any
    index: int
    line: int | None

    def error(self, path: Path, noun: str, problem: str) -> InputError:
        """``problem`` located by line (JSON Lines) or by ``noun`` and position (an array)."""
        if self.line is not None:
            return InputError(path, problem, self.line)
        return InputError(path, f"{noun} {self.index}: {problem}")

    def place(self, path: Path, noun: str) -> str:
        """Where the record is, as :meth:`error` names it: ``file, line 3`` or ``file task 2``."""
        return (
            f"{path}, line {self.line}" if self.line is not None else f"{path} {noun} {self.index}"
        )


def _decode_error(
    path: Path, data: bytes, exc: orjson.JSONDecodeError, base: int = 0
) -> InputError:
    problem = utf8_problem(data)
    if problem:
        return InputError(path, problem)
    line = getattr(exc, "lineno", None)
    return InputError(path, f"not valid JSON ({exc.msg})", base + line if line else None)


def read_records(path: Path) -> list[JsonRecord]:
    """Every record of ``path``: the items of a JSON array, a single JSON object (even
    pretty-printed in a ``.jsonl`` file, as doccano's examples are), or one object per line."""
    data = read_bytes(path)
    head = data.lstrip(b" \t\r\n")
    if head.startswith(b"["):
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise _decode_error(path, data, exc) from None
        if not isinstance(value, list):
            raise InputError(path, "the file must hold a JSON array or objects")
        return [JsonRecord(item, index, None) for index, item in enumerate(value, start=1)]
    if not head.startswith(b"{"):
        raise InputError(path, "not a JSON file (it does not start with { or [)")
    try:
        whole = orjson.loads(data)
    except orjson.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [JsonRecord(whole, 1, 1)]
    records: list[JsonRecord] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            problem = utf8_problem(line) or f"not valid JSON ({exc.msg})"
            raise InputError(path, problem, number) from None
        records.append(JsonRecord(value, len(records) + 1, number))
    return records


def iter_records(path: Path) -> Iterator[JsonRecord]:
    """The records of :func:`read_records`, JSON Lines read one line at a time: only the
    record at hand is in memory, not the file's bytes and every parsed line besides. A JSON
    array, or one object spread over lines, can only be parsed whole, and is."""
    lines = numbered_lines(path)
    number, line = next(lines)  # an empty file is refused by numbered_lines itself
    try:
        value = orjson.loads(line) if line.lstrip().startswith(b"{") else None
    except orjson.JSONDecodeError:
        value = None  # a pretty-printed object's first line, or a broken one: read whole
    if not isinstance(value, dict):
        lines.close()
        yield from read_records(path)
        return
    yield JsonRecord(value, 1, number)
    for index, (number, line) in enumerate(lines, start=2):
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            problem = utf8_problem(line) or f"not valid JSON ({exc.msg})"
            raise InputError(path, problem, number) from None
        yield JsonRecord(value, index, number)


def as_object(record: JsonRecord, path: Path, noun: str) -> dict[str, Any]:
    if not isinstance(record.value, dict):
        raise record.error(path, noun, f"each {noun} must be a JSON object")
    return record.value
