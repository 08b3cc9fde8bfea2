"""A document: immutable text with a stable id, a title and free-form meta."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from annotator.model.ids import DocumentId


def text_sha256(text: str) -> str:
    """The hash that ties offsets to one exact text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    id: DocumentId
    text: str
    title: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    #: Computed from the text unless the caller already knows it (the store does).
    sha256: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))
