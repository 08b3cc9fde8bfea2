"""Plain text documents: a ``.txt`` file (or a folder of them) becomes one document each."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.source import EmptyFileError, read_utf8
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


def text_documents(path: Path, textless: Callable[[str], None]) -> Iterator[Document]:
    """The document of a ``.txt`` file, or of each in a folder. A folder's file without
    text is passed to ``textless`` (where it is) and skipped, as every format skips a
    document without text; a file named alone and empty is refused (nothing to import)."""
    if not path.is_dir():
        yield read_text_document(path)
        return
    for file in text_files(path):
        try:
            document = read_text_document(file)
        except EmptyFileError:
            textless(str(file))
            continue
        yield document
