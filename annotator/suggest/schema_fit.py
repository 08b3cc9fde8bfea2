"""Whether a project's schema can hold the suggester's layer: its labels and links by name.

The suggester writes QUOTE, SPEAKER and CUE spans joined by ``attributed_to``, ``cued_by``
and ``continues``, whatever else the project's schema calls its labels (there is no mapping).
A project whose schema lacks any of them would get a layer its annotators could neither see
nor accept, and scores against nothing, so suggesting and scoring are refused before
anything is computed. Attributes are optional: ``quote_type`` and ``speaker`` are kept on
accepting only where the schema has them.
"""

from __future__ import annotations

from annotator.errors import AnnotatorError
from annotator.model.schema import Schema

LABELS = ("QUOTE", "SPEAKER", "CUE")
RELATIONS = ("attributed_to", "cued_by", "continues")
#: Each relation's head and child label, as the suggester writes it.
ENDS = {
    "attributed_to": ("QUOTE", "SPEAKER"),
    "cued_by": ("QUOTE", "CUE"),
    "continues": ("QUOTE", "QUOTE"),
}


class SchemaMismatch(AnnotatorError):
    """The project's schema lacks a label or relation the suggester writes."""


def missing_from(schema: Schema) -> list[str]:
    """The suggester's labels and relation types that ``schema`` does not define, in order;
    a relation that is defined but not between the labels the suggester links reads
    "cued_by from QUOTE to CUE"."""
    labels = [name for name in LABELS if schema.label(name) is None]
    relations: list[str] = []
    for name in RELATIONS:
        relation = schema.relation(name)
        head, child = ENDS[name]
        if relation is None:
            relations.append(name)
        elif head not in relation.head or child not in relation.child:
            # Accepting would copy a link the schema forbids: "annotator check" flags it.
            relations.append(f"{name} from {head} to {child}")
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
