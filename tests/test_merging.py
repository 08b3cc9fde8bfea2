"""Merging copies of a project: layers arrive exactly, nothing is overwritten or dropped."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.edits.spans import AddRelation, AddSpan, SetDocAttribute, SetStatus
from annotator.errors import AnnotatorError, StorageError
from annotator.model import (
    AnnotatorName,
    DocumentId,
    Span,
    SpanId,
    Speaker,
    SpeakerType,
    Status,
    Target,
    text_sha256,
)
from annotator.model.progress import Cancelled
from annotator.model.schema import Schema, parse_schema
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths
from annotator.transfer.merging import Conflict, merge_projects

from support import snapshot

DOC = DocumentId("000_80cf35cee6cee056")
ALICE = AnnotatorName("alice")
BOB = AnnotatorName("bob")


def annotate(project: Project, who: AnnotatorName, stance: str = "favor") -> None:
    """A quote linked to its speaker and cue, as an annotator would make it in the window."""

    def add(start: int, end: int, label: str, **attrs: str) -> SpanId:
        edit = AddSpan(Span(SpanId(0), DOC, who, start, end, label, dict(attrs)))
        edit.apply(project)
        return edit.stored.id

    quote = add(200, 260, "QUOTE", stance=stance)
    speaker = add(131, 167, "SPEAKER", speaker="Dmitry Peskov")
    cue = add(168, 172, "CUE")
    AddRelation("attributed_to", quote, speaker).apply(project)
    AddRelation("cued_by", quote, cue).apply(project)
    SetStatus(DOC, who, status=Status.IN_PROGRESS).apply(project)


def exported(project: Project, who: str | None = None) -> list[dict[str, Any]]:
    out = io.BytesIO()
    export_jsonl(project, out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return [line for line in lines if who is None or line.get("annotator") == who]


def make_copy(
    tmp_path: Path,
    schema: Schema,
    name: str,
    fill: Callable[[Project], None],
    seeds: bool = True,
) -> tuple[Path, list[dict[str, Any]]]:
    """A closed project file (merging opens it) and its export at the time it was closed."""
    path = tmp_path / name
    with Project.create(path, schema) as copy:
        if seeds:
            import_paths(copy, [seeds_dir()])
        fill(copy)
        return path, exported(copy)


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def importing(path: Path) -> Callable[[Project], None]:
    def fill(project: Project) -> None:
        import_paths(project, [path])

    return fill


def test_two_annotators_layers_arrive_exactly(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    a, a_lines = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))
    b, b_lines = make_copy(tmp_path, schema, "bob.db", lambda p: annotate(p, BOB, "against"))
    told: list[tuple[int, int | None]] = []

    report = merge_projects(seeded, [a, b], lambda done, total: told.append((done, total)))

    assert exported(seeded, ALICE) == [line for line in a_lines if line.get("annotator") == ALICE]
    assert exported(seeded, BOB) == [line for line in b_lines if line.get("annotator") == BOB]
    assert report.conflicts == []
    assert report.summary() == (
        "0 documents added, 2 matched, 2 annotation sets added, 0 unchanged, "
        "1 speaker and 0 targets added, no conflicts"
    )
    # Progress counts the documents read, of both files.
    assert told[0] == (0, 2) and told[-1] == (2, 2)
    assert report.backup is not None and report.backup.is_file()
    assert seeded.history.entries(limit=1)[0].action == "merge"
    # The speaker named on the merged spans is a registry record, as after an import.
    assert [s.name for s in seeded.speakers.all()] == ["Dmitry Peskov"]


def test_merging_the_same_file_again_changes_nothing(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    a, _ = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))
    merge_projects(seeded, [a])
    before = snapshot(seeded)

    again = merge_projects(seeded, [a, a])

    assert snapshot(seeded) == before
    assert (again.documents_added, again.documents_matched) == (0, 1)
    assert (again.sets_added, again.sets_unchanged, again.conflicts) == (0, 1, [])


def test_same_annotator_edited_differently_is_a_conflict_and_ours_is_kept(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    annotate(seeded, ALICE)

    def more_work(copy: Project) -> None:
        annotate(copy, ALICE)
        AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "SPEAKER")).apply(copy)
        SetStatus(DOC, ALICE, status=Status.DONE).apply(copy)

    a, _ = make_copy(tmp_path, schema, "alice.db", more_work)
    before, ours = snapshot(seeded), exported(seeded, ALICE)

    report = merge_projects(seeded, [a])

    reason = "status in_progress here vs done there; spans differ: 0 only here, 1 only there"
    assert report.conflicts == [Conflict(DOC, ALICE, reason, a)]
    assert report.conflict_lines() == [f"{a}: {DOC} (alice): {reason}"]
    assert snapshot(seeded) == before
    assert exported(seeded, ALICE) == ours


def test_changed_attribute_and_relations_are_named_in_the_conflict(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    annotate(seeded, ALICE, "favor")

    def other_stance(copy: Project) -> None:
        annotate(copy, ALICE, "against")
        SetDocAttribute(DOC, ALICE, name="relevance", value="relevant").apply(copy)

    a, _ = make_copy(tmp_path, schema, "alice.db", other_stance)

    report = merge_projects(seeded, [a])

    assert report.conflict_lines() == [
        f"{a}: {DOC} (alice): document attributes differ; spans differ: 1 only here, 1 only there"
    ]


def test_same_id_with_another_text_imports_nothing_of_it(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    text = "Another article that happens to have the same id."
    line = {
        "id": DOC,
        "text": text,
        "annotator": BOB,
        "spans": [{"id": "T1", "start": 0, "end": 7, "label": "QUOTE"}],
    }
    fill = importing(write_jsonl(tmp_path / "b.jsonl", line))
    b, _ = make_copy(tmp_path, schema, "bob.db", fill, seeds=False)
    before = snapshot(seeded)
    ours = seeded.documents.get(DOC)
    assert ours is not None

    report = merge_projects(seeded, [b])

    assert snapshot(seeded) == before
    (conflict,) = report.conflicts
    assert (conflict.document, conflict.annotator) == (DOC, None)
    assert ours.sha256 in conflict.reason and text_sha256(text) in conflict.reason
    assert "bob" in conflict.reason
    assert (report.documents_added, report.documents_matched, report.sets_added) == (0, 0, 0)


def test_a_document_only_in_the_other_file_arrives_with_its_sets(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    line = {
        "id": "extra",
        "title": "Extra article",
        "meta": {"source": "wire"},
        "text": "NATO said on Monday that talks continue.",
        "annotator": BOB,
        "status": "done",
        "spans": [
            {"id": "T1", "start": 0, "end": 4, "label": "SPEAKER", "attrs": {"speaker": "NATO"}},
            {"id": "T2", "start": 5, "end": 9, "label": "CUE"},
            {"id": "T3", "start": 23, "end": 39, "label": "QUOTE", "attrs": {"stance": "none"}},
        ],
        "relations": [
            {"label": "attributed_to", "head": "T3", "child": "T1"},
            {"label": "cued_by", "head": "T3", "child": "T2"},
        ],
        "doc_attrs": {"relevance": "partly"},
    }
    fill = importing(write_jsonl(tmp_path / "b.jsonl", line))
    b, b_lines = make_copy(tmp_path, schema, "bob.db", fill)

    report = merge_projects(seeded, [b])

    assert (report.documents_added, report.documents_matched, report.sets_added) == (1, 1, 1)
    assert seeded.documents.ids() == [DOC, "extra"]
    extra = seeded.documents.get(DocumentId("extra"))
    assert extra is not None and (extra.title, extra.meta) == ("Extra article", {"source": "wire"})
    assert exported(seeded, BOB) == [r for r in b_lines if r.get("annotator") == BOB]


@pytest.mark.parametrize("kind", ["missing", "not a project", "itself"])
def test_a_bad_other_file_fails_and_leaves_the_project_unchanged(
    seeded: Project, tmp_path: Path, schema: Schema, kind: str
) -> None:
    good, _ = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))
    bad = {
        "missing": tmp_path / "nowhere.db",
        "not a project": write_jsonl(tmp_path / "notes.db", {"id": "x"}),
        "itself": seeded.path,
    }[kind]
    before, history = snapshot(seeded), seeded.history.entries()

    with pytest.raises(AnnotatorError, match=str(bad.name)):
        merge_projects(seeded, [good, bad])

    assert snapshot(seeded) == before
    assert seeded.history.entries() == history
    Project.open(good).close()  # closed again, not left locked


def test_a_failure_during_the_merge_rolls_everything_back(
    seeded: Project, tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, _ = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))
    before = snapshot(seeded)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(seeded.history, "record", disk_full)
    # The transaction turns the OS error into the user's sentence (a StorageError).
    with pytest.raises(StorageError, match="disk full"):
        merge_projects(seeded, [good])

    assert snapshot(seeded) == before
    Project.open(good).close()


def test_cancelling_a_merge_after_the_first_file_leaves_the_project_unchanged(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    a, _ = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))
    b, _ = make_copy(tmp_path, schema, "bob.db", lambda p: annotate(p, BOB, "against"))
    before, history = snapshot(seeded), seeded.history.entries()

    def stop_after_the_first(done: int, total: int | None) -> None:
        if done == 1:  # alice's file is merged, inside the transaction
            raise Cancelled

    with pytest.raises(Cancelled):
        merge_projects(seeded, [a, b], stop_after_the_first)

    assert snapshot(seeded) == before
    assert seeded.history.entries() == history


def test_registries_gain_what_is_missing_and_keep_what_they_have(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    seeded.speakers.upsert(Speaker("Dmitry Peskov", description="Kremlin spokesperson"))

    def registries(copy: Project) -> None:
        copy.speakers.upsert(Speaker("Dmitry Peskov", description="someone", wikidata="Q1"))
        copy.speakers.upsert(Speaker("NATO", SpeakerType.ORGANISATION))
        copy.targets.upsert(Target("Ukraine in NATO", "FAVOR: Ukraine should join."))

    a, _ = make_copy(tmp_path, schema, "alice.db", registries)

    report = merge_projects(seeded, [a])

    assert seeded.speakers.all() == [
        Speaker("Dmitry Peskov", description="Kremlin spokesperson"),
        Speaker("NATO", SpeakerType.ORGANISATION),
    ]
    assert seeded.targets.all() == [Target("Ukraine in NATO", "FAVOR: Ukraine should join.")]
    assert (report.speakers_added, report.targets_added) == (1, 1)


def test_a_set_this_schema_cannot_hold_is_reported_not_merged(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    wider = parse_schema(schema.source + '\n[[labels]]\nname = "SOURCE"\n')

    def fill(copy: Project) -> None:
        annotate(copy, ALICE)
        AddSpan(Span(SpanId(0), DOC, BOB, 0, 7, "SOURCE")).apply(copy)

    a, _ = make_copy(tmp_path, wider, "wider.db", fill)

    report = merge_projects(seeded, [a])

    assert report.conflict_lines() == [
        f'{a}: {DOC} (bob): not merged: label "SOURCE" is not in this project\'s schema'
    ]
    assert report.sets_added == 1
    assert seeded.spans.in_set(DOC, BOB) == []


def test_a_blank_todo_set_is_filled_like_a_missing_one(
    seeded: Project, tmp_path: Path, schema: Schema
) -> None:
    SetStatus(DOC, ALICE, status=Status.TODO).apply(seeded)
    a, a_lines = make_copy(tmp_path, schema, "alice.db", lambda p: annotate(p, ALICE))

    report = merge_projects(seeded, [a])

    assert (report.sets_added, report.conflicts) == (1, [])
    assert exported(seeded, ALICE) == [r for r in a_lines if r.get("annotator") == ALICE]


def test_merging_into_an_empty_project_gives_the_other_file_whole(
    project: Project, tmp_path: Path, schema: Schema
) -> None:
    def both(copy: Project) -> None:
        annotate(copy, ALICE)
        annotate(copy, BOB, "against")

    a, a_lines = make_copy(tmp_path, schema, "team.db", both)

    report = merge_projects(project, [a])

    assert exported(project) == a_lines
    assert report.backup is None  # nothing to lose, so no backup of an empty project
