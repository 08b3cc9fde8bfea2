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


# Passages n01-n63 are news styles the first 102 do not cover (British papers, court, sports,
# science, press releases, interviews, social media, ...), scored before any rule was tuned on
# them; r01-r42 a later batch weighted to indirect and mixed quotes (reported speech in every
# position, long appositives, passives, minutes and filings, opinion columns, headlines, text
# that must not be marked). Each batch keeps its own floors so that the earlier ones keep theirs.
BATCHES = ("n", "r", "f", "g", "j")
# 32 held out; the tuning half grew by 38 passages of other agencies' styles. Of the n
# passages, 11 of n01-n33 are held out; n34-n43 and n44-n53 are later batches for tuning,
# n54-n63 a later held-out batch. Of r01-r42 every third (14) is held out; r43-r54 are a
# second held-out batch, written after the rules were tuned on r01-r42; r55-r64 a later batch
# for tuning.
# f01-f40 (features, hearings, press conferences, war and disaster, statements, wires, sport,
# local news): every third (13) held out; f41-f52 a second held-out batch, written after the
# rules were tuned on the other 27.
SIZES = {
    "": {"test": 32, "tune": 70},
    "n": {"test": 21, "tune": 42},
    "r": {"test": 26, "tune": 38},
    "f": {"test": 25, "tune": 27},
    "g": {"test": 23, "tune": 22},
    "j": {"test": 7, "tune": 14},
}


def scores(schema: Schema, split: str, batch: str = "") -> Evaluation:
    items = []
    for record in read_jsonl(Path(JSONL), schema):
        assert record.document is not None and record.annotation is not None
        document = record.document
        prefix = document.id[:1] if document.id[:1] in BATCHES else ""
        if document.meta["split"] == split and prefix == batch:
            items.append((document, record.annotation, suggest(document)))
    assert len(items) == SIZES[batch][split]
    return evaluate(items)


#: (batch, split) -> the floors its scores stay above: "all f1", "direct f1", "indirect
#: precision", "indirect recall", "speaker" (accuracy), "cue" (accuracy).
FLOORS: dict[tuple[str, str], dict[str, float]] = {
    # The first 102, measured when this test was written (held out, never tuned on): direct
    # F1 0.99, indirect P 0.98 / R 0.91, speaker accuracy 0.99, cue accuracy 1.00.
    ("", "test"): {"direct f1": 0.95, "indirect precision": 0.90, "indirect recall": 0.85,
                   "all f1": 0.92, "speaker": 0.95, "cue": 0.95},
    ("", "tune"): {"all f1": 0.97, "speaker": 0.97},
    # The 11 held-out passages of n01-n33, scored before the rules were tuned on the other n
    # passages: direct F1 0.97, indirect P 0.87 / R 0.68, all F1 0.89; after: indirect P 0.88
    # / R 0.74, all F1 0.90. With n54-n63, written after the rules and never tuned on (main
    # and these rules score them alike, all F1 0.97): direct F1 0.99, indirect P 0.94 / R
    # 0.81, all F1 0.93, speaker 1.00. The tuning n passages: all F1 0.94 on main, 0.98 now.
    ("n", "test"): {"direct f1": 0.95, "indirect precision": 0.90, "indirect recall": 0.75,
                    "all f1": 0.90, "speaker": 0.95},
    ("n", "tune"): {"all f1": 0.97, "speaker": 0.97},
    # r01-r42 scored before any rule was changed for them: held out (14) all P 1.00 / R 0.88
    # (F1 0.93), indirect P 1.00 / R 0.85, speaker 1.00; tuning (28) all F1 0.89. After the
    # rules tuned on the 28: tuning all F1 0.99; the 14 all F1 0.99; r43-r54, written after
    # the rules and never tuned on, all F1 0.94 (0.92 before them), indirect P 0.96 / R 0.88.
    # All 26 held out: all F1 0.97, indirect P 0.98 / R 0.93, speaker 1.00. r55-r64, tuning
    # passages written last, scored all F1 0.96 before two more rules, 1.00 after.
    ("r", "test"): {"indirect precision": 0.95, "indirect recall": 0.90, "all f1": 0.95,
                    "speaker": 0.95},
    ("r", "tune"): {"all f1": 0.97, "speaker": 0.97},
    # f01-f40 scored before any rule was changed for them: held out (13) all P 0.95 / R 0.90
    # (F1 0.92), indirect P 0.91 / R 0.84, direct 1.00, speaker 1.00; tuning (27) all P 0.99
    # / R 0.96 (F1 0.97), indirect P 0.98 / R 0.93. After the rules tuned on the 27: tuning
    # all P 1.00 / R 1.00; the 13 held out unchanged. f41-f52, written after the rules and
    # never tuned on, all P 0.97 / R 0.95 (F1 0.96), indirect P 0.95 / R 0.91, on main and
    # with these rules alike. All 25 held out: all F1 0.94, indirect P 0.93 / R 0.88.
    ("f", "test"): {"direct f1": 0.95, "indirect precision": 0.90, "indirect recall": 0.80,
                    "all f1": 0.90, "speaker": 0.95},
    ("f", "tune"): {"all f1": 0.97, "speaker": 0.95},
    # g01-g33 (refused or negated speech, reported questions, long recipients, names with
    # punctuation) scored before any rule was changed for them: held out (11) all P 0.84 /
    # R 0.59 (F1 0.70); tuning (22) all P 0.90 / R 0.72 (F1 0.80). After the rules tuned on
    # the 22: tuning all P 1.00 / R 0.96 (F1 0.98); the 11 held out all P 1.00 / R 0.85.
    # g34-g45, written after the rules and never tuned on: all P 1.00 / R 0.65 (F1 0.79) on
    # main, P 1.00 / R 0.92 (F1 0.96) with these rules. All 23 held out: all F1 0.94.
    ("g", "test"): {"indirect precision": 0.90, "all f1": 0.85},
    ("g", "tune"): {"all f1": 0.96, "speaker": 0.95},
    # j01-j21 (names ending in "?" or "!", "wanted to know why", "Asked whether ..., X said",
    # speakers with a relative clause, recipients with a time phrase), scored before any rule
    # was changed for them: held out (7) all P 0.91 / R 0.43 (F1 0.59); tuning (14) all P
    # 1.00 / R 0.56 (F1 0.72). After "wanted to know", the opening "Asked whether", names
    # that keep their "?" or "!" and speakers with a relative clause: held out all P 1.00 /
    # R 0.96 (F1 0.98); tuning all P 1.00 / R 0.98 (F1 0.99). A recipient ending before
    # "last week" then made the held out 1.00 / 1.00, but j03 holds the very sentence shape
    # of that rule's brief ("told the head of the regional transport authority last week
    # that"), so only 0.98 is an unseen number.
    ("j", "test"): {"indirect precision": 0.95, "all f1": 0.92, "speaker": 0.95},
    ("j", "tune"): {"all f1": 0.95, "speaker": 0.95},
}  # fmt: skip


def measured(result: Evaluation, name: str) -> float:
    """One of the FLOORS' scores of ``result``."""
    if name == "speaker":
        return result.speaker_accuracy
    if name == "cue":
        return result.cue_accuracy
    kind, measure = name.split()
    return float(getattr(result.by_type[kind], measure))


@pytest.mark.parametrize(("batch", "split"), list(FLOORS), ids=lambda v: v or "first")
def test_each_batch_scores_above_its_floors(schema: Schema, batch: str, split: str) -> None:
    result = scores(schema, split, batch)
    below = {
        name: round(measured(result, name), 3)
        for name, floor in FLOORS[(batch, split)].items()
        if measured(result, name) < floor
    }
    assert not below, f"batch {batch or 'first'} {split}: below its floors: {below}"


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
