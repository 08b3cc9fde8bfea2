"""An edit whose target changed since it was applied refuses to revert, says so, and changes
nothing: an undo may only take back what its own edit did (never an import's or another
process's work)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from annotator.edits import Edit, EditError
from annotator.edits.adjudication import AcceptVersion, MarkEdited
from annotator.edits.registry import DeleteTarget, MergeSpeakers, SaveSpeaker
from annotator.edits.schema import ChangeSchema
from annotator.edits.spans import (
    AddRelation,
    AddSpan,
    ChangeSpan,
    DeleteRelation,
    DeleteSpan,
    SetAttribute,
    SetDocAttribute,
    SetStatus,
)
from annotator.model import AnnotatorName, DocumentId, RelationId, Span, SpanId, Speaker, Status
from annotator.model.ids import GOLD
from annotator.model.schema_writer import recolor_label
from annotator.store import Project

from support import add_span, snapshot

DOC = DocumentId("000_80cf35cee6cee056")
ALICE = AnnotatorName("alice")


@pytest.fixture
def linked(seeded: Project) -> Project:
    quote = add_span(seeded, DOC, ALICE, 200, 260, "QUOTE", stance="favor")
    speaker = add_span(seeded, DOC, ALICE, 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    AddRelation("attributed_to", quote.id, speaker.id).apply(seeded)
    seeded.speakers.ensure(["Peskov"])
    seeded.targets.ensure(["Crimea"])
    return seeded


def quote(project: Project) -> Span:
    return next(s for s in project.spans.in_set(DOC, ALICE) if s.label == "QUOTE")


def speaker(project: Project) -> Span:
    return next(s for s in project.spans.in_set(DOC, ALICE) if s.label == "SPEAKER")


def touch(project: Project, span: Span, **changes: object) -> None:
    """Change a span behind the edit's back, as an import or another process would."""
    with project.transaction():
        project.spans.update(replace(span, **changes))  # type: ignore[arg-type]


def _take_name(project: Project, name: str) -> None:
    """An imported span of the same set now has this name."""
    with project.transaction():
        project.spans.insert(Span(SpanId(0), DOC, ALICE, 0, 7, "SPEAKER", name=name))


def _accepted(project: Project) -> AcceptVersion:
    return AcceptVersion(DOC, "QUOTE:200-260", version=quote(project), source="alice", reviewer="r")


def _gold(project: Project) -> Span:
    return project.spans.in_set(DOC, GOLD)[0]


#: name -> (the edit, applied first; what changes its target afterwards; the refusal's words)
CASES: dict[str, tuple[Callable[[Project], Edit], Callable[[Project, Edit], None], str]] = {
    "add span, then the span changed": (
        lambda p: AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "CUE")),
        lambda p, e: touch(p, e.stored, label="QUOTE"),  # type: ignore[attr-defined]
        r"span T\d+ changed since: not undone",
    ),
    "add span, then the span deleted": (
        lambda p: AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "CUE")),
        lambda p, e: DeleteSpan(e.stored.id).apply(p),  # type: ignore[attr-defined]
        r"span T\d+ changed since: not undone",
    ),
    "add span, then linked from elsewhere": (
        lambda p: AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "SPEAKER")),
        lambda p, e: AddRelation("attributed_to", quote(p).id, e.stored.id).apply(p),  # type: ignore[attr-defined]
        r"span T\d+ changed since: not undone",
    ),
    "delete span, then its name taken in the set": (
        lambda p: DeleteSpan(speaker(p).id),
        lambda p, e: _take_name(p, e._span.name),  # type: ignore[attr-defined]
        r"span T\d+ changed since: not undone",
    ),
    "delete span, then its linked quote deleted": (
        lambda p: DeleteSpan(speaker(p).id),
        lambda p, e: DeleteSpan(quote(p).id).apply(p),
        r"span T\d+ changed since: not undone",
    ),
    "relabel, then the span moved": (
        lambda p: ChangeSpan(quote(p).id, "CUE"),
        lambda p, e: touch(p, p.spans.get(e.span_id), start=199),  # type: ignore[attr-defined,arg-type]
        r"span T\d+ changed since: not undone",
    ),
    "relabel, then the dropped link's other end deleted": (
        lambda p: ChangeSpan(quote(p).id, "CUE"),
        lambda p, e: DeleteSpan(speaker(p).id).apply(p),
        r"span T\d+ changed since: not undone",
    ),
    "set attribute, then the span changed": (
        lambda p: SetAttribute(quote(p).id, "stance", "against"),
        lambda p, e: touch(p, quote(p), attrs={"stance": "none"}),
        r"span T\d+ changed since: not undone",
    ),
    "link, then the link replaced": (
        lambda p: AddRelation("cued_by", quote(p).id, add_span(p, DOC, ALICE, 168, 172, "CUE").id),
        lambda p, e: DeleteRelation(e._stored.id).apply(p),  # type: ignore[attr-defined]
        r"link cued_by changed since: not undone",
    ),
    "unlink, then an end deleted": (
        lambda p: DeleteRelation(p.relations.in_set(DOC, ALICE)[0].id),
        lambda p, e: DeleteSpan(speaker(p).id).apply(p),
        r"link attributed_to changed since: not undone",
    ),
    "set status, then the status changed": (
        lambda p: SetStatus(DOC, ALICE, status=Status.DONE),
        lambda p, e: p.sets.write_row(DOC, ALICE, Status.SKIPPED, {}),
        r"the status of .* changed since: not undone",
    ),
    "set document attribute, then the row changed": (
        lambda p: SetDocAttribute(DOC, ALICE, name="relevance", value="relevant"),
        lambda p, e: p.sets.write_row(DOC, ALICE, Status.TODO, {"relevance": "partly"}),
        r"the document attributes of .* changed since: not undone",
    ),
    "save speaker, then it changed": (
        lambda p: SaveSpeaker(Speaker("Peskov", description="spokesperson"), "Peskov"),
        lambda p, e: p.speakers.upsert(Speaker("Peskov", description="someone else")),
        r'speaker "Peskov" changed since: not undone',
    ),
    "merge speakers, then the merged name came back": (
        lambda p: MergeSpeakers("Peskov", "Dmitry Peskov"),
        lambda p, e: p.speakers.ensure(["Peskov"]),
        r'speaker "Peskov" changed since: not undone',
    ),
    "delete target, then it came back": (
        lambda p: DeleteTarget("Crimea"),
        lambda p, e: p.targets.ensure(["Crimea"]),
        r'target "Crimea" changed since: not undone',
    ),
    "change schema, then changed again": (
        lambda p: ChangeSchema(recolor_label(p.schema, "CUE", "#000000")),
        lambda p, e: p.set_schema(recolor_label(p.schema, "CUE", "#111111")),
        r"the schema changed since: not undone",
    ),
    "accept a version, then the gold copy changed": (
        _accepted,
        lambda p, e: touch(p, _gold(p), start=201),
        r"span T\d+ changed since: not undone",
    ),
    "accept a version, then decided again": (
        _accepted,
        lambda p, e: MarkEdited(DOC, "QUOTE:200-260", "other").apply(p),
        r"the decision on QUOTE:200-260 changed since: not undone",
    ),
    "mark edited, then decided again": (
        lambda p: _accepted(p).apply(p) and MarkEdited(DOC, "QUOTE:200-260", "r"),  # type: ignore[func-returns-value]
        lambda p, e: p.adjudications.remove(DOC, "QUOTE:200-260"),
        r"the decision on QUOTE:200-260 changed since: not undone",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_revert_of_a_changed_target_is_refused_and_changes_nothing(
    linked: Project, case: str
) -> None:
    make, disturb, words = CASES[case]
    edit = make(linked)
    edit.apply(linked)
    disturb(linked, edit)
    before = snapshot(linked)
    schema_before = linked.meta("schema")
    undos = [e for e in linked.history.entries() if e.action.startswith("undo")]
    with pytest.raises(EditError, match=words):
        edit.revert(linked)
    assert snapshot(linked) == before
    assert linked.meta("schema") == schema_before
    assert [e for e in linked.history.entries() if e.action.startswith("undo")] == undos


def test_unchanged_targets_still_revert(linked: Project) -> None:
    """The checks refuse only real changes: edits undone in order all go through."""
    before = snapshot(linked)
    edits: list[Edit] = [
        AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "CUE")),
        SetAttribute(quote(linked).id, "stance", "against"),
        DeleteRelation(RelationId(linked.relations.in_set(DOC, ALICE)[0].id)),
        ChangeSpan(quote(linked).id, "CUE"),
        DeleteSpan(speaker(linked).id),
        SetStatus(DOC, ALICE, status=Status.DONE),
    ]
    for edit in edits:
        edit.apply(linked)
    for edit in reversed(edits):
        edit.revert(linked)
    assert snapshot(linked) == before
