"""Schema changes made in the window: new labels and values, renames, colours, removals.

Each function returns a new, validated Schema whose TOML source is regenerated (comments
of a hand-written file are not kept; the layout is).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import tomli_w

from annotator.model.annotation import AttrValue
from annotator.model.schema import Attribute, Label, RelationType, Schema, parse_schema


def _label(label: Label) -> dict[str, Any]:
    out: dict[str, Any] = {"name": label.name}
    if label.key:
        out["key"] = label.key
    out["color"] = label.color
    if label.description:
        out["description"] = label.description
    return out


def _attribute(attribute: Attribute) -> dict[str, Any]:
    out: dict[str, Any] = {"name": attribute.name, "applies_to": list(attribute.applies_to)}
    if attribute.values:
        out["values"] = list(attribute.values)
    if attribute.open:
        out["open"] = True
    if attribute.level != "nominal":
        out["level"] = attribute.level
    if attribute.key:
        out["key"] = attribute.key
    if attribute.required:
        out["required"] = True
    if attribute.description:
        out["description"] = attribute.description
    if attribute.value_descriptions:
        out["value_descriptions"] = dict(attribute.value_descriptions)
    return out


def _relation(relation: RelationType) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": relation.name,
        "head": list(relation.head),
        "child": list(relation.child),
    }
    if relation.required:
        out["required"] = True
    if relation.description:
        out["description"] = relation.description
    return out


def to_toml(schema: Schema) -> str:
    data: dict[str, Any] = {"name": schema.name, "version": schema.version}
    if schema.guidelines:
        data["guidelines"] = schema.guidelines
    data["labels"] = [_label(label) for label in schema.labels]
    if schema.attributes:
        data["attributes"] = [_attribute(a) for a in schema.attributes]
    if schema.relations:
        data["relations"] = [_relation(r) for r in schema.relations]
    return tomli_w.dumps(data)


def _rebuilt(schema: Schema, **changes: Any) -> Schema:
    """Apply ``changes``, regenerate the TOML and validate it like a hand-written file."""
    changed = replace(schema, **changes)
    parsed = parse_schema(to_toml(changed), "the changed schema")
    return replace(parsed, guidelines_text=schema.guidelines_text)


def add_label(schema: Schema, label: Label) -> Schema:
    return _rebuilt(schema, labels=(*schema.labels, label))


def rename_label(schema: Schema, old: str, new: str) -> Schema:
    def swap(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if n == old else n for n in names)

    return _rebuilt(
        schema,
        labels=tuple(replace(lab, name=new) if lab.name == old else lab for lab in schema.labels),
        attributes=tuple(replace(a, applies_to=swap(a.applies_to)) for a in schema.attributes),
        relations=tuple(
            replace(r, head=swap(r.head), child=swap(r.child)) for r in schema.relations
        ),
    )


def recolor_label(schema: Schema, name: str, color: str) -> Schema:
    return _rebuilt(
        schema,
        labels=tuple(
            replace(lab, color=color) if lab.name == name else lab for lab in schema.labels
        ),
    )


def remove_label(schema: Schema, name: str) -> Schema:
    """Drop a label; attributes and relations that only concerned it go with it."""
    attributes = []
    for attribute in schema.attributes:
        applies = tuple(n for n in attribute.applies_to if n != name)
        if applies:
            attributes.append(replace(attribute, applies_to=applies))
    relations = []
    for relation in schema.relations:
        head = tuple(n for n in relation.head if n != name)
        child = tuple(n for n in relation.child if n != name)
        if head and child:
            relations.append(replace(relation, head=head, child=child))
    return _rebuilt(
        schema,
        labels=tuple(lab for lab in schema.labels if lab.name != name),
        attributes=tuple(attributes),
        relations=tuple(relations),
    )


def _with_values(
    schema: Schema,
    attribute: Attribute,
    values: tuple[AttrValue, ...],
    descriptions: dict[str, str],
) -> Schema:
    return _rebuilt(
        schema,
        attributes=tuple(
            replace(a, values=values, value_descriptions=descriptions)
            if (a.name, a.applies_to) == (attribute.name, attribute.applies_to)
            else a
            for a in schema.attributes
        ),
    )


def add_value(schema: Schema, attribute: Attribute, value: AttrValue) -> Schema:
    return _with_values(
        schema, attribute, (*attribute.values, value), dict(attribute.value_descriptions)
    )


def rename_value(schema: Schema, attribute: Attribute, old: AttrValue, new: AttrValue) -> Schema:
    descriptions = {
        (str(new) if k == str(old) else k): v for k, v in attribute.value_descriptions.items()
    }
    values = tuple(new if v == old else v for v in attribute.values)
    return _with_values(schema, attribute, values, descriptions)


def remove_value(schema: Schema, attribute: Attribute, value: AttrValue) -> Schema:
    descriptions = {k: v for k, v in attribute.value_descriptions.items() if k != str(value)}
    values = tuple(v for v in attribute.values if v != value)
    return _with_values(schema, attribute, values, descriptions)
