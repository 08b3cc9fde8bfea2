"""Saved news pages: the article text and its metadata, boilerplate dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.html import read_html
from annotator.formats.summary import TransferSummary

DATA = Path(__file__).parent / "data" / "html"


def test_main_text_title_byline_date_and_url() -> None:
    [(document, sets)] = read_html(DATA / "article.html")
    assert document.id == "article" and sets == []
    assert document.title == "Kremlin welcomes talks"
    assert document.meta["author"] == "Jane Reporter"
    assert document.meta["date"] == "2025-02-16"
    assert document.meta["url"] == "https://news.example.org/world/kremlin-welcomes-talks"
    assert "Dmitry Peskov told reporters" in document.text and "😀" in document.text
    for boilerplate in ("cookies", "Most read", "All rights reserved", "Subscribe"):
        assert boilerplate not in document.text


def test_a_page_without_an_article_is_skipped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>")
    summary = TransferSummary()
    assert read_html(path, summary) == [] and summary.textless == [str(path)]


def test_missing_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_trafilatura(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[html\]'"):
        read_html(DATA / "article.html")
