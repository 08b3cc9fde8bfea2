"""Prodigy JSONL (``ner_manual``, ``spans.manual``, ``rel.manual``), read and written.

Read: ``spans`` (character offsets; ``token_start``/``token_end`` inclusive are not needed)
become spans; ``relations`` link the spans their ``head_span``/``child_span`` name (a
relation to tokens without a span adds a span labelled ``TOKEN`` or the span's own label);
``answer: reject`` and ``ignore`` lines are skipped and counted; a missing answer counts as
accept. A text-classification task's category (the binary ``label``, or the options chosen in
``accept``) becomes the document attribute ``category``, as doccano's do. An entity-linking
answer (the ``choice`` view of ``entity_linker.manual``: one span and the accepted option) is
the span's: its option id becomes the span attribute ``kb_id``, spaCy's name for it. The layer is
``_annotator_id`` (or ``_session_id``); documents are matched by
``meta.id``, else ``_input_hash``. Prodigy has no attribute slot: we write span attributes
as an ``attrs`` object in the span and read it back from there.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from annotator.errors import InputError
from annotator.formats.doccano import CATEGORY
from annotator.formats.json_records import JsonRecord, iter_records
from annotator.formats.raw_layer import (
    LayerBuilder,
    first_line,
    is_int,
    offsets_problem,
    scalar,
    textless,
    unique_id,
)
from annotator.formats.span_tokens import tokenize
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AttrValue, Document, DocumentId, SpanId
from annotator.model.schema import Schema

TOKEN_LABEL = "TOKEN"
KB_ID = "kb_id"


class _Line:
    def __init__(self, path: Path, record: JsonRecord, summary: TransferSummary) -> None:
        self.path = path
        self.record = record
        self.summary = summary

    def fail(self, problem: str) -> InputError:
        return self.record.error(self.path, "task", problem)

    def span_of(
        self,
        layer: LayerBuilder,
        found: dict[tuple[int, int, str], SpanId],
        raw: Any,
        what: str,
        text: str,
    ) -> SpanId | None:
        if not isinstance(raw, dict):
            raise self.fail(f"{what} must be an object")
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        problem = offsets_problem(start, end, len(text))
        if problem:
            raise self.fail(f"{what}: {problem}")
        assert isinstance(start, int) and isinstance(end, int)
        if label is not None and not isinstance(label, str):
            raise self.fail(f'{what}: "label" must be a name')
        if start == end:
            self.summary.lose("empty span (start = end) skipped")
            return None
        key = (start, end, label or TOKEN_LABEL)
        if key not in found:
            attrs: dict[str, AttrValue] = {}
            if isinstance(raw.get("attrs"), dict):
                for name, value in raw["attrs"].items():
                    kept = scalar(value)
                    if kept is not None and isinstance(name, str):
                        attrs[name] = kept
            found[key] = layer.span(start, end, key[2], attrs, what.split()[-1])
        return found[key]

    def read(
        self, documents: dict[str, Document], seen: set[str]
    ) -> tuple[Document, AnnotationSet] | None:
        task = self.record.value
        if not isinstance(task, dict):
            raise self.fail("each line must be a JSON object")
        text = task.get("text")
        if not isinstance(text, str):
            raise self.fail('the task has no "text"')
        if textless(text):
            self.summary.skip_textless(self.record.place(self.path, "task"))
            return None
        answer = task.get("answer", "accept")
        if answer in ("reject", "ignore"):
            self.summary.lose(f"task answered {answer}")
            return None
        meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
        key = next(
            (
                str(v)
                for v in ((meta or {}).get("id"), task.get("_input_hash"))
                if is_int(v) or (isinstance(v, str) and v)
            ),
            "",
        )
        document = documents.get(key) if key else None
        if document is None or document.text != text:
            title = (meta or {}).get("title")
            document = Document(
                DocumentId(unique_id(key or f"task-{self.record.index}", seen)),
                text,
                title if isinstance(title, str) else first_line(text),
                dict(meta or {}),
            )
            documents[key or document.id] = document
        who = task.get("_annotator_id") or task.get("_session_id") or ""
        layer = LayerBuilder(document.id, str(who) if isinstance(who, str | int) else "")
        found: dict[tuple[int, int, str], SpanId] = {}
        spans = task.get("spans") or []
        relations = task.get("relations") or []
        if not isinstance(spans, list) or not isinstance(relations, list):
            raise self.fail('"spans" and "relations" must be lists')
        for index, raw in enumerate(spans, start=1):
            self.span_of(layer, found, raw, f"span {index}", text)
        for index, raw in enumerate(relations, start=1):
            if not isinstance(raw, dict):
                raise self.fail(f"relation {index} must be an object")
            head = self.span_of(
                layer, found, raw.get("head_span"), f"relation {index} head_span", text
            )
            child = self.span_of(
                layer, found, raw.get("child_span"), f"relation {index} child_span", text
            )
            label = raw.get("label")
            if not isinstance(label, str) or not label:
                raise self.fail(f'relation {index}: "label" must be a name')
            if head is not None and child is not None:
                layer.relate(label, head, child)
        categories = _categories(task)
        linked = _linked_span(task, found)
        if linked is not None and categories:
            # entity_linker.manual asks which KB entry the one span is (Prodigy's own
            # projects train spaCy's entity linker with it as that span's kb_id).
            layer.attrs_of(linked)[KB_ID] = ", ".join(categories)
        elif categories:
            layer.doc_attrs[CATEGORY] = ", ".join(categories)
        annotation = layer.build()
        self.summary.spans += len(annotation.spans)
        self.summary.relations += len(annotation.relations)
        return document, annotation


def _categories(task: dict[str, Any]) -> list[str]:
    """The text's categories in an accepted text-classification task: the binary ``label``
    (``textcat.teach``, ``mark --label``) or the options chosen in ``accept`` (``choice``,
    ``textcat.manual``)."""
    label = task.get("label")
    chosen = task.get("accept")
    found = [label] if isinstance(label, str) and label else []
    if isinstance(chosen, list):
        found += [str(c) for c in chosen if isinstance(c, str | int) and not isinstance(c, bool)]
    return found


def _linked_span(task: dict[str, Any], found: dict[tuple[int, int, str], SpanId]) -> SpanId | None:
    """The span an entity-linking answer belongs to: a ``choice`` task with options chosen in
    ``accept`` and exactly one span (textcat's choice has none; several would be ambiguous)."""
    if task.get("_view_id") != "choice" or task.get("label") or len(found) != 1:
        return None
    return next(iter(found.values()))


def read_prodigy(
    path: Path, summary: TransferSummary | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """Every accepted task of a Prodigy export (``prodigy db-out``), grouped by document."""
    summary = summary if summary is not None else TransferSummary()
    documents: dict[str, Document] = {}
    seen: set[str] = set()
    order: list[Document] = []
    sets: dict[str, dict[str, AnnotationSet]] = {}
    for record in iter_records(path):
        found = _Line(path, record, summary).read(documents, seen)
        if found is None:
            continue
        document, annotation = found
        if document.id not in sets:
            order.append(document)
            sets[document.id] = {}
            summary.documents += 1
        if annotation.annotator in sets[document.id]:
            summary.lose("second answer by the same annotator to a task, kept the later")
        sets[document.id][annotation.annotator] = annotation
    return [(d, list(sets[d.id].values())) for d in order]


def _hash(text: str) -> int:
    """A stable signed 32-bit hash like Prodigy's ``_input_hash`` (Prodigy recomputes its own
    when the file is loaded with ``db-in``)."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little", signed=True)


def _task(
    document: Document, annotation: AnnotationSet | None, summary: TransferSummary
) -> dict[str, Any]:
    text = document.text
    spans = annotation.spans if annotation else []
    tokens = tokenize(text, (s.start for s in spans), (s.end for s in spans))
    first = {t.start: i for i, t in enumerate(tokens)}
    last = {t.end: i for i, t in enumerate(tokens)}
    span_dicts: dict[SpanId, dict[str, Any]] = {}
    for span in spans:
        item: dict[str, Any] = {
            "start": span.start,
            "end": span.end,
            "token_start": first[span.start],
            "token_end": last[span.end],
            "label": span.label,
        }
        if span.attrs:
            item["attrs"] = dict(span.attrs)
        span_dicts[span.id] = item
    relations = []
    for relation in annotation.relations if annotation else []:
        head, child = span_dicts[relation.head], span_dicts[relation.child]
        relations.append(
            {
                "head": head["token_end"],
                "child": child["token_end"],
                "head_span": {k: v for k, v in head.items() if k != "attrs"},
                "child_span": {k: v for k, v in child.items() if k != "attrs"},
                "label": relation.label,
            }
        )
    overlapping = any(a.overlaps(b) for i, a in enumerate(spans) for b in spans[i + 1 :])
    task: dict[str, Any] = {
        "text": text,
        "meta": {**document.meta, "id": document.id, "title": document.title},
        "_input_hash": _hash(text),
        "tokens": [
            {"text": text[t.start : t.end], "start": t.start, "end": t.end, "id": i, "ws": t.ws}
            for i, t in enumerate(tokens)
        ],
        "spans": list(span_dicts.values()),
        "relations": relations,
        "answer": "accept",
        "_view_id": "relations" if relations else ("spans_manual" if overlapping else "ner_manual"),
    }
    task["_task_hash"] = _hash(
        orjson.dumps([task["_input_hash"], task["spans"], relations]).decode()
    )
    if annotation is not None and annotation.annotator:
        task["_annotator_id"] = task["_session_id"] = annotation.annotator
    if annotation is not None:
        for name in annotation.doc_attrs:
            summary.lose(f"document attribute {name}: Prodigy has no place for it")
        summary.spans += len(spans)
        summary.relations += len(relations)
    return task


def write_prodigy(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
    summary: TransferSummary | None = None,
) -> TransferSummary:
    """JSON Lines that ``prodigy db-in`` takes: tokens (split wherever a span begins or ends,
    so no span moves), spans with inclusive token indices, relations with their spans."""
    summary = summary if summary is not None else TransferSummary()
    lines: list[bytes] = []
    for document, annotation in items:
        try:
            task = _task(document, annotation, summary)
            line = orjson.dumps(task, option=orjson.OPT_APPEND_NEWLINE)
        except TypeError:
            task = _task(Document(document.id, document.text, document.title), annotation, summary)
            summary.lose("document meta that is not JSON")
            line = orjson.dumps(task, option=orjson.OPT_APPEND_NEWLINE)
        lines.append(line)
        summary.documents += 1
    out.write_bytes(b"".join(lines))
    return summary
