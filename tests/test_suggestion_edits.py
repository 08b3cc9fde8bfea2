"""Accepting and rejecting suggestions: what enters the annotator's layer, and what is kept."""

from __future__ import annotations

import pytest

from annotator.edits import EditError
from annotator.edits.spans import AddRelation, AddSpan
from annotator.edits.suggestions import AcceptSuggestions, RejectSuggestion
from annotator.model import AnnotatorName, DocumentId, Span, SpanId
from annotator.model.progress import Cancelled
from annotator.store import Project
from annotator.suggest import ANNOTATOR
from annotator.suggest.suggestion import Suggestion, suggestions
from annotator.transfer.suggesting import suggest_documents

from support import snapshot

DOC = DocumentId("000_80cf35cee6cee056")
ALICE = AnnotatorName("alice")


@pytest.fixture
def suggested(seeded: Project) -> Project:
    suggest_documents(seeded, workers=1)
    return seeded


def stored(project: Project) -> list[Suggestion]:
    return suggestions(project.sets.get(DOC, ANNOTATOR))


def peskov(project: Project) -> Suggestion:
    text = project.documents.get(DOC).text  # type: ignore[union-attr]
    return next(s for s in stored(project) if "NATO membership is off" in text[s.start : s.end])


def test_accepting_copies_the_quote_its_speaker_cue_links_and_attributes(
    suggested: Project,
) -> None:
    layer_before = suggested.sets.get(DOC, ANNOTATOR)
    chosen = peskov(suggested)
    AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(chosen,)).apply(suggested)
    mine = suggested.sets.get(DOC, ALICE)
    text = suggested.documents.get(DOC).text  # type: ignore[union-attr]
    assert sorted((s.label, text[s.start : s.end]) for s in mine.spans) == sorted(
        (s.label, text[s.start : s.end]) for s in chosen.spans
    )
    by_id = {s.id: s for s in mine.spans}
    links = {(r.label, by_id[r.head].label, by_id[r.child].label) for r in mine.relations}
    assert links == {("attributed_to", "QUOTE", "SPEAKER"), ("cued_by", "QUOTE", "CUE")}
    quote = next(s for s in mine.spans if s.label == "QUOTE")
    speaker = next(s for s in mine.spans if s.label == "SPEAKER")
    assert quote.attrs == {"quote_type": "direct"}
    assert speaker.attrs == {"speaker": "Dmitry Peskov"}
    assert suggested.speakers.get("Dmitry Peskov") is not None
    assert suggested.suggestions.decided(DOC, ALICE, ANNOTATOR) == {chosen.key: "accepted"}
    # The shared suggestion layer is as it was: bob still sees every suggestion.
    assert suggested.sets.get(DOC, ANNOTATOR) == layer_before


def test_a_speaker_already_in_the_layer_is_linked_not_doubled(suggested: Project) -> None:
    chosen = peskov(suggested)
    speaker = next(s for s in chosen.spans if s.label == "SPEAKER")
    mine = Span(SpanId(0), DOC, ALICE, speaker.start, speaker.end, "SPEAKER", {})
    add = AddSpan(mine)
    add.apply(suggested)
    AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(chosen,)).apply(suggested)
    spans = suggested.spans.in_set(DOC, ALICE)
    assert [s.id for s in spans if s.label == "SPEAKER"] == [add.stored.id]
    assert any(r.child == add.stored.id for r in suggested.relations.in_set(DOC, ALICE))


def test_a_decided_suggestion_cannot_be_decided_again(suggested: Project) -> None:
    chosen = peskov(suggested)
    RejectSuggestion(DOC, ALICE, ANNOTATOR, key=chosen.key).apply(suggested)
    before = snapshot(suggested)
    with pytest.raises(EditError, match="already accepted or rejected"):
        AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(chosen,)).apply(suggested)
    assert snapshot(suggested) == before
    # Another annotator decides for themselves.
    AcceptSuggestions(DOC, AnnotatorName("bob"), ANNOTATOR, chosen=(chosen,)).apply(suggested)
    assert [
        (c.annotator, c.accepted, c.rejected) for c in suggested.suggestions.counts(ANNOTATOR)
    ] == [
        ("alice", 0, 1),
        ("bob", 1, 0),
    ]


def test_undo_of_an_accept_is_refused_once_a_new_link_points_at_it(suggested: Project) -> None:
    chosen = peskov(suggested)
    accept = AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(chosen,))
    accept.apply(suggested)
    other = AddSpan(Span(SpanId(0), DOC, ALICE, 0, 7, "QUOTE", {}))
    other.apply(suggested)
    speaker = next(s for s in suggested.spans.in_set(DOC, ALICE) if s.label == "SPEAKER")
    AddRelation("attributed_to", other.stored.id, speaker.id).apply(suggested)
    with pytest.raises(EditError, match="changed since"):
        accept.revert(suggested)


def test_suggesting_again_replaces_the_layer_and_keeps_people_s_work(suggested: Project) -> None:
    AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(peskov(suggested),)).apply(suggested)
    before = snapshot(suggested)
    summary = suggest_documents(suggested, [DOC], workers=1)
    assert summary.replaced == 1 and summary.documents == 1
    after = snapshot(suggested)
    # Same suggestions, new span ids; alice's layer, the registry and decisions untouched.
    assert after["suggestion_decisions"] == before["suggestion_decisions"]
    assert [r for r in after["spans"] if r[2] == "alice"] == [
        r for r in before["spans"] if r[2] == "alice"
    ]
    assert [r[4:] for r in after["spans"] if r[2] == ANNOTATOR] == [
        r[4:] for r in before["spans"] if r[2] == ANNOTATOR
    ]


def test_a_cancelled_run_leaves_the_project_as_it_was(suggested: Project) -> None:
    before = snapshot(suggested)

    def cancel(done: int, total: int | None) -> None:
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        suggest_documents(suggested, workers=1, progress=cancel)
    assert snapshot(suggested) == before


def test_a_project_without_cues_takes_the_quote_and_speaker(suggested: Project) -> None:
    from dataclasses import replace

    schema = suggested.schema
    without = replace(
        schema,
        labels=tuple(label for label in schema.labels if label.name != "CUE"),
        relations=tuple(r for r in schema.relations if r.name != "cued_by"),
    )
    suggested._schema = without  # as a project whose own schema has no CUE
    AcceptSuggestions(DOC, ALICE, ANNOTATOR, chosen=(peskov(suggested),)).apply(suggested)
    mine = suggested.sets.get(DOC, ALICE)
    assert sorted(s.label for s in mine.spans) == ["QUOTE", "SPEAKER"]
    assert [r.label for r in mine.relations] == ["attributed_to"]
