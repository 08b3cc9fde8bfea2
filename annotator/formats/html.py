"""Saved news pages: the article's main text, title, byline, date and URL via trafilatura.

The extracted text is what gets annotated; boilerplate (navigation, cookie banners, related
links, footers) is dropped; the metadata goes into the document's meta. trafilatura is the
optional ``html`` extra (with ``lxml_html_clean``, which its jusText fallback imports).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.formats.raw_layer import first_line, textless, unique_id
from annotator.formats.source import read_bytes
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId

SUFFIXES = (".html", ".htm", ".xhtml")
_META = ("author", "date", "url", "sitename", "hostname", "description", "language")
_MISSING = "HTML import needs trafilatura: pip install 'annotator[html]'"


def _extract(path: Path, data: bytes) -> dict[str, Any]:
    try:
        import trafilatura
    except ImportError:
        raise AnnotatorError(_MISSING) from None
    try:
        result = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False
        )
    except ImportError:  # lxml_html_clean, needed by the jusText fallback
        raise AnnotatorError(_MISSING) from None
    except Exception as exc:  # a parser failure on hostile input is the file's problem
        raise InputError(path, f"cannot be read as HTML ({type(exc).__name__})") from None
    if result is None:
        return {}
    return result if isinstance(result, dict) else dict(result.as_dict())


def read_html(
    path: Path, summary: TransferSummary | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """One document per page: a ``.html`` file or a folder of them (id = file name)."""
    summary = summary if summary is not None else TransferSummary()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
        if not files:
            raise InputError(path, "the folder holds no .html files")
    else:
        files = [path]
    out: list[tuple[Document, list[AnnotationSet]]] = []
    seen: set[str] = set()
    for file in files:
        found = _extract(file, read_bytes(file))
        text = found.get("text")
        if not isinstance(text, str) or textless(text):
            # a page with no article (an index, a paywall) does not stop the other pages
            summary.skip_textless(str(file))
            continue
        meta = {k: found[k] for k in _META if isinstance(found.get(k), str) and found[k]}
        meta["file"] = file.name
        title = found.get("title")
        document = Document(
            DocumentId(unique_id(file.stem, seen)),
            text,
            title if isinstance(title, str) and title else first_line(text),
            meta,
        )
        out.append((document, []))
        summary.documents += 1
    return out
