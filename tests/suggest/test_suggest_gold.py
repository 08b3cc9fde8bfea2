"""The hand-annotated gold set: in step with its markup, and the scores the rules reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from gold_markup import JSONL, MARKUP, build

from annotator.formats.jsonl import read_jsonl
from annotator.model.schema import Schema
from annotator.suggest import suggest
from annotator.suggest.evaluate import Evaluation, evaluate


def test_gold_jsonl_is_built_from_the_markup() -> None:
    assert JSONL.read_text(encoding="utf-8") == build(MARKUP.read_text(encoding="utf-8")), (
        "run python tests/suggest/gold_markup.py after editing gold.txt"
    )


def scores(schema: Schema, split: str) -> Evaluation:
    items = []
    for record in read_jsonl(Path(JSONL), schema):
        assert record.document is not None and record.annotation is not None
        if record.document.meta["split"] == split:
            items.append((record.document, record.annotation, suggest(record.document)))
    # 32 held out; the tuning half grew by 38 passages of other agencies' styles.
    assert len(items) == {"test": 32, "tune": 70}[split]
    return evaluate(items)


def test_held_out_half_scores_above_its_floors(schema: Schema) -> None:
    # Measured when this test was written (held-out, never tuned on): direct F1 0.99,
    # indirect P 0.98 / R 0.91, speaker accuracy 0.99, cue accuracy 1.00.
    result = scores(schema, "test")
    assert result.by_type["direct"].f1 >= 0.95
    assert result.by_type["indirect"].precision >= 0.90
    assert result.by_type["indirect"].recall >= 0.85
    assert result.by_type["all"].f1 >= 0.92
    assert result.speaker_accuracy >= 0.95
    assert result.cue_accuracy >= 0.95


def test_tuning_half_scores_above_its_floors(schema: Schema) -> None:
    result = scores(schema, "tune")
    assert result.by_type["all"].f1 >= 0.97
    assert result.speaker_accuracy >= 0.97


@pytest.mark.parametrize("split", ["tune", "test"])
def test_gold_covers_the_cases_of_the_issue(schema: Schema, split: str) -> None:
    kinds: set[str] = set()
    for record in read_jsonl(Path(JSONL), schema):
        assert record.annotation is not None and record.document is not None
        if record.document.meta["split"] != split:
            continue
        kinds |= {str(s.attrs["quote_type"]) for s in record.annotation.spans if s.label == "QUOTE"}
        kinds |= {r.label for r in record.annotation.relations}
    assert kinds >= {"direct", "indirect", "mixed", "continues", "attributed_to", "cued_by"}
