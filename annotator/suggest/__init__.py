"""Pre-annotation: rule-based QUOTE, SPEAKER and CUE suggestions for English news text.

Pure functions over the model: this package imports only ``annotator.model``,
``annotator.errors``, ``annotator.formats`` (to read gold JSONL in evaluation) and the standard
library, never Qt, SQLite or the store (checked by tests/suggest/test_imports.py).
"""

from annotator.suggest.detector import ANNOTATOR, Detector, suggest
from annotator.suggest.lexicon import Lexicon, default_lexicon_path, load_lexicon, parse_lexicon

__all__ = [
    "ANNOTATOR",
    "Detector",
    "Lexicon",
    "default_lexicon_path",
    "load_lexicon",
    "parse_lexicon",
    "suggest",
]
