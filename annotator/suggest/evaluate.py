"""Scoring suggested quotes against gold, by the rule of issue 13.

A quote is a QUOTE span with every span joined to it by ``continues``. A predicted quote
matches a gold quote when the characters they share cover at least half of the gold quote
and at least half of the prediction; matching is one-to-one, best overlap first. Precision
of a type counts the predictions of that type, recall the gold quotes of that type.
Speaker accuracy is the share of matched quotes (whose gold quote has a speaker) whose
predicted speaker mention overlaps a gold one or has the same canonical name; cue accuracy
likewise with cues (same span or same words).

``python -m annotator.suggest.evaluate GOLD.jsonl [--split test]`` runs the suggester over
the documents of a gold JSONL file and prints the table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.formats.jsonl import read_jsonl
from annotator.model import AnnotationSet, Document, Span, SpanId
from annotator.model.schema import load_schema
from annotator.suggest.detector import suggest
from annotator.suggest.lexicon import default_lexicon_path

TYPES = ("direct", "indirect", "mixed")
ALL = "all"


@dataclass(frozen=True, slots=True)
class Unit:
    """One quote: its parts (character ranges), type, speaker mentions and cues."""

    parts: tuple[tuple[int, int], ...]
    quote_type: str
    speakers: tuple[tuple[int, int], ...] = ()
    names: frozenset[str] = frozenset()
    cues: tuple[tuple[int, int], ...] = ()
    cue_words: frozenset[str] = frozenset()

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.parts)


@dataclass(slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Evaluation:
    """Scores over a set of documents; ``by_type`` has direct, indirect, mixed and all."""

    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in (*TYPES, ALL)})
    documents: int = 0
    speaker_correct: int = 0
    speaker_total: int = 0
    cue_correct: int = 0
    cue_total: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.speaker_total if self.speaker_total else 0.0

    @property
    def cue_accuracy(self) -> float:
        return self.cue_correct / self.cue_total if self.cue_total else 0.0


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def units(annotation: AnnotationSet, text: str) -> list[Unit]:
    """The quotes of one annotation set, split parts joined."""
    by_id = {span.id: span for span in annotation.spans}
    parent: dict[SpanId, SpanId] = {}

    def root(span: SpanId) -> SpanId:
        while parent.get(span, span) != span:
            span = parent[span]
        return span

    for relation in annotation.relations:
        if relation.label == "continues" and relation.head in by_id and relation.child in by_id:
            a, b = root(relation.head), root(relation.child)
            if a != b:
                parent[a] = b
    groups: dict[SpanId, list[Span]] = {}
    for span in annotation.spans:
        if span.label == "QUOTE":
            groups.setdefault(root(span.id), []).append(span)
    linked: dict[SpanId, dict[str, list[Span]]] = {}
    for relation in annotation.relations:
        child = by_id.get(relation.child)
        if relation.label in ("attributed_to", "cued_by") and child is not None:
            group = linked.setdefault(root(relation.head), {})
            group.setdefault(relation.label, []).append(child)
    out: list[Unit] = []
    for key, parts in groups.items():
        parts.sort(key=lambda s: (s.start, s.end))
        kind = next((str(p.attrs["quote_type"]) for p in parts if "quote_type" in p.attrs), "")
        speakers = linked.get(key, {}).get("attributed_to", [])
        cues = linked.get(key, {}).get("cued_by", [])
        out.append(
            Unit(
                tuple((p.start, p.end) for p in parts),
                kind,
                tuple((s.start, s.end) for s in speakers),
                frozenset(
                    _normal(str(s.attrs["speaker"])) for s in speakers if s.attrs.get("speaker")
                ),
                tuple((c.start, c.end) for c in cues),
                frozenset(_normal(text[c.start : c.end]) for c in cues),
            )
        )
    return sorted(out, key=lambda u: u.parts[0])


def _shared(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(gold: Sequence[Unit], predicted: Sequence[Unit]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    candidates: list[tuple[int, int, int]] = []
    for g, gold_unit in enumerate(gold):
        for p, predicted_unit in enumerate(predicted):
            shared = _shared(gold_unit.parts, predicted_unit.parts)
            if shared and 2 * shared >= gold_unit.length and 2 * shared >= predicted_unit.length:
                candidates.append((shared, g, p))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, g, p in candidates:
        if g not in taken_gold and p not in taken_predicted:
            taken_gold.add(g)
            taken_predicted.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def score(evaluation: Evaluation, text: str, gold: AnnotationSet, predicted: AnnotationSet) -> None:
    """Add one document's counts to ``evaluation``."""
    gold_units = units(gold, text)
    predicted_units = units(predicted, text)
    pairs = match(gold_units, predicted_units)
    evaluation.documents += 1
    for unit in gold_units:
        for kind in (unit.quote_type, ALL):
            if kind in evaluation.by_type:
                evaluation.by_type[kind].gold += 1
    for unit in predicted_units:
        for kind in (unit.quote_type, ALL):
            if kind in evaluation.by_type:
                evaluation.by_type[kind].predicted += 1
    for g, p in pairs:
        gold_unit, predicted_unit = gold_units[g], predicted_units[p]
        for kind in (gold_unit.quote_type, ALL):
            if kind in evaluation.by_type:
                evaluation.by_type[kind].matched_gold += 1
        for kind in (predicted_unit.quote_type, ALL):
            if kind in evaluation.by_type:
                evaluation.by_type[kind].matched_predicted += 1
        if gold_unit.speakers:
            evaluation.speaker_total += 1
            if _shared(gold_unit.speakers, predicted_unit.speakers) or (
                gold_unit.names & predicted_unit.names
            ):
                evaluation.speaker_correct += 1
        if gold_unit.cues:
            evaluation.cue_total += 1
            if _shared(gold_unit.cues, predicted_unit.cues) or (
                gold_unit.cue_words & predicted_unit.cue_words
            ):
                evaluation.cue_correct += 1


def evaluate(items: Iterable[tuple[Document, AnnotationSet, AnnotationSet]]) -> Evaluation:
    """Scores of predicted sets against gold sets: (document, gold, predicted) triples."""
    evaluation = Evaluation()
    for document, gold, predicted in items:
        score(evaluation, document.text, gold, predicted)
    return evaluation


def render(evaluation: Evaluation) -> str:
    """The scores as a plain-text table."""
    rows = [f"{'quotes':<10}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for kind in (*TYPES, ALL):
        c = evaluation.by_type[kind]
        rows.append(
            f"{kind:<10}{c.gold:>6}{c.predicted:>6}{c.precision:>8.2f}{c.recall:>8.2f}{c.f1:>8.2f}"
        )
    rows.append("")
    rows.append(
        f"speaker accuracy {evaluation.speaker_accuracy:.2f} "
        f"({evaluation.speaker_correct}/{evaluation.speaker_total} matched quotes)"
    )
    rows.append(
        f"cue accuracy     {evaluation.cue_accuracy:.2f} "
        f"({evaluation.cue_correct}/{evaluation.cue_total} matched quotes)"
    )
    rows.append(f"documents        {evaluation.documents}")
    return "\n".join(rows) + "\n"


def _schema_path() -> Path:
    return default_lexicon_path().parent.parent / "schemas" / "quotes.toml"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m annotator.suggest.evaluate",
        description="Score the rule-based suggester against gold annotations (native JSONL).",
    )
    parser.add_argument("gold", type=Path, help="JSONL file of gold annotation sets")
    parser.add_argument("--split", help='only documents whose meta "split" is this')
    parser.add_argument("--annotator", default=None, help="only this annotator's sets")
    arguments = parser.parse_args(argv)
    try:
        schema = load_schema(_schema_path())
        items = []
        for record in read_jsonl(arguments.gold, schema):
            if record.document is None or record.annotation is None:
                continue
            if arguments.split and record.document.meta.get("split") != arguments.split:
                continue
            if arguments.annotator and record.annotation.annotator != arguments.annotator:
                continue
            items.append((record.document, record.annotation, suggest(record.document)))
    except AnnotatorError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    sys.stdout.write(render(evaluate(items)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
