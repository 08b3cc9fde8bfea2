"""Speakers and targets: rename, merge, delete; every one undoable to the exact prior state."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.edits import Edit, EditError
from annotator.edits.registry import (
    DeleteTarget,
    MergeSpeakers,
    MergeTargets,
    SaveSpeaker,
    SaveTarget,
)
from annotator.edits.spans import AddRelation, AddSpan, SetAttribute
from annotator.model import AnnotatorName, DocumentId, Span, SpanId, Speaker, SpeakerType, Target
from annotator.store import Project

from support import snapshot

DOC = DocumentId("000_80cf35cee6cee056")
TEXT_PESKOV = "Kremlin spokesperson Dmitry Peskov"


def add(project: Project, part: str, label: str, annotator: str = "alice", **attrs: str) -> SpanId:
    text = project.documents.get(DOC).text  # type: ignore[union-attr]
    start = text.index(part)
    edit = AddSpan(
        Span(SpanId(0), DOC, AnnotatorName(annotator), start, start + len(part), label, dict(attrs))
    )
    edit.apply(project)
    return edit.stored.id


@pytest.fixture
def registry(seeded: Project) -> Project:
    quote = add(seeded, "“We have heard", "QUOTE", target="Ukraine in NATO")
    full = add(seeded, TEXT_PESKOV, "SPEAKER", speaker="Dmitry Peskov")
    add(seeded, "he told Reuters", "SPEAKER", speaker="Peskov")
    add(seeded, TEXT_PESKOV, "SPEAKER", annotator="bob", speaker="Peskov")
    AddRelation("attributed_to", quote, full).apply(seeded)
    seeded.speakers.ensure(["Dmitry Peskov", "Peskov"])
    seeded.targets.ensure(["Ukraine in NATO", "Crimea"])
    return seeded


def speakers_on_spans(project: Project) -> list[str]:
    return sorted(
        str(s.attrs["speaker"])
        for a in ("alice", "bob")
        for s in project.spans.in_set(DOC, a)
        if "speaker" in s.attrs
    )


EDITS: dict[str, Callable[[], Edit]] = {
    "merge speakers": lambda: MergeSpeakers("Peskov", "Dmitry Peskov"),
    "rename speaker": lambda: SaveSpeaker(Speaker("D. Peskov", SpeakerType.PERSON), "Peskov"),
    "describe speaker": lambda: SaveSpeaker(
        Speaker("Peskov", SpeakerType.PERSON, "Kremlin spokesperson", "Q1968283"), "Peskov"
    ),
    "new speaker": lambda: SaveSpeaker(Speaker("U.S. media", SpeakerType.MEDIA)),
    "rename target": lambda: SaveTarget(
        Target("Ukraine NATO bid", "FAVOR = for"), "Ukraine in NATO"
    ),
    "merge targets": lambda: MergeTargets("Ukraine in NATO", "Crimea"),
    "delete unused target": lambda: DeleteTarget("Crimea"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_registry_edits_apply_and_revert_exactly(registry: Project, kind: str) -> None:
    before = snapshot(registry)
    edit = EDITS[kind]()
    edit.apply(registry)
    assert snapshot(registry) != before
    edit.revert(registry)
    assert snapshot(registry) == before


def test_merge_makes_every_mention_name_one_speaker(registry: Project) -> None:
    MergeSpeakers("Peskov", "Dmitry Peskov").apply(registry)
    assert speakers_on_spans(registry) == ["Dmitry Peskov"] * 3
    assert [s.name for s in registry.speakers.all()] == ["Dmitry Peskov"]


def test_rename_follows_on_spans_of_every_annotator(registry: Project) -> None:
    SaveSpeaker(Speaker("Dmitry S. Peskov"), "Peskov").apply(registry)
    assert speakers_on_spans(registry) == ["Dmitry Peskov", "Dmitry S. Peskov", "Dmitry S. Peskov"]


def test_rename_onto_an_existing_name_asks_for_a_merge(registry: Project) -> None:
    with pytest.raises(EditError, match="merge the two instead"):
        SaveSpeaker(Speaker("Dmitry Peskov"), "Peskov").apply(registry)


def test_quotes_of_a_speaker_across_the_corpus(registry: Project) -> None:
    assert [(d, a) for d, a, _, _ in registry.speaker_uses.quotes_of("Dmitry Peskov")] == [
        (DOC, "alice")
    ]
    assert registry.speaker_uses.counts() == {"Dmitry Peskov": 1, "Peskov": 2}


def test_a_used_target_cannot_be_deleted(registry: Project) -> None:
    with pytest.raises(EditError, match="used by 1 quote: merge it"):
        DeleteTarget("Ukraine in NATO").apply(registry)


def test_typing_a_new_speaker_on_a_span_registers_it_and_undo_removes_it(
    registry: Project,
) -> None:
    span = add(registry, "Donald Trump", "SPEAKER")
    before = snapshot(registry)
    edit = SetAttribute(span, "speaker", "Donald Trump")
    edit.apply(registry)
    assert registry.speakers.get("Donald Trump") is not None
    edit.revert(registry)
    assert snapshot(registry) == before


def test_quotes_of_a_speaker_include_the_later_parts_of_a_split_quote(registry: Project) -> None:
    first = next(s for s in registry.spans.in_set(DOC, "alice") if s.label == "QUOTE")
    later = add(registry, "Ukraine", "QUOTE")
    AddRelation("continues", later, first.id).apply(registry)
    found = registry.speaker_uses.quotes_of("Dmitry Peskov")
    assert [(d, a) for d, a, _, _ in found] == [(DOC, "alice"), (DOC, "alice")]
