"""The native JSONL format of docs/design.md: one record of one shape per line, lossless.

Every line has the same fields, so one-table readers (pandas, ``datasets``) load a file as
it is: the document, one annotator's set of it (``annotator`` null and nothing in it for a
document without annotations), and the speaker and target registry entries that its spans
name (``speakers``, ``targets``). Registry entries no span names ride on the last line.
The reader also takes the older layout, where registry entries were lines of their own.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from hashlib import sha256 as _sha256
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

import orjson

from annotator.errors import InputError
from annotator.formats.lines import numbered_lines
from annotator.formats.source import utf8_problem
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Speaker,
    SpeakerType,
    Status,
    Target,
)
from annotator.model.annotation import RelationValues, SpanValues
from annotator.model.schema import Attribute, RelationType, Schema

_DOC_KEYS = {"id", "text", "title", "meta", "text_sha256"}
_SET_KEYS = {"annotator", "status", "spans", "relations", "doc_attrs", "seconds"}
_REGISTRY_KEYS = {"speakers", "targets"}
_LINE_KEYS = _DOC_KEYS | _SET_KEYS | _REGISTRY_KEYS
_SPEAKER_KEYS = {"name", "type", "description", "wikidata"}
_TARGET_KEYS = {"label", "definition"}
_SPAN_KEYS = {"id", "start", "end", "label", "text", "attrs"}
_RELATION_KEYS = {"label", "head", "child"}
_STATUSES = ", ".join(s.value for s in Status)
#: Status by its value: a dict lookup, not the Enum's call (a tenth of a line's parse).
_STATUS_OF = {s.value: s for s in Status}
#: An Enum member's ``.value`` is a property call (~1 µs): read once.
_TODO = Status.TODO.value


@dataclass(slots=True)
class Record:
    """One parsed line: a document (with, on an annotation line, its set with local span
    ids), or a registry entry (a speaker or a stance target with what the name alone lacks).

    A line of the one-shape layout that carries registry entries is read as one Record per
    entry (new to this file) followed by its document's Record, all with its line number.
    """

    line: int
    document: Document | None
    annotation: AnnotationSet | None = None
    entry: Speaker | Target | None = None


@dataclass(slots=True)
class Parsed:
    """One document line, checked, as plain values: what an import stores. Built without
    model objects (a frozen ``Document`` costs ~4 µs, each ``Span`` ~1 µs, and a large import
    builds millions); :func:`read_jsonl` makes them from it for everyone else."""

    line: int
    document: DocumentId
    text: str
    title: str
    meta: dict[str, Any]
    sha256: str
    #: None for a document without annotations (the rest below is then empty).
    annotator: AnnotatorName | None
    #: The checked value of a ``Status``.
    status: str
    spans: list[SpanValues]
    relations: list[RelationValues]
    doc_attrs: dict[str, AttrValue]
    seconds: float


def parsed_from(line: int, document: Document, annotation: AnnotationSet | None) -> Parsed:
    """A document and its set (another format's, read as model objects) as plain values."""
    if annotation is None:
        return Parsed(
            line, document.id, document.text, document.title, document.meta, document.sha256,
            None, Status.TODO.value, [], [], {}, 0.0,
        )  # fmt: skip
    spans, relations = annotation.values()
    return Parsed(
        line,
        document.id,
        document.text,
        document.title,
        document.meta,
        document.sha256,
        annotation.annotator,
        annotation.status.value,
        spans,
        relations,
        annotation.doc_attrs,
        annotation.seconds,
    )


def _record(parsed: Parsed) -> Record:
    """The model objects of a parsed line, as :func:`read_jsonl` gives them."""
    document = Document(parsed.document, parsed.text, parsed.title, parsed.meta, parsed.sha256)
    who = parsed.annotator
    if who is None:
        return Record(parsed.line, document, None)
    did = document.id
    spans = [
        Span(SpanId(index), did, who, start, end, label, attrs, name)
        for index, (name, start, end, label, attrs) in enumerate(parsed.spans, start=1)
    ]
    relations = [
        Relation(RelationId(index), label, SpanId(head + 1), SpanId(child + 1))
        for index, (label, head, child) in enumerate(parsed.relations, start=1)
    ]
    annotation = AnnotationSet(
        did, who, _STATUS_OF[parsed.status], spans, relations, parsed.doc_attrs, parsed.seconds
    )
    return Record(parsed.line, document, annotation)


_NO_ATTRS: dict[str, Any] = {}
#: Distinct (label, attribute, value) triples remembered as valid while reading one file.
_VALID_KEPT = 10_000


class _SchemaIndex:
    """Lookups the per-span checks need, built once per file instead of once per span."""

    def __init__(self, schema: Schema) -> None:
        self.span_attrs: dict[str, dict[str, Attribute]] = {
            label.name: {a.name: a for a in schema.span_attributes(label.name)}
            for label in schema.labels
        }
        self.relations: dict[str, RelationType] = {r.name: r for r in schema.relations}
        #: (label, attribute, type, value) of span attribute values already found valid: a
        #: file repeats a few values over and over (the type too: True == 1, but 1 is a value
        #: where True is not).
        self.valid: set[tuple[str, str, type, Any]] = set()


class _Line:
    """Checks one decoded JSON line; every complaint becomes an InputError on that line."""

    def __init__(self, path: Path, number: int, schema: Schema, index: _SchemaIndex) -> None:
        self.path = path
        self.number = number
        self.schema = schema
        self.schema_index = index

    def fail(self, problem: str) -> InputError:
        return InputError(self.path, problem, self.number)

    def string(self, obj: dict[str, Any], key: str, what: str, *, required: bool = False) -> str:
        value = obj.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or (required and not value):
            raise self.fail(f'{what} needs "{key}" as a non-empty string')
        return value

    def integer(self, obj: dict[str, Any], key: str, what: str) -> int:
        value = obj.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f'{what}: "{key}" must be a whole number, not {value!r}')
        return value

    def mapping(self, obj: dict[str, Any], key: str, what: str) -> dict[str, Any]:
        value = obj.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(f'{what}: "{key}" must be an object')
        return value

    def unknown_keys(self, obj: dict[str, Any], allowed: set[str], what: str) -> None:
        if obj.keys() <= allowed:  # every line of a large import: no set, no sort
            return
        extra = sorted(set(obj) - allowed)
        if extra:
            raise self.fail(f'{what} has unknown field "{extra[0]}"')

    def attrs(self, raw: dict[str, Any], label: str | None, what: str) -> dict[str, AttrValue]:
        for name, value in raw.items():
            attribute = (
                self.schema.span_attribute(label, name)
                if label is not None
                else self.schema.document_attribute(name)
            )
            if attribute is None:
                owner = f"label {label}" if label is not None else "documents"
                raise self.fail(f'{what}: the schema has no attribute "{name}" for {owner}')
            problem = self.schema.check_value(attribute, value)
            if problem:
                raise self.fail(f"{what}: {problem}")
        return raw

    def entry(self, kind: str, raw: Any) -> Speaker | Target:
        if not isinstance(raw, dict):
            raise self.fail(f'"{kind}" must be an object')
        if kind == "speaker":
            self.unknown_keys(raw, _SPEAKER_KEYS, "the speaker")
            name = self.string(raw, "name", "the speaker", required=True)
            kind_text = raw.get("type", SpeakerType.PERSON.value)
            try:
                speaker_type = SpeakerType(kind_text)
            except ValueError:
                known = ", ".join(t.value for t in SpeakerType)
                raise self.fail(
                    f'speaker "{name}": type {kind_text!r} is not one of {known}'
                ) from None
            return Speaker(
                name,
                speaker_type,
                self.string(raw, "description", "the speaker"),
                self.string(raw, "wikidata", "the speaker"),
            )
        self.unknown_keys(raw, _TARGET_KEYS, "the target")
        label = self.string(raw, "label", "the target", required=True)
        return Target(label, self.string(raw, "definition", "the target"))

    def entries(self, obj: dict[str, Any]) -> list[Speaker | Target]:
        """The registry entries a one-shape line carries."""
        out: list[Speaker | Target] = []
        for key, kind in (("speakers", "speaker"), ("targets", "target")):
            raw = obj.get(key)
            if raw is None:
                continue
            if not isinstance(raw, list):
                raise self.fail(f'"{key}" must be a list')
            out.extend(self.entry(kind, item) for item in raw)
        return out

    def parse(self, obj: Any, default_annotator: str | None) -> Parsed | Record:
        """A document line as plain values; a registry line of the older layout as a Record."""
        if not isinstance(obj, dict):
            raise self.fail("each line must be a JSON object")
        if len(obj) == 1 and next(iter(obj)) in ("speaker", "target"):
            kind, raw = next(iter(obj.items()))
            return Record(self.number, None, entry=self.entry(kind, raw))
        self.unknown_keys(obj, _LINE_KEYS, "the line")
        doc_id = obj.get("id")
        if not isinstance(doc_id, str) or not doc_id:
            raise self.fail('the line needs "id" as a non-empty string')
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            raise self.fail(f'document "{doc_id}" needs "text" as a non-empty string')
        # The common shape checked inline; the wording (an f-string) only when one fails.
        title = obj.get("title")
        if title is None:
            title = ""
        elif type(title) is not str:
            title = self.string(obj, "title", f'document "{doc_id}"')
        meta = obj.get("meta", {})
        if type(meta) is not dict:
            meta = self.mapping(obj, "meta", f'document "{doc_id}"')  # refuses it
        # model.text_sha256, spelled out: a call per line was 3% of a short-record import.
        sha = _sha256(text.encode("utf-8")).hexdigest()
        given = obj.get("text_sha256")
        if given is not None and given != sha:
            raise self.fail(f'document "{doc_id}": "text_sha256" does not match its text')
        if obj.keys().isdisjoint(_SET_KEYS) or _document_only(obj):
            return Parsed(
                self.number, DocumentId(doc_id), text, title, meta, sha,
                None, _TODO, [], [], {}, 0.0,
            )  # fmt: skip
        annotator = obj.get("annotator")
        if annotator is None:
            annotator = default_annotator
        if not isinstance(annotator, str) or not annotator.strip():
            raise self.fail(
                f'document "{doc_id}": an annotation line needs "annotator" (or pass --annotator)'
            )
        status = obj.get("status") or _TODO
        if type(status) is not str or status not in _STATUS_OF:
            raise self.fail(f'status "{status}" is not one of {_STATUSES}')
        spans = self.spans(obj.get("spans", []), text)
        relations = self.relations(obj.get("relations", []), spans)
        doc_attrs: dict[str, AttrValue] = {}
        if "doc_attrs" in obj:
            doc_attrs = self.attrs(self.mapping(obj, "doc_attrs", "the line"), None, "doc_attrs")
        seconds = self.seconds(obj) if "seconds" in obj else 0.0
        return Parsed(
            self.number, DocumentId(doc_id), text, title, meta, sha,
            AnnotatorName(annotator), status, spans, relations, doc_attrs, seconds,
        )  # fmt: skip

    def seconds(self, obj: dict[str, Any]) -> float:
        """The active time of the set; files written before it existed have none."""
        value = obj.get("seconds")
        if value is None:
            return 0.0
        if type(value) not in (int, float) or value < 0 or value != value:
            raise self.fail(f'"seconds" must be a number of seconds, 0 or more, not {value!r}')
        return float(value)

    def spans(self, raw: Any, text: str) -> list[SpanValues]:
        if not isinstance(raw, list):
            raise self.fail('"spans" must be a list')
        # The hot loop of large imports: cheap checks inline, wording only when one fails.
        out: list[SpanValues] = []
        names: set[str] = set()
        length = len(text)
        allowed = self.schema_index.span_attrs
        for index, item in enumerate(raw, start=1):
            if type(item) is not dict or not item.keys() <= _SPAN_KEYS:
                raise self.span_problem(index, item, text)
            # Not item.get("id", f"T{index}"): that would format a string for every span.
            name = item["id"] if "id" in item else f"T{index}"  # noqa: SIM401
            start = item.get("start")
            end = item.get("end")
            label = item.get("label")
            attrs = item.get("attrs", _NO_ATTRS)
            if type(name) is int:
                name = str(name)
            if (
                type(name) is not str
                or not name
                or name in names
                or type(start) is not int
                or type(end) is not int
                or not 0 <= start < end <= length
                or type(label) is not str
                or label not in allowed
                or type(attrs) is not dict
                or ("text" in item and item["text"] != text[start:end])
            ):
                raise self.span_problem(index, {**item, "id": name}, text, names)
            if attrs:
                self.check_span_attrs(attrs, label, name)
            names.add(name)
            out.append((name, start, end, label, attrs))
        return out

    def check_span_attrs(self, attrs: dict[str, Any], label: str, name: str) -> None:
        valid = self.schema_index.valid
        for key, value in attrs.items():
            seen = (label, key, type(value), value)
            try:
                if seen in valid:
                    continue
            except TypeError:  # a list or an object: refused below
                pass
            attribute = self.schema_index.span_attrs[label].get(key)
            if attribute is None:
                raise self.fail(
                    f'span "{name}": the schema has no attribute "{key}" for label {label}'
                )
            problem = self.schema.check_value(attribute, value)
            if problem:
                raise self.fail(f'span "{name}": {problem}')
            if len(valid) >= _VALID_KEPT:
                valid.clear()  # free text makes every value new: keep memory flat
            valid.add(seen)

    def span_problem(
        self, index: int, item: Any, text: str, names: set[str] | None = None
    ) -> InputError:
        """The first thing wrong with a span, worded for the user."""
        what = f"span {index}"
        problem: str | None = None
        if not isinstance(item, dict):
            problem = "must be an object"
        elif extra := sorted(set(item) - _SPAN_KEYS):
            problem = f'has unknown field "{extra[0]}"'
        if problem is not None:
            return self.fail(f"{what} {problem}")
        name = item.get("id", f"T{index}")
        if not isinstance(name, str) or not name:
            return self.fail(f'{what}: "id" must be a non-empty string')
        what = f'span "{name}"'
        if names is not None and name in names:
            return self.fail(f"{what} appears twice in this line")
        start = self.integer(item, "start", what)
        end = self.integer(item, "end", what)
        if start < 0 or end > len(text):
            return self.fail(
                f"{what}: [{start}, {end}) lies outside the text of {len(text)} characters"
            )
        if end <= start:
            return self.fail(f"{what}: end {end} must be greater than start {start}")
        label = item.get("label")
        if not isinstance(label, str) or self.schema.label(label) is None:
            known = ", ".join(lab.name for lab in self.schema.labels)
            return self.fail(f"{what}: label {label!r} is not in the schema ({known})")
        covered = item.get("text")
        if covered is not None and covered != text[start:end]:
            return self.fail(
                f'{what}: "text" is {covered!r} but the text at [{start}, {end}) is '
                f"{text[start:end]!r}"
            )
        self.mapping(item, "attrs", what)
        raise AssertionError(f"span {index} was refused for no reason")  # pragma: no cover

    def relations(self, raw: Any, spans: list[SpanValues]) -> list[RelationValues]:
        if not isinstance(raw, list):
            raise self.fail('"relations" must be a list')
        if not raw:
            return []
        by_name = {span[0]: position for position, span in enumerate(spans)}
        kinds = self.schema_index.relations
        out: list[RelationValues] = []
        # The common shape checked inline; anything else is checked again below, in order,
        # so that the first problem is worded as ever.
        for item in raw:
            if type(item) is not dict or not item.keys() <= _RELATION_KEYS:
                break
            label = item.get("label")
            head = item.get("head")
            child = item.get("child")
            if type(label) is not str or type(head) is not str or type(child) is not str:
                break
            kind = kinds.get(label)
            at_head = by_name.get(head)
            at_child = by_name.get(child)
            if (
                kind is None
                or at_head is None
                or at_child is None
                or spans[at_head][3] not in kind.head
                or spans[at_child][3] not in kind.child
            ):
                break
            out.append((label, at_head, at_child))
        else:
            return out
        return self.checked_relations(raw, spans, by_name)

    def checked_relations(
        self, raw: list[Any], spans: list[SpanValues], by_name: dict[str, int]
    ) -> list[RelationValues]:
        """Every relation checked one by one, with the wording of the first problem."""
        out: list[RelationValues] = []
        for index, item in enumerate(raw, start=1):
            what = f"relation {index}"
            if not isinstance(item, dict):
                raise self.fail(f"{what} must be an object")
            self.unknown_keys(item, _RELATION_KEYS, what)
            label = item.get("label")
            kind = self.schema.relation(label) if isinstance(label, str) else None
            if kind is None:
                known = ", ".join(r.name for r in self.schema.relations) or "none"
                raise self.fail(f"{what}: relation {label!r} is not in the schema ({known})")
            ends: list[int] = []
            for role, allowed in (("head", kind.head), ("child", kind.child)):
                ref = item.get(role)
                ref = str(ref) if isinstance(ref, int) and not isinstance(ref, bool) else ref
                position = by_name.get(ref) if isinstance(ref, str) else None
                if position is None:
                    raise self.fail(f"{what} ({label}): {role} {ref!r} is not a span of this line")
                name, _, _, span_label, _ = spans[position]
                if span_label not in allowed:
                    raise self.fail(
                        f'{what} ({label}): {role} span "{name}" is a {span_label}, '
                        f"but {label} needs {' or '.join(allowed)}"
                    )
                ends.append(position)
            out.append((kind.name, ends[0], ends[1]))
        return out


def _document_only(obj: dict[str, Any]) -> bool:
    """A one-shape line of a document without annotations: annotator null, nothing in it."""
    return (
        "annotator" in obj
        and obj["annotator"] is None
        and not obj.get("spans")
        and not obj.get("relations")
        and not obj.get("doc_attrs")
    )


def read_jsonl(
    path: Path, schema: Schema, default_annotator: str | None = None
) -> Iterator[Record]:
    """Parse and check every line of ``path``; raises InputError at the first bad line."""
    for item in read_jsonl_values(path, schema, default_annotator):
        yield _record(item) if isinstance(item, Parsed) else item


def read_jsonl_values(
    path: Path, schema: Schema, default_annotator: str | None = None
) -> Iterator[Parsed | Record]:
    """:func:`read_jsonl` with each document line as plain values (registry entries still
    as Records), for imports: the same checks, without building model objects."""
    # Streamed a line at a time (memory stays flat however long the file); lines stay bytes:
    # orjson parses (and checks the UTF-8 of) bytes without a copy.
    index = _SchemaIndex(schema)
    # The same speaker travels on every line that names it: pass each entry on once.
    seen: set[Speaker | Target] = set()
    parser = _Line(path, 0, schema, index)
    for number, line in numbered_lines(path):
        parser.number = number
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            problem = utf8_problem(line) or f"not valid JSON ({exc})"
            raise InputError(path, problem, number) from None
        twice = duplicate_key(line, obj)
        if twice is not None:
            raise InputError(
                path, f'the key "{twice}" appears twice in one object (which one is meant?)', number
            )
        record = parser.parse(obj, default_annotator)
        if type(record) is Parsed and (obj.get("speakers") or obj.get("targets")):
            for entry in parser.entries(obj):
                if entry not in seen:
                    seen.add(entry)
                    yield Record(number, None, entry=entry)
        yield record


class _Twice(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _refuse_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = set()
    for key, _value in pairs:
        if key in keys:
            raise _Twice(key)
        keys.add(key)
    return dict(pairs)


def duplicate_key(line: bytes, obj: Any) -> str | None:
    """The first key found twice in one object of ``line`` (parsed as ``obj``), or None.

    orjson silently keeps the last of two equal keys. A line that orjson encodes back to the
    very same bytes has none (compact lines, such as our own exports); any other line is
    parsed again by the standard library, which sees every pair (about 5x slower)."""
    try:
        dumped = orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)
        # A compact line as our exports write it (with its newline) is compared as it is:
        # stripping it first copied every line.
        if dumped == line or dumped[:-1] == line.strip():
            return None
    except orjson.JSONEncodeError:
        pass
    try:
        json.loads(line, object_pairs_hook=_refuse_twice)
    except _Twice as twice:
        return twice.key
    except ValueError:
        pass  # what the standard library refuses and orjson took has no pair to compare
    return None


def looks_like_jsonl(path: Path) -> bool:
    """Format detection from content: a first non-blank character of ``{``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith(b"{")


_LINE = orjson.OPT_APPEND_NEWLINE
_SPEAKER_KEY = '"speaker"'
_TARGET_KEY = '"target"'
_NAMES_KEPT = 50_000
#: How much of a part written elsewhere is copied at a time (JsonlWriter.append).
_COPY_CHUNK = 1 << 20
_ATTRS_OF_ROW = itemgetter(4)

#: (span name, start, end, label, attrs JSON) of each span, as the store reads them.
SpanRows = list[list[Any]]
#: (annotator, status, doc_attrs JSON, spans JSON, span count, relation rows, active
#: seconds), as the store reads them; the spans JSON is an array of span rows.
SetRows = tuple[str, str, str, str, int, list[tuple[str, str, str]], float]
#: A registry key inside the spans JSON: each span's attribute text is a string there, its
#: quotes escaped. A set whose spans JSON holds neither names no registry entry.
_SPEAKER_IN_SPANS = '\\"speaker\\"'
_TARGET_IN_SPANS = '\\"target\\"'
_NOTHING_NAMED: tuple[list[dict[str, str]], list[dict[str, str]]] = ([], [])


def _document_fields(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "text": document.text,
        "meta": document.meta,
        "text_sha256": document.sha256,
    }


def _speaker_record(entry: Speaker) -> dict[str, str]:
    return {
        "name": entry.name,
        "type": entry.type.value,
        "description": entry.description,
        "wikidata": entry.wikidata,
    }


def _target_record(entry: Target) -> dict[str, str]:
    return {"label": entry.label, "definition": entry.definition}


def encode_entry(entry: Speaker | Target) -> bytes:
    """A registry line of the older layout (still written for a project without documents)."""
    if isinstance(entry, Speaker):
        record: dict[str, Any] = {"speaker": _speaker_record(entry)}
    else:
        record = {"target": _target_record(entry)}
    return orjson.dumps(record, option=_LINE)


class _Registry:
    """The registry entries a line names, and which entries no line has named yet."""

    def __init__(self, entries: Iterable[Speaker | Target]) -> None:
        self.speakers: dict[str, Speaker] = {}
        self.targets: dict[str, Target] = {}
        for entry in entries:
            if isinstance(entry, Speaker):
                self.speakers[entry.name] = entry
            else:
                self.targets[entry.label] = entry
        self.unused_speakers = dict(self.speakers)
        self.unused_targets = dict(self.targets)
        #: attribute JSON -> the entries it names. A project repeats a few attribute
        #: combinations over and over: each is parsed once, not once per span.
        self._names: dict[str, tuple[Speaker | None, Target | None]] = {"{}": (None, None)}
        #: the distinct attribute texts of a set -> the records they name. Sets repeat a few
        #: combinations too: the records are built once each and shared, never changed.
        self._combinations: dict[
            tuple[str, ...], tuple[list[dict[str, str]], list[dict[str, str]]]
        ] = {}

    def _entries_of(self, attrs: str) -> tuple[Speaker | None, Target | None]:
        speaker: Speaker | None = None
        target: Target | None = None
        # Most spans name neither: look inside the attribute JSON only when it can.
        if _SPEAKER_KEY in attrs or _TARGET_KEY in attrs:
            values = orjson.loads(attrs)
            name = values.get("speaker")
            speaker = self.speakers.get(name) if isinstance(name, str) else None
            label = values.get("target")
            target = self.targets.get(label) if isinstance(label, str) else None
        self._names[attrs] = (speaker, target)
        return speaker, target

    def named(
        self, spans_json: str, spans: SpanRows
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """The speaker and target records the spans (parsed from ``spans_json``) name, in
        the order they first do. The records are shared: never to be changed."""
        if _SPEAKER_IN_SPANS not in spans_json and _TARGET_IN_SPANS not in spans_json:
            return _NOTHING_NAMED
        # The distinct attribute texts of the set in span order (the order the entries go
        # out in), collected in C: a Python step per span cost a fifth of an export.
        combination = tuple(dict.fromkeys(map(_ATTRS_OF_ROW, spans)))
        found = self._combinations.get(combination)
        if found is None:
            if len(self._combinations) > _NAMES_KEPT:
                self._combinations.clear()  # free text makes every set new: memory stays flat
            found = self._combinations[combination] = self._entries_named(combination)
        return found

    def _entries_named(
        self, combination: tuple[str, ...]
    ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        speakers: dict[str, Speaker] = {}
        targets: dict[str, Target] = {}
        known = self._names
        if len(known) > _NAMES_KEPT:
            known.clear()
        for attrs in combination:
            found = known.get(attrs)
            speaker, target = found if found is not None else self._entries_of(attrs)
            if speaker is not None:
                speakers[speaker.name] = speaker
            if target is not None:
                targets[target.label] = target
        for key in speakers:
            self.unused_speakers.pop(key, None)
        for key in targets:
            self.unused_targets.pop(key, None)
        return (
            [_speaker_record(s) for s in speakers.values()],
            [_target_record(t) for t in targets.values()],
        )

    def leftovers(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        """Entries no line named: they ride on the last line so that nothing is lost."""
        return (
            [_speaker_record(s) for s in self.unused_speakers.values()],
            [_target_record(t) for t in self.unused_targets.values()],
        )


def encode_set(
    document: Document,
    annotator: str,
    status: str,
    doc_attrs_json: str,
    spans: SpanRows,
    relations: Iterable[tuple[str, str, str]],
    seconds: float = 0.0,
    speakers: list[dict[str, str]] | None = None,
    targets: list[dict[str, str]] | None = None,
) -> bytes:
    """One annotation line from plain rows; attribute JSON is embedded as it is stored."""
    text = document.text
    # One dict display, keys in the order of the format: this runs for every set.
    return orjson.dumps(
        {
            "id": document.id,
            "title": document.title,
            "text": text,
            "meta": document.meta,
            "text_sha256": document.sha256,
            "annotator": annotator,
            "status": status,
            "spans": [
                {
                    "id": name,
                    "start": start,
                    "end": end,
                    "label": label,
                    "text": text[start:end],
                    "attrs": orjson.Fragment(attrs),
                }
                for name, start, end, label, attrs in spans
            ],
            "relations": [
                {"label": label, "head": head, "child": child} for label, head, child in relations
            ],
            "doc_attrs": orjson.Fragment(doc_attrs_json),
            "seconds": round(seconds, 3),
            "speakers": speakers or [],
            "targets": targets or [],
        },
        option=_LINE,
    )


def encode_document(
    document: Document,
    speakers: list[dict[str, str]] | None = None,
    targets: list[dict[str, str]] | None = None,
) -> bytes:
    """The line of a document without annotations: the same fields, empty."""
    record = _document_fields(document)
    record.update(
        annotator=None,
        status=None,
        spans=[],
        relations=[],
        doc_attrs={},
        seconds=None,
        speakers=speakers or [],
        targets=targets or [],
    )
    return orjson.dumps(record, option=_LINE)


def write_jsonl(
    out: IO[bytes],
    items: Iterable[tuple[Document, list[SetRows]]],
    registry: Iterable[Speaker | Target] = (),
) -> int:
    """Write one line per annotation set (a document without any gets an empty one), each
    with the registry entries its spans name; returns the number of lines."""
    writer = JsonlWriter(out, registry)
    writer.write(items)
    return writer.finish()


#: The line a writer holds back: (document, its set; None for a document without any).
Held = tuple[Document, SetRows | None]


@dataclass(slots=True)
class Handover:
    """What a writer of a part of the lines hands on to the writer of the whole file: how
    many lines it wrote, the registry entries they named (speaker names, target labels) and
    the line it held back, last of its part (None if it had none)."""

    lines: int
    speakers: list[str]
    targets: list[str]
    held: Held | None


class JsonlWriter:
    """The lines of a JSONL export, written as they come. The last line is held back: it
    carries the registry entries no line named, known only at the end (:meth:`finish`).

    The lines of a part of the file written elsewhere (another process) are put in between
    by :meth:`append`, with that part's :class:`Handover`."""

    def __init__(self, out: IO[bytes], registry: Iterable[Speaker | Target] = ()) -> None:
        self._out = out
        self._entries = _Registry(registry)
        self._held: Held | None = None
        self.lines = 0

    def write(self, items: Iterable[tuple[Document, list[SetRows]]]) -> None:
        """Write the lines of ``items``, in order, the last one held back."""
        entries = self._entries
        buffer: list[bytes] = []
        held = self._held
        # Writing releases the GIL: a writer thread lets the disk work while the next batch
        # is read and encoded. One batch in flight keeps memory bounded and the order intact.
        with ThreadPoolExecutor(max_workers=1) as writer:
            pending: Future[int] | None = None
            for document, sets in items:
                choices: list[SetRows | None] = [*sets] if sets else [None]
                for rows in choices:
                    if held is not None:
                        buffer.append(_encode(entries, *held))
                    held = (document, rows)
                if len(buffer) >= 1000:
                    if pending is not None:
                        pending.result()
                    pending = writer.submit(self._out.write, b"".join(buffer))
                    self.lines += len(buffer)
                    buffer = []
            if pending is not None:
                pending.result()
        self._out.write(b"".join(buffer))
        self.lines += len(buffer)
        self._held = held

    def handover(self) -> Handover:
        """This writer's part, for the writer of the whole file (:meth:`append`)."""
        entries = self._entries
        return Handover(
            self.lines,
            [name for name in entries.speakers if name not in entries.unused_speakers],
            [label for label in entries.targets if label not in entries.unused_targets],
            self._held,
        )

    def append(self, part: IO[bytes], handover: Handover) -> None:
        """Put after the lines so far those of a part written elsewhere: ``part`` holds them
        (read from where it stands), ``handover`` what came with them."""
        if handover.held is None:
            return  # the part had no lines: the held line stays the last
        if self._held is not None:
            self._out.write(_encode(self._entries, *self._held))
            self.lines += 1
        shutil.copyfileobj(part, self._out, _COPY_CHUNK)
        self.lines += handover.lines
        for name in handover.speakers:
            self._entries.unused_speakers.pop(name, None)
        for label in handover.targets:
            self._entries.unused_targets.pop(label, None)
        self._held = handover.held

    def finish(self) -> int:
        """Write the held line, with the registry entries no line named; returns the number of
        lines written in all."""
        entries = self._entries
        if self._held is not None:
            self._out.write(_encode(entries, *self._held, last=True))
            self.lines += 1
        else:
            # No line to carry them: the registry alone, as lines of the older layout.
            lines = [encode_entry(entry) for entry in entries.speakers.values()]
            lines.extend(encode_entry(entry) for entry in entries.targets.values())
            self._out.write(b"".join(lines))
            self.lines += len(lines)
        self._held = None
        return self.lines


def _encode(
    entries: _Registry, document: Document, rows: SetRows | None, last: bool = False
) -> bytes:
    speakers: list[dict[str, str]] = []
    targets: list[dict[str, str]] = []
    spans: SpanRows = []
    if rows is not None:
        spans = orjson.loads(rows[3])
        speakers, targets = entries.named(rows[3], spans)
    if last:
        more_speakers, more_targets = entries.leftovers()
        # New lists: the named ones are shared by every set of the same combination.
        speakers = [*speakers, *more_speakers]
        targets = [*targets, *more_targets]
    if rows is None:
        return encode_document(document, speakers, targets)
    annotator, status, doc_attrs, _, _, relations, seconds = rows
    return encode_set(
        document, annotator, status, doc_attrs, spans, relations, seconds, speakers, targets
    )
