"""The hand-annotated gold passages: an inline markup, read into native JSONL lines.

The markup keeps the annotation readable and reviewable beside its text, where hand-counted
offsets would not be. ``python tests/suggest/gold_markup.py`` rewrites ``data/gold.jsonl``
from ``data/gold.txt``; a test checks that the two agree.

Layout of ``gold.txt`` (see ``data/README.md``):

    # w01 tune | Title of the passage
    Text with ⟦S1 Dmitry Peskov⟧ ⟦C1 said⟧ ⟦Q1d “quoted words”⟧ and ⟦Q2i that clause⟧.
    @ Q1 S1 C1        attributed_to S1, cued_by C1 (either may be left out)
    @ Q2 < Q1         Q2 continues Q1 (a later part of a split quote)
    @ S1 = Name       the speaker attribute of S1

A quote's letter after its number is its quote_type: d(irect), i(ndirect), m(ixed). A header
may end with ``crlf`` to store the passage with CRLF line ends.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
MARKUP = DATA / "gold.txt"
JSONL = DATA / "gold.jsonl"
ANNOTATOR = "gold"

_HEADER = re.compile(r"^# (?P<id>\S+) (?P<split>tune|test) \| (?P<title>.+?)(?P<crlf> crlf)?$")
_OPEN = re.compile(r"⟦(?P<name>[QSC]\d+)(?P<type>[dim]?) ")
_TYPES = {"d": "direct", "i": "indirect", "m": "mixed"}
_LABELS = {"Q": "QUOTE", "S": "SPEAKER", "C": "CUE"}


class MarkupError(ValueError):
    pass


@dataclass
class Passage:
    id: str
    split: str
    title: str
    crlf: bool
    lines: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def _passages(source: str) -> list[Passage]:
    passages: list[Passage] = []
    for number, line in enumerate(source.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            passages.append(
                Passage(header["id"], header["split"], header["title"], bool(header["crlf"]))
            )
        elif not passages:
            if line.strip():
                raise MarkupError(f"line {number}: text before the first passage header")
        elif line.startswith("@ "):
            passages[-1].links.append(line[2:].strip())
        else:
            passages[-1].lines.append(line)
    return passages


def _strip(marked: str, where: str) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """The plain text and each mark's (start, end, quote type) in it."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, str, int]] = []
    spans: dict[str, tuple[int, int, str]] = {}
    position = 0
    while position < len(marked):
        opening = _OPEN.match(marked, position)
        if opening:
            stack.append((opening["name"], opening["type"], length))
            position = opening.end()
            continue
        char = marked[position]
        if char == "⟧":
            if not stack:
                raise MarkupError(f"{where}: ⟧ without ⟦ at {position}")
            name, kind, start = stack.pop()
            if name in spans:
                raise MarkupError(f"{where}: {name} marked twice")
            spans[name] = (start, length, kind)
        elif char == "⟦":
            raise MarkupError(f"{where}: bad mark at {marked[position : position + 12]!r}")
        else:
            out.append(char)
            length += 1
        position += 1
    if stack:
        raise MarkupError(f"{where}: {stack[-1][0]} is never closed")
    return "".join(out), spans


def record(passage: Passage) -> dict[str, Any]:
    """One native JSONL annotation line for the passage."""
    body = "\n".join(passage.lines).strip("\n")
    if passage.crlf:
        body = body.replace("\n", "\r\n")
    text, marks = _strip(body, passage.id)
    names: dict[str, str] = {}
    spans: list[dict[str, Any]] = []
    for name, (start, end, kind) in sorted(marks.items(), key=lambda item: item[1][:2]):
        label = _LABELS[name[0]]
        attrs: dict[str, str] = {}
        if label == "QUOTE":
            if kind not in _TYPES:
                raise MarkupError(f"{passage.id}: {name} needs a quote type (d, i or m)")
            attrs["quote_type"] = _TYPES[kind]
        names[name] = f"T{len(spans) + 1}"
        spans.append(
            {
                "id": names[name],
                "start": start,
                "end": end,
                "label": label,
                "text": text[start:end],
                "attrs": attrs,
            }
        )
    relations: list[dict[str, str]] = []

    def ref(name: str) -> str:
        if name not in names:
            raise MarkupError(f"{passage.id}: {name} is not marked in the text")
        return names[name]

    by_id = {span["id"]: span for span in spans}
    for link in passage.links:
        if " = " in link:
            name, canonical = link.split(" = ", 1)
            by_id[ref(name.strip())]["attrs"]["speaker"] = canonical.strip()
            continue
        parts = link.split()
        head = ref(parts[0])
        if len(parts) == 3 and parts[1] == "<":
            relations.append({"label": "continues", "head": head, "child": ref(parts[2])})
            continue
        for other in parts[1:]:
            label = {"S": "attributed_to", "C": "cued_by"}.get(other[0])
            if label is None:
                raise MarkupError(f"{passage.id}: cannot read the link {link!r}")
            relations.append({"label": label, "head": head, "child": ref(other)})
    for span in spans:
        if span["label"] == "SPEAKER" and "speaker" not in span["attrs"]:
            raise MarkupError(f"{passage.id}: the speaker {span['text']!r} has no canonical name")
    return {
        "id": passage.id,
        "title": passage.title,
        "meta": {"split": passage.split},
        "text": text,
        "annotator": ANNOTATOR,
        "status": "done",
        "spans": spans,
        "relations": relations,
    }


def build(source: str) -> str:
    lines = [json.dumps(record(p), ensure_ascii=False) for p in _passages(source)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    JSONL.write_text(build(MARKUP.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"wrote {JSONL}\n")
