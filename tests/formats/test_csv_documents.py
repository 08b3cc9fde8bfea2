"""CSV documents: a text column, optional id and title, the rest into meta; errors by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.formats.csv_documents import read_csv_documents

DATA = Path(__file__).parent / "data" / "csv"


def test_rows_become_documents_with_meta() -> None:
    [(first, sets), (second, _)] = read_csv_documents(DATA / "articles.csv")
    assert (first.id, first.title, first.meta) == ("a1", "Talks", {"source": "wire"})
    assert first.text == 'Peskov 😀 said:\r\n"We are satisfied."'  # kept exactly
    assert (second.id, second.title) == ("a2", "Second article.")
    assert sets == []


def test_another_text_column_and_generated_ids(tmp_path: Path) -> None:
    path = tmp_path / "t.tsv"
    path.write_text("body\tlang\nHello there\ten\nHello there\ten\n", encoding="utf-8")
    found = read_csv_documents(path, text_column="body")
    assert [d.id for d, _ in found] == ["t-1", "t-2"]
    assert found[0][0].meta == {"lang": "en"}


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("id,body\n1,x\n", 'no column "text" (the columns are id, body)', 1),
        ("id,text\n1,x\n2\n", "the row has 1 fields, the header 2", 3),
        ("id,text\n", "the table has no rows", None),
    ],
)
def test_bad_tables_name_the_line(tmp_path: Path, content: str, problem: str, line: int) -> None:
    path = tmp_path / "x.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_csv_documents(path)
    assert caught.value.problem == problem and caught.value.line == line


def test_bad_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"id,text\n1,ok\n2,caf\xe9\n")
    with pytest.raises(InputError) as caught:
        read_csv_documents(path)
    assert caught.value.line == 3 and "not valid UTF-8" in caught.value.problem
