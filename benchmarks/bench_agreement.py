"""Benchmark: the full agreement report vs nltk's Krippendorff's alpha on the same units.

Generates 10,000 documents x 3 annotators x 10 QUOTE spans with a nominal stance (most spans
copied exactly, some with shifted boundaries, some left out, some with another stance), then
times ``agreement_report`` over all of it and nltk's ``AnnotationTask(...).alpha()`` on the
stance values of the exactly aligned units. Run: ``python benchmarks/bench_agreement.py``.
"""

from __future__ import annotations

import argparse
import gc
import random
import time

from annotator.agreement import agreement_report, krippendorff_alpha
from annotator.model.annotation import AnnotationSet, Span, Status
from annotator.model.ids import AnnotatorName, DocumentId, SpanId
from annotator.model.schema import Schema, parse_schema

SCHEMA = """
name = "benchmark"
version = 1

[[labels]]
name = "QUOTE"

[[attributes]]
name = "stance"
applies_to = ["QUOTE"]
values = ["favor", "against", "none"]
"""
STANCES = ("favor", "against", "none")
ANNOTATORS = ("ann1", "ann2", "ann3")
DOCUMENT_LENGTH = 2_000


def generate(documents: int, spans: int, seed: int) -> tuple[list[AnnotationSet], dict[str, int]]:
    rng = random.Random(seed)
    sets: list[AnnotationSet] = []
    next_id = 0
    slot = DOCUMENT_LENGTH // spans
    for d in range(documents):
        document = DocumentId(f"doc{d:05d}")
        truth = []
        for s in range(spans):
            start = s * slot + rng.randrange(0, slot // 4)
            truth.append((start, start + rng.randrange(20, slot // 2), rng.choice(STANCES)))
        for name in ANNOTATORS:
            found: list[Span] = []
            for start, end, stance in truth:
                roll = rng.random()
                if roll < 0.05:
                    continue  # missed
                if roll < 0.15:
                    start += rng.randrange(-5, 6)
                    end += rng.randrange(-5, 6)
                if rng.random() < 0.2:
                    stance = rng.choice(STANCES)
                next_id += 1
                found.append(
                    Span(
                        SpanId(next_id),
                        document,
                        AnnotatorName(name),
                        start,
                        end,
                        "QUOTE",
                        {"stance": stance},
                    )
                )
            sets.append(AnnotationSet(document, AnnotatorName(name), Status.DONE, found))
    return sets, {f"doc{d:05d}": DOCUMENT_LENGTH for d in range(documents)}


def exact_units(sets: list[AnnotationSet]) -> list[tuple[str, str, str]]:
    """(coder, unit, value) triples of the exactly aligned units, as nltk wants them."""
    return [
        (s.annotator, f"{s.document}:{span.start}:{span.end}", str(span.attrs["stance"]))
        for s in sets
        for span in s.spans
    ]


def timed(run: object) -> tuple[object, float]:
    assert callable(run)
    gc.collect()  # start every timing from the same heap, so no run pays for another's garbage
    began = time.perf_counter()
    result = run()
    return result, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--spans", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from nltk.metrics.agreement import AnnotationTask  # an oracle, never a runtime dependency

    schema: Schema = parse_schema(SCHEMA, "benchmark")
    sets, lengths = generate(args.documents, args.spans, args.seed)
    triples = exact_units(sets)
    print(
        f"{args.documents} documents x {len(ANNOTATORS)} annotators x {args.spans} spans "
        f"= {sum(len(s.spans) for s in sets)} spans"
    )

    report, ours = timed(lambda: agreement_report(sets, schema, lengths=lengths))
    assert isinstance(report, dict)
    ours_alpha = report["attributes"]["QUOTE.stance"]["exact"]["krippendorff_alpha"]

    # The same units nltk gets, grouped outside the timing: this compares the coefficients.
    by_unit: dict[str, list[str]] = {}
    for _, unit, value in triples:
        by_unit.setdefault(unit, []).append(value)
    alpha_only, ours_alpha_time = timed(lambda: krippendorff_alpha(by_unit.values()))
    theirs_alpha, theirs = timed(lambda: AnnotationTask(triples).alpha())

    print(f"agreement_report, every measure:         {ours:8.3f} s")
    print(f"nltk AnnotationTask(triples).alpha():    {theirs:8.3f} s")
    print(f"krippendorff_alpha on the same units:    {ours_alpha_time:8.3f} s")
    print(f"alpha: report {ours_alpha:.6f}, ours alone {alpha_only:.6f}, nltk {theirs_alpha:.6f}")
    for what, seconds in (("agreement_report", ours), ("krippendorff_alpha", ours_alpha_time)):
        ratio = theirs / seconds
        verdict = "met" if ratio >= 10 else "NOT met"
        print(f"nltk / {what}: {ratio:6.2f}x  (target: ours >= 10x faster: {verdict})")


if __name__ == "__main__":
    main()
