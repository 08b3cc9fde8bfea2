"""Benchmark: importing other tools' files against importing the same data as our JSONL.

Generates N documents (about 1,500 characters, an emoji near the start) with 20 spans and 10
relations each, written once as doccano relation JSONL (peer labels in another case, so every
span goes through the label mapping) and once as our own JSONL; then times, in the same run,
``import_files`` of each into a fresh project, and the preview the window shows (reading and
mapping, nothing written); and the reader's peak memory (tracemalloc) with JSON Lines
streamed a line at a time against the same file's records parsed whole (the baseline, as
before streaming), in the same run. Run: ``python benchmarks/bench_peer_import.py
[--documents N]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from pathlib import Path

import annotator.formats.doccano as doccano
from annotator.formats.json_records import read_records
from annotator.model.schema import load_schema
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.transfer.import_sources import ImportOptions
from annotator.transfer.peer_import import import_files, preview_import

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "Tuesday",
    "that",
    "talks",
    "would",
    "resume",
    "within",
    "weeks",
]
LABELS = ("QUOTE", "SPEAKER", "CUE")


def article(number: int) -> tuple[str, list[tuple[int, int, str]]]:
    words = [WORDS[(number + i) % len(WORDS)] for i in range(240)]
    text = f"Story {number} 😀 " + " ".join(words) + "."
    spans, at = [], len(f"Story {number} 😀 ")
    for index in range(20):
        start = at + index * 60
        spans.append((start, start + 20, LABELS[index % 3]))
    return text, spans


def write_files(folder: Path, documents: int) -> tuple[Path, Path]:
    peer, ours = folder / "doccano.jsonl", folder / "ours.jsonl"
    with peer.open("w", encoding="utf-8") as p, ours.open("w", encoding="utf-8") as o:
        for number in range(documents):
            text, spans = article(number)
            entities = [
                {"id": i, "start_offset": s, "end_offset": e, "label": label.title()}
                for i, (s, e, label) in enumerate(spans)
            ]
            relations = [
                {"id": i, "from_id": 3 * i, "to_id": 3 * i + 2, "type": "cued_by"} for i in range(6)
            ]
            record = {"id": number, "text": text, "entities": entities, "relations": relations}
            p.write(json.dumps(record, ensure_ascii=False) + "\n")
            ours_record = {
                "id": f"d{number}",
                "text": text,
                "annotator": "alice",
                "spans": [
                    {"id": f"T{i}", "start": s, "end": e, "label": label}
                    for i, (s, e, label) in enumerate(spans)
                ],
                "relations": [
                    {"label": "cued_by", "head": f"T{3 * i}", "child": f"T{3 * i + 2}"}
                    for i in range(6)
                ],
            }
            o.write(json.dumps(ours_record, ensure_ascii=False) + "\n")
    return peer, ours


def timed(folder: Path, name: str, source: Path, fmt: str) -> float:
    schema = load_schema(default_schema_path())
    with Project.create(folder / f"{name}.db", schema) as project:
        started = time.perf_counter()
        import_files(project, [source], ImportOptions(fmt=fmt))
        return time.perf_counter() - started


def reader_peak(source: Path, streamed: bool) -> float:
    """The doccano reader's peak traced memory in MB; not streamed: every record parsed first."""
    streaming = doccano.iter_records
    if not streamed:
        doccano.iter_records = read_records  # type: ignore[assignment]
    tracemalloc.start()
    try:
        doccano.read_doccano(source)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
        doccano.iter_records = streaming


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        peer, ours = write_files(folder, args.documents)
        spans = args.documents * 20
        baseline = timed(folder, "ours", ours, "jsonl")
        doccano = timed(folder, "peer", peer, "doccano")
        schema = load_schema(default_schema_path())
        started = time.perf_counter()
        preview_import([peer], schema, ImportOptions(fmt="doccano"))
        preview = time.perf_counter() - started
        size = peer.stat().st_size / 1e6
        whole, streamed = reader_peak(peer, False), reader_peak(peer, True)
    print(f"{args.documents} documents, {spans} spans")
    print(f"  our JSONL (baseline)     {baseline:6.2f} s")
    print(f"  doccano JSONL, mapped    {doccano:6.2f} s  ({doccano / baseline:.2f} x)")
    print(f"  doccano preview only     {preview:6.2f} s")
    print(f"reading the {size:.1f} MB doccano file (peak traced memory)")
    print(f"  records parsed whole (baseline) {whole:6.1f} MB")
    print(f"  JSON Lines streamed             {streamed:6.1f} MB  ({streamed / whole:.2f} x)")


if __name__ == "__main__":
    main()
