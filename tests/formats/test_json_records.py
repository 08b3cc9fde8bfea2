"""Peer JSON files as records: JSON Lines streamed one line at a time, other shapes whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.formats.json_records import iter_records, read_records

SHAPES = {
    "lines": '\ufeff{"text": "a 😀"}\n\n{"text": "b"}\r\n{"text": "c"}\n',
    "array": '[{"text": "a 😀"}, {"text": "b"}]',
    "one object over lines": '{\n  "text": "a 😀",\n  "label": []\n}\n',
    "one object on a line": '{"text": "a 😀"}',
}


@pytest.mark.parametrize("shape", SHAPES)
def test_streamed_records_are_the_records_read_whole(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "peer.jsonl"
    path.write_text(SHAPES[shape], encoding="utf-8")
    assert list(iter_records(path)) == read_records(path)


def test_a_broken_line_is_named_after_the_records_before_it(tmp_path: Path) -> None:
    path = tmp_path / "peer.jsonl"
    path.write_text('{"text": "a"}\n{"text": "b"}\n{"text": \n{"text": "d"}\n', encoding="utf-8")
    records = iter_records(path)
    assert [r.value["text"] for r in (next(records), next(records))] == ["a", "b"]
    with pytest.raises(InputError) as caught:
        next(records)
    assert str(caught.value).startswith(f"{path}, line 3: not valid JSON")


@pytest.mark.parametrize("content", ["", "\n \n", "\ufeff"])
def test_an_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "peer.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="the file is empty"):
        list(iter_records(path))
