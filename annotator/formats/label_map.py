"""Peer labels onto schema labels: by name (case-insensitive, or as our brat and CoNLL
writers spell it: see :func:`peer_spelling`), by ``--map`` pairs, or by a mapping file; the
same for relation labels, attribute names and attribute values.

``--map PEER=OURS`` applies to whatever PEER names in the data (a span label, a relation
label or an attribute name); prefixes make it precise: ``label:``, ``relation:``, ``attr:``,
and ``value:ATTRIBUTE:PEER=OURS`` for a value of an attribute (ATTRIBUTE is our name).
``PEER=`` (nothing after the ``=``) drops what PEER names, counted in the summary.

A mapping file is TOML when its name ends in ``.toml`` (tables ``[labels]``, ``[relations]``,
``[attributes]`` and ``[values.ATTRIBUTE]``, each ``PEER = "OURS"``), otherwise text with one
pair a line, ``PEER=OURS`` or two tab-separated columns, the same prefixes allowed, ``#``
starting a comment.

Anything left unmapped stops the import with one error listing it and its counts, unless
``add_labels`` is given: then it keeps its peer name and the result lists what the schema
needs added (the caller changes the schema).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from annotator.errors import InputError
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document, Relation, RelationId, Span
from annotator.model.schema import Attribute, Schema

KINDS = ("label", "relation", "attr")
#: A mapping file's tables, in the order it is written.
TABLES = ("labels", "relations", "attributes")
# Every name a kind goes by: ``--map`` prefixes, the preview's kinds, the file's tables.
_TABLE_OF = {
    "label": "labels",
    "labels": "labels",
    "relation": "relations",
    "relations": "relations",
    "attr": "attributes",
    "attribute": "attributes",
    "attributes": "attributes",
}


@dataclass(slots=True)
class LabelMapping:
    """The user's explicit choices; ``""`` as a target means drop."""

    labels: dict[str, str] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    attributes: dict[str, str] = field(default_factory=dict)
    #: (our attribute name, peer value) -> our value
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    #: bare ``PEER=OURS`` pairs: applied to labels, relations and attributes alike
    any: dict[str, str] = field(default_factory=dict)

    def add(self, pair: str, origin: str = "--map", line: int | None = None) -> None:
        peer, sep, ours = pair.partition("=")
        peer, ours = peer.strip(), ours.strip()
        if not sep or not peer:
            raise InputError(origin, f'"{pair}" is not PEER=OURS', line)
        kind, colon, rest = peer.partition(":")
        if colon and kind == "value":
            attribute, colon2, value = rest.partition(":")
            if not colon2 or not attribute:
                raise InputError(origin, f'"{pair}" must read value:ATTRIBUTE:PEER=OURS', line)
            self.values[(attribute, value)] = ours
        elif colon and kind in KINDS:
            self.table(kind)[rest] = ours
        else:
            self.any[peer] = ours

    def choose(self, kind: str, peer: str, ours: str) -> None:
        """A choice as the import preview names it: ``kind`` is label, relation, attribute
        or value (then ``peer`` is ``ATTRIBUTE=VALUE``, ATTRIBUTE our name); other kinds
        (a relation's ends) are no names to map."""
        if kind == "value":
            attribute, _, value = peer.partition("=")
            self.values[(attribute, value)] = ours
        elif kind in ("label", "relation", "attribute"):
            self.table(kind)[peer] = ours

    def table(self, kind: str) -> dict[str, str]:
        """The choices for one kind of name, by any name the kind goes by (``label``,
        ``labels``, ``attr``, ``attribute``...)."""
        name = _TABLE_OF[kind]
        if name == "labels":
            return self.labels
        return self.relations if name == "relations" else self.attributes

    def updated(self, other: LabelMapping) -> LabelMapping:
        """This mapping with ``other``'s choices over it (a loaded file, then table edits)."""
        return LabelMapping(
            {**self.labels, **other.labels},
            {**self.relations, **other.relations},
            {**self.attributes, **other.attributes},
            {**self.values, **other.values},
            {**self.any, **other.any},
        )


def parse_pairs(pairs: Iterable[str], mapping: LabelMapping | None = None) -> LabelMapping:
    """``--map`` arguments (repeatable) into a mapping."""
    mapping = mapping if mapping is not None else LabelMapping()
    for pair in pairs:
        mapping.add(pair)
    return mapping


def load_mapping(path: Path, mapping: LabelMapping | None = None) -> LabelMapping:
    """A mapping file (TOML or two-column text), added to ``mapping``."""
    mapping = mapping if mapping is not None else LabelMapping()
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise InputError(path, "cannot be read as UTF-8 text") from None
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(content)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(path, f"not valid TOML ({exc})") from None
        for name, table in data.items():
            if name == "values" and isinstance(table, dict):
                for attribute, pairs in table.items():
                    if not isinstance(pairs, dict):
                        raise InputError(path, f"[values.{attribute}] must be a table")
                    for peer, ours in pairs.items():
                        mapping.values[(attribute, peer)] = str(ours)
            elif name in TABLES and isinstance(table, dict):
                for peer, ours in table.items():
                    if not isinstance(ours, str):
                        raise InputError(path, f"[{name}] {peer} must map to a string name")
                    mapping.table(name)[peer] = ours
            else:
                raise InputError(
                    path, f'unknown table "{name}" (labels, relations, attributes, values)'
                )
        return mapping
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" not in line and "\t" in line:
            peer, _, ours = line.partition("\t")
            line = f"{peer.strip()}={ours.strip()}"
        mapping.add(line, str(path), number)
    return mapping


def mapping_toml(mapping: LabelMapping) -> str:
    """``mapping`` as a TOML mapping file that :func:`load_mapping` reads back to the same
    choices. A bare pair (``PEER=OURS`` for any kind) goes into each of ``[labels]``,
    ``[relations]`` and ``[attributes]`` where that table does not choose for PEER itself."""
    data: dict[str, object] = {}
    for name in TABLES:
        merged = {**mapping.any, **mapping.table(name)}
        if merged:
            data[name] = dict(sorted(merged.items()))
    values: dict[str, dict[str, str]] = {}
    for (attribute, peer), ours in sorted(mapping.values.items()):
        values.setdefault(attribute, {})[peer] = ours
    if values:
        data["values"] = values
    return tomli_w.dumps(data)


@dataclass(frozen=True, slots=True)
class MappedName:
    """How one peer name mapped, for the import preview."""

    kind: str  # label | relation | attribute | value
    peer: str
    ours: str | None  # None: unmapped; "": dropped
    # same name | any case | peer spelling | mapped | dropped | added | unmapped | wrong ends
    how: str
    count: int


def mapping_shown(rows: Iterable[MappedName]) -> LabelMapping:
    """What an import preview's rows decide, as a mapping to save: every name that maps to
    a schema name or is dropped (names matched by name included, so the file says it all);
    names that map to nothing or would be added to the schema are left for the next import
    to decide."""
    mapping = LabelMapping()
    chosen: set[tuple[str, str]] = set()
    for row in rows:
        if row.ours is None or row.how in ("added", "unmapped", "wrong ends"):
            continue
        # An attribute met under several labels is one name in the file: its first row.
        if (row.kind, row.peer) not in chosen:
            chosen.add((row.kind, row.peer))
            mapping.choose(row.kind, row.peer, row.ours)
    return mapping


@dataclass(slots=True)
class MappedImport:
    items: list[tuple[Document, list[AnnotationSet]]]
    report: list[MappedName]
    summary: TransferSummary
    #: what ``add_labels`` asks the caller to add to the schema
    new_labels: list[str] = field(default_factory=list)
    new_relations: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    #: (attribute, applies_to) pairs; "document" for document attributes
    new_attributes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    #: values to add to closed attributes: (attribute, value)
    new_values: list[tuple[str, AttrValue]] = field(default_factory=list)


# Whitespace and brat's syntax characters: a brat type name, a CoNLL tag (whitespace-split by
# its readers, spaCy's among them) cannot hold them.
_UNSPELLABLE = re.compile(r"[\s:;,|=<>()\[\]]+")


def peer_spelling(name: str) -> str:
    """``name`` as the brat and CoNLL writers spell it: each run of whitespace or brat syntax
    characters an ``_``. The import finds the schema's name back from this spelling."""
    return _UNSPELLABLE.sub("_", name) or "_"


def _find(name: str, known: Sequence[str]) -> tuple[str | None, str]:
    if name in known:
        return name, "same name"
    folded = [k for k in known if k.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0], "any case"
    spelled = [k for k in known if peer_spelling(k).casefold() == name.casefold()]
    return (spelled[0], "peer spelling") if len(spelled) == 1 else (None, "unmapped")


class _Mapper:
    def __init__(self, schema: Schema, mapping: LabelMapping, add: bool) -> None:
        self.schema = schema
        self.mapping = mapping
        self.add = add
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.decided: dict[tuple[str, str, str], tuple[str | None, str]] = {}
        #: where each name was first met ('document "d" at span T3'), for the refusal's sentence
        self.first: dict[tuple[str, str, str], str] = {}
        self.where = ""
        #: the attributes of each label (or "document") and their names, looked up once
        self.available: dict[str, tuple[tuple[Attribute, ...], list[str]]] = {}
        self.summary = TransferSummary()

    def name(
        self, kind: str, peer: str, explicit: dict[str, str], known: Sequence[str], scope: str = ""
    ) -> str | None:
        """Our name for ``peer`` ("" to drop, None when unmapped)."""
        key = (kind, peer, scope)
        self.counts[key] += 1
        self.first.setdefault(key, self.where)
        if key not in self.decided:
            target = explicit.get(peer, self.mapping.any.get(peer))
            if target is not None:
                result: tuple[str | None, str] = (target, "dropped" if target == "" else "mapped")
                if target and target not in known and not self.add:
                    raise InputError(
                        "--map", f'{peer}={target}: the schema has no {kind} "{target}"'
                    )
            else:
                result = _find(peer, known)
                if result[0] is None and self.add:
                    result = (peer, "added")
            self.decided[key] = result
        return self.decided[key][0]

    def value(self, attribute: Attribute, peer: AttrValue) -> AttrValue | None:
        text = str(peer)
        explicit = self.mapping.values.get((attribute.name, text))
        key = ("value", f"{attribute.name}={text}", "")
        self.counts[key] += 1
        self.first.setdefault(key, self.where)
        if explicit is not None:
            self.decided[key] = (explicit, "mapped")
            return _typed(explicit, attribute)
        if not attribute.closed:
            self.decided[key] = (text, "same name")
            return peer
        for value in attribute.values:
            if value == peer or str(value) == text:
                self.decided[key] = (str(value), "same name")
                return value
        folded = [v for v in attribute.values if str(v).casefold() == text.casefold()]
        if len(folded) == 1:
            self.decided[key] = (str(folded[0]), "any case")
            return folded[0]
        self.decided[key] = (text, "added") if self.add else (None, "unmapped")
        return peer if self.add else None

    def attrs(self, raw: dict[str, AttrValue], label: str | None) -> dict[str, AttrValue]:
        if not raw:
            return {}
        scope = label or "document"
        if scope not in self.available:
            found = (
                self.schema.document_attributes
                if label is None
                else self.schema.span_attributes(label)
            )
            self.available[scope] = (found, [a.name for a in found])
        available, names = self.available[scope]
        out: dict[str, AttrValue] = {}
        for peer, value in raw.items():
            ours = self.name("attribute", peer, self.mapping.attributes, names, scope)
            if not ours:
                if ours == "":
                    self.summary.lose(f"attribute {peer}: dropped by the mapping")
                continue
            attribute = next((a for a in available if a.name == ours), None)
            if attribute is None:  # added: free text for now
                out[ours] = value
                continue
            mapped = self.value(attribute, value)
            if mapped is not None:
                out[ours] = mapped
        return out

    def one(self, annotation: AnnotationSet) -> AnnotationSet:
        labels = [lab.name for lab in self.schema.labels]
        spans: dict[int, Span] = {}
        document = f'document "{annotation.document}"'
        for span in annotation.spans:
            self.where = f"{document} at span {span.name}" if span.name else document
            ours = self.name("label", span.label, self.mapping.labels, labels)
            if not ours:
                if ours == "":
                    self.summary.lose(f"span labelled {span.label}: dropped by the mapping")
                continue
            # Built directly: dataclasses.replace costs more than the rest of the mapping.
            spans[span.id] = Span(
                span.id,
                span.document,
                span.annotator,
                span.start,
                span.end,
                ours,
                self.attrs(span.attrs, ours),
                span.name,
            )
        relations: list[Relation] = []
        known = [r.name for r in self.schema.relations]
        for relation in annotation.relations:
            self.where = document
            ours = self.name("relation", relation.label, self.mapping.relations, known)
            head, child = spans.get(relation.head), spans.get(relation.child)
            if not ours or head is None or child is None:
                if ours == "" or (ours and (head is None or child is None)):
                    self.summary.lose(
                        f"relation {relation.label}: dropped with its spans or by the mapping"
                    )
                continue
            kind = self.schema.relation(ours)
            if kind is not None and (head.label not in kind.head or child.label not in kind.child):
                key = ("relation ends", f"{relation.label} {head.label}->{child.label}", "")
                self.counts[key] += 1
                # with add_labels the schema takes these ends (schema_additions)
                self.decided[key] = (ours, "added" if self.add else "wrong ends")
                if not self.add:
                    continue
            relations.append(Relation(RelationId(len(relations) + 1), ours, head.id, child.id))
        self.where = document
        return AnnotationSet(
            annotation.document,
            annotation.annotator,
            annotation.status,
            list(spans.values()),
            relations,
            self.attrs(annotation.doc_attrs, None),
        )


def _typed(value: str, attribute: Attribute) -> AttrValue:
    for known in attribute.values:
        if str(known) == value:
            return known
    return value


def map_labels(
    items: Iterable[tuple[Document, list[AnnotationSet]]],
    schema: Schema,
    mapping: LabelMapping | None = None,
    add_labels: bool = False,
    source: str | Path | None = None,
) -> MappedImport:
    """The raw sets of a reader with schema labels, relation labels, attribute names and
    values; raises one InputError naming everything unmapped (with counts) unless
    ``add_labels``."""
    mapper = _Mapper(schema, mapping or LabelMapping(), add_labels)
    mapped = [(document, [mapper.one(s) for s in sets]) for document, sets in items]
    report = [
        MappedName(kind, peer, *mapper.decided[(kind, peer, scope)], count)
        for (kind, peer, scope), count in mapper.counts.items()
    ]
    report.sort(key=lambda r: (r.kind, -r.count, r.peer))
    wrong = [r for r in report if r.how == "wrong ends"]
    if wrong and not add_labels:
        for item in wrong:
            mapper.summary.lose(
                f"relation {item.peer}: its ends do not fit the schema's {item.ours}", item.count
            )
    unmapped = [r for r in report if r.how == "unmapped"]
    if unmapped:
        first: dict[tuple[str, str], str] = {}
        for (kind, peer, _), where in mapper.first.items():
            first.setdefault((kind, peer), where)
        listed = "; ".join(
            f"{r.kind} {r.peer} ({r.count}, first in {first[(r.kind, r.peer)]})" for r in unmapped
        )
        raise InputError(
            source,
            f"these peer names map to nothing in the schema: {listed}; "
            "map them with --map PEER=OURS (or PEER= to drop) or pass --add-labels",
        )
    result = MappedImport(mapped, report, mapper.summary)
    if add_labels:
        _additions(result, mapper)
    return result


def _additions(result: MappedImport, mapper: _Mapper) -> None:
    """What the schema lacks for the mapped sets: labels, relations (with the labels their
    ends carry), attributes (with the labels they were found on) and closed values."""
    schema = mapper.schema
    ends: dict[str, tuple[set[str], set[str]]] = {}
    attributes: dict[str, set[str]] = {}
    for _, sets in result.items:
        for annotation in sets:
            by_id = {s.id: s for s in annotation.spans}
            for span in annotation.spans:
                if schema.label(span.label) is None and span.label not in result.new_labels:
                    result.new_labels.append(span.label)
                for name in span.attrs:
                    if schema.span_attribute(span.label, name) is None:
                        attributes.setdefault(name, set()).add(span.label)
            for name in annotation.doc_attrs:
                if schema.document_attribute(name) is None:
                    attributes.setdefault(name, set()).add("document")
            for relation in annotation.relations:
                kind = schema.relation(relation.label)
                head, child = by_id[relation.head].label, by_id[relation.child].label
                if kind is None or head not in kind.head or child not in kind.child:
                    heads, children = ends.setdefault(relation.label, (set(), set()))
                    heads.add(head)
                    children.add(child)
    result.new_relations = [(n, tuple(sorted(h)), tuple(sorted(c))) for n, (h, c) in ends.items()]
    result.new_attributes = [(n, tuple(sorted(on))) for n, on in attributes.items()]
    for item in result.report:
        if item.kind == "value" and item.how == "added":
            attribute, _, value = item.peer.partition("=")
            result.new_values.append((attribute, value))
