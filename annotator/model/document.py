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

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)
