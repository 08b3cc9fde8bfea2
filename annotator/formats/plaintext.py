"""Plain text documents: a ``.txt`` file (or a folder of them) becomes one document each."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import InputError
from annotator.formats.source import read_utf8
from annotator.model import Document, DocumentId


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_document(path: Path) -> Document:
    """id = file name without extension, title = first non-empty line, text with LF newlines."""
    text = normalise_newlines(read_utf8(path))
    title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return Document(DocumentId(path.stem), text, title)


def text_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        raise InputError(folder, "the folder holds no .txt files")
    return files
