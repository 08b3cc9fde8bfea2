"""The peer formats in one table, for the import and export commands and dialogs to wire.

Every reader takes (path, summary) and returns documents with raw annotation sets; every
writer takes (out, items, schema, summary). Layers a peer file does not name come back with
annotator "": :func:`name_layers` gives them the ``--annotator`` name or a default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from annotator.errors import InputError
from annotator.formats.brat import read_brat, write_brat
from annotator.formats.citron import read_citron, write_citron
from annotator.formats.csv_documents import read_csv_documents
from annotator.formats.doccano import read_doccano, write_doccano
from annotator.formats.html import read_html
from annotator.formats.label_studio import read_label_studio, write_label_studio
from annotator.formats.prodigy import read_prodigy, write_prodigy
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, AnnotatorName, Document, Span
from annotator.model.ids import SUGGEST_PREFIX
from annotator.model.schema import Schema

Items = list[tuple[Document, list[AnnotationSet]]]
Reader = Callable[[Path, TransferSummary], Items]
Writer = Callable[
    [Path, Iterable[tuple[Document, AnnotationSet | None]], Schema, TransferSummary],
    TransferSummary,
]


def _csv(path: Path, summary: TransferSummary) -> Items:
    return read_csv_documents(path, summary=summary)


READERS: dict[str, Reader] = {
    "brat": read_brat,
    "doccano": read_doccano,
    "label-studio": read_label_studio,
    "prodigy": read_prodigy,
    "citron": read_citron,
    "csv": _csv,
    "html": read_html,
}
WRITERS: dict[str, Writer] = {
    "brat": write_brat,
    "doccano": write_doccano,
    "label-studio": write_label_studio,
    "prodigy": write_prodigy,
    "citron": write_citron,
}
#: writers whose ``out`` is a folder (one file per document); the others write one file
FOLDER_WRITERS = frozenset({"brat", "citron"})


def name_layers(items: Items, annotator: str | None, default: str) -> Items:
    """Layers without a name get ``annotator`` (else ``default``); with ``annotator`` given,
    every human layer takes it (``--annotator`` overrides), machine ``suggest:`` layers keep
    theirs. Two layers of one document that would end up with the same name are refused."""
    out: Items = []
    for document, sets in items:
        named: list[AnnotationSet] = []
        seen: set[str] = set()
        for annotation in sets:
            who: str = annotation.annotator
            if annotation.annotator.startswith(SUGGEST_PREFIX):
                pass
            elif annotator:
                who = annotator
            elif not who:
                who = default
            if who in seen:
                raise InputError(
                    None,
                    f'document "{document.id}" has several layers that would all be named '
                    f'"{who}"; import them without --annotator',
                )
            seen.add(who)
            name = AnnotatorName(who)
            named.append(
                replace(
                    annotation,
                    annotator=name,
                    spans=[
                        Span(s.id, s.document, name, s.start, s.end, s.label, s.attrs, s.name)
                        for s in annotation.spans
                    ],
                )
            )
        out.append((document, named))
    return out
