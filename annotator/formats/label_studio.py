"""Label Studio JSON: a task list or one task, read and written.

Read: ``labels`` regions become spans (one per label of a region); per-region ``choices``,
``textarea``, ``rating``, ``number``, ``taxonomy`` and ``datetime`` results (same ``id`` as the
region) become span attributes named by their ``from_name``, those without a region become
document attributes; ``relation`` results become relations (``direction: left`` reversed, no
label -> ``relation``). One layer per ``completed_by`` (an e-mail when the export has one, else
the ``annotator`` our export writes, else the user id); ``predictions`` become layers
``suggest:<model_version>``; cancelled annotations and unsubmitted ``drafts`` are skipped and
counted. Offsets are code points; an older export counted UTF-16 units, found by checking each
region's ``value.text`` against both readings, converted and noted. Older files say
``completions`` instead of ``annotations``: read the same. JSON-MIN exports (``{"text",
"label": [regions], "annotator"}``, the text under the data key the regions fit) and the CSV
and TSV exports (the same record as a row, results as JSON strings) are read too, without
relations; their records of one task make one document. The task's other data fields are
document meta, as in the full export: in JSON-MIN the keys before ``id`` (the converter writes
the data first), in the CSV/TSV (sorted columns) those alike in every row of each task."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import orjson

from annotator.errors import InputError
from annotator.formats.csv_documents import header_columns, read_table
from annotator.formats.inception_export import file_head
from annotator.formats.json_records import JsonRecord, iter_records
from annotator.formats.raw_layer import (
    LayerBuilder,
    first_line,
    is_int,
    scalar,
    textless,
    unique_id,
)
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document, DocumentId, SpanId
from annotator.model.ids import GOLD, SUGGEST_PREFIX
from annotator.model.schema import Schema

_REGION_CONTROLS = {"choices", "textarea", "rating", "number", "taxonomy", "datetime"}
#: a data value that only points at what Label Studio loads (an image, audio, a text file
#: behind valueType="url"): a web or cloud address, or one of its own upload paths
_LINK = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|/data/(?:upload|local-files)/)\S*$")
UTF16_NOTE = "Label Studio offsets were UTF-16 code units (an older export): converted"
JSON_MIN_NOTE = (
    "Label Studio's JSON-MIN, CSV and TSV exports keep no relations and do not say which "
    "region a choice or text area belongs to: those were read as document attributes"
)

TABLE_DATA_NOTE = (
    "Label Studio's CSV and TSV exports do not say which columns are the task's data; read as "
    "document meta, not as choices, for being the same in every annotation of each task: {}"
)

#: A layer name Label Studio could know as a user's e-mail (``completed_by``).
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _task_entries(task: dict[str, Any]) -> tuple[Any, Any]:
    """A task's annotations (``completions`` in older files) and predictions, as given."""
    return task.get("annotations", task.get("completions")) or [], task.get("predictions") or []


def _regions_fit(text: str, task: dict[str, Any]) -> bool:
    """Whether every text region of the task's annotations and predictions shows, in its
    ``value.text``, what ``text`` has at its offsets, in code points or (an older export)
    UTF-16 units, and there is at least one."""
    fits = 0
    utf16: dict[int, int] | None = None
    for entries in _task_entries(task):
        for entry in entries if isinstance(entries, list) else []:
            results = entry.get("result") if isinstance(entry, dict) else None
            for result in results if isinstance(results, list) else []:
                value = result.get("value") if isinstance(result, dict) else None
                if not isinstance(value, dict) or not isinstance(value.get("text"), str):
                    continue
                start, end = value.get("start"), value.get("end")
                if not (is_int(start) and is_int(end)):
                    return False
                assert isinstance(start, int) and isinstance(end, int)
                if text[start:end] != value["text"]:
                    utf16 = _utf16_index(text) if utf16 is None else utf16
                    s16, e16 = utf16.get(start), utf16.get(end)
                    if s16 is None or e16 is None or text[s16:e16] != value["text"]:
                        return False
                fits += 1
    return fits > 0


def _no_text_but_links(fields: list[str]) -> str:
    return (
        f"the task holds no text, only links to what Label Studio loads ({', '.join(fields)}): "
        "an image, audio or web-page task, or one whose text sits behind a link "
        "(--text-column NAME takes a field as the text even so)"
    )


def _only_links(task: dict[str, Any], keys: list[str]) -> bool:
    """Whether every one of these data fields is a link no region marks: not the text."""
    data = task["data"]
    return all(_LINK.match(data[k]) is not None and not _regions_fit(data[k], task) for k in keys)


def _strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)


def _nested_links(data: dict[str, Any]) -> list[str]:
    """The list or object data fields, when there are some and they hold links and nothing
    else: a repeater's pages (``images: [{"url": ...}]``), never a text."""
    nested = [k for k, v in data.items() if isinstance(v, (list, dict))]
    strings = [list(_strings_in(data[k])) for k in nested]
    if not nested or not all(found and all(_LINK.match(s) for s in found) for found in strings):
        return []
    return nested


def _turns(data: dict[str, Any]) -> list[str]:
    """The data fields that are lists of turns: Paragraphs' ``{"author", "text"}`` or Chat's
    ``{"role", "content"}`` (Label Studio's own example data shapes)."""
    return [
        k
        for k, v in data.items()
        if isinstance(v, list)
        and v
        and all(
            isinstance(t, dict)
            and (isinstance(t.get("text"), str) or isinstance(t.get("content"), str))
            for t in v
        )
    ]


def _utf16_index(text: str) -> dict[int, int]:
    """UTF-16 unit index -> code point index, for every index that starts a character."""
    index: dict[int, int] = {}
    units = 0
    for position, char in enumerate(text):
        index[units] = position
        units += 2 if ord(char) > 0xFFFF else 1
    index[units] = len(text)
    return index


def _annotator(annotation: dict[str, Any]) -> str:
    """The layer of an annotation: its user's e-mail, else the name our export writes in
    ``annotator``, else the user's id."""
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        email = who.get("email")
        if isinstance(email, str) and email.strip():
            return email.strip()
        who = who.get("id")
    named = annotation.get("annotator")
    if isinstance(named, str) and named.strip():
        return named.strip()
    if is_int(who) or (isinstance(who, str) and who.strip()):
        return str(who).strip()
    return ""


def _control_value(kind: str, value: dict[str, Any]) -> AttrValue | None:
    """The attribute value of a choices/textarea/rating/... result, or None if unusable."""
    raw = value.get(kind)
    if kind == "taxonomy" and isinstance(raw, list):
        raw = ["/".join(str(p) for p in path) if isinstance(path, list) else path for path in raw]
    if kind == "textarea":
        raw = value.get("text")
        if isinstance(raw, list) and all(isinstance(t, str) for t in raw):
            return "\n".join(raw)
    if isinstance(raw, list):
        items = [scalar(item) for item in raw]
        if not items or any(item is None for item in items):
            return None
        return items[0] if len(items) == 1 else ", ".join(str(item) for item in items)
    return scalar(raw)


class _TaskReader:
    """One task: its document and a layer per annotation and prediction."""

    def __init__(
        self,
        path: Path,
        record: JsonRecord,
        summary: TransferSummary,
        text_key: str | None,
        data_keys: Sequence[str] | None = None,
    ) -> None:
        self.path = path
        self.record = record
        self.summary = summary
        self.text_key = text_key
        # the task's data fields, told for the whole CSV/TSV export (whose columns come sorted
        # by name); None for JSON-MIN, whose records tell them by their order
        self.data_keys = data_keys
        self.utf16: dict[int, int] | None = None

    def fail(self, problem: str) -> InputError:
        return self.record.error(self.path, "task", problem)

    def text_of(self, task: dict[str, Any]) -> tuple[str, str]:
        data = task.get("data")
        if not isinstance(data, dict):
            raise self.fail('the task has no "data" object with the text')
        key = self.text_key or "text"
        text = data.get(key)
        if self.text_key is None and isinstance(text, str) and _only_links(task, [key]):
            text = None
        if text is None and self.text_key is None:
            strings = [
                k for k, v in data.items() if isinstance(v, str) and k not in ("id", "title")
            ]
            if strings and _only_links(task, strings):
                raise self.fail(_no_text_but_links([f"data.{k}" for k in strings]))
            if not strings and (nested := _nested_links(data)):
                raise self.fail(_no_text_but_links([f"data.{k}" for k in nested]))
            if not strings and (turns := _turns(data)):
                raise self.fail(
                    f"the task's text is a list of turns ({', '.join(f'data.{k}' for k in turns)}"
                    "), as Label Studio's Paragraphs and Chat show a dialogue, which this "
                    "import does not read: only a task whose text is one string"
                )
            strings = [k for k in strings if not _only_links(task, [k])]
            if len(strings) > 1:
                # the labelling config (not in the export) says which; the regions tell too
                strings = [k for k in strings if _regions_fit(data[k], task)] or strings
            if len(strings) == 1:
                key, text = strings[0], data[strings[0]]
            elif strings:
                raise self.fail(
                    'the task has no "data.text" and its regions do not tell which of the '
                    f"text fields {', '.join(strings)} they mark; name it with --text-column"
                )
        if not isinstance(text, str):
            raise self.fail(f'the task has no text in "data.{key}"')
        return key, text

    def document(
        self,
        task: dict[str, Any],
        key: str,
        text: str,
        known: dict[tuple[str, str], Document],
        seen: set[str],
    ) -> Document:
        """The task's document; the one read before when an earlier record had the same task
        id and text (JSON-MIN and CSV exports give each annotation of a task its own record)."""
        data: dict[str, Any] = task["data"]
        meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
        base = next(
            (
                str(v)
                for v in (data.get("id"), (meta or {}).get("id"), task.get("id"))
                if is_int(v) or (isinstance(v, str) and v.strip())
            ),
            f"task-{self.record.index}",
        )
        if (base, text) in known:
            return known[(base, text)]
        title = data.get("title")
        extra = {k: v for k, v in data.items() if k not in (key, "id", "title")}
        if "id" in task and (is_int(task["id"]) or isinstance(task["id"], str)):
            extra["label_studio_task"] = task["id"]
        document = Document(
            DocumentId(unique_id(base, seen)),
            text,
            title if isinstance(title, str) else first_line(text),
            extra,
        )
        known[(base, text)] = document
        return document

    def offsets(self, text: str, value: dict[str, Any], region: str) -> tuple[int, int]:
        start, end = value.get("start"), value.get("end")
        if not is_int(start) or not is_int(end):
            raise self.fail(f'region "{region}": "start" and "end" must be whole numbers')
        assert isinstance(start, int) and isinstance(end, int)
        shown = value.get("text")
        inside = 0 <= start <= end <= len(text)
        if not isinstance(shown, str) or (inside and text[start:end] == shown):
            if not inside:
                raise self.fail(
                    f'region "{region}": [{start}, {end}) lies outside the text of '
                    f"{len(text)} characters"
                )
            return start, end
        if self.utf16 is None:
            self.utf16 = _utf16_index(text)
        s16, e16 = self.utf16.get(start), self.utf16.get(end)
        if s16 is not None and e16 is not None and text[s16:e16] == shown:
            self.summary.note(UTF16_NOTE)
            return s16, e16
        found = text[start:end] if inside else "outside the text"
        raise self.fail(
            f'region "{region}": value.text {shown!r} does not match the text at '
            f"[{start}, {end}) ({found!r})"
        )

    def layer(self, document: Document, annotator: str, result: Any, what: str) -> AnnotationSet:
        if result is None:
            result = []
        if not isinstance(result, list):
            raise self.fail(f'{what}: "result" must be a list')
        layer = LayerBuilder(document.id, annotator)
        regions: dict[str, list[SpanId]] = {}
        later: list[dict[str, Any]] = []
        for item in result:
            if not isinstance(item, dict):
                raise self.fail(f"{what}: every result must be an object")
            kind = item.get("type")
            value = item.get("value")
            if kind == "labels":
                if not isinstance(value, dict):
                    raise self.fail(f'{what}: a labels result needs a "value" object')
                region = str(item.get("id", f"region{len(regions) + 1}"))
                start, end = self.offsets(document.text, value, region)
                labels = value.get("labels")
                if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                    raise self.fail(f'region "{region}": "labels" must be a list of names')
                if start == end or not labels:
                    self.summary.lose("empty region (no text or no label) skipped")
                    continue
                regions.setdefault(region, []).extend(
                    layer.span(start, end, label, name=region) for label in labels
                )
            elif kind == "relation" or kind in _REGION_CONTROLS:
                later.append(item)
            else:
                self.summary.lose(f"Label Studio result of type {kind!r} skipped")
        for item in later:
            self.attach(layer, regions, item, what)
        return layer.build()

    def attach(
        self,
        layer: LayerBuilder,
        regions: dict[str, list[SpanId]],
        item: dict[str, Any],
        what: str,
    ) -> None:
        kind = item["type"]
        if kind == "relation":
            ends = [regions.get(str(item.get(key))) for key in ("from_id", "to_id")]
            if not ends[0] or not ends[1]:
                self.summary.lose("relation to a region that is not a text span skipped")
                return
            head, child = ends[0][0], ends[1][0]
            if item.get("direction") == "left":
                head, child = child, head
            labels = item.get("labels") or ["relation"]
            if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                raise self.fail(f'{what}: relation "labels" must be a list of names')
            for label in labels:
                layer.relate(label, head, child)
            return
        name = item.get("from_name")
        value = item.get("value")
        attr = _control_value(kind, value) if isinstance(value, dict) else None
        if not isinstance(name, str) or not name or attr is None:
            self.summary.lose(f"Label Studio {kind} result without a usable value skipped")
            return
        spans = regions.get(str(item.get("id")))
        if spans:
            for span in spans:
                layer.attrs_of(span)[name] = attr
        else:
            layer.doc_attrs[name] = attr

    def read(
        self, known: dict[tuple[str, str], Document], seen: set[str]
    ) -> tuple[Document, list[AnnotationSet]] | None:
        """The task's document and layers; None for a task without text (skipped, counted)."""
        task = self.record.value
        if not isinstance(task, dict):
            raise self.fail("each task must be a JSON object")
        if is_json_min(task):
            key = self.text_key if self.text_key in task else _min_text_key(task)
            if key is None:
                fields = [k for k, v in task.items() if isinstance(v, str) and k not in _MIN_KEYS]
                if fields and all(_LINK.match(task[k]) for k in fields):
                    raise self.fail(_no_text_but_links(fields))
                raise self.fail(
                    'the JSON-MIN record has no "text" and its regions do not tell which of '
                    f"the fields {', '.join(fields) or '(none)'} holds the text; name it with "
                    "--text-column"
                )
            data_keys = self.data_keys if self.data_keys is not None else _data_keys(task)
            meta = [k for k in data_keys if k != key]
            if self.data_keys and meta:
                self.summary.note(TABLE_DATA_NOTE.format(", ".join(meta)))
            task = _from_json_min(task, key, data_keys)
            self.summary.note(JSON_MIN_NOTE)
        annotations, predictions = _task_entries(task)
        if not isinstance(annotations, list) or not isinstance(predictions, list):
            raise self.fail('"annotations" and "predictions" must be lists')
        key, text = self.text_of(task)
        if textless(text):
            self.summary.skip_textless(self.record.place(self.path, "task"))
            return None
        document = self.document(task, key, text, known, seen)
        sets: dict[str, AnnotationSet] = {}
        for number, annotation in enumerate(annotations, start=1):
            if not isinstance(annotation, dict):
                raise self.fail(f"annotation {number} must be an object")
            if annotation.get("was_cancelled") or annotation.get("skipped"):
                self.summary.lose("cancelled (skipped) annotation")
                continue
            who = _annotator(annotation)
            if who in sets:
                self.summary.lose("older annotation by the same annotator, replaced by the later")
            sets[who] = self.layer(document, who, annotation.get("result"), f"annotation {number}")
        drafts = task.get("drafts")
        if isinstance(drafts, list) and drafts:
            # work a user saved but never submitted: Label Studio itself exports it apart
            self.summary.lose("draft (saved, not submitted) annotation", len(drafts))
        for number, prediction in enumerate(predictions, start=1):
            if not isinstance(prediction, dict):
                raise self.fail(f"prediction {number} must be an object")
            version = prediction.get("model_version")
            model = (
                str(version).strip()
                if scalar(version) is not None and str(version).strip()
                else "label-studio"
            )
            who = f"{SUGGEST_PREFIX}{model}"
            sets[who] = self.layer(document, who, prediction.get("result"), f"prediction {number}")
        if predictions:
            self.summary.note(
                "predictions were read as suggestion layers (suggest:<model_version>)"
            )
        for annotation_set in sets.values():
            self.summary.spans += len(annotation_set.spans)
            self.summary.relations += len(annotation_set.relations)
        return document, list(sets.values())


#: the keys Label Studio's JSON-MIN, CSV and TSV exports give every annotation
EXPORT_KEYS = frozenset({"annotator", "annotation_id", "created_at", "updated_at", "lead_time"})
_MIN_KEYS = EXPORT_KEYS | {"id", "agreement"}


def _is_region(item: Any) -> bool:
    return isinstance(item, dict) and "start" in item and "end" in item


def _is_region_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_region(v) for v in value)


def is_json_min(record: dict[str, Any]) -> bool:
    """A JSON-MIN record (or a row of the CSV/TSV export): no ``data``, the task's data
    fields and each control's results at the top level, and who annotated."""
    if "data" in record:
        return False
    return record.keys() >= EXPORT_KEYS or (
        any(isinstance(v, str) for v in record.values())
        and any(_is_region_list(v) and all("labels" in r for r in v) for v in record.values())
    )


def _shows(text: str, region: dict[str, Any]) -> bool:
    """Whether ``text`` holds what ``region`` says it marks, at its offsets."""
    start, end, shown = region.get("start"), region.get("end"), region.get("text")
    if not is_int(start) or not is_int(end):
        return False
    assert isinstance(start, int) and isinstance(end, int)
    if not isinstance(shown, str):
        return 0 <= start <= end <= len(text)
    return text[start:end] == shown


def _min_text_key(record: dict[str, Any]) -> str | None:
    """The key of a JSON-MIN record that holds the text: ``text``, the only string field
    that every region fits (the labelling config, not exported, says ``value="$article"``),
    or the only string field; None when that does not tell."""
    if isinstance(record.get("text"), str):
        return "text"
    strings = [k for k, v in record.items() if isinstance(v, str) and k not in _MIN_KEYS]
    regions = [r for v in record.values() if _is_region_list(v) for r in v]
    fitting = [k for k in strings if regions and all(_shows(record[k], r) for r in regions)]
    if len(fitting) == 1:
        return fitting[0]
    strings = [k for k in strings if _LINK.match(record[k]) is None]
    return strings[0] if len(strings) == 1 else None


def _data_keys(record: dict[str, Any]) -> list[str]:
    """The task's data fields in a JSON-MIN record: the converter writes the task's ``data``
    first, then ``id``, then one key per control's results, then who annotated; so the keys
    before ``id`` are data (a single choice, written as a bare string, looks the same)."""
    if "id" not in record:
        return []
    keys = list(record)
    return [k for k in keys[: keys.index("id")] if k not in _MIN_KEYS]


def _from_json_min(
    record: dict[str, Any], text_key: str, data_keys: Iterable[str] = ()
) -> dict[str, Any]:
    """A JSON-MIN export line (``{"text", "label": [{start, end, text, labels}], "sentiment":
    "Positive", "annotator": 1, ...}``) as the full task it was made from. JSON-MIN keeps no
    region ids, relations or links between a region and its per-region choices: those
    become document attributes. ``data_keys`` are the task's other data fields (document
    meta, as a full export's are)."""
    result: list[dict[str, Any]] = []
    data = {text_key: record[text_key]}
    for key in data_keys:
        if key in record:
            data.setdefault(key, record[key])
    for key, value in record.items():
        if key in _MIN_KEYS or key in data or value == "":
            continue
        if _is_region_list(value):
            for index, region in enumerate(value, start=1):
                kind = next((k for k in _REGION_CONTROLS | {"labels"} if k in region), "labels")
                result.append(
                    {"id": f"{key}-{index}", "from_name": key, "type": kind, "value": region}
                )
        elif isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            choices = [value] if isinstance(value, str) else value
            result.append({"from_name": key, "type": "choices", "value": {"choices": choices}})
        elif isinstance(value, list) and all(isinstance(v, dict) for v in value):
            # a control with several values: [{"choices": ["a", "b"]}], [{"text": [...]}]
            for item in value:
                kind = next((k for k in _REGION_CONTROLS if k in item), "textarea")
                result.append({"from_name": key, "type": kind, "value": item})
    annotator = record.get("annotator")
    completed = {"email": annotator} if isinstance(annotator, str) else annotator
    return {
        "id": record.get("id"),
        "data": data,
        "annotations": [{"completed_by": completed, "result": result}] if result else [],
    }


def is_label_studio_table(head: bytes) -> bool:
    """Whether a CSV or TSV file's first bytes are the header of Label Studio's CSV or TSV
    export (its converter names the TSV ``.csv`` too): it always has the annotation columns."""
    return header_columns(head) >= EXPORT_KEYS


def _cell(value: str) -> Any:
    """A cell of Label Studio's CSV export: the results of labels and multi-value controls
    (and the task's list or object data fields) are JSON strings; the rest is as written."""
    if value[:1] in ("[", "{"):
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            return value
    return value


def _table_data_keys(records: Sequence[JsonRecord]) -> list[str]:
    """The columns of a CSV/TSV export that hold the task's data, not an annotation's results.

    The converter writes a task's data into the row of each of its annotations, the same in
    each, and an annotation's results only where it has them (a single choice is a bare
    string there too). So a text column filled alike in every row of each task is data, when
    some task has several rows to show it; a column that differs within a task, or is empty
    in some row, is a result. With one row per task nothing tells them apart."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if isinstance(record.value, dict):
            rows.setdefault(str(record.value.get("id")), []).append(record.value)
    if not any(len(task) > 1 for task in rows.values()):
        return []
    columns = [k for k in next(iter(rows.values()))[0] if k not in _MIN_KEYS]
    return [
        column
        for column in columns
        if all(
            isinstance(row.get(column), str) and row[column] and row[column] == task[0][column]
            for task in rows.values()
            for row in task
        )
    ]


def _table_records(path: Path) -> list[JsonRecord]:
    """The rows of Label Studio's CSV or TSV export as the JSON-MIN records they hold."""
    tab = b"\t" in file_head(path).split(b"\n", 1)[0]
    _, rows = read_table(path, "\t" if tab else ",")
    return [
        JsonRecord({k: _cell(v) for k, v in row.items() if k}, index, line)
        for index, (line, row) in enumerate(rows, start=1)
    ]


def read_label_studio(
    path: Path, summary: TransferSummary | None = None, text_key: str | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """Every task of a Label Studio JSON export (a list, one task, or JSON Lines).

    ``text_key`` names the ``data`` field holding the text; by default ``text``, or the only
    string field of ``data``."""
    summary = summary if summary is not None else TransferSummary()
    known: dict[tuple[str, str], Document] = {}
    seen: set[str] = set()
    out: dict[DocumentId, tuple[Document, list[AnnotationSet]]] = {}
    tables = path.suffix.lower() in (".csv", ".tsv")
    records: Iterable[JsonRecord] = iter_records(path)
    data_keys: list[str] | None = None
    if tables:
        rows = _table_records(path)
        records, data_keys = rows, _table_data_keys(rows)
    for record in records:
        task = _TaskReader(path, record, summary, text_key, data_keys).read(known, seen)
        if task is None:
            continue
        document, sets = task
        if document.id not in out:
            out[document.id] = (document, sets)
            summary.documents += 1
            continue
        earlier = out[document.id][1]
        for annotation in sets:
            if any(s.annotator == annotation.annotator for s in earlier):
                summary.lose("older annotation by the same annotator, replaced by the later")
                earlier[:] = [s for s in earlier if s.annotator != annotation.annotator]
            earlier.append(annotation)
    return list(out.values())


def _control(
    schema: Schema, name: str, label: str | None, value: AttrValue
) -> tuple[str, dict[str, Any]]:
    attribute = schema.span_attribute(label, name) if label else schema.document_attribute(name)
    if attribute is not None and attribute.closed:
        return "choices", {"choices": [str(value)]}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "number", {"number": value}
    return "textarea", {"text": [str(value)]}


def _fixed_controls(schema: Schema) -> tuple[str, str]:
    """The names of the ``Labels`` and ``Text`` controls: "label" and "text", with "_" added
    while an attribute's control has that name (Label Studio refuses a config whose names
    repeat; our reader finds regions by their type, not by this name)."""
    taken = {attribute.name for attribute in schema.attributes}
    labels, text = "label", "text"
    while labels in taken:
        labels += "_"
    while text in taken:
        text += "_"
    return labels, text


def _result(
    document: Document, annotation: AnnotationSet, schema: Schema, controls: tuple[str, str]
) -> list[dict[str, Any]]:
    """The results of one set; ``controls`` the names of the Labels and Text controls."""
    result: list[dict[str, Any]] = []
    labels, text = controls
    regions: dict[SpanId, str] = {}
    for span in annotation.spans:
        region = f"r{span.id}"
        regions[span.id] = region
        where = {"start": span.start, "end": span.end, "text": document.text[span.start : span.end]}
        result.append(
            {
                "id": region,
                "from_name": labels,
                "to_name": text,
                "type": "labels",
                "origin": "manual",
                "value": {**where, "labels": [span.label]},
            }
        )
        for name, value in span.attrs.items():
            kind, payload = _control(schema, name, span.label, value)
            result.append(
                {
                    "id": region,
                    "from_name": name,
                    "to_name": text,
                    "type": kind,
                    "origin": "manual",
                    "value": {**where, **payload},
                }
            )
    for name, value in annotation.doc_attrs.items():
        kind, payload = _control(schema, name, None, value)
        result.append(
            {
                "id": f"document-{name}",
                "from_name": name,
                "to_name": text,
                "type": kind,
                "value": payload,
            }
        )
    for relation in annotation.relations:
        result.append(
            {
                "from_id": regions[relation.head],
                "to_id": regions[relation.child],
                "type": "relation",
                "direction": "right",
                "labels": [relation.label],
            }
        )
    return result


def _json_safe(meta: dict[str, Any]) -> dict[str, Any]:
    try:
        orjson.dumps(meta)
    except TypeError:
        return {}
    return meta


def _task(
    number: int,
    document: Document,
    sets: Sequence[AnnotationSet],
    schema: Schema,
    controls: tuple[str, str],
    summary: TransferSummary,
) -> dict[str, Any]:
    data = {k: v for k, v in _json_safe(document.meta).items() if k not in ("text", "id", "title")}
    data.update({"text": document.text, "id": document.id, "title": document.title})
    annotations: list[dict[str, Any]] = []
    predictions: list[dict[str, Any]] = []
    for annotation in sets:
        result = _result(document, annotation, schema, controls)
        summary.spans += len(annotation.spans)
        summary.relations += len(annotation.relations)
        if annotation.annotator.startswith(SUGGEST_PREFIX):
            predictions.append(
                {"model_version": annotation.annotator[len(SUGGEST_PREFIX) :], "result": result}
            )
            continue
        name = annotation.annotator
        entry: dict[str, Any] = {"id": len(annotations) + 1}
        # Label Studio's importer finds a completed_by user by e-mail among the project's
        # members and refuses the whole file for one it does not know (unless its server
        # allows that); without completed_by, the importing user gets the annotation. So
        # only a layer named by an e-mail says completed_by; every layer's name rides in
        # "annotator" (as in JSON-MIN), which Label Studio ignores and our reader takes back.
        if _EMAIL.fullmatch(name):
            entry["completed_by"] = {"email": name}
        entry.update(
            annotator=name,
            result=result,
            was_cancelled=False,
            ground_truth=name == GOLD,
            lead_time=0,
        )
        annotations.append(entry)
    task: dict[str, Any] = {"id": number, "data": data, "annotations": annotations}
    if predictions:
        task["predictions"] = predictions
    return task


def label_config(schema: Schema) -> str:
    """A Label Studio labeling config (XML) for ``schema``, matching what we write."""
    labels, text = (quoteattr(name) for name in _fixed_controls(schema))
    lines = ["<View>", f"  <Labels name={labels} toName={text}>"]
    lines += [
        f"    <Label value={quoteattr(lab.name)} background={quoteattr(lab.color)}/>"
        for lab in schema.labels
    ]
    lines += ["  </Labels>", f'  <Text name={text} value="$text"/>']
    if schema.relations:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(r.name)}/>" for r in schema.relations]
        lines.append("  </Relations>")
    for attribute in schema.attributes:
        name = quoteattr(attribute.name)
        region = "" if attribute.on_document else ' perRegion="true"'
        if attribute.closed:
            lines.append(f"  <Choices name={name} toName={text}{region}>")
            lines += [f"    <Choice value={quoteattr(str(v))}/>" for v in attribute.values]
            lines.append("  </Choices>")
        else:
            lines.append(f"  <TextArea name={name} toName={text}{region}/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def write_label_studio(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
    summary: TransferSummary | None = None,
) -> TransferSummary:
    """A JSON task list; the sets of one document (consecutive items) share its task, and
    ``suggest:*`` layers go out as predictions. The labeling config that matches is written
    beside it as ``<name>.label_config.xml``."""
    summary = summary if summary is not None else TransferSummary()
    tasks: list[bytes] = []
    current: Document | None = None
    sets: list[AnnotationSet] = []
    controls = _fixed_controls(schema)

    def flush() -> None:
        if current is not None:
            task = _task(len(tasks) + 1, current, sets, schema, controls, summary)
            tasks.append(orjson.dumps(task, option=orjson.OPT_INDENT_2))
            summary.documents += 1

    for document, annotation in items:
        if current is None or document.id != current.id:
            flush()
            current, sets = document, []
        if annotation is not None:
            sets.append(annotation)
    flush()
    out.write_bytes(b"[\n" + b",\n".join(tasks) + b"\n]\n")
    out.with_suffix(".label_config.xml").write_text(label_config(schema), encoding="utf-8")
    return summary
