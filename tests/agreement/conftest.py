"""Fixtures for the agreement tests: a small quote schema and a factory for annotation sets."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pytest

from annotator.model.annotation import AnnotationSet, AttrValue, Relation, Span, Status
from annotator.model.ids import AnnotatorName, DocumentId, RelationId, SpanId
from annotator.model.schema import Schema, parse_schema

QUOTE_SCHEMA = """
name = "agreement test"
version = 1

[[labels]]
name = "QUOTE"

[[labels]]
name = "SPEAKER"

[[labels]]
name = "CUE"

[[attributes]]
name = "stance"
applies_to = ["QUOTE"]
values = ["favor", "against", "none"]

[[attributes]]
name = "intensity"
applies_to = ["QUOTE"]
values = ["low", "mid", "high"]
level = "ordinal"

[[attributes]]
name = "speaker"
applies_to = ["SPEAKER"]
open = true

[[attributes]]
name = "relevance"
applies_to = ["document"]
values = ["relevant", "partly", "irrelevant"]

[[relations]]
name = "attributed_to"
head = ["QUOTE"]
child = ["SPEAKER"]
"""

# (start, end, label) or (start, end, label, attrs)
SpanSpec = tuple[Any, ...]
MakeSet = Callable[..., AnnotationSet]


@pytest.fixture(scope="session")
def quote_schema() -> Schema:
    return parse_schema(QUOTE_SCHEMA, "agreement test")


@pytest.fixture
def make_set() -> MakeSet:
    """make_set(document, annotator, [(start, end, label[, attrs]), ...], links=[(q, s)], ...)

    ``links`` are attributed_to relations given as indices into the span list.
    """
    ids = itertools.count(1)

    def make(
        document: str,
        annotator: str,
        spans: Iterable[SpanSpec] = (),
        *,
        status: Status = Status.DONE,
        links: Iterable[tuple[int, int]] = (),
        doc_attrs: Mapping[str, AttrValue] | None = None,
    ) -> AnnotationSet:
        made = [
            Span(
                SpanId(next(ids)),
                DocumentId(document),
                AnnotatorName(annotator),
                spec[0],
                spec[1],
                spec[2],
                dict(spec[3]) if len(spec) > 3 else {},
            )
            for spec in spans
        ]
        relations = [
            Relation(RelationId(next(ids)), "attributed_to", made[head].id, made[child].id)
            for head, child in links
        ]
        return AnnotationSet(
            DocumentId(document),
            AnnotatorName(annotator),
            status,
            made,
            relations,
            dict(doc_attrs or {}),
        )

    return make
