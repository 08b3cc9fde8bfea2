"""``annotator export`` end to end (project read, written aside, synced, moved into place)
against same-run baselines that only write what is already in memory.

- jsonl: ``run_export`` of the whole project vs ``orjson.dumps`` of the same records to a
  file (target: within 2x);
- parquet: ``run_export`` of the gold layer vs pyarrow writing the same document and span
  rows from Python lists already built (target: within 2x);
- both also against a second baseline that first READS the same rows from the project with
  plain ``sqlite3`` cursors (no checks, no objects) and then writes what is in memory: the
  issue's baselines start from data already in memory, which an export never has; this one
  is the floor of any export that reads the project file.
- spacy: ``run_export`` of the gold layer vs ``spacy.blank`` tokenising the same texts into a
  DocBin with the same spans in ``doc.spans["sc"]`` (target: within 1.5x).

Each run prints wall and CPU time (``process_time``: this process, its writer threads
included); on a shared, loaded machine the CPU ratio is the fairer one, so both are given.

Usage: python benchmarks/bench_exports.py [DOCUMENTS] [SPACY_DOCUMENTS]
(defaults 100,000 and 10,000; ten spans per document, so 1,000,000 spans; 0 leaves spaCy out).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import orjson
from bench_training_exports import baseline_parquet, baseline_spacy, parquet_rows

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.export_job import ExportRequest, run_export
from annotator.transfer.exporting import iter_documents_with_sets
from annotator.transfer.importing import import_paths

# fmt: off
WORDS = [
    "the", "kremlin", "said", "talks", "would", "continue", "while", "officials", "denied",
    "any", "deal", "on", "ukraine", "nato", "membership", "and", "ceasefire", "terms",
    "remained", "unclear",
]
# fmt: on
LABELS = ("QUOTE", "SPEAKER", "CUE")
STANCES = ("favor", "against", "none")
PER_DOCUMENT = 10
REPEATS = 2


def generate(documents: int, seed: int = 1) -> list[dict]:
    """Gold records of about 3,000 characters (a short news article), ten spans each."""
    import random

    rng = random.Random(seed)
    records = []
    for d in range(documents):
        text = " ".join(rng.choice(WORDS) for _ in range(480))
        spans = []
        for s in range(PER_DOCUMENT):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(1, 200)
            label = LABELS[s % 3]
            attrs: dict = {}
            if label == "QUOTE":
                attrs = {"stance": rng.choice(STANCES), "target": "Ukraine in NATO"}
            elif label == "SPEAKER":
                attrs = {"speaker": "Dmitry Peskov"}
            spans.append({"id": f"T{s + 1}", "start": start, "end": end, "label": label,
                          "attrs": attrs})  # fmt: skip
        records.append(
            {
                "id": f"doc{d:06d}",
                "title": f"Document {d}",
                "text": text,
                "annotator": "gold",
                "status": "done",
                "spans": spans,
                "relations": [{"label": "attributed_to", "head": "T1", "child": "T2"}],
            }
        )
    return records


def make_project(folder: Path, name: str, records: list[dict]) -> Path:
    source = folder / f"{name}.jsonl"
    source.write_bytes(b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in records))
    path = folder / f"{name}.db"
    with Project.create(path, load_schema(default_schema_path())) as project:
        import_paths(project, [source])
    source.unlink()
    return path


#: label -> best CPU seconds, beside ``results`` (best wall seconds).
CPU: dict[str, float] = {}


def timed(label: str, results: dict[str, float], func, *args, **kwargs) -> None:
    """Best of REPEATS runs: the runs of a pair alternate, so neither gets the warm caches."""
    start = time.perf_counter()
    cpu = time.process_time()
    func(*args, **kwargs)
    took = time.perf_counter() - start
    used = time.process_time() - cpu
    results[label] = min(took, results.get(label, took))
    CPU[label] = min(used, CPU.get(label, used))
    print(f"{label:<48} {took:7.2f} s wall {used:7.2f} s CPU", flush=True)


def export(path: Path, fmt: str, out: Path) -> None:
    with Project.open(path, read_only=True) as project:
        run_export(project, ExportRequest(fmt, out))


def dump_orjson(out: Path, records: list[dict]) -> None:
    with out.open("wb") as handle:
        for start in range(0, len(records), 1000):
            chunk = records[start : start + 1000]
            handle.write(b"".join(orjson.dumps(r, option=orjson.OPT_APPEND_NEWLINE) for r in chunk))


def read_rows(path: Path) -> int:
    """The rows an export reads (documents with text, sets, spans, relations) through plain
    ``sqlite3`` cursors, a batch at a time and dropped: the cost of reading alone."""
    count = 0
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for sql in (
            "SELECT id, title, text, meta, sha256 FROM documents ORDER BY ord",
            "SELECT document, annotator, status, doc_attrs FROM annotation_sets",
            'SELECT document, annotator, name, start, "end", label, attrs FROM spans '
            'ORDER BY document, annotator, start, "end", id',
            "SELECT r.label, h.name, c.name, h.document, h.annotator FROM relations r "
            "JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child ORDER BY r.id",
        ):
            cursor = connection.execute(sql)
            while rows := cursor.fetchmany(5000):
                count += len(rows)
    finally:
        connection.close()
    return count


def read_and_dump(path: Path, out: Path, records: list[dict]) -> None:
    read_rows(path)
    dump_orjson(out, records)


def read_and_parquet(path: Path, folder: Path, doc_columns: dict, span_columns: dict) -> None:
    read_rows(path)
    baseline_parquet(folder, doc_columns, span_columns)


def layer_items(path: Path) -> list:
    with Project.open(path, read_only=True) as project:
        return [(d, sets[0]) for d, sets in iter_documents_with_sets(project, "gold")]


def ratio(results: dict[str, float], ours: str, baseline: str, target: float) -> None:
    value = results[ours] / results[baseline]
    cpu = CPU[ours] / CPU[baseline]
    print(f"{ours} / {baseline}: {value:.2f}x wall, {cpu:.2f}x CPU (target <= {target}x)")


def main() -> None:
    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    spacy_documents = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    schema = load_schema(default_schema_path())
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    records = generate(max(documents, spacy_documents))
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make_project(folder, "big", records[:documents])
        print(f"{documents:,} documents, {documents * PER_DOCUMENT:,} spans", flush=True)
        items = layer_items(path)
        doc_columns, span_columns = parquet_rows(items, schema)
        del items
        for run in range(REPEATS):
            timed("baseline: orjson dump of the records", results, dump_orjson,
                  folder / "raw.jsonl", records[:documents])  # fmt: skip
            timed("annotator export --format jsonl", results, export, path, "jsonl",
                  folder / f"out{run}.jsonl")  # fmt: skip
            timed("baseline: pyarrow from Python lists", results, baseline_parquet,
                  folder / f"raw{run}", doc_columns, span_columns)  # fmt: skip
            timed("annotator export --format parquet", results, export, path, "parquet",
                  folder / f"pq{run}")  # fmt: skip
            timed("baseline: sqlite3 read + orjson dump", results, read_and_dump, path,
                  folder / "raw.jsonl", records[:documents])  # fmt: skip
            timed("baseline: sqlite3 read + pyarrow", results, read_and_parquet, path,
                  folder / f"rawr{run}", doc_columns, span_columns)  # fmt: skip
        ratio(results, "annotator export --format jsonl", "baseline: orjson dump of the records", 2)
        ratio(results, "annotator export --format parquet", "baseline: pyarrow from Python lists",
              2)  # fmt: skip
        ratio(results, "annotator export --format jsonl", "baseline: sqlite3 read + orjson dump",
              2)  # fmt: skip
        ratio(results, "annotator export --format parquet", "baseline: sqlite3 read + pyarrow",
              2)  # fmt: skip
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process (records held for the baselines): {peak:,.0f} MB")
        del doc_columns, span_columns
        if not spacy_documents:
            return
        small = make_project(folder, "small", records[:spacy_documents])
        few = layer_items(small)
        print(f"spaCy: {spacy_documents:,} documents, {spacy_documents * PER_DOCUMENT:,} spans")
        # Warm up: imports, spaCy's language data and its tokenizer cache for these words.
        baseline_spacy(folder / "warm.spacy", few[:200])
        for run in range(REPEATS):
            timed("baseline: spacy.blank + DocBin, same spans", results, baseline_spacy,
                  folder / f"raw{run}.spacy", few)  # fmt: skip
            timed("annotator export --format spacy", results, export, small, "spacy",
                  folder / f"out{run}.spacy")  # fmt: skip
        ratio(results, "annotator export --format spacy",
              "baseline: spacy.blank + DocBin, same spans", 1.5)  # fmt: skip


if __name__ == "__main__":
    main()
