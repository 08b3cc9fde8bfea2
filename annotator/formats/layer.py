"""One annotation layer as the training writers read it, and where they write it.

A writer takes ``(Document, AnnotationSet | None)`` items: the documents of the chosen layer
(``gold``, or one annotator) with that layer's set, None when the document has none in it.
The output is a path or an open binary stream.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from annotator.errors import AnnotatorError
from annotator.model import AnnotationSet, Document

LayerItem = tuple[Document, AnnotationSet | None]
Layer = Iterable[LayerItem]
Output = Path | IO[bytes]


@contextmanager
def binary_output(out: Output) -> Iterator[IO[bytes]]:
    """A stream to write to: the caller's own stream (left open), or the file at ``out``."""
    if not isinstance(out, Path):
        yield out
        return
    try:
        handle = out.open("wb")
    except OSError as exc:
        raise AnnotatorError(f"{out}: cannot write there ({exc.strerror})") from None
    with handle:
        yield handle


@contextmanager
def text_output(out: Output) -> Iterator[IO[str]]:
    """UTF-8 text over :func:`binary_output`, with newlines written as given (csv needs that)."""
    with binary_output(out) as raw:
        wrapper = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            # Leave the caller's stream open: the wrapper would close it with itself.
            wrapper.detach()
