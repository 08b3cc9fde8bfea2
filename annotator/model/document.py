"""A document: immutable text with a stable id, a title and free-form meta."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from typing import Any

from annotator.model.ids import DocumentId


def text_sha256(text: str) -> str:
    """The hash that ties offsets to one exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_crc32(text: str) -> int:
    """A fast checksum of the text (about 1 GB/s against sha256's 120-200 MB/s): what an
    export checks every text against; ``annotator check`` keeps to the sha256."""
    return zlib.crc32(text.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Document:
    id: DocumentId
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    #: Computed from the text unless the caller already knows it (the store does).
    sha256: str = field(default="", compare=False, repr=False)
    #: The stored CRC32 of the text (migration 0007), as the store read it; None where the
    #: store did not read one (a file before 0007, the reads of a damaged file).
    crc32: int | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))
