"""CITRON quote JSON (BBC R&D): one document per file, ``{text, quotes, coreference_groups}``.

A quote's ``contents`` become QUOTE parts in text order, each later part ``continues`` the
one before; its ``sources`` become SPEAKER spans the first part is ``attributed_to``; its
``cue`` a CUE span it is ``cued_by``; its ``coreferences`` COREFERENCE spans linked by
``coreference`` (Citron swaps sources and coreferences between its training files and its
output, so we keep both as they are). Extra quote keys (``quote_type``, ``stance``...) and
``confidence`` are attributes of the first part; extra keys of a span object are attributes
of that span. ``coreference_groups`` are counted as not carried. Citron ignores extra keys,
which is where our export puts attributes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from annotator.errors import InputError
from annotator.formats.json_records import JsonRecord, read_records
from annotator.formats.raw_layer import (
    CONTINUES,
    LayerBuilder,
    first_line,
    is_int,
    offsets_problem,
    scalar,
    textless,
    unique_id,
)
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId, Span, SpanId
from annotator.model.schema import Schema

QUOTE, SPEAKER, CUE, COREFERENCE = "QUOTE", "SPEAKER", "CUE", "COREFERENCE"
ATTRIBUTED_TO, CUED_BY = "attributed_to", "cued_by"
_QUOTE_KEYS = {"cue", "sources", "contents", "coreferences", "confidence", "id"}
_SPAN_KEYS = {"start", "end", "text"}
_DOC_KEYS = {"text", "quotes", "coreference_groups", "id", "title"}


class _Document:
    def __init__(self, path: Path, record: JsonRecord, summary: TransferSummary) -> None:
        self.path = path
        self.record = record
        self.summary = summary
        self.found: dict[tuple[int, int, str], SpanId] = {}

    def fail(self, problem: str) -> InputError:
        return self.record.error(self.path, "document", problem)

    def span(
        self, layer: LayerBuilder, raw: Any, label: str, what: str, text: str
    ) -> SpanId | None:
        if not isinstance(raw, dict):
            raise self.fail(f"{what} must be a span object with start and end")
        start, end = raw.get("start"), raw.get("end")
        problem = offsets_problem(start, end, len(text))
        if problem:
            raise self.fail(f"{what}: {problem}")
        assert isinstance(start, int) and isinstance(end, int)
        shown = raw.get("text")
        if isinstance(shown, str) and shown != text[start:end]:
            found = text[start:end]
            raise self.fail(
                f'{what}: "text" is {shown!r} but the text at [{start}, {end}) is {found!r}'
            )
        if start == end:
            self.summary.lose("empty span (start = end) skipped")
            return None
        key = (start, end, label)
        if key not in self.found:
            self.found[key] = layer.span(start, end, label, name=what)
        attrs = layer.attrs_of(self.found[key])
        for name, value in raw.items():
            kept = scalar(value)
            if name not in _SPAN_KEYS and kept is not None:
                attrs[name] = kept
        return self.found[key]

    def quote(self, layer: LayerBuilder, raw: Any, number: int, text: str) -> None:
        what = f"quote {number}"
        if not isinstance(raw, dict):
            raise self.fail(f"{what} must be an object")
        contents = raw.get("contents")
        if not isinstance(contents, list) or not contents:
            raise self.fail(f'{what} needs "contents", a list of spans')
        parts = [
            self.span(layer, item, QUOTE, f"{what} content {index}", text)
            for index, item in enumerate(contents, start=1)
        ]
        ordered = sorted(
            (p for p in parts if p is not None), key=lambda s: layer.spans[s - 1].start
        )
        if not ordered:
            return
        for earlier, later in itertools.pairwise(ordered):
            layer.relate(CONTINUES, later, earlier)
        head = ordered[0]
        attrs = layer.attrs_of(head)
        for name, value in raw.items():
            kept = scalar(value)
            if name == "confidence" and isinstance(value, str):
                try:
                    kept = float(value)
                except ValueError:
                    kept = value
            if (name not in _QUOTE_KEYS or name == "confidence") and kept is not None:
                attrs[name] = kept
        if isinstance(raw.get("id"), str | int):
            layer.spans[head - 1].name = str(raw["id"])
        for key, label, relation in (
            ("sources", SPEAKER, ATTRIBUTED_TO),
            ("coreferences", COREFERENCE, "coreference"),
        ):
            items = raw.get(key) or []
            if not isinstance(items, list):
                raise self.fail(f'{what}: "{key}" must be a list of spans')
            for index, item in enumerate(items, start=1):
                child = self.span(layer, item, label, f"{what} {key[:-1]} {index}", text)
                if child is not None:
                    layer.relate(relation, head, child)
        if raw.get("cue") is not None:
            cue = self.span(layer, raw["cue"], CUE, f"{what} cue", text)
            if cue is not None:
                layer.relate(CUED_BY, head, cue)

    def read(self, base: str, seen: set[str]) -> tuple[Document, list[AnnotationSet]] | None:
        """The document and its layer; None for one without text (skipped and counted)."""
        data = self.record.value
        if not isinstance(data, dict):
            raise self.fail("a CITRON document must be a JSON object")
        text = data.get("text")
        if not isinstance(text, str):
            raise self.fail('the document has no "text"')
        if textless(text):
            self.summary.skip_textless(self.record.place(self.path, "document"))
            return None
        quotes = data.get("quotes") or []
        if not isinstance(quotes, list):
            raise self.fail('"quotes" must be a list')
        raw_id = data.get("id")
        doc_id = str(raw_id) if is_int(raw_id) or (isinstance(raw_id, str) and raw_id) else base
        title = data.get("title")
        document = Document(
            DocumentId(unique_id(doc_id, seen)),
            text,
            title if isinstance(title, str) else first_line(text),
        )
        layer = LayerBuilder(document.id, "")
        for number, raw in enumerate(quotes, start=1):
            self.quote(layer, raw, number, text)
        for name, value in data.items():
            kept = scalar(value)
            if name not in _DOC_KEYS and kept is not None:
                layer.doc_attrs[name] = kept
        groups = data.get("coreference_groups")
        if isinstance(groups, list):
            self.summary.lose("coreference group (CITRON) not carried", len(groups))
        annotation = layer.build()
        self.summary.documents += 1
        self.summary.spans += len(annotation.spans)
        self.summary.relations += len(annotation.relations)
        has_any = annotation.spans or annotation.doc_attrs
        return document, [annotation] if has_any else []


def read_citron(
    path: Path, summary: TransferSummary | None = None
) -> list[tuple[Document, list[AnnotationSet]]]:
    """A CITRON file (one document, or one per line) or a folder of them (recursively)."""
    summary = summary if summary is not None else TransferSummary()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json") if p.is_file())
        if not files:
            raise InputError(path, "the folder holds no CITRON .json files")
    else:
        files = [path]
    seen: set[str] = set()
    out = []
    for file in files:
        records = read_records(file)
        for record in records:
            base = file.stem if len(records) == 1 else f"{file.stem}-{record.index}"
            document = _Document(file, record, summary).read(base, seen)
            if document is not None:
                out.append(document)
    return out


def _span_json(text: str, span: Span, extra: bool = True) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
    }
    if extra:
        item.update({k: v for k, v in span.attrs.items() if k not in _SPAN_KEYS})
    return item


def _document_json(
    document: Document, annotation: AnnotationSet | None, summary: TransferSummary
) -> dict[str, Any]:
    text = document.text
    out: dict[str, Any] = {"id": document.id, "title": document.title, "text": text, "quotes": []}
    if annotation is None:
        return out
    by_id = {s.id: s for s in annotation.spans}
    later: dict[SpanId, SpanId] = {}
    is_later: set[SpanId] = set()
    for relation in annotation.relations:
        if relation.label == CONTINUES and relation.child not in later:
            later[relation.child] = relation.head
            is_later.add(relation.head)
    used: set[SpanId] = set()
    carried = 0
    for span in sorted(annotation.spans, key=lambda s: s.start):
        if span.label != QUOTE or span.id in is_later:
            continue
        chain = [span]
        while chain[-1].id in later and len(chain) <= len(by_id):
            chain.append(by_id[later[chain[-1].id]])
        members = {part.id for part in chain}
        sources: list[Span] = []
        cues: list[Span] = []
        for relation in annotation.relations:
            if relation.head not in members:
                continue
            child = by_id[relation.child]
            if relation.label == ATTRIBUTED_TO and child not in sources:
                sources.append(child)
            elif relation.label == CUED_BY and child not in cues:
                cues.append(child)
        if not cues:
            summary.lose("quote without a cue: CITRON requires one")
            continue
        if len(cues) > 1:
            summary.lose("second cue of a quote: CITRON has one", len(cues) - 1)
        quote: dict[str, Any] = {
            "cue": _span_json(text, cues[0]),
            "sources": [_span_json(text, s) for s in sources],
            "contents": [_span_json(text, p, extra=index > 0) for index, p in enumerate(chain)],
        }
        quote.update({k: v for k, v in chain[0].attrs.items() if k not in quote})
        out["quotes"].append(quote)
        used |= members | {s.id for s in sources} | {cues[0].id}
        carried += len(chain) - 1 + len(sources) + 1
    summary.lose(
        "span outside any quote with a cue", sum(1 for s in annotation.spans if s.id not in used)
    )
    summary.lose(
        "relation CITRON has no place for",
        max(0, len(annotation.relations) - carried),
    )
    speakers: dict[str, list[Span]] = {}
    for span in annotation.spans:
        name = span.attrs.get("speaker")
        if span.label == SPEAKER and isinstance(name, str) and span.id in used:
            speakers.setdefault(name, []).append(span)
    groups = [
        [_span_json(text, s, extra=False) for s in group]
        for group in speakers.values()
        if len(group) > 1
    ]
    if groups:
        out["coreference_groups"] = groups
    for name, value in annotation.doc_attrs.items():
        if name in _DOC_KEYS:
            summary.lose(f"document attribute {name}: clashes with a CITRON key")
        else:
            out[name] = value
    summary.spans += len(used)
    summary.relations += carried
    return out


def write_citron(
    out: Path,
    items: Iterable[tuple[Document, AnnotationSet | None]],
    schema: Schema,
    summary: TransferSummary | None = None,
) -> TransferSummary:
    """One ``<id>.json`` per document in the folder ``out``, as CITRON reads them."""
    summary = summary if summary is not None else TransferSummary()
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for document, annotation in items:
        name = unique_id(re.sub(r"[^\w.\-]+", "_", document.id).strip(".") or "document", taken)
        record = _document_json(document, annotation, summary)
        (out / f"{name}.json").write_bytes(orjson.dumps(record, option=orjson.OPT_INDENT_2))
        summary.documents += 1
    return summary
