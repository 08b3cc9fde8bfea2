"""The guidelines an annotator reads: the project's own text plus a reference of the schema."""

from __future__ import annotations

from annotator.model.schema import Schema


def schema_reference(schema: Schema) -> str:
    """Markdown listing every label, attribute and relation with its key and description."""
    lines = ["# Labels and keys", ""]
    for number, label in enumerate(schema.labels, start=1):
        key = f"`{label.key}` or `{number}`" if label.key else f"`{number}`"
        lines.append(f"- **{label.name}** ({key}): {label.description}")
    lines += ["", "# Attributes", ""]
    for attribute in schema.attributes:
        owner = "document" if attribute.on_document else ", ".join(attribute.applies_to)
        key = f", key `{attribute.key}`" if attribute.key else ""
        flags = " (required)" if attribute.required else ""
        lines.append(f"- **{attribute.name}** on {owner}{key}{flags}: {attribute.description}")
        for value in attribute.values:
            description = attribute.value_descriptions.get(str(value), "")
            lines.append(f"  - `{value}`" + (f": {description}" if description else ""))
        if attribute.open:
            lines.append("  - (open: annotators may add values)")
    lines += ["", "# Links", ""]
    for relation in schema.relations:
        lines.append(
            f"- **{relation.name}**: {' or '.join(relation.head)} → "
            f"{' or '.join(relation.child)}. {relation.description}"
        )
    return "\n".join(lines) + "\n"


def guidelines_markdown(schema: Schema) -> str:
    own = schema.guidelines_text.strip()
    return (own + "\n\n" if own else "") + schema_reference(schema)
