"""Every edit commits at once, and reverting it restores the project exactly."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.edits import Edit, EditError
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
from annotator.edits.suggestions import AcceptSuggestions, RejectSuggestion
from annotator.model import AnnotatorName, DocumentId, RelationId, Span, SpanId, Status
from annotator.store import Project
from annotator.suggest import ANNOTATOR, suggest
from annotator.suggest.suggestion import Suggestion, suggestions

from support import snapshot

DOC = DocumentId("000_80cf35cee6cee056")
ALICE = AnnotatorName("alice")


def span(start: int, end: int, label: str, **attrs: str) -> Span:
    return Span(SpanId(0), DOC, ALICE, start, end, label, dict(attrs))


@pytest.fixture
def annotated(seeded: Project) -> Project:
    """Seed article with a quote linked to its speaker and cue, and one set row."""
    quote = AddSpan(span(200, 260, "QUOTE", stance="favor"))
    speaker = AddSpan(span(131, 167, "SPEAKER", speaker="Dmitry Peskov"))
    cue = AddSpan(span(168, 172, "CUE"))
    for edit in (quote, speaker, cue):
        edit.apply(seeded)
    AddRelation("attributed_to", quote.stored.id, speaker.stored.id).apply(seeded)
    AddRelation("cued_by", quote.stored.id, cue.stored.id).apply(seeded)
    SetStatus(DOC, ALICE, status=Status.IN_PROGRESS).apply(seeded)
    return seeded


def first(project: Project, label: str) -> Span:
    return next(s for s in project.spans.in_set(DOC, ALICE) if s.label == label)


def suggested(project: Project) -> list[Suggestion]:
    document = project.documents.get(DOC)
    assert document is not None
    return suggestions(suggest(document))


EDITS: dict[str, Callable[[Project], Edit]] = {
    "add span": lambda p: AddSpan(span(0, 7, "SPEAKER")),
    # The new name joins the registry; undo must take it out again.
    "add span naming a new speaker": lambda p: AddSpan(span(0, 7, "SPEAKER", speaker="Kellogg")),
    "set a new target": lambda p: SetAttribute(first(p, "QUOTE").id, "target", "Crimea"),
    "delete span with relations": lambda p: DeleteSpan(first(p, "QUOTE").id),
    "relabel drops what no longer fits": lambda p: ChangeSpan(first(p, "QUOTE").id, "CUE"),
    "move boundary": lambda p: ChangeSpan(first(p, "QUOTE").id, start=199, end=262),
    "set attribute": lambda p: SetAttribute(first(p, "QUOTE").id, "claim_type", "opinion"),
    "clear attribute": lambda p: SetAttribute(first(p, "QUOTE").id, "stance", None),
    "add relation": lambda p: AddRelation(
        "attributed_to", first(p, "QUOTE").id, first(p, "SPEAKER").id
    ),
    "delete relation": lambda p: DeleteRelation(p.relations.in_set(DOC, ALICE)[0].id),
    "set status (row exists)": lambda p: SetStatus(DOC, ALICE, status=Status.DONE),
    "set status (no row yet)": lambda p: SetStatus(DOC, AnnotatorName("bob"), status=Status.DONE),
    "set document attribute": lambda p: SetDocAttribute(
        DOC, ALICE, name="relevance", value="relevant"
    ),
    # Links to alice's own Peskov span rather than doubling it.
    "accept a suggestion": lambda p: AcceptSuggestions(
        DOC, ALICE, ANNOTATOR, chosen=(suggested(p)[0],)
    ),
    "accept all suggestions": lambda p: AcceptSuggestions(
        DOC, ALICE, ANNOTATOR, chosen=tuple(suggested(p))
    ),
    "reject a suggestion": lambda p: RejectSuggestion(
        DOC, ALICE, ANNOTATOR, key=suggested(p)[1].key
    ),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_apply_changes_and_revert_restores_exactly(annotated: Project, kind: str) -> None:
    before = snapshot(annotated)
    edit = EDITS[kind](annotated)
    change = edit.apply(annotated)
    assert snapshot(annotated) != before, "the edit changed nothing"
    assert change.document == DOC
    edit.revert(annotated)
    assert snapshot(annotated) == before
    # Redo after undo gives the same state as the first apply (same ids for later edits).
    edit.apply(annotated)
    after_redo = snapshot(annotated)
    edit.revert(annotated)
    edit.apply(annotated)
    assert snapshot(annotated) == after_redo


def test_relabel_removes_attributes_and_links_the_new_label_cannot_have(
    annotated: Project,
) -> None:
    quote = first(annotated, "QUOTE")
    ChangeSpan(quote.id, "CUE").apply(annotated)
    relabelled = annotated.spans.get(quote.id)
    assert relabelled is not None and relabelled.label == "CUE"
    assert relabelled.attrs == {}
    assert annotated.relations.in_set(DOC, ALICE) == []


def test_add_span_then_redo_keeps_id_and_name(seeded: Project) -> None:
    edit = AddSpan(span(0, 7, "QUOTE"))
    edit.apply(seeded)
    stored = edit.stored
    assert stored.name == "T1"
    edit.revert(seeded)
    assert seeded.spans.get(stored.id) is None
    edit.apply(seeded)
    assert seeded.spans.get(stored.id) == stored


def test_every_edit_is_in_the_history(annotated: Project) -> None:
    actions = [e.action for e in annotated.history.entries(DOC)]
    assert actions[:3] == ["start document", "link cued_by", "link attributed_to"]
    assert all(e.annotator == "alice" for e in annotated.history.entries(DOC)[:5])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: AddSpan(span(5, 5, "QUOTE")), "not a non-empty range"),
        (lambda p: AddSpan(span(0, 10**6, "QUOTE")), "not a non-empty range"),
        (lambda p: AddSpan(span(0, 5, "TOPIC")), 'label "TOPIC" is not in the schema'),
        (lambda p: AddSpan(span(0, 5, "QUOTE", stance="pro")), '"pro" is not a value'),
        (
            lambda p: AddRelation("attributed_to", first(p, "SPEAKER").id, first(p, "QUOTE").id),
            "attributed_to links QUOTE to SPEAKER, not SPEAKER to QUOTE",
        ),
        (lambda p: DeleteSpan(SpanId(9999)), "no longer exists"),
        (lambda p: DeleteRelation(RelationId(9999)), "no longer exists"),
        (
            lambda p: SetDocAttribute(DOC, ALICE, name="mood", value="x"),
            'no document attribute "mood"',
        ),
    ],
)
def test_invalid_edits_are_refused_and_change_nothing(
    annotated: Project, make: Callable[[Project], Edit], message: str
) -> None:
    before = snapshot(annotated)
    with pytest.raises(EditError, match=message):
        make(annotated).apply(annotated)
    assert snapshot(annotated) == before
