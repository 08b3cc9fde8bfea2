"""Pre-annotation: rule-based QUOTE, SPEAKER and CUE suggestions for English news text.

Pure functions over the model: this package imports only ``annotator.model``,
``annotator.errors``, ``annotator.formats`` (to read gold JSONL in evaluation) and the standard
library, never Qt, SQLite or the store (checked by tests/suggest/test_imports.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from annotator.suggest.layer import ANNOTATOR

if TYPE_CHECKING:
    from annotator.suggest.detector import Detector, suggest
    from annotator.suggest.lexicon import (
        Lexicon,
        default_lexicon_path,
        load_lexicon,
        parse_lexicon,
    )

# The window imports this package for ANNOTATOR and the Suggestion record at every start;
# the detector (its lexicon, sentence and clause rules) loads on first use, not then.
_LAZY = {
    "Detector": "annotator.suggest.detector",
    "suggest": "annotator.suggest.detector",
    "Lexicon": "annotator.suggest.lexicon",
    "default_lexicon_path": "annotator.suggest.lexicon",
    "load_lexicon": "annotator.suggest.lexicon",
    "parse_lexicon": "annotator.suggest.lexicon",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "ANNOTATOR",
    "Detector",
    "Lexicon",
    "default_lexicon_path",
    "load_lexicon",
    "parse_lexicon",
    "suggest",
]
