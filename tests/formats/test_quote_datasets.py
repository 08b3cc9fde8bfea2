"""Stance and claims datasets: one row per quote, its sentence as context, its speaker."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.claims import write_claims
from annotator.formats.stance import write_stance
from annotator.model import AnnotationSet, DocumentId, SpanId
from annotator.model.attribution import quote_speakers
from annotator.model.schema import Schema
from tests.formats.layer_corpus import GOLD, TARGETS, layer, relation, spans

FIRST = 'Kremlin spokesperson Dmitry Peskov said on Monday: "Ukraine in NATO is a threat."'
SECOND = 'He added, "We will respond," according to Mr. Smith of the U.S. side.'


def rows(out: io.BytesIO) -> list[dict]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_stance_rows_have_the_semeval_fields_and_the_speaker(schema: Schema) -> None:
    out = io.BytesIO()
    summary = write_stance(layer(), schema, out, targets=TARGETS)
    assert rows(out) == [
        {
            "text": '"Ukraine in NATO is a threat."',
            "context": FIRST,
            "target": "Ukraine in NATO",
            "target_definition": "FAVOR = supports Ukraine joining NATO",
            "stance": "against",
            "speaker": "Dmitry Peskov",
            "quote_type": "direct",
            "document": "doc-1",
        },
        {
            "text": "kraine in NATO is a thr",
            "context": FIRST,
            "target": "Ukraine in NATO",
            "target_definition": "FAVOR = supports Ukraine joining NATO",
            "stance": "none",
            "speaker": None,
            "quote_type": None,
            "document": "doc-1",
        },
    ]
    assert (summary.documents, summary.spans, summary.relations) == (3, 2, 1)
    assert summary.lost["QUOTE span without stance: no row in stance"] == 1
    assert summary.lost["attribute claim_type: no field in stance"] == 1
    assert summary.lost["relation cued_by: no field in stance"] == 1


def test_claim_rows_and_paragraph_context(schema: Schema) -> None:
    out = io.BytesIO()
    write_claims(layer(), schema, out, context="paragraph")
    assert rows(out) == [
        {
            "text": '"Ukraine in NATO is a threat."',
            "context": f"{FIRST} {SECOND}",
            "claim_type": "opinion",
            "checkworthy": "yes",
            "commitment": None,
            "speaker": "Dmitry Peskov",
            "document": "doc-1",
        },
        {
            "text": '"We will respond,"',
            "context": f"{FIRST} {SECOND}",
            "claim_type": "prediction",
            "checkworthy": None,
            "commitment": "certain",
            "speaker": "Dmitry Peskov",
            "document": "doc-1",
        },
    ]
    sentence = io.BytesIO()
    write_claims(layer(), schema, sentence)
    assert rows(sentence)[1]["context"] == SECOND


def test_a_schema_without_the_key_attribute_is_refused(schema: Schema) -> None:
    bare = replace(schema, attributes=tuple(a for a in schema.attributes if a.name != "stance"))
    with pytest.raises(AnnotatorError, match='needs a span attribute "stance"'):
        write_stance(layer(), bare, io.BytesIO())


def quotes_of(relations: list) -> dict:
    annotation = AnnotationSet(DocumentId("doc-1"), GOLD, spans=spans(), relations=relations)
    return quote_speakers(annotation)


def test_a_quote_s_own_link_wins_and_split_parts_follow_continues_either_way() -> None:
    assert quotes_of([relation(1, "attributed_to", 3, 1), relation(2, "continues", 4, 3)]) == {
        SpanId(3): "Dmitry Peskov",
        SpanId(4): "Dmitry Peskov",
    }
    # The link sits on the later part: the earlier part follows continues backwards.
    assert quotes_of([relation(1, "attributed_to", 4, 1), relation(2, "continues", 4, 3)]) == {
        SpanId(4): "Dmitry Peskov",
        SpanId(3): "Dmitry Peskov",
    }
    # A SPEAKER without a registry name gives no name; the part's own link still wins.
    assert quotes_of([relation(1, "attributed_to", 3, 6), relation(2, "continues", 4, 3)]) == {}
