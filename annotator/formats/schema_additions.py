"""What ``--add-labels`` adds to a schema: the peer's labels, relations, attributes and values.

New labels get no key (the window's keys stay as the user chose them) and a colour from the
palette; a new relation takes the labels its ends carried in the data, an existing one whose
ends did not fit takes those labels too; a new attribute is free text on the labels it was
found on; a value a closed attribute lacked is appended to its list.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.formats.label_map import MappedImport
from annotator.model import AttrValue
from annotator.model.schema import Attribute, Label, RelationType, Schema, parse_schema
from annotator.model.schema_writer import to_toml

#: Okabe-Ito, as the window's own new labels: told apart by colour-blind readers too.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")


def needs_additions(mapped: MappedImport) -> bool:
    return bool(
        mapped.new_labels or mapped.new_relations or mapped.new_attributes or mapped.new_values
    )


def describe_additions(mapped: MappedImport) -> list[str]:
    """One line per kind of addition, for the import report and preview."""
    out: list[str] = []
    if mapped.new_labels:
        out.append("labels " + ", ".join(mapped.new_labels))
    if mapped.new_relations:
        listed = (
            f"{name} ({'/'.join(head)} -> {'/'.join(child)})"
            for name, head, child in mapped.new_relations
        )
        out.append("relations " + ", ".join(listed))
    if mapped.new_attributes:
        listed = (f"{name} (on {', '.join(on)})" for name, on in mapped.new_attributes)
        out.append("attributes " + ", ".join(listed))
    if mapped.new_values:
        out.append("values " + ", ".join(f"{a}={v}" for a, v in mapped.new_values))
    return out


def _union(first: tuple[str, ...], more: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(n for n in more if n not in first)


def _typed(value: AttrValue, attribute: Attribute) -> AttrValue:
    """A value read as text takes the attribute's type when all its values are numbers."""
    if not isinstance(value, str) or not attribute.values:
        return value
    if all(isinstance(v, int) for v in attribute.values):
        try:
            return int(value)
        except ValueError:
            return value
    if all(isinstance(v, int | float) for v in attribute.values):
        try:
            return float(value)
        except ValueError:
            return value
    return value


def with_additions(schema: Schema, mapped: MappedImport) -> Schema:
    """``schema`` with everything ``mapped`` asks for added, its TOML regenerated and checked."""
    labels = list(schema.labels)
    for name in mapped.new_labels:
        if schema.label(name) is None:
            labels.append(Label(name, "", PALETTE[len(labels) % len(PALETTE)]))
    relations = list(schema.relations)
    for name, head, child in mapped.new_relations:
        index = next((i for i, r in enumerate(relations) if r.name == name), None)
        if index is None:
            relations.append(RelationType(name, head, child))
        else:
            known = relations[index]
            relations[index] = replace(
                known, head=_union(known.head, head), child=_union(known.child, child)
            )
    attributes = list(schema.attributes)
    for name, on in mapped.new_attributes:
        attributes.append(Attribute(name, on))
    for name, value in mapped.new_values:
        for index, attribute in enumerate(attributes):
            typed = _typed(value, attribute)
            if attribute.name == name and attribute.closed and typed not in attribute.values:
                attributes[index] = replace(attribute, values=(*attribute.values, typed))
    changed = replace(
        schema, labels=tuple(labels), relations=tuple(relations), attributes=tuple(attributes)
    )
    parsed = parse_schema(to_toml(changed), "the schema with the imported labels")
    return replace(parsed, guidelines_text=schema.guidelines_text)
