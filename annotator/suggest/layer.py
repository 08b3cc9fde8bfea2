"""The name of the suggester's layer, known without loading the suggester."""

from __future__ import annotations

from annotator.model import AnnotatorName
from annotator.model.ids import SUGGEST_PREFIX

ANNOTATOR = AnnotatorName(f"{SUGGEST_PREFIX}rules")
"""The suggester's layer: its sets are the suggestions the annotators accept or reject."""
