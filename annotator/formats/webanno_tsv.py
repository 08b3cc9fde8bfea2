"""WebAnno TSV 3.x, INCEpTION's tab-separated export: read the way INCEpTION's own reader does.

A file is one document: ``#FORMAT=WebAnno TSV 3.3``, the layer columns (``#T_SP=`` span layers,
``#T_RL=`` relation layers, ``#T_CH=`` chain layers, each ``type|feature|...``), then sentences:
``#Text=`` lines (escaped) and one line per token ``sent-tok<TAB>begin-end<TAB>text<TAB>...``
with sub-token lines ``sent-tok.n`` for annotations that do not end on token boundaries. Offsets
are UTF-16 code units (INCEpTION counts Java string positions); the text is rebuilt from the
``#Text=`` lines, gaps between sentences filled as INCEpTION fills them.

In a column ``_`` means no annotation and ``*`` an annotation without a value; stacked
annotations are ``A[1]|B[2]``; ``[n]`` ties together the tokens of a multi-token annotation;
relations name their governor's unit (``1-3`` or ``1-3[4_5]`` with governor and dependent
ids) and sit on the dependent's unit. Mapping, as for XMI: span label = the ``label``/``value``
feature (or DKPro's tag feature) else the layer's short name; other features = attributes;
relations head = governor; chains become a span per link and a relation from each link to the
next (label ``referenceRelation`` or the chain's name); slot features become relations from the
host to each target, labelled by role. Zero-width annotations have no text and are not carried.
A relation layer attached to tokens (``BT_...Token``, which no column declares: the rows are the
tokens) gets its ends as spans labelled ``Token`` over those tokens, one per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.inception_export import Collected, Item, file_head, members
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_cas import TOKEN
from annotator.formats.utf16_offsets import Utf16Offsets, utf16_length
from annotator.model import AttrValue, Relation, RelationId, Span, SpanId
from annotator.model.ids import AnnotatorName, DocumentId

_FORMAT = re.compile(r"^#FORMAT=(?P<name>.*) (?P<major>\d+)\.(?P<minor>\d+)$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what Java's readLine splits on, nothing more
_UNIT_ID = re.compile(r"^(\d+)-(\d+)(?:\.(\d+))?$")
_OFFSETS = re.compile(r"^(\d+)-(\d+)$")
_STACK = re.compile(r"(?<!\\)\|")
_SLOT = re.compile(r"(?<!\\);")
_CHAIN_SUFFIX = re.compile(r"^(.*)(?<!\\)->(\d+-\d+)$", re.DOTALL)
_VALUE_ESCAPE = re.compile(r"\\(\\|\[|\]|\||_|->|;|t|n|\*)")
_VALUE_UNESCAPED = {"t": "\t", "n": "\n"}
_TEXT_ESCAPE = re.compile(r"\\([\\tnfrb]|[\x00-\x07\x0e-\x1f])")
_TEXT_UNESCAPED = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
_JAVA_ESCAPE = re.compile(r"\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)", re.DOTALL)
_NULL_COLUMN = "_"
_NULL_VALUE = "*"
_LABEL_FEATURES = {
    "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS": "PosValue",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.chunk.Chunk": "chunkValue",
    "de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency": "DependencyType",
    "de.tudarmstadt.ukp.dkpro.core.api.semantics.type.SemPred": "category",
}
_GENERIC_LABEL_FEATURES = ("label", "value")


# WebAnno 1/2's TSV: an optional " # layer | feature # ..." header, then "#id=1" and "#text=..."
_LEGACY_HEAD = re.compile(rb"^(?: # [^\n]*\n)?#id=\d+\r?\n#text=")


def is_legacy_webanno_tsv(head: bytes) -> bool:
    """WebAnno's TSV 1 or 2 (no ``#FORMAT`` line, sentences as ``#id=`` / ``#text=``)."""
    return _LEGACY_HEAD.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def is_webanno_tsv_head(head: bytes) -> bool:
    """A file's first bytes read as WebAnno TSV of any version (3 is read; 1 and 2 are
    refused in one sentence by the reader, so they are detected too)."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"#FORMAT=WebAnno TSV") or is_legacy_webanno_tsv(head)


def looks_like_webanno_tsv(path: Path) -> bool:
    """Format detection from content (the first bytes)."""
    return is_webanno_tsv_head(file_head(path, 64))


def read_webanno_tsv(path: Path, summary: TransferSummary | None = None) -> list[Item]:
    """Every document in ``path`` (a .tsv, a zip such as INCEpTION's export, or a folder)."""
    collected = Collected(summary)
    found = False
    for member in members(path, (".tsv",), (), summary):
        found = True
        try:
            source = member.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = member.data.count(b"\n", 0, exc.start) + 1
            raise InputError(member.origin, f"is not valid UTF-8 ({exc.reason})", line) from None
        parsed = _Parser(member.origin, source.removeprefix("\ufeff"), summary).parse()
        collected.add(
            member.origin,
            member.document or member.name,
            member.annotator,
            parsed.text,
            parsed.spans,
            parsed.relations,
            annotated=bool(parsed.spans or parsed.relations),
        )
    if not found:
        raise InputError(path, "holds no .tsv file")
    return collected.items()


@dataclass(slots=True)
class _Column:
    index: int
    layer: str  # span, relation or chain
    type_name: str
    kind: (
        str  # placeholder, primitive, relation_ref, slot_role, slot_target, chain_type, chain_link
    )
    feature: str = ""
    #: relation_ref and slot_target columns: the layer the references point into
    target: str = ""

    @property
    def short(self) -> str:
        return self.type_name.rsplit(".", 1)[-1]


@dataclass(eq=False, slots=True)
class _Annotation:
    layer: str
    type_name: str
    begin: int  # UTF-16 units
    end: int
    line: int
    #: how the file names it: its first unit, with its [id] when it has one ("1-4[1]")
    name: str
    features: dict[str, str] = field(default_factory=dict)
    #: relation layers: (governor unit, governor id, dependent unit, dependent id)
    ends: tuple[str, int, str, int] | None = None
    #: slot features: feature -> [role or None], and feature -> [(target unit, target id)]
    roles: dict[str, list[str | None]] = field(default_factory=dict)
    targets: dict[str, list[tuple[str, int] | None]] = field(default_factory=dict)
    chain_type: str | None = None
    chain_relation: str | None = None

    @property
    def short(self) -> str:
        return self.type_name.rsplit(".", 1)[-1]


@dataclass(slots=True)
class _Unit:
    id: str
    begin: int
    end: int
    line: int
    annotations: dict[str, list[_Annotation]] = field(default_factory=dict)

    def get(self, type_name: str, index: int) -> _Annotation | None:
        stack = self.annotations.get(type_name, [])
        return stack[index] if index < len(stack) else None

    def add(self, annotation: _Annotation) -> None:
        stack = self.annotations.setdefault(annotation.type_name, [])
        if annotation not in stack:
            stack.append(annotation)


@dataclass(slots=True)
class _Parsed:
    text: str
    spans: list[Span]
    relations: list[Relation]


class _Parser:
    def __init__(self, origin: str, source: str, summary: TransferSummary | None) -> None:
        self.origin = origin
        self.lines = _LINE_BREAK.split(source)
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.summary = summary
        self.columns: list[_Column] = []
        self.units: dict[str, _Unit] = {}
        self.annotations: list[_Annotation] = []
        self.by_id: dict[int, _Annotation] = {}
        self.chains: dict[int, dict[int, _Annotation]] = {}
        self.texts: dict[str, str] = {}  # unit id -> its text column, checked at the end
        self.minor = 3
        self.number = 0  # the line being read, for messages

    def fail(self, problem: str, line: int | None = None) -> InputError:
        return InputError(self.origin, problem, line if line is not None else self.number)

    def lose(self, reason: str, count: int = 1) -> None:
        if self.summary is not None:
            self.summary.lose(reason, count)

    # -- header ----------------------------------------------------------------------------------

    def parse(self) -> _Parsed:
        first = self.lines[0] if self.lines else ""
        self.number = 1
        match = _FORMAT.match(first)
        if match is None and is_legacy_webanno_tsv("\n".join(self.lines[:3]).encode("utf-8")):
            raise self.fail(
                "is WebAnno TSV 1 or 2, an old format we do not read: open it in WebAnno or "
                "INCEpTION and export it again as WebAnno TSV 3"
            )
        if match is None or match["major"] != "3":
            raise self.fail(f"is not WebAnno TSV 3 (the first line is {first[:60]!r})")
        self.minor = int(match["minor"])
        position = 1
        while position < len(self.lines) and self.lines[position].startswith("#T_"):
            self.number = position + 1
            self.layer(self.lines[position])
            position += 1
        text = self.content(position)
        return self.finish(text)

    def layer(self, line: str) -> None:
        prefix, _, rest = line.partition("=")
        layer = {"#T_SP": "span", "#T_RL": "relation", "#T_CH": "chain"}.get(prefix)
        fields = [part for part in rest.split("|") if part]
        if layer is None or not fields:
            raise self.fail(f"is not a layer declaration: {line[:60]!r}")
        type_name = fields[0]
        if len(fields) == 1:
            self.columns.append(_Column(len(self.columns), layer, type_name, "placeholder"))
            return
        previous: _Column | None = None
        for declaration in fields[1:]:
            column = self.column(layer, type_name, declaration, previous)
            self.columns.append(column)
            previous = column

    def column(self, layer: str, type_name: str, decl: str, previous: _Column | None) -> _Column:
        index = len(self.columns)
        if layer == "span" and decl.startswith("ROLE_"):
            # ROLE_<host type>:<feature>_<link type>
            feature = decl.partition(":")[2].partition("_")[0]
            if not feature:
                raise self.fail(f"cannot read the slot column {decl!r}")
            return _Column(index, layer, type_name, "slot_role", feature)
        if layer == "relation" and decl.startswith("BT_"):
            return _Column(index, layer, type_name, "relation_ref", target=decl[3:])
        if layer == "chain" and decl in ("referenceType", "referenceRelation"):
            kind = "chain_type" if decl == "referenceType" else "chain_link"
            return _Column(index, layer, type_name, kind, decl)
        if layer == "span" and "." in decl:
            if previous is None or previous.kind != "slot_role":
                raise self.fail(f"the slot target column {decl!r} must follow a ROLE_ column")
            return _Column(index, layer, type_name, "slot_target", previous.feature, decl)
        return _Column(index, layer, type_name, "primitive", decl)

    # -- sentences and tokens --------------------------------------------------------------------

    def content(self, start: int) -> str:
        pieces: list[str] = []
        units = 0  # UTF-16 length of the text so far
        sentence: list[str] = []
        in_header = False
        token: _Unit | None = None
        width = 3 + len(self.columns)
        for position in range(start, len(self.lines)):
            line = self.lines[position]
            self.number = position + 1
            if line == "":
                in_header = False
                continue
            if line.startswith("#"):
                if not in_header:
                    in_header, sentence = True, []
                if line.startswith("#Text="):
                    sentence.append(self.unescape_text(line[len("#Text=") :]) + "\n")
                continue
            fields = line.split("\t")
            if len(fields) < width:
                raise self.fail(
                    f"has {len(fields)} tab-separated fields; the layers declared need {width}"
                )
            unit_match, offsets = _UNIT_ID.match(fields[0]), _OFFSETS.match(fields[1])
            if unit_match is None or offsets is None:
                raise self.fail(f"is not a token line (id {fields[0]!r}, offsets {fields[1]!r})")
            begin, end = int(offsets[1]), int(offsets[2])
            if end < begin:
                raise self.fail(f"token {fields[0]} ends at {end}, before it begins at {begin}")
            if in_header:
                # INCEpTION's rule: the sentence starts at its first token; the line break
                # after the previous sentence stays only if there is room for it.
                in_header = False
                if not sentence:
                    raise self.fail("a sentence without a #Text= line")
                if units > begin:
                    if units != begin + 1 or not pieces or not pieces[-1].endswith("\n"):
                        raise self.fail(
                            f"token {fields[0]} begins at {begin}, inside the previous sentence"
                        )
                    pieces[-1] = pieces[-1][:-1]
                    units -= 1
                if units < begin:
                    pieces.append(" " * (begin - units))
                    units = begin
                joined = "".join(sentence)
                pieces.append(joined)
                units += utf16_length(joined)
                sentence = []
            elif token is None:
                raise self.fail("a token line before any #Text= line")
            unit = _Unit(fields[0], begin, end, self.number)
            if fields[0] in self.units:
                raise self.fail(f"token {fields[0]} appears twice")
            if unit_match[3] is None:
                token = unit
            elif token is None or not fields[0].startswith(token.id + "."):
                raise self.fail(f"sub-token {fields[0]} does not follow its token")
            self.units[fields[0]] = unit
            self.texts[fields[0]] = fields[2]
            self.annotate(unit, fields[3:width])
        if in_header:
            raise self.fail("the file ends inside a sentence header")
        return "".join(pieces)

    # -- annotation columns ----------------------------------------------------------------------

    def annotate(self, unit: _Unit, values: list[str]) -> None:
        deferred: list[tuple[_Column, int, str]] = []
        for column, raw in zip(self.columns, values, strict=True):
            if raw == _NULL_COLUMN:
                continue
            for index, value in enumerate(_STACK.split(raw)):
                if column.kind == "chain_type":
                    deferred.append((column, index, value))
                else:
                    self.value(unit, column, index, value)
        for column, index, value in deferred:
            value, _ = _suffix(value)
            annotation = unit.get(column.type_name, index)
            if annotation is None:
                raise self.fail(f"a {column.short} chain value without its chain link column")
            if value != _NULL_VALUE:
                annotation.chain_type = self.unescape(value)

    def value(self, unit: _Unit, column: _Column, index: int, raw: str) -> None:
        value, info = (raw, None) if column.kind == "slot_target" else _suffix(raw)
        annotation = unit.get(column.type_name, index)
        if column.layer == "span":
            ident = self.integer(info, "disambiguation id") if info is not None else None
            if annotation is None and ident is not None and ident in self.by_id:
                annotation = self.by_id[ident]
                if annotation.type_name != column.type_name:
                    raise self.fail(f"[{ident}] names annotations of two layers")
                annotation.begin = min(annotation.begin, unit.begin)
                annotation.end = max(annotation.end, unit.end)
            if annotation is None:
                annotation = self.create(column, unit)
            unit.add(annotation)
            if ident is not None and ident not in self.by_id:
                self.by_id[ident] = annotation
                annotation.name = f"{annotation.name.partition('[')[0]}[{ident}]"
        elif column.layer == "relation":
            if annotation is None:
                annotation = self.create(column, unit)
                unit.add(annotation)
        elif annotation is None:  # chain link column
            chain, element = self.chain_position(info)
            annotation = self.chains.get(chain, {}).get(element)
            if annotation is None:
                annotation = self.create(column, unit)
                self.chains.setdefault(chain, {})[element] = annotation
            else:
                annotation.begin = min(annotation.begin, unit.begin)
                annotation.end = max(annotation.end, unit.end)
            unit.add(annotation)
        self.feature(unit, column, annotation, value, info)

    def feature(
        self, unit: _Unit, column: _Column, annotation: _Annotation, value: str, info: str | None
    ) -> None:
        if column.kind == "primitive" and value != _NULL_VALUE:
            annotation.features[column.feature] = self.unescape(value)
        elif column.kind == "relation_ref":
            governor, dependent = 0, 0
            if info is not None:
                parts = info.split("_")
                if len(parts) != 2:
                    raise self.fail(f"relation ids [{info}] are not [governor_dependent]")
                governor = self.integer(parts[0], "relation id")
                dependent = self.integer(parts[1], "relation id")
            annotation.ends = (value, governor, unit.id, dependent)
        elif column.kind == "slot_role":
            roles = [] if value == _NULL_COLUMN else _SLOT.split(value)
            annotation.roles[column.feature] = [
                None if role == _NULL_VALUE else self.unescape(role) for role in roles
            ]
        elif column.kind == "slot_target":
            targets: list[tuple[str, int] | None] = []
            for target in _SLOT.split(value):
                if target in (_NULL_VALUE, _NULL_COLUMN):
                    targets.append(None)
                    continue
                target, ident = _suffix(target)
                number = self.integer(ident, "slot target id") if ident is not None else 0
                targets.append((target, number))
            annotation.targets[column.feature] = targets
        elif column.kind == "chain_link" and value != _NULL_VALUE:
            annotation.chain_relation = self.unescape(value)

    def create(self, column: _Column, unit: _Unit) -> _Annotation:
        annotation = _Annotation(
            column.layer, column.type_name, unit.begin, unit.end, self.number, unit.id
        )
        self.annotations.append(annotation)
        return annotation

    def chain_position(self, info: str | None) -> tuple[int, int]:
        parts = (info or "").split("-")
        if len(parts) != 2:
            raise self.fail("a chain link without its ->chain-element position")
        return self.integer(parts[0], "chain id"), self.integer(parts[1], "chain element")

    def integer(self, text: str | None, what: str) -> int:
        if text is None or not text.isdigit():
            raise self.fail(f"the {what} {text!r} is not a number")
        return int(text)

    def unescape(self, value: str) -> str:
        return _VALUE_ESCAPE.sub(lambda m: _VALUE_UNESCAPED.get(m[1], m[1]), value)

    def unescape_text(self, text: str) -> str:
        if self.minor >= 2:
            return _TEXT_ESCAPE.sub(lambda m: _TEXT_UNESCAPED.get(m[1], m[1]), text)
        return _JAVA_ESCAPE.sub(_java_unescaped, text)

    # -- the result ------------------------------------------------------------------------------

    def finish(self, text: str) -> _Parsed:
        offsets = Utf16Offsets(text)
        if offsets.differ and self.summary is not None:
            self.summary.note("WebAnno TSV offsets were UTF-16 code units: converted")
        for unit in self.units.values():
            begin, end = offsets.code_point(unit.begin), offsets.code_point(unit.end)
            if begin is None or end is None:
                raise self.fail(
                    f"token {unit.id} at {unit.begin}-{unit.end} lies outside the #Text lines "
                    "or splits a character",
                    unit.line,
                )
            covered, given = text[begin:end], self.texts[unit.id]
            if covered != given:
                raise self.fail(
                    f"token {unit.id} is {given!r} but the #Text lines have {covered!r} there",
                    unit.line,
                )
        self.token_ends()
        spans: list[Span] = []
        ids: dict[int, SpanId] = {}
        for annotation in self.annotations:
            if annotation.layer == "relation":
                continue
            begin = offsets.code_point(annotation.begin)
            end = offsets.code_point(annotation.end)
            assert begin is not None and end is not None  # unit offsets were checked above
            if begin == end:
                self.lose(f"zero-width {annotation.short} annotation (nothing to mark)")
                continue
            span_id = SpanId(len(spans) + 1)
            ids[id(annotation)] = span_id
            label, attrs = self.label(annotation)
            spans.append(
                Span(
                    span_id,
                    DocumentId(""),
                    AnnotatorName(""),
                    begin,
                    end,
                    label,
                    attrs,
                    annotation.name,
                )
            )
        return _Parsed(text, spans, self.relations(ids))

    def token_ends(self) -> None:
        """Spans for the tokens a relation layer attached to tokens joins.

        Such a layer's ends are the rows themselves, which no column declares, so the
        relation would otherwise have nothing to point at."""
        if any(column.type_name == TOKEN for column in self.columns if column.layer == "span"):
            return
        for annotation in list(self.annotations):
            if annotation.layer != "relation" or annotation.ends is None:
                continue
            self.number = annotation.line
            if self.target(annotation.type_name, "relation_ref", "") != TOKEN:
                continue
            governor_unit, _, dependent_unit, _ = annotation.ends
            for unit_id in (governor_unit, dependent_unit):
                unit = self.units.get(unit_id)
                if unit is not None and unit.get(TOKEN, 0) is None:
                    token = _Annotation("span", TOKEN, unit.begin, unit.end, unit.line, unit.id)
                    self.annotations.append(token)
                    unit.add(token)

    def label(self, annotation: _Annotation) -> tuple[str, dict[str, AttrValue]]:
        attrs: dict[str, AttrValue] = dict(annotation.features)
        if annotation.layer == "chain":
            return annotation.chain_type or _chain_name(annotation.short), attrs
        key = _LABEL_FEATURES.get(annotation.type_name)
        if key is None or key not in attrs:
            key = next((k for k in _GENERIC_LABEL_FEATURES if k in attrs), None)
        label = attrs.pop(key, None) if key is not None else None
        return (str(label) if label else annotation.short), attrs

    def relations(self, ids: dict[int, SpanId]) -> list[Relation]:
        out: list[Relation] = []
        seen: set[tuple[str, SpanId, SpanId]] = set()

        def add(label: str, head: _Annotation | None, child: _Annotation | None) -> None:
            head_id = ids.get(id(head)) if head is not None else None
            child_id = ids.get(id(child)) if child is not None else None
            if head_id is None or child_id is None:
                self.lose(f"{label} relation to a zero-width annotation")
                return
            # INCEpTION repeats a relation on each sub-token of a dependent that covers
            # parts of two tokens; it is one relation.
            if (label, head_id, child_id) not in seen:
                seen.add((label, head_id, child_id))
                out.append(Relation(RelationId(len(out) + 1), label, head_id, child_id))

        for annotation in self.annotations:
            if annotation.layer == "relation":
                self.number = annotation.line
                label, attrs = self.label(annotation)
                for name in attrs:
                    self.lose(f"relation feature {name} (relations carry no attributes)")
                if annotation.ends is None:
                    raise self.fail(f"a {annotation.short} relation without its BT_ column")
                governor_unit, governor, dependent_unit, dependent = annotation.ends
                target = self.target(annotation.type_name, "relation_ref", "")
                add(
                    label,
                    self.resolve(target, governor_unit, governor),
                    self.resolve(target, dependent_unit, dependent),
                )
            for feature, roles in annotation.roles.items():
                self.number = annotation.line
                targets = annotation.targets.get(feature, [])
                if len(targets) != len(roles):
                    raise self.fail(
                        f"slot {feature} has {len(roles)} roles but {len(targets)} targets"
                    )
                target_type = self.target(annotation.type_name, "slot_target", feature)
                for role, reference in zip(roles, targets, strict=True):
                    if reference is None:
                        self.lose(f"{feature} link without a target")
                        continue
                    add(role or feature, annotation, self.resolve(target_type, *reference))
        for _chain, elements in sorted(self.chains.items()):
            ordered = [elements[k] for k in sorted(elements)]
            for link, following in pairwise(ordered):
                add(link.chain_relation or _chain_name(link.short), link, following)
        return out

    def resolve(self, type_name: str, unit_id: str, ident: int) -> _Annotation:
        """The annotation a reference names: by its id, or the first of its type at the unit."""
        if ident > 0:
            found = self.by_id.get(ident)
            if found is None:
                raise self.fail(f"refers to [{ident}], which no annotation has")
            return found
        unit = self.units.get(unit_id)
        if unit is None:
            raise self.fail(f"refers to token {unit_id}, which the file does not have")
        annotation = unit.get(type_name, 0)
        if annotation is None:
            short = type_name.rsplit(".", 1)[-1]
            raise self.fail(f"refers to a {short} annotation at {unit_id}, where there is none")
        return annotation

    def target(self, type_name: str, kind: str, feature: str) -> str:
        """The layer a relation or slot column of ``type_name`` points into."""
        for column in self.columns:
            same = column.type_name == type_name and column.kind == kind
            if same and (not feature or column.feature == feature):
                return column.target
        short = type_name.rsplit(".", 1)[-1]
        raise self.fail(f"the {short} layer has no column naming what its references point to")


def _chain_name(short: str) -> str:
    """``CoreferenceLink`` -> ``Coreference``: INCEpTION names chain layers so."""
    return short[: -len("Link")] if short.endswith("Link") and len(short) > 4 else short


def _suffix(value: str) -> tuple[str, str | None]:
    """Split ``value[3]`` or ``value->1-2`` into the value and what is in the suffix."""
    if value.endswith("]") and not value.endswith("\\]"):
        cut = value.rfind("[")
        if cut >= 0:
            return value[:cut], value[cut + 1 : -1]
    match = _CHAIN_SUFFIX.match(value)
    if match is not None:
        return match[1], match[2]
    return value, None


def _java_unescaped(match: re.Match[str]) -> str:
    """Java's unescapeJava for WebAnno TSV 3.0 and 3.1 text lines."""
    body = match[1]
    if body.startswith("u") and len(body) > 4:
        return chr(int(body[-4:], 16))
    if body[0] in "01234567":
        return chr(int(body, 8))
    return {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "b": "\b"}.get(body, body)
