"""Whether a project's schema can hold the suggester's layer: its labels and links by name.

The suggester writes QUOTE, SPEAKER and CUE spans joined by ``attributed_to``, ``cued_by``
and ``continues``. A project whose schema lacks any of them would get a layer its annotators
could neither see nor accept, so suggesting is refused before anything is computed.
"""

from __future__ import annotations

from annotator.errors import AnnotatorError
from annotator.model.schema import Schema

LABELS = ("QUOTE", "SPEAKER", "CUE")
RELATIONS = ("attributed_to", "cued_by", "continues")


class SchemaMismatch(AnnotatorError):
    """The project's schema lacks a label or relation the suggester writes."""


def missing_from(schema: Schema) -> list[str]:
    """The suggester's labels and relation types that ``schema`` does not define, in order."""
    labels = [name for name in LABELS if schema.label(name) is None]
    relations = [name for name in RELATIONS if schema.relation(name) is None]
    return labels + relations


def check_schema(schema: Schema, origin: str) -> None:
    """Raise :class:`SchemaMismatch` naming ``origin`` (the project) and what its ``schema``
    lacks for the suggester."""
    missing = missing_from(schema)
    if missing:
        raise SchemaMismatch(
            f"{origin}: the schema {schema.name!r} has no {', '.join(missing)}, "
            f"which the suggester writes (labels {', '.join(LABELS)}, "
            f"relations {', '.join(RELATIONS)}): "
            "add them to the schema to use suggestions."
        )
