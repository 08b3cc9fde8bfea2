"""A team without a server: assignment, packs, collecting them, active time and progress."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.edits.assignment import AssignDocuments, AssignReport, SetAssignees
from annotator.edits.spans import SetStatus
from annotator.errors import AnnotatorError
from annotator.formats.jsonl import read_jsonl
from annotator.model import (
    AnnotatorName,
    Document,
    DocumentId,
    Speaker,
    SpeakerType,
    Status,
)
from annotator.model.assignment import plan_assignment
from annotator.model.schema import Schema, parse_schema
from annotator.store import Project
from annotator.transfer.merging import merge_projects
from annotator.transfer.pack_origin import pack_origin
from annotator.transfer.packing import write_all_packs, write_pack
from annotator.transfer.team_progress import team_progress

from support import add_span, snapshot

TEXT = "The minister said that the plan works. Critics disagree with him."
TEAM = ["alice", "bob", "carol"]


def assign_documents(project: Project, annotators: list[str], **options: Any) -> AssignReport:
    edit = AssignDocuments(annotators, **options)
    edit.apply(project)
    return edit.report


def fill(project: Project, count: int, prefix: str = "d") -> list[DocumentId]:
    ids = [DocumentId(f"{prefix}{i:04d}") for i in range(count)]
    with project.transaction():
        project.documents.insert_many(Document(d, f"{TEXT} ({d})", d) for d in ids)
    return ids


@pytest.fixture
def team_project(project: Project) -> Project:
    fill(project, 50)
    return project


def layers(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as opened:
        return set(opened.annotators())


# --- assignment -----------------------------------------------------------------------------


def test_assignment_is_balanced_reproducible_and_overlaps_a_random_share() -> None:
    documents = [DocumentId(f"d{i:03d}") for i in range(100)]

    plan = plan_assignment(documents, TEAM, overlap=0.2, per_document=2, seed=7)

    assert set(plan.assignees) == set(documents)
    shared = {d for d, names in plan.assignees.items() if len(names) > 1}
    assert len(shared) == 20 and shared == plan.overlap
    assert all(len(plan.assignees[d]) == 2 for d in shared)
    assert all(len(plan.assignees[d]) == 1 for d in set(documents) - shared)
    # Random, not the first twenty documents.
    assert shared != set(documents[:20])
    counts = plan.counts()
    assert sum(counts.values()) == 120 and max(counts.values()) - min(counts.values()) <= 1
    # The same seed gives the same plan; another seed another one.
    assert plan_assignment(documents, TEAM, overlap=0.2, seed=7).assignees == plan.assignees
    assert plan_assignment(documents, TEAM, overlap=0.2, seed=8).overlap != shared
    # Overlap pairs vary: not always the same two annotators.
    assert len({tuple(plan.assignees[d]) for d in shared}) == 3


def test_impossible_overlap_is_a_sentence() -> None:
    with pytest.raises(AnnotatorError, match="--per-document 3 needs between 2 and 2"):
        plan_assignment([DocumentId("a")], ["alice", "bob"], overlap=0.5, per_document=3)
    with pytest.raises(AnnotatorError, match="--overlap must lie between 0 and 1"):
        plan_assignment([DocumentId("a")], ["alice"], overlap=1.5)


def test_running_assign_again_only_hands_out_new_documents(team_project: Project) -> None:
    first = assign_documents(team_project, TEAM, overlap=0.2, seed=1)
    before = team_project.assignments.all()
    assert first.documents == 50 and first.overlap_documents == 10

    again = assign_documents(team_project, TEAM, overlap=0.2, seed=1)
    assert again.documents == 0 and team_project.assignments.all() == before

    new = fill(team_project, 9, prefix="new")
    third = assign_documents(team_project, TEAM, seed=1)
    after = team_project.assignments.all()
    assert third.documents == 9 and set(after) == set(before) | set(new)
    assert {d: n for d, n in after.items() if d in before} == before
    # New documents go to whoever has fewest, keeping the team balanced.
    load = Counter(name for names in after.values() for name in names)
    assert max(load.values()) - min(load.values()) <= 1


def test_reassign_keeps_an_annotator_who_already_has_work(team_project: Project) -> None:
    assign_documents(team_project, ["alice"])
    worked = DocumentId("d0003")
    add_span(team_project, worked, "alice", 4, 12, "SPEAKER")

    assign_documents(team_project, ["bob", "carol"], reassign=True)

    assigned = team_project.assignments.all()
    assert "alice" in assigned[worked]
    assert all(names != ["alice"] for d, names in assigned.items() if d != worked)
    assert {n for d, names in assigned.items() if d != worked for n in names} == {"bob", "carol"}


def test_assigning_is_undone_exactly_and_redone_alike(team_project: Project) -> None:
    assign_documents(team_project, ["alice"], seed=1)
    before = snapshot(team_project)
    edit = AssignDocuments(TEAM, overlap=0.2, seed=2, reassign=True)

    edit.apply(team_project)
    after = snapshot(team_project)
    assert after != before
    edit.revert(team_project)
    assert snapshot(team_project) == before
    edit.apply(team_project)
    assert snapshot(team_project) == after


def test_one_document_reassigned_by_hand_is_undone_and_a_stale_undo_refused(
    team_project: Project,
) -> None:
    assign_documents(team_project, TEAM, seed=1)
    document = DocumentId("d0007")
    before = snapshot(team_project)
    edit = SetAssignees(document, ["dave", " erin "])

    edit.apply(team_project)
    assert team_project.assignments.of_document(document) == ["dave", "erin"]
    edit.revert(team_project)
    assert snapshot(team_project) == before
    edit.apply(team_project)
    SetAssignees(document, ["frank"]).apply(team_project)
    with pytest.raises(AnnotatorError, match="changed since: not undone"):
        edit.revert(team_project)


# --- packs ----------------------------------------------------------------------------------


def test_a_pack_holds_exactly_the_assigned_documents_and_no_other_layer(
    team_project: Project, tmp_path: Path
) -> None:
    assign_documents(team_project, TEAM, overlap=0.2, seed=3)
    mine = team_project.assignments.documents_of("alice")
    theirs = team_project.assignments.documents_of("bob")
    shared = next(d for d in mine if d in theirs)
    add_span(team_project, shared, "alice", 4, 12, "SPEAKER", speaker="The minister")
    add_span(team_project, shared, "bob", 4, 12, "SPEAKER")
    add_span(team_project, shared, "gold", 4, 12, "SPEAKER")
    team_project.speakers.upsert(Speaker("NATO", SpeakerType.ORGANISATION))

    report = write_pack(team_project, "alice", tmp_path / "alice.db")

    assert report.documents == len(mine)
    with Project.open(tmp_path / "alice.db", read_only=True) as pack:
        assert pack.documents.ids() == mine
        assert pack.annotators() == ["alice"]
        assert [s.label for s in pack.sets.get(shared, "alice").spans] == ["SPEAKER"]
        assert pack.sets.get(shared, "bob").spans == []
        assert pack.assignments.documents_of("alice") == mine
        assert pack.assignments.annotators() == ["alice"]
        assert {s.name for s in pack.speakers.all()} == {"NATO", "The minister"}
        assert pack.schema.source == team_project.schema.source
        origin = pack_origin(pack)
        assert origin is not None and origin.annotator == "alice"
        assert origin.project_id == team_project.meta("project_id")


def test_pack_all_writes_one_pack_per_annotator(team_project: Project, tmp_path: Path) -> None:
    assign_documents(team_project, TEAM, overlap=0.2, seed=3)

    reports = write_all_packs(team_project, tmp_path / "packs")

    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == [
        "alice.db",
        "bob.db",
        "carol.db",
    ]
    assert sum(r.documents for r in reports) == 60
    for name in TEAM:
        assert layers(tmp_path / "packs" / f"{name}.db") == {name}


def test_names_alike_once_made_safe_get_packs_of_their_own(
    team_project: Project, tmp_path: Path
) -> None:
    assign_documents(team_project, ["a/b", "a_b"])

    reports = write_all_packs(team_project, tmp_path / "packs")

    assert sorted((r.annotator, r.path.name) for r in reports) == [
        ("a/b", "a_b.db"),
        ("a_b", "a_b-2.db"),
    ]
    assert layers(tmp_path / "packs" / "a_b-2.db") == {"a_b"}


def test_packing_without_assignments_is_a_sentence(project: Project, tmp_path: Path) -> None:
    fill(project, 2)
    with pytest.raises(AnnotatorError, match="no documents are assigned to alice"):
        write_pack(project, "alice", tmp_path / "alice.db")
    assert not (tmp_path / "alice.db").exists()


# --- collecting -----------------------------------------------------------------------------


def work_in_pack(path: Path, who: str, documents: int, seconds: float = 90.0) -> None:
    """Annotate the first ``documents`` of a pack as its annotator would in the window."""
    with Project.open(path) as pack:
        for document in pack.documents.ids()[:documents]:
            add_span(pack, document, who, 4, 12, "SPEAKER", speaker="The minister")
            add_span(pack, document, who, 23, 37, "QUOTE")
            SetStatus(document, AnnotatorName(who), status=Status.DONE).apply(pack)
            with pack.transaction():
                pack.active_time.add(document, who, seconds)
        # Two annotators add the same speaker: it stays one speaker.
        with pack.transaction():
            pack.speakers.upsert(Speaker("The minister", SpeakerType.PERSON))


def test_round_trip_assign_pack_annotate_merge_progress(
    team_project: Project, tmp_path: Path
) -> None:
    assign_documents(team_project, TEAM, overlap=0.2, seed=5)
    write_all_packs(team_project, tmp_path / "packs")
    packs = [tmp_path / "packs" / f"{name}.db" for name in TEAM]
    for pack, name in zip(packs, TEAM, strict=True):
        # Everyone does all of their documents; carol takes twice as long.
        work_in_pack(pack, name, 100, 180.0 if name == "carol" else 90.0)

    report = merge_projects(team_project, packs)

    assert report.conflicts == [] and report.packs == 3
    assert report.sets_added == 60
    assert [s.name for s in team_project.speakers.all()] == ["The minister"]
    progress = team_progress(team_project)
    assert progress.documents == 50 and progress.overlap_documents == 10
    for name in TEAM:
        row = progress.annotators[AnnotatorName(name)]
        assert row.done == row.assigned == len(team_project.assignments.documents_of(name))
        assert row.active_seconds == row.assigned * (180.0 if name == "carol" else 90.0)
        assert row.median_seconds == (180.0 if name == "carol" else 90.0)
        # Identical spans on the shared documents: perfect agreement.
        assert row.agreement_f1 == 1.0
    assert set(progress.pairs.values()) == {1.0}


def test_merging_the_same_pack_twice_changes_nothing(team_project: Project, tmp_path: Path) -> None:
    assign_documents(team_project, TEAM, seed=5)
    write_pack(team_project, "bob", tmp_path / "bob.db")
    work_in_pack(tmp_path / "bob.db", "bob", 3)
    merge_projects(team_project, [tmp_path / "bob.db"])
    before = snapshot(team_project)
    time_before = team_project.active_time.of_annotator("bob")

    again = merge_projects(team_project, [tmp_path / "bob.db"])

    assert snapshot(team_project) == before
    assert team_project.active_time.of_annotator("bob") == time_before
    assert (again.sets_added, again.sets_replaced, again.conflicts) == (0, 0, [])


def test_newer_work_in_a_pack_replaces_the_annotators_older_sets(
    team_project: Project, tmp_path: Path
) -> None:
    assign_documents(team_project, TEAM, seed=5)
    write_pack(team_project, "bob", tmp_path / "bob.db")
    work_in_pack(tmp_path / "bob.db", "bob", 2)
    merge_projects(team_project, [tmp_path / "bob.db"])
    first = team_project.assignments.documents_of("bob")[0]
    with Project.open(tmp_path / "bob.db") as pack:
        add_span(pack, first, "bob", 43, 50, "CUE")
        with pack.transaction():
            pack.active_time.add(first, "bob", 30)

    report = merge_projects(team_project, [tmp_path / "bob.db"])

    assert (report.sets_replaced, report.conflicts) == (1, [])
    assert sorted(s.label for s in team_project.sets.get(first, "bob").spans) == [
        "CUE",
        "QUOTE",
        "SPEAKER",
    ]
    assert team_project.active_time.seconds(first, "bob") == 120.0


def test_more_time_on_an_unchanged_set_is_brought_in(team_project: Project, tmp_path: Path) -> None:
    assign_documents(team_project, TEAM, seed=5)
    write_pack(team_project, "bob", tmp_path / "bob.db")
    work_in_pack(tmp_path / "bob.db", "bob", 2)
    merge_projects(team_project, [tmp_path / "bob.db"])
    first = team_project.assignments.documents_of("bob")[0]
    with Project.open(tmp_path / "bob.db") as pack, pack.transaction():
        pack.active_time.add(first, "bob", 45)  # read it again, changed nothing

    report = merge_projects(team_project, [tmp_path / "bob.db"])

    assert (report.sets_replaced, report.sets_unchanged) == (0, 2)
    assert team_project.active_time.seconds(first, "bob") == 135.0


def test_a_cancelled_merge_of_packs_changes_nothing(team_project: Project, tmp_path: Path) -> None:
    from annotator.model.progress import Cancelled

    assign_documents(team_project, TEAM, seed=5)
    write_all_packs(team_project, tmp_path / "packs")
    packs = [tmp_path / "packs" / f"{name}.db" for name in TEAM]
    for pack, name in zip(packs, TEAM, strict=True):
        work_in_pack(pack, name, 5)
    before = snapshot(team_project)

    def stop_midway(done: int, total: int | None) -> None:
        if done >= 20:
            raise Cancelled

    with pytest.raises(Cancelled):
        merge_projects(team_project, packs, stop_midway)

    assert snapshot(team_project) == before


def test_a_pack_with_a_newer_schema_version_is_refused(
    team_project: Project, tmp_path: Path, schema: Schema
) -> None:
    assign_documents(team_project, ["alice"])
    write_pack(team_project, "alice", tmp_path / "alice.db")
    newer = parse_schema(schema.source.replace("version = 1", "version = 2", 1))
    assert newer.version == schema.version + 1
    with Project.open(tmp_path / "alice.db") as pack:
        pack.set_schema(newer)

    with pytest.raises(AnnotatorError, match=f"schema version {schema.version + 1}, newer than"):
        merge_projects(team_project, [tmp_path / "alice.db"])


def test_a_pack_of_another_project_is_refused_and_changes_nothing(
    team_project: Project, tmp_path: Path, schema: Schema
) -> None:
    with Project.create(tmp_path / "other.db", schema) as other:
        fill(other, 5)
        assign_documents(other, ["alice"])
        write_pack(other, "alice", tmp_path / "foreign.db")
    work_in_pack(tmp_path / "foreign.db", "alice", 2)
    before = snapshot(team_project)

    with pytest.raises(AnnotatorError, match="made from another project"):
        merge_projects(team_project, [tmp_path / "foreign.db"])

    assert snapshot(team_project) == before


def test_a_damaged_pack_is_refused_and_changes_nothing(
    team_project: Project, tmp_path: Path
) -> None:
    assign_documents(team_project, TEAM)
    write_pack(team_project, "alice", tmp_path / "alice.db")
    damaged = tmp_path / "bob.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    before = snapshot(team_project)

    with pytest.raises(AnnotatorError, match=r"bob\.db"):
        merge_projects(team_project, [tmp_path / "alice.db", damaged])

    assert snapshot(team_project) == before


def test_a_pack_whose_work_the_schema_cannot_hold_is_refused_whole(
    team_project: Project, tmp_path: Path, schema: Schema
) -> None:
    assign_documents(team_project, ["alice"])
    wider = parse_schema(schema.source + '\n[[labels]]\nname = "SOURCE"\n')
    write_pack(team_project, "alice", tmp_path / "alice.db")
    with Project.open(tmp_path / "alice.db") as pack:
        pack.set_schema(wider)
        add_span(pack, pack.documents.ids()[0], "alice", 0, 3, "SOURCE")
        add_span(pack, pack.documents.ids()[1], "alice", 4, 12, "SPEAKER")
    before = snapshot(team_project)

    with pytest.raises(AnnotatorError, match=r"does not fit this project's schema.*\"SOURCE\""):
        merge_projects(team_project, [tmp_path / "alice.db"])

    assert snapshot(team_project) == before


def test_a_real_registry_conflict_is_listed(team_project: Project, tmp_path: Path) -> None:
    assign_documents(team_project, ["alice"])
    team_project.speakers.upsert(Speaker("The minister", description="of finance"))
    write_pack(team_project, "alice", tmp_path / "alice.db")
    with Project.open(tmp_path / "alice.db") as pack, pack.transaction():
        pack.speakers.upsert(Speaker("The minister", description="of defence"))

    report = merge_projects(team_project, [tmp_path / "alice.db"])

    assert [c.line() for c in report.conflicts] == [
        f'{tmp_path / "alice.db"}: speaker "The minister" differs (person, of finance here, '
        "person, of defence there); this project's record was kept"
    ]
    assert team_project.speakers.get("The minister") == Speaker(
        "The minister", description="of finance"
    )


# --- active time in the native record ---------------------------------------------------------


def test_jsonl_records_carry_seconds_and_older_files_read_without(
    tmp_path: Path, schema: Schema
) -> None:
    old = {"id": "a", "text": "Some text.", "annotator": "alice", "status": "done", "spans": []}
    new = {**old, "id": "b", "seconds": 42.5}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(old) + "\n" + json.dumps(new) + "\n")

    records = [r for r in read_jsonl(path, schema) if r.annotation is not None]

    assert [r.annotation.seconds for r in records if r.annotation] == [0.0, 42.5]
    path.write_text(json.dumps({**old, "seconds": -1}) + "\n")
    with pytest.raises(AnnotatorError, match='line 1: "seconds" must be a number'):
        list(read_jsonl(path, schema))


# --- the command line -----------------------------------------------------------------------


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_the_lead_works_from_the_command_line(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, schema) as created:
        fill(created, 20)

    code, _, err = run("assign", path, "--annotators", "alice,bob", "--overlap", "0.5")
    assert code == 0 and "20 documents assigned, 10 of them to several annotators" in err
    code, out, _ = run("pack", path, "--all", "--out", tmp_path / "packs")
    assert code == 0 and out.count("15 documents") == 2
    work_in_pack(tmp_path / "packs" / "alice.db", "alice", 3)
    code, _, err = run("merge", path, tmp_path / "packs" / "alice.db")
    assert code == 0 and "1 pack," in err
    code, out, _ = run("progress", path, "--json")
    report = json.loads(out)
    assert report["documents"] == 20 and report["overlap_documents"] == 10
    assert report["annotators"]["alice"] == {
        "assigned": 15,
        "done": 3,
        "skipped": 0,
        "in_progress": 0,
        "active_seconds": 270.0,
        "median_seconds": 90.0,
        "agreement_f1": None,
    }
    code, out, _ = run("progress", path)
    assert code == 0 and "alice" in out and "bob" in out
    code, _, err = run("pack", path, "--annotator", "alice", "--all", "--out", tmp_path / "x.db")
    assert code == 1 and "give either --annotator NAME or --all" in err
