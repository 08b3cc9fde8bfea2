"""A project with a gold layer (the training-format corpus) and an annotator's layer, made the
way a user makes one: JSONL lines imported through the command line's import path."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.model import AnnotationSet, Document
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.importing import import_paths
from tests.formats.layer_corpus import TARGETS, find, generated_layer, layer

ALICE_SPANS = [("Dmitry Peskov", "SPEAKER"), ("said", "CUE")]


def record(document: Document, annotation: AnnotationSet | None) -> dict:
    line: dict = {"id": document.id, "text": document.text, "title": document.title}
    if document.meta:
        line["meta"] = document.meta
    if annotation is None:
        return line
    names = {s.id: s.name or f"T{s.id}" for s in annotation.spans}
    line.update(
        annotator=annotation.annotator,
        status=annotation.status.value,
        spans=[
            {"id": names[s.id], "start": s.start, "end": s.end, "label": s.label, "attrs": s.attrs}
            for s in annotation.spans
        ],
        relations=[
            {"label": r.label, "head": names[r.head], "child": names[r.child]}
            for r in annotation.relations
        ],
        doc_attrs=annotation.doc_attrs,
    )
    if any(s.attrs.get("target") for s in annotation.spans):
        line["targets"] = [{"label": t.label, "definition": t.definition} for t in TARGETS]
    return line


def alice_line() -> dict:
    spans = []
    for number, (part, label) in enumerate(ALICE_SPANS, start=1):
        start, end = find(part)
        spans.append({"id": f"T{number}", "start": start, "end": end, "label": label})
    return {
        "id": "doc-1",
        "text": layer()[0][0].text,
        "annotator": "alice",
        "status": "in_progress",
        "spans": spans,
    }


def make_project(path: Path, *, gold: bool = True, generated: int = 0) -> Path:
    """``path`` with doc-1..3 (gold on 1 and 3 when ``gold``), alice's layer on doc-1, and
    ``generated`` more gold documents."""
    lines = [record(d, a if gold else None) for d, a in layer()]
    lines += [record(d, a) for d, a in generated_layer(generated)]
    lines.append(alice_line())
    source = path.with_suffix(".source.jsonl")
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Project.create(path, load_schema(default_schema_path())) as project:
        import_paths(project, [source])
    source.unlink()
    return path
