"""CoNLL: tokens one per line with one BIO tag column per label, written and read.

The layout written (one tag column per label, so overlapping spans of different labels
survive; tab-separated; blank line between sentences; ``start``/``end`` the token's
character offsets)::

    # columns = token start end QUOTE SPEAKER CUE
    # document = doc-1
    Peskov	0	6	O	B-SPEAKER	O
    said	7	11	O	O	B-CUE

A label with a space is spelled with ``_`` there (``Direct_Quote``), as CoNLL readers split
rows at any whitespace; the import maps the spelling back to the schema's label.

The reader takes that layout and plain CoNLL 2002/2003 too (``-DOCSTART-`` between
documents, space- or tab-separated, one or several tag columns, IOB1, IOB2 or BIOES). Plain
files have no offsets: the text is rebuilt from the tokens, single spaces between them and a
newline between sentences. In the layout written here, tokens keep their offsets (the gaps
become spaces, a newline where a sentence ends), so spans come back at the same offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.label_map import peer_spelling
from annotator.formats.layer import Layer, Output, text_output
from annotator.formats.source import read_utf8
from annotator.formats.summary import TransferSummary
from annotator.formats.tokens import Token, sentences
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Span,
    SpanId,
    Status,
)
from annotator.model.schema import Schema
from annotator.model.snippet import have, plural

COLUMNS = "columns"
DOCUMENT = "document"
DOCSTART = "-DOCSTART-"
_TAG = re.compile(r"^(?:O|[BIESLU]-\S+)$")
_COMMENT = re.compile(r"^#\s*([A-Za-z_][\w.]*)\s*=\s*(.*)$")
# CoNLL-U's document marker (``# newdoc`` or ``# newdoc id = X``), a document boundary too
_NEWDOC = re.compile(r"^#\s*newdoc(?:\s+id\s*=\s*(.*))?\s*$")
# AIDA CoNLL-YAGO and others name the document after -DOCSTART-: ``-DOCSTART- (1 EU)``
_DOCSTART_NAME = re.compile(r"^-DOCSTART-\s+\((.+)\)\s*$")


# ---------------------------------------------------------------------------------- writing


def _token_range(tokens: list[Token], ends: list[int], span: Span) -> tuple[int, int] | None:
    """Indices of the first and last token the span touches; None if it touches none."""
    first = bisect.bisect_right(ends, span.start)
    last = first
    while last < len(tokens) and tokens[last].start < span.end:
        last += 1
    return (first, last - 1) if last > first else None


def write_conll(items: Layer, schema: Schema, out: Output) -> TransferSummary:
    """Write every document that has a set in the layer; spans become IOB2 tags.

    Counted as not carried: span and document attributes and relations (the format has no
    place for them), spans covering no token, a span overlapping another of its own label (a
    tag column holds one at a time). Spans not on token boundaries are widened to whole
    tokens and counted too.
    """
    labels = [label.name for label in schema.labels]
    column_of = {name: index for index, name in enumerate(labels)}
    # CoNLL readers split rows at whitespace (spaCy's among them, and ours reads the header
    # so): a label with a space is spelled with "_", and the import finds the label back.
    tag_names = [peer_spelling(name) for name in labels]
    summary = TransferSummary()
    skipped = 0
    tab = "\t"
    with text_output(out) as stream:
        stream.write(f"# {COLUMNS} = token start end {' '.join(tag_names)}\n")
        for document, annotation in items:
            if annotation is None:
                skipped += 1
                continue
            summary.documents += 1
            grouped = sentences(document.text)
            tokens = [token for sentence in grouped for token in sentence]
            ends = [token.end for token in tokens]
            tags = [["O"] * len(labels) for _ in tokens]
            for span in annotation.spans:
                column = column_of.get(span.label)
                where = _token_range(tokens, ends, span)
                if column is None:
                    summary.lose(f"label {span.label}: not in the schema, so no column")
                    continue
                if where is None:
                    summary.lose("span covers no token (only spaces): left out")
                    continue
                first, last = where
                if any(tags[i][column] != "O" for i in range(first, last + 1)):
                    summary.lose(f"{span.label} span overlapping another {span.label}: left out")
                    continue
                if tokens[first].start != span.start or tokens[last].end != span.end:
                    summary.lose("span not on token boundaries: widened to whole tokens")
                tags[first][column] = f"B-{tag_names[column]}"
                for i in range(first + 1, last + 1):
                    tags[i][column] = f"I-{tag_names[column]}"
                summary.spans += 1
                for name in span.attrs:
                    summary.lose(f"attribute {name}: CoNLL has no place for it")
            for relation in annotation.relations:
                summary.lose(f"relation {relation.label}: CoNLL has no place for it")
            for name in annotation.doc_attrs:
                summary.lose(f"document attribute {name}: CoNLL has no place for it")
            lines = [f"# {DOCUMENT} = {document.id}\n"]
            position = 0
            for sentence in grouped:
                for token in sentence:
                    row = tags[position]
                    lines.append(f"{token.text}\t{token.start}\t{token.end}\t{tab.join(row)}\n")
                    position += 1
                lines.append("\n")
            stream.write("".join(lines))
    if skipped:
        summary.note(
            f"{plural(skipped, 'document')} {have(skipped)} no set in this layer: left out"
        )
    return summary


# ---------------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Row:
    line: int
    cells: list[str]


@dataclass(slots=True)
class _Document:
    line: int
    id: str = ""
    name: str = ""
    sentences: list[list[_Row]] = field(default_factory=list)


def decode(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, first token, last token) of every span in one tag sequence.

    IOB1, IOB2, BIOES and BILOU (spaCy's BILUO) alike: a span starts at B-, S- or U-, or at
    an I-/E-/L- whose label differs from the span before it; E-, L-, S- and U- end it.
    """
    out: list[tuple[str, int, int]] = []
    label: str | None = None
    begin = 0
    for index, tag in enumerate(tags):
        if tag == "O":
            if label is not None:
                out.append((label, begin, index - 1))
                label = None
            continue
        prefix, kind = tag[0], tag[2:]
        if prefix in "BSU" or kind != label:
            if label is not None:
                out.append((label, begin, index - 1))
            label, begin = kind, index
        if prefix in "ELSU":
            out.append((kind, begin, index))
            label = None
    if label is not None:
        out.append((label, begin, len(tags) - 1))
    return out


class _Reader:
    def __init__(self, path: Path, schema: Schema | None, annotator: str) -> None:
        self.path = path
        self.schema = schema
        self.annotator = AnnotatorName(annotator)
        self.header: list[str] | None = None
        self.documents: list[_Document] = []

    def fail(self, problem: str, line: int | None = None) -> InputError:
        return InputError(self.path, problem, line)

    def parse(self, text: str) -> None:
        current: _Document | None = None
        sentence: list[_Row] = []

        def close_sentence() -> None:
            nonlocal sentence
            if sentence:
                assert current is not None
                current.sentences.append(sentence)
                sentence = []

        for number, raw in enumerate(text.split("\n"), start=1):
            line = raw.rstrip("\r")
            if not line.strip():
                close_sentence()
                continue
            newdoc = _NEWDOC.match(line)
            if newdoc is not None:
                close_sentence()
                current = _Document(number, (newdoc.group(1) or "").strip())
                self.documents.append(current)
                continue
            comment = _COMMENT.match(line)
            if comment is not None:
                key, value = comment.groups()
                if key == COLUMNS and self.header is None:
                    self.header = value.split()
                elif key == DOCUMENT:
                    close_sentence()
                    current = _Document(number, value.strip())
                    self.documents.append(current)
                continue
            cells = line.split("\t") if "\t" in line else line.split()
            if cells[0] == DOCSTART:
                close_sentence()
                named = _DOCSTART_NAME.match(line.strip())
                current = _Document(number, name=named.group(1).strip() if named else "")
                self.documents.append(current)
                continue
            if current is None:
                current = _Document(number)
                self.documents.append(current)
            sentence.append(_Row(number, cells))
        close_sentence()

    def tag_columns(self, rows: list[_Row]) -> tuple[int, list[int]]:
        """How many cells a row has, and which of them hold tags."""
        width = len(rows[0].cells)
        for row in rows:
            if len(row.cells) != width:
                raise self.fail(
                    f"this row has {len(row.cells)} columns, the first row {width}", row.line
                )
        if self.header is not None:
            if self.header[:3] != ["token", "start", "end"] or len(self.header) != width:
                raise self.fail(
                    f'"# {COLUMNS}" must name token, start, end and one column per label, '
                    f"{width} in all"
                )
            columns = list(range(3, width))
            for row in rows:
                for index in columns:
                    if not _TAG.match(row.cells[index]):
                        raise self.fail(
                            f'"{row.cells[index]}" is not a BIO tag (O, B-X, I-X)', row.line
                        )
            return width, columns
        columns = [i for i in range(1, width) if all(_TAG.match(r.cells[i]) for r in rows)]
        if not columns:
            raise self.fail("no column holds BIO tags (O, B-X, I-X) on every row")
        return width, columns

    def build(self, raw: _Document, number: int, columns: list[int]) -> tuple[Document, list[Span]]:
        document = DocumentId(raw.id or f"{self.path.stem}-{number}")
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        rows: list[_Row] = []
        length = 0
        offsets = self.header is not None
        for sentence in raw.sentences:
            for position, row in enumerate(sentence):
                token = row.cells[0]
                if offsets:
                    start, end = self.offsets(row, length)
                    if start > length:
                        gap = start - length
                        breaks = position == 0 and bool(pieces)
                        pieces.append(" " * (gap - 1) + ("\n" if breaks else " "))
                else:
                    start = length + (1 if length else 0)
                    if length:
                        pieces.append(" " if position else "\n")
                    end = start + len(token)
                pieces.append(token)
                starts.append(start)
                ends.append(end)
                rows.append(row)
                length = end
        text = "".join(pieces)
        if not text:
            raise self.fail(f'document "{document}" has no tokens', raw.line)
        spans: list[Span] = []
        # Our own layout tags whole documents; plain CoNLL tags each sentence on its own.
        groups = [rows] if offsets else []
        if not offsets:
            at = 0
            for sentence in raw.sentences:
                groups.append(rows[at : at + len(sentence)])
                at += len(sentence)
        base = 0
        for group in groups:
            for column in columns:
                for label, first, last in decode([row.cells[column] for row in group]):
                    self.check_label(label, group[first].line)
                    index = len(spans) + 1
                    spans.append(
                        Span(
                            SpanId(index),
                            document,
                            self.annotator,
                            starts[base + first],
                            ends[base + last],
                            label,
                            {},
                            f"T{index}",
                        )
                    )
            base += len(group)
        spans.sort(key=lambda s: (s.start, -s.end, s.label))
        # Titled like other formats' documents: by the name the file gives it, else by where
        # it sits, so the documents of one CoNLL file can be told apart in the list.
        title = raw.name or raw.id or f"{self.path.name}, document {number}"
        return Document(document, text, title), spans

    def offsets(self, row: _Row, previous_end: int) -> tuple[int, int]:
        token = row.cells[0]
        try:
            start, end = int(row.cells[1]), int(row.cells[2])
        except ValueError:
            raise self.fail("start and end must be whole numbers", row.line) from None
        if start < previous_end:
            raise self.fail(
                f'token "{token}" starts at {start}, inside the token before it', row.line
            )
        if end - start != len(token):
            raise self.fail(
                f'token "{token}" is {len(token)} characters long but its offsets '
                f"[{start}, {end}) span {end - start}",
                row.line,
            )
        return start, end

    def check_label(self, label: str, line: int) -> None:
        if self.schema is not None and self.schema.label(label) is None:
            known = ", ".join(lab.name for lab in self.schema.labels)
            raise self.fail(f"label {label} is not in the schema ({known})", line)


def read_conll(
    path: Path,
    schema: Schema | None = None,
    annotator: str = "conll",
    summary: TransferSummary | None = None,
) -> Iterator[tuple[Document, AnnotationSet]]:
    """Documents with their spans (one annotation set each, by ``annotator``).

    Each tag column is decoded on its own, so several columns give overlapping spans. With
    a schema, a label it does not know is an error naming the line. A document marker with
    no token rows after it is a document without text: skipped, and counted in ``summary``.
    """
    reader = _Reader(path, schema, annotator)
    reader.parse(read_utf8(path))
    documents = [d for d in reader.documents if d.sentences]
    if summary is not None:
        for empty in (d for d in reader.documents if not d.sentences):
            summary.skip_textless(f"{path}, line {empty.line}")
    rows = [row for d in documents for s in d.sentences for row in s]
    if not rows:
        raise InputError(path, "no token rows")
    _, columns = reader.tag_columns(rows)
    seen: dict[str, int] = {}
    for number, raw in enumerate(documents, start=1):
        document, spans = reader.build(raw, number, columns)
        if document.id in seen:
            raise reader.fail(
                f'document "{document.id}" appears twice (first on line {seen[document.id]})',
                raw.line,
            )
        seen[document.id] = raw.line
        for index, span in enumerate(spans, start=1):
            span.id, span.name = SpanId(index), f"T{index}"
        yield document, AnnotationSet(document.id, reader.annotator, Status.TODO, spans)
