"""doccano JSONL: span projects (``label: [[s, e, L]]``, also ``labels``) and relation projects
(``entities`` / ``relations``), one JSON object per line or one (pretty-printed) object.

doccano's export is a zip with one ``<username>.jsonl`` per annotator (``all.jsonl`` when the
project is collaborative); read from that zip or its unpacked folder, each file is a layer
named by its user. A single file gives a layer without annotator (the import names it).
Text categories (``label: ["pos"]``, ``cats``) become the document attribute ``category``;
a user's ``Comments`` the layer's document attribute ``note``; other top-level keys are the
example's meta and become document meta. Its JSON (an array) and CSV exports of a
text-classification project (categories joined by ``#``) are read the same way, and doccano
1.0's CSV (a row per annotation: ``annotation_approver,id,label,text,user``) as its JSONL.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Literal

import orjson

from annotator.errors import InputError
from annotator.formats.csv_documents import read_table
from annotator.formats.json_records import JsonRecord, iter_records, read_records
from annotator.formats.raw_layer import (
    LayerBuilder,
    first_line,
    is_int,
    offsets_problem,
    textless,
    unique_id,
)
from annotator.formats.source import MAX_BYTES
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId, SpanId
from annotator.model.schema import Schema

CATEGORY = "category"
Fail = Callable[[str], InputError]
#: the attribute a user's doccano comments on an example become (brat's notes do too)
NOTE = "note"
_KNOWN = {
    "id", "text", "data", "title", "label", "labels", "entities", "relations", "cats",
    "annotations", "meta", "Comments",
}  # fmt: skip
#: the columns doccano's CSV export of a text-classification project always has
CSV_COLUMNS = frozenset({"id", "text", "label", "Comments"})
#: doccano 1.0's CSV export: the example's columns and one annotation's label and user a row
OLD_CSV_COLUMNS = frozenset({"annotation_approver", "id", "text", "label", "user"})


class _Reader:
    def __init__(self, summary: TransferSummary) -> None:
        self.summary = summary
        self.documents: dict[str, Document] = {}
        self.sets: dict[str, dict[str, AnnotationSet]] = {}
        self.seen: set[str] = set()
        #: doccano entity id -> our span, for the relations of the current example
        self.ids: dict[Any, SpanId] = {}

    def read(self, path: Path, records: Iterable[JsonRecord], annotator: str) -> None:
        for record in records:
            self.line(path, record, annotator)

    def line(self, path: Path, record: JsonRecord, annotator: str) -> None:
        obj = record.value

        def fail(problem: str) -> InputError:
            return record.error(path, "example", problem)

        if not isinstance(obj, dict):
            raise fail("each example must be a JSON object")
        text = obj.get("text", obj.get("data"))
        if not isinstance(text, str):
            raise fail('the example has no "text"')
        if textless(text):
            self.summary.skip_textless(record.place(path, "example"))
            return
        raw_id = obj.get("id")
        base = str(raw_id) if is_int(raw_id) or isinstance(raw_id, str) else ""
        existing = self.documents.get(base) if base else None
        if existing is not None and existing.text == text:
            document = existing
        else:
            meta = {k: v for k, v in obj.items() if k not in _KNOWN}
            if isinstance(obj.get("meta"), dict):
                meta.update(obj["meta"])
            title = obj.get("title")
            doc_id = unique_id(base or f"example-{record.index}", self.seen)
            document = Document(
                DocumentId(doc_id),
                text,
                title if isinstance(title, str) else first_line(text),
                meta,
            )
            self.documents[doc_id] = document
            self.sets[doc_id] = {}
            self.summary.documents += 1
        layers: dict[str, LayerBuilder] = {}
        self.ids = {}

        def layer(who: str) -> LayerBuilder:
            if who not in layers:
                layers[who] = LayerBuilder(document.id, who)
            return layers[who]

        categories: list[str] = []
        for key in ("label", "labels", "entities"):
            items = obj.get(key)
            if items is None:
                continue
            if not isinstance(items, list):
                raise fail(f'"{key}" must be a list')
            self.spans(items, key, text, layer(annotator), categories, fail)
        if isinstance(obj.get("annotations"), list):
            for index, item in enumerate(obj["annotations"], start=1):
                self.old_annotation(item, index, text, annotator, layer, fail)
        cats = obj.get("cats", [])
        if isinstance(cats, list):
            categories += [str(c) for c in cats if isinstance(c, str | int)]
        if categories:
            layer(annotator).doc_attrs[CATEGORY] = ", ".join(categories)
        # Comments are the file's user's, not the example's: in a per-user export every
        # file repeats the example with that user's comments
        comments = _comments(obj.get("Comments"))
        if comments:
            layer(annotator).doc_attrs[NOTE] = comments
        relations = obj.get("relations")
        if relations:
            self.relations(relations, layer(annotator), fail)
        for who, builder in layers.items():
            annotation = builder.build()
            if not (annotation.spans or annotation.doc_attrs):
                continue
            if who in self.sets[document.id]:
                self.summary.lose("second example with the same id and annotator, kept the later")
            self.sets[document.id][who] = annotation
            self.summary.spans += len(annotation.spans)
            self.summary.relations += len(annotation.relations)

    def span(
        self,
        layer: LayerBuilder,
        text: str,
        start: Any,
        end: Any,
        label: Any,
        fail: Fail,
        name: str = "",
    ) -> SpanId | None:
        problem = offsets_problem(start, end, len(text))
        if problem:
            raise fail(f"span {name or len(layer.spans) + 1}: {problem}")
        if not isinstance(label, str | int) or isinstance(label, bool) or label == "":
            raise fail(f"span {name or len(layer.spans) + 1}: the label must be a name")
        if start == end:
            self.summary.lose("empty span (start = end) skipped")
            return None
        return layer.span(start, end, str(label), name=name)

    def spans(
        self,
        items: list[Any],
        key: str,
        text: str,
        layer: LayerBuilder,
        categories: list[str],
        fail: Fail,
    ) -> None:
        for item in items:
            if isinstance(item, str):
                categories.append(item)
            elif isinstance(item, list) and len(item) == 3:
                self.span(layer, text, item[0], item[1], item[2], fail)
            elif isinstance(item, dict):
                span = self.span(
                    layer,
                    text,
                    item.get("start_offset"),
                    item.get("end_offset"),
                    item.get("label"),
                    fail,
                    str(item.get("id", "")),
                )
                if span is not None and _key(item.get("id")) is not None:
                    self.ids[_key(item.get("id"))] = span
            else:
                raise fail(f'every item of "{key}" must be [start, end, "LABEL"] or an object')

    def old_annotation(
        self,
        item: Any,
        index: int,
        text: str,
        annotator: str,
        layer: Callable[[str], LayerBuilder],
        fail: Fail,
    ) -> None:
        """doccano 1.0 exports: ``annotations: [{label, start_offset, end_offset, user}]``."""
        if not isinstance(item, dict):
            raise fail(f"annotation {index} must be an object")
        user = item.get("user")
        who = str(user) if is_int(user) or isinstance(user, str) else annotator
        if "start_offset" in item:
            self.span(
                layer(who),
                text,
                item.get("start_offset"),
                item.get("end_offset"),
                item.get("label"),
                fail,
            )
        elif isinstance(item.get("label"), str | int):
            # a multi-label example has an annotation per category: all of them are kept
            attrs, label = layer(who).doc_attrs, str(item["label"])
            attrs[CATEGORY] = f"{attrs[CATEGORY]}, {label}" if CATEGORY in attrs else label

    def relations(self, items: Any, layer: LayerBuilder, fail: Fail) -> None:
        if not isinstance(items, list):
            raise fail('"relations" must be a list')
        ids = self.ids
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise fail(f"relation {index} must be an object")
            head, child = ids.get(_key(item.get("from_id"))), ids.get(_key(item.get("to_id")))
            label = item.get("type", item.get("label"))
            if head is None or child is None:
                raise fail(
                    f"relation {item.get('id', index)} refers to an entity the example lacks"
                )
            if not isinstance(label, str) or not label:
                raise fail(f'relation {item.get("id", index)}: "type" must be a name')
            layer.relate(label, head, child)

    def result(self) -> list[tuple[Document, list[AnnotationSet]]]:
        return [(d, list(self.sets[d.id].values())) for d in self.documents.values()]


def _comments(value: Any) -> str:
    """doccano's ``Comments``: strings (most projects) or ``{"id", "comment"}`` objects
    (relation projects), or in its CSV export one string joined by ``#``; one per line."""
    if isinstance(value, str):
        return value.replace("#", "\n")
    if not isinstance(value, list):
        return ""
    texts = [c.get("comment") if isinstance(c, dict) else c for c in value]
    return "\n".join(t for t in texts if isinstance(t, str) and t)


def _csv_records(path: Path) -> list[JsonRecord]:
    """The rows of doccano's CSV export (text classification) as the JSONL records it
    writes otherwise: the categories, joined by ``#`` in a cell, as a list."""
    columns, rows = read_table(path)
    if set(columns) >= OLD_CSV_COLUMNS:
        return _old_csv_records(rows)
    return [
        JsonRecord(
            record | {"label": [c for c in record.get("label", "").split("#") if c]}, i, line
        )
        for i, (line, record) in enumerate(rows, start=1)
    ]


def _old_csv_records(rows: list[tuple[int, dict[str, str]]]) -> list[JsonRecord]:
    """doccano 1.0's CSV rows as its JSONL records: the rows of one example (one per
    annotation, in a row) become one record with those annotations."""
    out: list[JsonRecord] = []
    for line, row in rows:
        label, user = row.pop("label"), row.pop("user")
        # A row without a label is an example nobody labelled; a label without a user goes
        # to the default annotator.
        annotations = [{"label": label, "user": user or None}] if label else []
        previous = out[-1].value if out else None
        if previous is not None and (previous["id"], previous["text"]) == (row["id"], row["text"]):
            previous["annotations"] += annotations
            continue
        # an empty cell is the null the JSONL export writes (no approver yet)
        record: dict[str, Any] = {k: v if v != "" else None for k, v in row.items()}
        record |= {"text": row["text"], "annotations": annotations}
        out.append(JsonRecord(record, len(out) + 1, line))
    return out


def _key(value: Any) -> str | int | None:
    """An entity id usable as a key (doccano ids are numbers; strings are accepted too)."""
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def _zip_members(path: Path) -> list[tuple[str, list[JsonRecord]]]:
    import tempfile

    out: list[tuple[str, list[JsonRecord]]] = []
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                name = Path(info.filename)
                if info.is_dir() or name.suffix not in (".jsonl", ".json", ".csv"):
                    continue
                if info.file_size > MAX_BYTES:
                    raise InputError(path, f"{info.filename} is too large to import")
                target = Path(tmp) / f"{len(out)}{name.suffix}"
                target.write_bytes(archive.read(info))
                if not target.stat().st_size:
                    continue
                records = _csv_records(target) if name.suffix == ".csv" else read_records(target)
                out.append((name.stem, records))
    except zipfile.BadZipFile:
        raise InputError(path, "not a valid zip file") from None
    return out


def read_doccano(
    path: Path, summary: TransferSummary | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """A doccano export: a ``.jsonl``/``.json`` file, the export ``.zip``, or its folder."""
    summary = summary if summary is not None else TransferSummary()
    reader = _Reader(summary)

    def user(stem: str) -> str:
        return "" if stem == "all" else stem

    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".jsonl", ".json") and p.is_file())
        if not files:
            raise InputError(path, "the folder holds no doccano .jsonl files")
        for file in files:
            if file.stat().st_size:
                reader.read(file, iter_records(file), user(file.stem))
    elif path.suffix == ".zip":
        for stem, records in _zip_members(path):
            reader.read(path, records, user(stem))
    elif path.suffix.lower() == ".csv":
        reader.read(path, _csv_records(path), "")
    else:
        reader.read(path, iter_records(path), "")
    return reader.result()


def write_doccano(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
    summary: TransferSummary | None = None,
    flavour: Literal["spans", "relations"] = "relations",
) -> TransferSummary:
    """JSON Lines for a doccano sequence-labelling project: ``relations`` (entities and
    relations, the default) or ``spans`` (``label: [[s, e, L]]``). doccano has no span or
    document attributes: each one is counted as not carried."""
    summary = summary if summary is not None else TransferSummary()
    lines: list[bytes] = []
    seen: set[str] = set()
    for document, annotation in items:
        if document.id in seen:
            summary.note("a document with several layers went out as several lines")
        seen.add(document.id)
        record: dict[str, Any] = {
            k: v for k, v in document.meta.items() if k not in _KNOWN and _plain(v)
        }
        record.update({"id": document.id, "text": document.text, "title": document.title})
        spans = annotation.spans if annotation else []
        relations = annotation.relations if annotation else []
        if flavour == "spans":
            record["label"] = [[s.start, s.end, s.label] for s in spans]
            summary.lose("relation: a doccano span project has none", len(relations))
        else:
            record["entities"] = [
                {"id": s.id, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                for s in spans
            ]
            record["relations"] = [
                {"id": n, "from_id": r.head, "to_id": r.child, "type": r.label}
                for n, r in enumerate(relations, start=1)
            ]
            summary.relations += len(relations)
        for span in spans:
            for name in span.attrs:
                summary.lose(f"attribute {name}: doccano has no span attributes")
        for name in annotation.doc_attrs if annotation else {}:
            summary.lose(f"document attribute {name}: doccano has no place for it")
        summary.spans += len(spans)
        summary.documents += 1
        lines.append(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    out.write_bytes(b"".join(lines))
    return summary


def _plain(value: Any) -> bool:
    try:
        orjson.dumps(value)
    except TypeError:
        return False
    return True
