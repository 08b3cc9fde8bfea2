"""Adjudication: units from the annotators' layers, decisions into gold, undo to the exact state."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.adjudication.gold import DiffKind, gold_diff, learning_rows, span_text
from annotator.adjudication.units import Unit, covers, progress, units
from annotator.edits import Edit, EditError
from annotator.edits.adjudication import AcceptUnanimous, AcceptVersion, MarkEdited, RejectUnit
from annotator.edits.spans import AddRelation, DeleteSpan, SetAttribute, SetStatus
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    AttrValue,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.model.adjudication import Verdict
from annotator.model.ids import GOLD
from annotator.store import Project

from support import add_span, snapshot

DOC = DocumentId("000_80cf35cee6cee056")
A, B, C = AnnotatorName("alice"), AnnotatorName("bob"), AnnotatorName("carol")
_ids = iter(range(1, 1_000_000))


def sp(who: str, start: int, end: int, label: str = "QUOTE", **attrs: AttrValue) -> Span:
    return Span(SpanId(next(_ids)), DOC, AnnotatorName(who), start, end, label, dict(attrs))


def layer(who: str, *spans: Span, status: Status = Status.DONE) -> AnnotationSet:
    return AnnotationSet(DOC, AnnotatorName(who), status, list(spans))


def extents(unit: Unit) -> dict[str, list[tuple[int, int]]]:
    return {n: [(s.start, s.end) for s in found] for n, found in unit.spans.items()}


# --- units (pure) ---------------------------------------------------------------------------


def quote_said_by(who: str, speaker_at: tuple[int, int], name: str) -> AnnotationSet:
    """One quote [0, 10) linked to a speaker mention at ``speaker_at`` named ``name``."""
    quote, mention = sp(who, 0, 10), sp(who, *speaker_at, "SPEAKER", speaker=name)
    aset = layer(who, quote, mention)
    aset.relations.append(Relation(RelationId(1), "attributed_to", quote.id, mention.id))
    return aset


def test_a_quote_linked_to_different_speakers_is_not_unanimous() -> None:
    found = {
        u.label: u
        for u in units([quote_said_by(A, (20, 26), "Peskov"), quote_said_by(B, (30, 38), "Trump")])
    }
    assert not found["QUOTE"].unanimous
    assert len(found["QUOTE"].versions) == 2
    assert found["QUOTE"].versions[0].links == (("attributed_to", 20, 26, "SPEAKER", "Peskov"),)


def test_a_quote_linked_alike_is_unanimous_and_speakers_ignore_incoming_links() -> None:
    same = units([quote_said_by(A, (20, 26), "Peskov"), quote_said_by(B, (20, 26), "Peskov")])
    assert all(u.unanimous for u in same)
    alone = layer(B, sp(B, 0, 10), sp(B, 20, 26, "SPEAKER", speaker="Peskov"))
    mixed = {u.label: u for u in units([quote_said_by(A, (20, 26), "Peskov"), alone])}
    assert not mixed["QUOTE"].unanimous  # bob did not say who said it
    assert mixed["SPEAKER"].unanimous


def test_overlapping_same_label_spans_of_different_annotators_form_one_unit() -> None:
    found = units([layer(A, sp(A, 0, 10)), layer(B, sp(B, 5, 15), sp(B, 20, 30, "SPEAKER"))])
    assert [(u.key, u.label) for u in found] == [
        ("QUOTE:0-15", "QUOTE"),
        ("SPEAKER:20-30", "SPEAKER"),
    ]
    quote = found[0]
    assert extents(quote) == {"alice": [(0, 10)], "bob": [(5, 15)]}
    assert [v.annotators for v in quote.versions] == [(A,), (B,)]
    assert not quote.unanimous
    assert found[1].missing == (A,)


def test_units_are_connected_components_and_touching_spans_stay_apart() -> None:
    # alice-bob-carol chain into one unit though alice and carol share no character.
    chained = units([layer(A, sp(A, 0, 10)), layer(B, sp(B, 8, 20)), layer(C, sp(C, 18, 30))])
    assert [u.key for u in chained] == ["QUOTE:0-30"]
    touching = units([layer(A, sp(A, 0, 10)), layer(B, sp(B, 10, 20))])
    assert [u.key for u in touching] == ["QUOTE:0-10", "QUOTE:10-20"]
    labels = units([layer(A, sp(A, 0, 10)), layer(B, sp(B, 0, 10, "SPEAKER"))])
    assert [u.key for u in labels] == ["QUOTE:0-10", "SPEAKER:0-10"]


def test_unanimous_needs_identical_spans_with_identical_attributes_from_everyone() -> None:
    same = units([layer(A, sp(A, 0, 10, stance="favor")), layer(B, sp(B, 0, 10, stance="favor"))])
    assert same[0].unanimous and len(same[0].versions) == 1
    assert same[0].versions[0].annotators == (A, B) and same[0].versions[0].source == A
    attrs = units([layer(A, sp(A, 0, 10, stance="favor")), layer(B, sp(B, 0, 10, stance="none"))])
    assert not attrs[0].unanimous and len(attrs[0].versions) == 2
    alone = units([layer(A, sp(A, 0, 10))])
    assert not alone[0].unanimous, "one annotator is no agreement"


def test_an_annotator_who_covers_the_document_with_nothing_there_breaks_unanimity() -> None:
    found = units([layer(A, sp(A, 0, 10)), layer(B, sp(B, 0, 10)), layer(C)])
    assert found[0].missing == (C,)
    assert not found[0].unanimous
    assert len(found[0].versions) == 1
    assert found[0].version_of(C) is None


def test_coverage_skips_gold_suggestions_skipped_and_unstarted_layers() -> None:
    sets = [
        layer(A, sp(A, 0, 10)),
        layer(B, sp(B, 0, 10)),
        layer(GOLD, sp(GOLD, 0, 5)),
        layer("suggest:quotes", sp("suggest:quotes", 0, 5)),
        layer(C, sp(C, 0, 3), status=Status.SKIPPED),
        layer("dave", status=Status.IN_PROGRESS),  # opened the document, found nothing yet
        layer("erin", sp("erin", 0, 4), status=Status.IN_PROGRESS),
    ]
    assert [u.spans.keys() for u in units(sets)] == [{"alice", "bob"}]
    assert units(sets)[0].unanimous
    unfinished = units(sets, include_unfinished=True)
    assert list(unfinished[0].spans) == ["alice", "bob", "erin"]
    assert [covers(s) for s in sets] == [True, True, False, False, False, False, False]


def test_versions_are_numbered_in_annotator_name_order_and_identical_ones_merge() -> None:
    found = units([layer(C, sp(C, 0, 10)), layer(B, sp(B, 2, 10)), layer(A, sp(A, 0, 10))])
    unit = found[0]
    assert [(v.number, v.annotators) for v in unit.versions] == [(1, (A, C)), (2, (B,))]
    assert unit.version(2) is not None and unit.version(2).source == B  # type: ignore[union-attr]
    assert unit.version(3) is None and unit.version(0) is None


def test_two_spans_of_one_annotator_in_a_unit_are_that_annotators_version() -> None:
    # bob split the quote around "he said"; alice marked it whole. One unit, two versions.
    found = units([layer(A, sp(A, 0, 40)), layer(B, sp(B, 0, 15), sp(B, 25, 40))])
    assert [u.key for u in found] == ["QUOTE:0-40"]
    unit = found[0]
    assert unit.ambiguous
    assert extents(unit) == {"alice": [(0, 40)], "bob": [(0, 15), (25, 40)]}
    assert [len(v.spans) for v in unit.versions] == [1, 2]


def test_one_annotators_own_overlapping_spans_are_not_joined_and_keys_stay_unique() -> None:
    found = units([layer(A, sp(A, 0, 10), sp(A, 5, 15), sp(A, 20, 30), sp(A, 20, 30))])
    assert [u.key for u in found] == ["QUOTE:0-10", "QUOTE:5-15", "QUOTE:20-30", "QUOTE:20-30#2"]


def test_units_refuse_sets_of_several_documents() -> None:
    other = AnnotationSet(DocumentId("other"), B, Status.DONE, [])
    with pytest.raises(ValueError):
        units([layer(A, sp(A, 0, 5)), other])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["alice", "bob", "carol"]),
            st.integers(0, 40),
            st.integers(1, 12),
            st.sampled_from(["QUOTE", "CUE"]),
        ),
        max_size=14,
    )
)
def test_every_span_lies_in_exactly_one_unit_with_every_overlapping_partner(
    drawn: list[tuple[str, int, int, str]],
) -> None:
    spans = [sp(who, start, start + size, label) for who, start, size, label in drawn]
    sets = [layer(n, *[s for s in spans if s.annotator == n]) for n in ("alice", "bob", "carol")]
    found = units(sets)
    home = {s.id: u.key for u in found for group in u.spans.values() for s in group}
    assert sorted(home) == sorted(s.id for s in spans)
    assert len({u.key for u in found}) == len(found)
    for a in spans:
        for b in spans:
            if a.annotator != b.annotator and a.label == b.label and a.overlaps(b):
                assert home[a.id] == home[b.id]
    for unit in found:
        assert list(unit.spans) == ["alice", "bob", "carol"]
        assert sum(len(v.annotators) for v in unit.versions) == 3 - len(unit.missing)


def test_progress_counts_decided_units_and_stale_decisions() -> None:
    found = units([layer(A, sp(A, 0, 10), sp(A, 20, 30)), layer(B, sp(B, 0, 10))])
    assert progress(found, set()) == progress(found, {"nothing:0-1"}).__class__(0, 2, 0)
    counted = progress(found, {"QUOTE:0-10", "QUOTE:3-9"})
    assert (counted.decided, counted.total, counted.stale, counted.complete) == (1, 2, 1, False)


# --- the learning view (pure) ------------------------------------------------------------------


def test_gold_diff_lists_what_only_one_side_has_and_what_changed() -> None:
    own = layer(
        A,
        sp(A, 0, 10, stance="favor"),  # same offsets, other stance
        sp(A, 20, 30),  # gold moved the end
        sp(A, 40, 50, "CUE"),  # identical: not listed
        sp(A, 60, 70, "SPEAKER"),  # gold has none
    )
    gold = layer(
        GOLD,
        sp(GOLD, 0, 10, stance="against"),
        sp(GOLD, 20, 34),
        sp(GOLD, 40, 50, "CUE"),
        sp(GOLD, 80, 90),
    )
    found = gold_diff(own, gold)
    assert [(d.kind, d.label, d.start, d.boundaries, d.attributes) for d in found] == [
        (DiffKind.CHANGED, "QUOTE", 0, False, ("stance",)),
        (DiffKind.CHANGED, "QUOTE", 20, True, ()),
        (DiffKind.ONLY_OWN, "SPEAKER", 60, False, ()),
        (DiffKind.ONLY_GOLD, "QUOTE", 80, False, ()),
    ]
    text = "x" * 100
    rows = learning_rows(text, found)
    assert rows[0] == "QUOTE “xxxxxxxxxx”: stance: favor → against"
    assert rows[1] == "QUOTE “xxxxxxxxxxxxxx”: [20–30] → gold [20–34]"
    assert rows[2].startswith("only yours: SPEAKER [60–70]")
    assert rows[3].startswith("only in gold: QUOTE [80–90]")


def test_gold_diff_pairs_a_split_quote_with_its_largest_overlap() -> None:
    found = gold_diff(layer(A, sp(A, 0, 40)), layer(GOLD, sp(GOLD, 0, 12), sp(GOLD, 20, 40)))
    assert [(d.kind, d.gold.start if d.gold else None) for d in found] == [
        (DiffKind.CHANGED, 20),  # 20-40 shares 20 characters with alice's quote, 0-12 only 12
        (DiffKind.ONLY_GOLD, 0),
    ]
    assert gold_diff(layer(A, sp(A, 0, 4)), layer(GOLD, sp(GOLD, 0, 4))) == []


def test_span_text_shows_offsets_text_and_attributes() -> None:
    text = "He said “yes” loudly"
    assert span_text(text, []) == "—"
    assert span_text(text, [sp(A, 8, 13, stance="favor")]) == "[8–13] “yes” stance=favor"
    assert span_text(text, [sp(A, 0, 2), sp(A, 14, 20)]) == "[0–2] “He” + [14–20] “loudly”"


# --- decisions into gold (project) ---------------------------------------------------------------


def add(project: Project, who: str, start: int, end: int, label: str, **attrs: AttrValue) -> Span:
    return add_span(project, DOC, who, start, end, label, **attrs)


@pytest.fixture
def layers(seeded: Project) -> Project:
    """alice and bob, done: one disputed quote, one unanimous speaker, one cue only alice has."""
    quote_a = add(seeded, "alice", 200, 260, "QUOTE", stance="favor")
    speaker_a = add(seeded, "alice", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    add(seeded, "alice", 168, 172, "CUE")
    AddRelation("attributed_to", quote_a.id, speaker_a.id).apply(seeded)
    add(seeded, "bob", 198, 262, "QUOTE", stance="against")
    add(seeded, "bob", 131, 167, "SPEAKER", speaker="Dmitry Peskov")
    for who in ("alice", "bob"):
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(seeded)
    return seeded


def current_units(project: Project) -> dict[str, Unit]:
    sets = project.bulk.sets_for([DOC])[DOC]
    return {u.label: u for u in units(sets)}


def state(project: Project) -> dict[str, list[tuple[object, ...]]]:
    return snapshot(project)


def gold(project: Project) -> list[tuple[int, int, str, dict[str, AttrValue]]]:
    return [(s.start, s.end, s.label, s.attrs) for s in project.spans.in_set(DOC, GOLD)]


def test_units_of_the_fixture(layers: Project) -> None:
    found = current_units(layers)
    assert found["QUOTE"].key == "QUOTE:198-262" and len(found["QUOTE"].versions) == 2
    assert found["SPEAKER"].unanimous
    assert found["CUE"].missing == ("bob",)


def test_accept_copies_the_version_into_gold_and_records_the_decision(layers: Project) -> None:
    quote = current_units(layers)["QUOTE"]
    edit = AcceptVersion.of(quote, 2, "lead", reason="bob kept the quotation marks")
    change = edit.apply(layers)
    assert gold(layers) == [(198, 262, "QUOTE", {"stance": "against"})]
    decision = layers.adjudications.get(DOC, quote.key)
    assert decision is not None
    assert (decision.verdict, decision.source, decision.reviewer, decision.reason) == (
        Verdict.ACCEPTED,
        "bob",
        "lead",
        "bob kept the quotation marks",
    )
    assert decision.gold_span == change.spans[0] and decision.gold_spans == change.spans
    assert change.annotator == GOLD
    assert edit.text == "accept bob's QUOTE"
    assert layers.history.entries(DOC)[0].action == "accept bob's QUOTE"


EDITS = {
    "accept": lambda u: AcceptVersion.of(u["QUOTE"], 1, "lead"),
    "accept a single span": lambda u: AcceptVersion(
        DOC, u["QUOTE"].key, u["QUOTE"].versions[1].spans[0], "bob", "lead"
    ),
    "edit": lambda u: AcceptVersion.of(u["CUE"], 1, "lead", verdict=Verdict.EDITED),
    "reject": lambda u: RejectUnit(DOC, u["QUOTE"].key, reviewer="lead", reason="not a quote"),
    "accept unanimous": lambda u: AcceptUnanimous(DOC, list(u.values()), "lead"),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_apply_commits_once_and_revert_restores_exactly(layers: Project, kind: str) -> None:
    before = state(layers)
    edit: Edit = EDITS[kind](current_units(layers))
    with counting_commits(layers) as commits:
        edit.apply(layers)
    assert commits == ["BEGIN", "COMMIT"]
    after = state(layers)
    assert after != before
    with counting_commits(layers) as commits:
        edit.revert(layers)
    assert commits == ["BEGIN", "COMMIT"]
    assert state(layers) == before
    edit.apply(layers)  # redo: the very same rows and ids again
    assert state(layers) == after
    edit.revert(layers)
    assert state(layers) == before


class counting_commits:
    """Collects the transaction statements the connection runs inside the block."""

    def __init__(self, project: Project) -> None:
        self.conn: sqlite3.Connection = project._db.conn
        self.seen: list[str] = []

    def __enter__(self) -> list[str]:
        def trace(statement: str) -> None:
            if statement.strip().upper() in ("BEGIN", "COMMIT", "ROLLBACK"):
                self.seen.append(statement.strip().upper())

        self.conn.set_trace_callback(trace)
        return self.seen

    def __exit__(self, *exc: object) -> None:
        self.conn.set_trace_callback(None)


def test_deciding_again_replaces_the_decision_and_revert_restores_it(layers: Project) -> None:
    quote = current_units(layers)["QUOTE"]
    AcceptVersion.of(quote, 1, "lead").apply(layers)
    first_copy = layers.spans.in_set(DOC, GOLD)[0]
    SetAttribute(first_copy.id, "claim_type", "opinion").apply(layers)  # the reviewer's own touch
    before = state(layers)
    second = AcceptVersion.of(quote, 2, "lead")
    change = second.apply(layers)
    assert gold(layers) == [(198, 262, "QUOTE", {"stance": "against"})]
    assert change.removed == (first_copy.id,)
    decision = layers.adjudications.get(DOC, quote.key)
    assert decision is not None and decision.source == "bob"
    reject = RejectUnit(DOC, quote.key, reviewer="lead", reason="opinion piece")
    reject.apply(layers)
    assert gold(layers) == []
    decision = layers.adjudications.get(DOC, quote.key)
    assert decision is not None
    assert (decision.verdict, decision.reason, decision.gold_span) == (
        Verdict.REJECTED,
        "opinion piece",
        None,
    )
    reject.revert(layers)
    second.revert(layers)
    assert state(layers) == before
    assert layers.spans.in_set(DOC, GOLD)[0].attrs["claim_type"] == "opinion"


def test_accept_unanimous_takes_only_undecided_unanimous_units(layers: Project) -> None:
    found = current_units(layers)
    edit = AcceptUnanimous(DOC, list(found.values()), "lead")
    edit.apply(layers)
    assert gold(layers) == [(131, 167, "SPEAKER", {"speaker": "Dmitry Peskov"})]
    assert edit.text == "accept 1 unanimous unit"
    decision = layers.adjudications.get(DOC, found["SPEAKER"].key)
    assert decision is not None and decision.source == "alice" and decision.reason == "unanimous"
    with pytest.raises(EditError, match="no undecided unanimous"):
        AcceptUnanimous(DOC, list(found.values()), "lead").apply(layers)
    assert len(gold(layers)) == 1


def test_accept_unanimous_leaves_decided_units_alone(layers: Project) -> None:
    found = current_units(layers)
    RejectUnit(DOC, found["SPEAKER"].key, reviewer="lead").apply(layers)
    with pytest.raises(EditError):
        AcceptUnanimous(DOC, list(found.values()), "lead").apply(layers)
    assert gold(layers) == []


def test_accept_unanimous_refused_half_way_writes_nothing(layers: Project) -> None:
    found = current_units(layers)
    elsewhere = units(
        [
            AnnotationSet(DocumentId("other"), A, Status.DONE, [sp(A, 0, 5)]),
            AnnotationSet(DocumentId("other"), B, Status.DONE, [sp(B, 0, 5)]),
        ]
    )
    before = state(layers)
    edit = AcceptUnanimous(DOC, [found["SPEAKER"], *elsewhere], "lead")
    with pytest.raises(EditError, match="another document"):
        edit.apply(layers)
    assert state(layers) == before
    AcceptUnanimous(DOC, [found["SPEAKER"]], "lead").apply(layers)
    assert [g[:3] for g in gold(layers)] == [(131, 167, "SPEAKER")]


def test_links_are_recreated_in_gold_whichever_unit_is_accepted_first(layers: Project) -> None:
    found = current_units(layers)
    AcceptVersion.of(found["QUOTE"], 1, "lead").apply(layers)  # alice's quote, no speaker yet
    assert layers.relations.in_set(DOC, GOLD) == []
    AcceptVersion.of(found["SPEAKER"], 1, "lead").apply(layers)  # alice's speaker (with bob's)
    by_id = {s.id: s for s in layers.spans.in_set(DOC, GOLD)}
    links = [
        (r.label, by_id[r.head].label, by_id[r.child].label)
        for r in layers.relations.in_set(DOC, GOLD)
    ]
    assert links == [("attributed_to", "QUOTE", "SPEAKER")]


def test_no_link_to_a_span_taken_from_another_annotator(layers: Project) -> None:
    found = current_units(layers)
    speaker = found["SPEAKER"]
    bob_only = AcceptVersion(DOC, speaker.key, speaker.spans["bob"], "bob", "lead")
    bob_only.apply(layers)
    AcceptVersion.of(found["QUOTE"], 1, "lead").apply(layers)
    assert layers.relations.in_set(DOC, GOLD) == []


def test_a_split_version_is_copied_whole_with_its_continues_link(seeded: Project) -> None:
    whole = add(seeded, "alice", 200, 300, "QUOTE")
    first = add(seeded, "bob", 200, 240, "QUOTE")
    later = add(seeded, "bob", 260, 300, "QUOTE")
    AddRelation("continues", later.id, first.id).apply(seeded)
    for who in ("alice", "bob"):
        SetStatus(DOC, AnnotatorName(who), status=Status.DONE).apply(seeded)
    (unit,) = units(seeded.bulk.sets_for([DOC])[DOC])
    assert unit.ambiguous and extents(unit)["alice"] == [(whole.start, whole.end)]
    before = state(seeded)
    edit = AcceptVersion.of(unit, 2, "lead")
    edit.apply(seeded)
    copies = seeded.spans.in_set(DOC, GOLD)
    assert [(s.start, s.end) for s in copies] == [(200, 240), (260, 300)]
    assert [(r.label, r.head, r.child) for r in seeded.relations.in_set(DOC, GOLD)] == [
        ("continues", copies[1].id, copies[0].id)
    ]
    decision = seeded.adjudications.get(DOC, unit.key)
    assert decision is not None
    assert decision.gold_span == copies[0].id
    assert decision.gold_spans == (copies[0].id, copies[1].id)
    edit.revert(seeded)
    assert state(seeded) == before


def test_mark_edited_keeps_the_copy_and_reverts(layers: Project) -> None:
    quote = current_units(layers)["QUOTE"]
    AcceptVersion.of(quote, 1, "lead").apply(layers)
    before = state(layers)
    edit = MarkEdited(DOC, quote.key, "lead")
    edit.apply(layers)
    decision = layers.adjudications.get(DOC, quote.key)
    assert decision is not None and decision.verdict == Verdict.EDITED
    assert decision.gold_spans == tuple(s.id for s in layers.spans.in_set(DOC, GOLD))
    edit.revert(layers)
    assert state(layers) == before
    with pytest.raises(EditError):
        MarkEdited(DOC, "QUOTE:0-1", "lead").apply(layers)


def test_a_gold_copy_deleted_by_hand_leaves_the_decision_without_it(layers: Project) -> None:
    quote = current_units(layers)["QUOTE"]
    AcceptVersion.of(quote, 1, "lead").apply(layers)
    DeleteSpan(layers.spans.in_set(DOC, GOLD)[0].id).apply(layers)
    decision = layers.adjudications.get(DOC, quote.key)
    assert decision is not None
    assert (decision.verdict, decision.gold_span, decision.gold_spans) == (
        Verdict.ACCEPTED,
        None,
        (),
    )


def test_bad_versions_are_refused(layers: Project) -> None:
    quote = current_units(layers)["QUOTE"]
    with pytest.raises(EditError, match="no version 3"):
        AcceptVersion.of(quote, 3, "lead")
    gold_span = Span(SpanId(0), DOC, GOLD, 0, 5, "QUOTE")
    for edit in (
        AcceptVersion(DOC, quote.key, (), "bob", "lead"),
        AcceptVersion(DOC, quote.key, gold_span, "gold", "lead"),
        AcceptVersion(DocumentId("nope"), quote.key, quote.versions[0].spans, "alice", "lead"),
        AcceptVersion(DOC, quote.key, Span(SpanId(0), DOC, A, 0, 5, "NOPE"), "alice", "lead"),
        AcceptVersion(DOC, quote.key, Span(SpanId(0), DOC, A, 0, 10**6, "QUOTE"), "alice", "x"),
        RejectUnit(DocumentId("nope"), quote.key, reviewer="lead"),
    ):
        with pytest.raises(EditError):
            edit.apply(layers)
    assert gold(layers) == [] and layers.adjudications.for_document(DOC) == {}


def test_progress_counts_per_document(layers: Project) -> None:
    found = current_units(layers)
    assert layers.adjudications.progress() == {}
    AcceptUnanimous(DOC, list(found.values()), "lead").apply(layers)
    RejectUnit(DOC, found["CUE"].key, reviewer="lead").apply(layers)
    assert layers.adjudications.progress() == {DOC: 2}
    assert layers.adjudications.counts(DOC) == {Verdict.ACCEPTED: 1, Verdict.REJECTED: 1}
    decided = layers.adjudications.for_document(DOC).keys()
    assert progress(list(found.values()), decided).decided == 2
    assert progress(list(found.values()), decided).total == 3


# --- the migration ----------------------------------------------------------------------------


@pytest.fixture
def old_file(tmp_path: Path, schema) -> Iterator[Path]:
    """A project file as 0001 left it: no adjudication tables."""
    path = tmp_path / "old.db"
    Project.create(path, schema).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE adjudication_spans; DROP TABLE adjudications; "
        "DELETE FROM _sqlite_migrations WHERE name = '0002_adjudications';"
    )
    conn.close()
    yield path


def test_opening_an_older_project_adds_the_adjudication_tables(old_file: Path) -> None:
    with Project.open(old_file) as project:
        assert project.adjudications.for_document(DOC) == {}
        assert project.adjudications.progress() == {}
    backups = list(old_file.parent.glob("old.db.backups/*-migrate.db"))
    assert len(backups) == 1, "a backup is made before migrating"


def test_decisions_outside_the_check_list_are_refused_by_the_table(layers: Project) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        layers._db.execute(
            "INSERT INTO adjudications (document, unit, decision, reviewer, at) "
            "VALUES (?, 'u', 'maybe', 'lead', 'now')",
            [DOC],
        )


def test_relation_ids_survive_a_revert(layers: Project) -> None:
    found = current_units(layers)
    AcceptVersion.of(found["SPEAKER"], 1, "lead").apply(layers)
    AcceptVersion.of(found["QUOTE"], 1, "lead").apply(layers)
    (link,) = layers.relations.in_set(DOC, GOLD)
    again = AcceptVersion.of(found["QUOTE"], 2, "lead")
    again.apply(layers)
    assert layers.relations.in_set(DOC, GOLD) == []
    again.revert(layers)
    assert layers.relations.in_set(DOC, GOLD) == [
        Relation(RelationId(link.id), link.label, link.head, link.child)
    ]
