"""Training exports (Parquet, spaCy DocBin) of a generated gold layer, against same-run baselines.

- parquet: ``write_parquet`` from model objects vs pyarrow writing the same document and span
  rows from Python lists already built (target: within 2x);
- spacy: ``write_spacy`` vs ``spacy.blank`` tokenising the same texts into a DocBin with the
  same spans in ``doc.spans["sc"]`` (target: within 1.5x).

Usage: python benchmarks/bench_training_exports.py [DOCUMENTS] [SPACY_DOCUMENTS]
(defaults 100,000 and 10,000; ten spans per document; 0 leaves spaCy out).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import spacy
from spacy.tokens import DocBin

from annotator.formats.parquet_tables import write_parquet
from annotator.formats.spacy_docbin import write_spacy
from annotator.formats.span_rows import SpanTable
from annotator.formats.summary import TransferSummary
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path

# fmt: off
WORDS = [
    "the", "kremlin", "said", "talks", "would", "continue", "while", "officials", "denied",
    "any", "deal", "on", "ukraine", "nato", "membership", "and", "ceasefire", "terms",
    "remained", "unclear",
]
# fmt: on
LABELS = ("QUOTE", "SPEAKER", "CUE")
STANCES = ("favor", "against", "none")
GOLD = AnnotatorName("gold")
PER_DOCUMENT = 10
REPEATS = 2


def generate(documents: int, seed: int = 1) -> list[tuple[Document, AnnotationSet]]:
    rng = random.Random(seed)
    out = []
    for d in range(documents):
        doc_id = DocumentId(f"doc{d:06d}")
        # About 3,000 characters: a short news article like the seed.
        text = " ".join(rng.choice(WORDS) for _ in range(480))
        spans = []
        for s in range(PER_DOCUMENT):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(1, 200)
            label = LABELS[s % 3]
            if label == "QUOTE":
                attrs = {"stance": rng.choice(STANCES), "target": "Ukraine in NATO"}
            elif label == "SPEAKER":
                attrs = {"speaker": "Dmitry Peskov"}
            else:
                attrs = {}
            spans.append(Span(SpanId(s + 1), doc_id, GOLD, start, end, label, attrs, f"T{s + 1}"))
        relations = [Relation(RelationId(1), "attributed_to", SpanId(1), SpanId(2))]
        out.append(
            (
                Document(doc_id, text, f"Document {d}"),
                AnnotationSet(doc_id, GOLD, Status.DONE, spans, relations),
            )
        )
    return out


def timed(label: str, results: dict[str, float], func, *args, **kwargs) -> None:
    """Best of REPEATS runs: the runs of a pair alternate, so neither gets the warm caches."""
    start = time.perf_counter()
    func(*args, **kwargs)
    took = time.perf_counter() - start
    results[label] = min(took, results.get(label, took))
    print(f"{label:<44} {took:7.2f} s", flush=True)


def parquet_rows(items, schema) -> tuple[dict[str, list], dict[str, list]]:
    """The same rows as the export, as Python column lists (built before the clock starts)."""
    table = SpanTable(schema)
    rows = [row for d, a in items for row in table.rows(d, a, TransferSummary())]
    spans = {
        name: list(column)
        for name, column in zip(table.columns, zip(*rows, strict=True), strict=True)
    }
    documents = {
        "id": [d.id for d, _ in items],
        "title": [d.title for d, _ in items],
        "text": [d.text for d, _ in items],
        "meta": [None for _ in items],
        "text_sha256": [d.sha256 for d, _ in items],
        "annotator": [a.annotator for _, a in items],
        "status": [a.status.value for _, a in items],
        "relevance": [None for _ in items],
        "overall_stance": [None for _ in items],
    }
    return documents, spans


def baseline_parquet(folder: Path, documents: dict[str, list], spans: dict[str, list]) -> None:
    folder.mkdir()
    string_columns = {"relevance", "overall_stance", "meta"}
    doc_table = pa.table(
        {k: pa.array(v, pa.string()) if k in string_columns else v for k, v in documents.items()}
    )
    pq.write_table(doc_table, folder / "documents.parquet")
    pq.write_table(pa.table(spans), folder / "spans.parquet")


def baseline_spacy(path: Path, items) -> None:
    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    for document, annotation in items:
        doc = nlp.make_doc(document.text)
        found = (
            doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand")
            for s in annotation.spans
        )
        doc.spans["sc"] = [s for s in found if s is not None]
        docbin.add(doc)
    path.write_bytes(docbin.to_bytes())


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    spacy_documents = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    schema = load_schema(default_schema_path())
    items = generate(documents)
    print(f"{documents:,} documents, {documents * PER_DOCUMENT:,} spans", flush=True)
    results: dict[str, float] = {}
    doc_columns, span_columns = parquet_rows(items, schema)
    few = items[:spacy_documents]
    # Warm up: imports, spaCy's language data and its tokenizer cache for these words.
    if few:
        baseline_spacy(Path(tempfile.gettempdir()) / "warm.spacy", few[:200])
    for run in range(REPEATS):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            timed("baseline: pyarrow from Python lists", results, baseline_parquet,
                  folder / f"raw{run}", doc_columns, span_columns)  # fmt: skip
            timed("annotator parquet", results, write_parquet, items, schema, folder / "pq")
    parquet = results["annotator parquet"] / results["baseline: pyarrow from Python lists"]
    print(f"parquet / baseline: {parquet:.2f}x (target <= 2x)")
    if not few:
        return
    print(f"spaCy: {len(few):,} documents, {len(few) * PER_DOCUMENT:,} spans", flush=True)
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            timed("baseline: spacy.blank + DocBin, same spans", results, baseline_spacy,
                  folder / "raw.spacy", few)  # fmt: skip
            timed("annotator spacy", results, write_spacy, few, schema, folder / "out.spacy")
    spacy_ratio = results["annotator spacy"] / results["baseline: spacy.blank + DocBin, same spans"]
    print(f"spacy / baseline: {spacy_ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
