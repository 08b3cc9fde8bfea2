"""The label schema: labels, attributes and relation types, in the TOML layout of docs/design.md."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.errors import SchemaError
from annotator.model.annotation import AttrValue

LEVELS = ("nominal", "ordinal", "interval", "ratio")
DOCUMENT = "document"
# Keys the window needs for itself: 1-9 pick labels in schema order, a/u start linking,
# j joins a split quote.
RESERVED_KEYS = frozenset("123456789auj")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    key: str = ""
    color: str = "#999999"
    description: str = ""


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    applies_to: tuple[str, ...]
    values: tuple[AttrValue, ...] = ()
    open: bool = False
    level: str = "nominal"
    key: str = ""
    required: bool = False
    description: str = ""
    value_descriptions: dict[str, str] = field(default_factory=dict)

    @property
    def closed(self) -> bool:
        """A closed attribute only takes the listed values; no list means free text."""
        return bool(self.values) and not self.open

    @property
    def on_document(self) -> bool:
        return DOCUMENT in self.applies_to


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    head: tuple[str, ...]
    child: tuple[str, ...]
    required: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    version: int
    labels: tuple[Label, ...]
    attributes: tuple[Attribute, ...] = ()
    relations: tuple[RelationType, ...] = ()
    guidelines: str = ""
    source: str = ""
    #: The Markdown of the guidelines file, read beside the schema and kept in the project.
    guidelines_text: str = ""

    def label(self, name: str) -> Label | None:
        return next((lab for lab in self.labels if lab.name == name), None)

    def relation(self, name: str) -> RelationType | None:
        return next((rel for rel in self.relations if rel.name == name), None)

    def span_attributes(self, label: str) -> tuple[Attribute, ...]:
        return tuple(a for a in self.attributes if label in a.applies_to)

    def span_attribute(self, label: str, name: str) -> Attribute | None:
        return next((a for a in self.span_attributes(label) if a.name == name), None)

    @property
    def document_attributes(self) -> tuple[Attribute, ...]:
        return tuple(a for a in self.attributes if a.on_document)

    def document_attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.document_attributes if a.name == name), None)

    def label_for_key(self, key: str) -> Label | None:
        """The label a key press applies: its own key, or 1-9 in schema order."""
        if key.isdigit() and key != "0" and int(key) <= len(self.labels):
            return self.labels[int(key) - 1]
        return next((lab for lab in self.labels if lab.key == key), None)

    def check_value(self, attribute: Attribute, value: object) -> str | None:
        """Why ``value`` is not acceptable for ``attribute``, or None when it is."""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return f'attribute "{attribute.name}" needs a string or a number, not {value!r}'
        if attribute.closed and value not in attribute.values:
            allowed = ", ".join(str(v) for v in attribute.values)
            return f'"{value}" is not a value of attribute "{attribute.name}" (allowed: {allowed})'
        return None


_TOP_KEYS = {"name", "version", "labels", "attributes", "relations", "guidelines", "description"}
_LABEL_KEYS = {"name", "key", "color", "description"}
_ATTR_KEYS = {
    "name",
    "applies_to",
    "values",
    "open",
    "level",
    "key",
    "required",
    "description",
    "value_descriptions",
}
_REL_KEYS = {"name", "head", "child", "required", "description"}


class _Loader:
    """Validates raw TOML data; every complaint names the file and, where it can, the line."""

    def __init__(self, text: str, origin: str) -> None:
        self.text = text
        self.origin = origin

    def fail(self, problem: str, near: str | None = None) -> SchemaError:
        return SchemaError(self.origin, problem, self._line_of(near) if near else None)

    def _line_of(self, needle: str) -> int | None:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if f'"{needle}"' in line or f"'{needle}'" in line:
                return number
        return None

    def table_list(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(f'"{key}" must be a list of tables ([[{key}]])')
        return items

    def known_keys(self, item: dict[str, Any], allowed: set[str], what: str) -> str:
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise self.fail(f'every {what} needs a non-empty string "name"')
        unknown = sorted(set(item) - allowed)
        if unknown:
            raise self.fail(f'{what} "{name}" has unknown key "{unknown[0]}"', name)
        return name

    def string(self, item: dict[str, Any], key: str, what: str, default: str = "") -> str:
        value = item.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f'{what}: "{key}" must be a string', item["name"])
        return value

    def flag(self, item: dict[str, Any], key: str, what: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f'{what}: "{key}" must be true or false', item["name"])
        return value

    def names(self, item: dict[str, Any], key: str, what: str) -> tuple[str, ...]:
        value = item.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.fail(
                f'{what}: "{key}" must be a non-empty list of label names', item["name"]
            )
        return tuple(value)

    def load(self) -> Schema:
        try:
            data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            raise SchemaError(self.origin, f"not valid TOML ({exc})") from None
        except RecursionError:
            # tomllib parses nested arrays and inline tables recursively; no schema nests
            # more than a few levels, so this is never a real schema.
            raise SchemaError(
                self.origin, "not a schema: arrays or tables nested too deeply"
            ) from None
        unknown = sorted(set(data) - _TOP_KEYS)
        if unknown:
            raise self.fail(f'unknown top-level key "{unknown[0]}"', None)
        name = data.get("name", "")
        version = data.get("version", 1)
        if not isinstance(name, str) or not name:
            raise self.fail('the schema needs a "name" string')
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail('"version" must be an integer')
        guidelines = data.get("guidelines", "")
        if not isinstance(guidelines, str):
            raise self.fail('"guidelines" must be a file name')
        labels = self.labels(data)
        label_names = {lab.name for lab in labels}
        attributes = self.attributes(data, label_names)
        relations = self.relations(data, label_names)
        used_keys: dict[str, str] = {}
        for owner, key in [(lab.name, lab.key) for lab in labels] + [
            (attr.name, attr.key) for attr in attributes
        ]:
            if not key:
                continue
            if key in RESERVED_KEYS:
                raise self.fail(f'"{owner}": key "{key}" is reserved (1-9, a, u and j)', owner)
            if key in used_keys:
                raise self.fail(
                    f'key "{key}" is used by both "{used_keys[key]}" and "{owner}"', owner
                )
            used_keys[key] = owner
        return Schema(name, version, labels, attributes, relations, guidelines, self.text)

    def labels(self, data: dict[str, Any]) -> tuple[Label, ...]:
        out: list[Label] = []
        for item in self.table_list(data, "labels"):
            name = self.known_keys(item, _LABEL_KEYS, "label")
            what = f'label "{name}"'
            if name == DOCUMENT:
                raise self.fail(f'"{DOCUMENT}" cannot be a label name', name)
            if any(lab.name == name for lab in out):
                raise self.fail(f'label "{name}" is defined twice', name)
            key = self.string(item, "key", what)
            if len(key) > 1:
                raise self.fail(f'{what}: "key" must be a single character', name)
            color = self.string(item, "color", what, "#999999")
            if not _COLOR.match(color):
                raise self.fail(f'{what}: "color" must look like "#E69F00"', name)
            out.append(Label(name, key, color, self.string(item, "description", what)))
        if not out:
            raise self.fail("the schema defines no labels ([[labels]])")
        return tuple(out)

    def attributes(self, data: dict[str, Any], labels: set[str]) -> tuple[Attribute, ...]:
        out: list[Attribute] = []
        for item in self.table_list(data, "attributes"):
            name = self.known_keys(item, _ATTR_KEYS, "attribute")
            what = f'attribute "{name}"'
            applies = self.names(item, "applies_to", what)
            for target in applies:
                if target != DOCUMENT and target not in labels:
                    raise self.fail(f'{what} applies to unknown label "{target}"', name)
            for other in out:
                if other.name == name and set(other.applies_to) & set(applies):
                    raise self.fail(f"{what} is defined twice for the same label", name)
            level = self.string(item, "level", what, "nominal")
            if level not in LEVELS:
                raise self.fail(f'{what}: level "{level}" is not one of {", ".join(LEVELS)}', name)
            values = item.get("values", [])
            if not isinstance(values, list) or not all(
                isinstance(v, str | int | float) and not isinstance(v, bool) for v in values
            ):
                raise self.fail(f'{what}: "values" must be a list of strings or numbers', name)
            if len(set(values)) != len(values):
                raise self.fail(f"{what} lists a value twice", name)
            if level in ("interval", "ratio") and any(isinstance(v, str) for v in values):
                raise self.fail(f'{what}: level "{level}" needs numeric values', name)
            key = self.string(item, "key", what)
            if len(key) > 1:
                raise self.fail(f'{what}: "key" must be a single character', name)
            if key and not values:
                raise self.fail(f'{what}: a "key" cycles values, so it needs "values"', name)
            descriptions = item.get("value_descriptions", {})
            if not isinstance(descriptions, dict) or not all(
                isinstance(v, str) for v in descriptions.values()
            ):
                raise self.fail(f'{what}: "value_descriptions" must map values to text', name)
            out.append(
                Attribute(
                    name=name,
                    applies_to=applies,
                    values=tuple(values),
                    open=self.flag(item, "open", what),
                    level=level,
                    key=key,
                    required=self.flag(item, "required", what),
                    description=self.string(item, "description", what),
                    value_descriptions=dict(descriptions),
                )
            )
        return tuple(out)

    def relations(self, data: dict[str, Any], labels: set[str]) -> tuple[RelationType, ...]:
        out: list[RelationType] = []
        for item in self.table_list(data, "relations"):
            name = self.known_keys(item, _REL_KEYS, "relation")
            what = f'relation "{name}"'
            if any(rel.name == name for rel in out):
                raise self.fail(f'relation "{name}" is defined twice', name)
            head = self.names(item, "head", what)
            child = self.names(item, "child", what)
            for label in head + child:
                if label not in labels:
                    raise self.fail(f'{what} uses unknown label "{label}"', name)
            out.append(
                RelationType(
                    name,
                    head,
                    child,
                    self.flag(item, "required", what),
                    self.string(item, "description", what),
                )
            )
        return tuple(out)


def parse_schema(text: str, origin: str = "schema") -> Schema:
    """Parse schema TOML text; ``origin`` names it in error messages."""
    return _Loader(text, origin).load()


def load_schema(path: Path) -> Schema:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SchemaError(path, "no such file") from None
    except UnicodeDecodeError:
        raise SchemaError(path, "not UTF-8 text") from None
    schema = parse_schema(text, str(path))
    if not schema.guidelines:
        return schema
    guidelines = path.parent / schema.guidelines
    try:
        markdown = guidelines.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise SchemaError(
            path, f'the guidelines file "{schema.guidelines}" cannot be read from {path.parent}'
        ) from None
    return replace(schema, guidelines_text=markdown)
