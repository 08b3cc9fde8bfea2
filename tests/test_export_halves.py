"""A large JSONL export written by two processes (transfer/second_process.py): the file is
the one one process writes, byte for byte, whatever the layer, status or documents, and
whatever goes wrong in the second process."""

from __future__ import annotations

import io
import json
import random
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import part_targets
import pytest

from annotator.errors import DamagedProjectError
from annotator.formats.jsonl import Handover, JsonlWriter
from annotator.formats.summary import TransferSummary
from annotator.model.progress import Cancelled
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer import exporting
from annotator.transfer.importing import import_paths

WORDS = ["Peskov", "said", "the", "talks", "😀", "Café", "“off", "table,”", "\u00a0", "\r\n"]
SPEAKERS = [f"Speaker {n}" for n in range(8)]
TARGETS = [f"Target {n}" for n in range(6)]
DOCUMENTS = 40


def records(rng: random.Random, documents: int = DOCUMENTS) -> list[dict[str, Any]]:
    """Documents with zero to three layers. The first half names speakers 0-3 and targets
    0-2, the second half speakers 2-5 and targets 2-4: some are named in one half only,
    some in both, and speakers 6-7 and target 5 by none (they ride on the last line)."""
    lines: list[dict[str, Any]] = []
    for d in range(documents):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 60)))
        second = d >= documents // 2
        speakers = SPEAKERS[2:6] if second else SPEAKERS[:4]
        targets = TARGETS[2:5] if second else TARGETS[:3]
        annotators = rng.sample(["alice", "bob", "gold"], rng.randrange(0, 4))
        if not annotators:
            lines.append({"id": f"d{d}", "title": f"T {d}", "text": text, "annotator": None})
        for annotator in annotators:
            spans = []
            for n in range(rng.randrange(0, 6)):
                start = rng.randrange(0, len(text) - 5)
                label = rng.choice(["QUOTE", "SPEAKER", "CUE"])
                attrs: dict[str, Any] = {}
                if label == "QUOTE":
                    attrs = {"stance": rng.choice(["favor", "against"]),
                             "target": rng.choice(targets)}  # fmt: skip
                elif label == "SPEAKER":
                    attrs = {"speaker": rng.choice(speakers)}
                spans.append({"id": f"T{n + 1}", "start": start,
                              "end": start + rng.randrange(1, 5), "label": label,
                              "attrs": attrs})  # fmt: skip
            relations = []
            if len(spans) >= 2 and (spans[0]["label"], spans[1]["label"]) == ("QUOTE", "SPEAKER"):
                relations = [{"label": "attributed_to", "head": "T1", "child": "T2"}]
            lines.append({
                "id": f"d{d}", "title": f"T {d}", "text": text, "meta": {"n": d},
                "annotator": annotator, "status": rng.choice(["done", "in_progress"]),
                "spans": spans, "relations": relations, "seconds": rng.randrange(0, 90),
            })  # fmt: skip
    lines[0]["speakers"] = [{"name": name, "type": "person"} for name in SPEAKERS]
    lines[0]["targets"] = [{"label": label, "definition": f"about {label}"} for label in TARGETS]
    return lines


def project_of(folder: Path, schema: Schema, documents: int) -> Project:
    source = folder / "in.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for line in records(random.Random(9), documents):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    project = Project.create(folder / "p.db", schema)
    import_paths(project, [source])
    return project


@pytest.fixture
def large(tmp_path: Path, schema: Schema) -> Iterator[Project]:
    project = project_of(tmp_path, schema, DOCUMENTS)
    yield project
    project.close()


@pytest.fixture
def halving(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, no_new_children: None) -> Path:
    """Every export halved, however small; the second process's file in a folder of the
    test's own, to see that nothing is left in it."""
    monkeypatch.setattr(exporting, "HALVING_DOCUMENTS", 0)
    monkeypatch.setattr(exporting, "HALVING_CHARACTERS", 0)
    monkeypatch.setattr(exporting, "SECOND_PROCESS_LEAD", 0)
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def children() -> set[str]:
    """The processes this one started that still exist (ended but not waited for too)."""
    found: set[str] = set()
    for listing in Path("/proc/self/task").glob("*/children"):
        found.update(listing.read_text().split())
    return found


@pytest.fixture
def no_new_children() -> Iterator[None]:
    """After the test, no process it started is left (other tests' may be)."""
    before = children()
    yield
    assert children() <= before


def export(project: Project, **options: Any) -> tuple[bytes, int, TransferSummary, int]:
    """The file, its line count, its summary and how many documents were ticked."""
    out = io.BytesIO()
    summary = TransferSummary()
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1

    lines = exporting.export_jsonl(project, out, summary=summary, tick=tick, **options)
    return out.getvalue(), lines, summary, ticks


def one_process(project: Project, **options: Any) -> tuple[bytes, int, TransferSummary, int]:
    available = exporting.second_process_available
    exporting.second_process_available = lambda: False
    try:
        return export(project, **options)
    finally:
        exporting.second_process_available = available


SELECTIONS: list[dict[str, Any]] = [
    {},
    {"annotator": "bob"},
    {"status": "done"},
    {"annotator": "gold", "status": "in_progress"},
    {"documents": {f"d{n}" for n in range(0, DOCUMENTS, 3)}},
    # The second half has none of them: the first half's last line carries the leftovers.
    {"documents": {"d1", "d4", "d7"}},
]


@pytest.mark.parametrize("options", SELECTIONS, ids=lambda o: ",".join(o) or "all")
def test_two_processes_write_the_file_one_writes(
    large: Project, halving: Path, options: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    parts: list[int] = []
    append = JsonlWriter.append

    def appended(writer: JsonlWriter, part: IO[bytes], handover: Handover) -> None:
        parts.append(handover.lines + (handover.held is not None))
        append(writer, part, handover)

    monkeypatch.setattr(JsonlWriter, "append", appended)
    alone = one_process(large, **options)
    halved = export(large, **options)
    assert len(parts) == 1  # the second process wrote its part (lines, or none at all)
    if "documents" not in options or len(options["documents"]) > 3:
        assert parts[0] > 0
    assert halved[0] == alone[0]
    assert halved[1:3] == alone[1:3]
    assert halved[3] == alone[3]  # every document read is ticked, the second half's too
    assert not list(halving.iterdir())


def test_registry_entries_named_in_either_half_ride_where_one_process_puts_them(
    large: Project, halving: Path
) -> None:
    lines = [json.loads(line) for line in export(large)[0].splitlines()]
    named_late = [line for line in lines[len(lines) // 2 :] if line["speakers"]]
    assert named_late  # the second half names some itself
    assert [s["name"] for s in lines[-1]["speakers"]][-2:] == SPEAKERS[6:]
    assert lines[-1]["targets"][-1]["label"] == TARGETS[5]
    assert sum(len(line["targets"]) for line in lines) > len(TARGETS)


@pytest.mark.parametrize("target", [part_targets.failing, part_targets.dying])
def test_a_second_process_that_fails_or_dies_leaves_its_part_to_the_first(
    large: Project, halving: Path, monkeypatch: pytest.MonkeyPatch, target: Any
) -> None:
    alone = one_process(large)
    monkeypatch.setattr(exporting, "_write_half", target)
    assert export(large) == alone
    assert not list(halving.iterdir())


def test_a_second_process_failing_late_has_each_document_ticked_once(
    tmp_path: Path, schema: Schema, halving: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Enough documents for the second process to tell some of its progress before it fails.
    with project_of(tmp_path, schema, 800) as project:
        alone = one_process(project)
        monkeypatch.setattr(exporting, "_write_half", part_targets.failing_after_300)
        halved = export(project)
    assert halved[0] == alone[0]
    assert halved[3] == alone[3] == 800


def test_a_cancel_while_waiting_stops_the_second_process(
    large: Project, halving: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "_write_half", part_targets.reading_forever)
    seen = 0
    on_disk: list[list[Path]] = []

    def tick() -> None:
        nonlocal seen
        seen += 1
        if seen > DOCUMENTS:  # past the first half: the second process's reads
            # Its file has no name left while it runs: a kill of this process leaves nothing.
            on_disk.append(list(halving.iterdir()))
            raise Cancelled()

    with pytest.raises(Cancelled):
        exporting.export_jsonl(large, io.BytesIO(), tick=tick)
    assert on_disk == [[]]
    assert not list(halving.iterdir())


def test_damage_in_the_second_half_is_the_error_one_process_gives(
    large: Project, halving: Path
) -> None:
    conn = sqlite3.connect(large.path)
    with conn:
        conn.execute(
            "UPDATE documents SET text_crc32 = 1, sha256 = ? WHERE id = ?",
            ["0" * 64, f"d{DOCUMENTS - 3}"],
        )
    conn.close()
    with pytest.raises(DamagedProjectError) as alone:
        one_process(large)
    with pytest.raises(DamagedProjectError) as halved:
        export(large)
    assert str(halved.value) == str(alone.value)
    assert f"d{DOCUMENTS - 3}" in str(halved.value)


def test_halves_cut_the_documents_in_import_order_by_characters(large: Project) -> None:
    texts = {d.id: len(d.text) for b in large.documents.iter_all() for d in b}
    for lead in (0, 500, 10**9):
        halves = large.documents.halves(lead=lead)
        assert (halves.count, halves.characters) == (DOCUMENTS, sum(texts.values()))
        first = [d.id for b in large.documents.iter_all(places=halves.first) for d in b]
        second = [d.id for b in large.documents.iter_all(places=halves.second) for d in b]
        assert first + second == large.documents.ids()
        # The first half holds half the characters and the lead, the cut falling after the
        # document that reaches them.
        wanted = (halves.characters + lead) // 2
        held = sum(texts[d] for d in first)
        assert held >= min(wanted, halves.characters)
        assert held - texts[first[-1]] < wanted
    assert large.documents.extent() == (DOCUMENTS, sum(texts.values()))
    some = ["d3", "d5", "d30", "d31", "d39"]
    # Counted without the rest (an unknown id is none).
    assert large.documents.extent([*some, "nowhere"]) == (5, sum(texts[d] for d in some))
    halves = large.documents.halves(some)
    assert halves.count == 5 and halves.characters == sum(texts[d] for d in some)
    second = [d.id for b in large.documents.iter_some(some, places=halves.second) for d in b]
    first = [d.id for b in large.documents.iter_some(some, places=halves.first) for d in b]
    assert first + second == some and first and second
