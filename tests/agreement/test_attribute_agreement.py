"""Attribute agreement: aligned units, ambiguous units, QUOTE.speaker, document attributes."""

from __future__ import annotations

import pytest

from annotator.agreement import agreement_report, krippendorff_alpha
from annotator.agreement.alignment import align, pair_units
from annotator.agreement.variables import Variable
from annotator.model.annotation import Span, Status
from annotator.model.ids import AnnotatorName, DocumentId, SpanId
from annotator.model.schema import parse_schema


def span(annotator: str, start: int, end: int, number: int = 0) -> Span:
    return Span(SpanId(number), DocumentId("d"), AnnotatorName(annotator), start, end, "QUOTE")


def stance(report: dict, mode: str) -> dict:
    return report["attributes"]["QUOTE.stance"][mode]


def test_exact_alignment_excludes_and_lists_ambiguous_units(quote_schema, make_set):
    sets = [
        make_set("d1", "A", [
            (0, 10, "QUOTE", {"stance": "favor"}),
            (0, 10, "QUOTE", {"stance": "against"}),  # the same range twice: ambiguous
            (20, 30, "QUOTE", {"stance": "favor"}),
            (40, 50, "QUOTE", {"stance": "none"}),
        ]),
        make_set("d1", "B", [
            (0, 10, "QUOTE", {"stance": "favor"}),
            (20, 30, "QUOTE", {"stance": "against"}),
            (40, 50, "QUOTE", {"stance": "none"}),
        ]),
    ]  # fmt: skip
    exact = stance(agreement_report(sets, quote_schema), "exact")
    assert exact["units"] == 2
    assert exact["ambiguous"] == [
        {"document": "d1", "label": "QUOTE", "spans": {"A": [[0, 10], [0, 10]], "B": [[0, 10]]}}
    ]
    assert exact["percent_agreement"] == 0.5
    assert exact["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha([["favor", "against"], ["none", "none"]])
    )
    # p_o = 1/2; A gave favor, none and B against, none: p_e = 1/4, kappa = 1/3.
    assert exact["cohen_kappa"] == {"A|B": pytest.approx(1 / 3)}
    assert exact["mean_cohen_kappa"] == pytest.approx(1 / 3)


def test_overlap_alignment_and_pairwise_rebuild(quote_schema, make_set):
    # C's long span joins all four spans of A and B into one component holding two spans of
    # A (and of B): ambiguous for the all-annotator alpha. The pair A|B, rebuilt from its own
    # spans, has two clean units.
    sets = [
        make_set("d", "A", [(0, 10, "QUOTE", {"stance": "favor"}),
                            (20, 30, "QUOTE", {"stance": "against"})]),
        make_set("d", "B", [(0, 10, "QUOTE", {"stance": "favor"}),
                            (20, 30, "QUOTE", {"stance": "against"})]),
        make_set("d", "C", [(5, 25, "QUOTE", {"stance": "none"})]),
    ]  # fmt: skip
    report = agreement_report(sets, quote_schema)
    overlap = stance(report, "overlap")
    assert overlap["units"] == 0
    assert overlap["krippendorff_alpha"] is None
    assert overlap["ambiguous"] == [{
        "document": "d", "label": "QUOTE",
        "spans": {"A": [[0, 10], [20, 30]], "B": [[0, 10], [20, 30]], "C": [[5, 25]]},
    }]  # fmt: skip
    assert overlap["cohen_kappa"] == {"A|B": 1.0, "A|C": None, "B|C": None}
    assert overlap["mean_cohen_kappa"] == 1.0
    # Exact alignment: (0,10) and (20,30) are units of A and B; C's span is a unit alone.
    exact = stance(report, "exact")
    assert exact["units"] == 2
    assert exact["krippendorff_alpha"] == 1.0
    assert exact["fleiss_kappa"] is None  # no unit is rated by all three covering annotators
    assert exact["ambiguous"] == []


def test_overlap_alignment_joins_spans_with_different_boundaries(quote_schema, make_set):
    sets = [
        make_set("d", "A", [(0, 10, "QUOTE", {"stance": "favor"}),
                            (20, 30, "QUOTE", {"stance": "none"})]),
        make_set("d", "B", [(2, 10, "QUOTE", {"stance": "favor"}),
                            (20, 31, "QUOTE", {"stance": "against"})]),
    ]  # fmt: skip
    report = agreement_report(sets, quote_schema)
    assert stance(report, "exact")["units"] == 0
    overlap = stance(report, "overlap")
    assert overlap["units"] == 2
    assert overlap["percent_agreement"] == 0.5
    assert overlap["fleiss_kappa"] == pytest.approx(overlap["scott_pi"]["A|B"])


def test_pair_units_rebuild_from_the_pair_only():
    a1, a2 = span("A", 0, 10, 1), span("A", 20, 30, 2)
    b1, b2 = span("B", 0, 10, 3), span("B", 20, 30, 4)
    c = span("C", 5, 25, 5)
    groups = align("overlap", "d", "QUOTE", {"A": [a1, a2], "B": [b1, b2], "C": [c]})
    assert len(groups) == 1 and groups[0].ambiguous
    found = pair_units("overlap", groups)
    assert [(a.id, b.id) for _, a, b in found[("A", "B")]] == [(1, 3), (2, 4)]
    assert ("A", "C") not in found  # a1 - c - a2 is ambiguous for the pair as well


def test_pair_joined_only_through_a_third_annotator_is_not_a_pair_unit():
    a, b, c = span("A", 0, 10, 1), span("B", 15, 25, 2), span("C", 5, 20, 3)
    groups = align("overlap", "d", "QUOTE", {"A": [a], "B": [b], "C": [c]})
    assert len(groups) == 1 and not groups[0].ambiguous
    assert set(pair_units("overlap", groups)) == {("A", "C"), ("B", "C")}


def test_spans_of_one_annotator_are_not_joined_directly():
    a1, a2, b = span("A", 0, 10, 1), span("A", 5, 15, 2), span("B", 30, 40, 3)
    groups = align("overlap", "d", "QUOTE", {"A": [a1, a2], "B": [b]})
    assert [sorted(g.spans) for g in groups] == [["A"], ["A"], ["B"]]
    assert not any(g.ambiguous for g in groups)


def test_missing_values_are_missing_not_a_category(quote_schema, make_set):
    sets = [
        make_set("d", "A", [(0, 10, "QUOTE", {"stance": "favor"}), (20, 30, "QUOTE", {})]),
        make_set("d", "B", [(0, 10, "QUOTE", {"stance": "favor"}),
                            (20, 30, "QUOTE", {"stance": ""})]),
    ]  # fmt: skip
    exact = stance(agreement_report(sets, quote_schema), "exact")
    assert exact["units"] == 1
    assert exact["percent_agreement"] == 1.0
    assert exact["krippendorff_alpha"] is None  # one category only: undefined, not 1.0
    assert exact["cohen_kappa"] == {"A|B": None}


def test_ordinal_attribute_uses_the_schema_order(quote_schema, make_set):
    values = [("low", "mid"), ("mid", "mid"), ("high", "low"), ("high", "high")]
    sets = [
        make_set("d", name, [(10 * i, 10 * i + 5, "QUOTE", {"intensity": pair[n]})
                             for i, pair in enumerate(values)])
        for n, name in enumerate("AB")
    ]  # fmt: skip
    block = agreement_report(sets, quote_schema)["attributes"]["QUOTE.intensity"]["exact"]
    expected = krippendorff_alpha([list(p) for p in values], "ordinal", ("low", "mid", "high"))
    assert block["krippendorff_alpha"] == pytest.approx(expected)
    assert block["krippendorff_alpha"] != pytest.approx(
        krippendorff_alpha([list(p) for p in values])
    )


def test_quote_speaker_follows_attributed_to(quote_schema, make_set):
    sets = [
        make_set("d", "A", [
            (0, 10, "QUOTE"), (12, 20, "SPEAKER", {"speaker": "Putin"}),
            (30, 40, "QUOTE"), (42, 50, "SPEAKER", {"speaker": "Peskov"}),
            (60, 70, "QUOTE"),
        ], links=[(0, 1), (2, 3), (4, 1)]),
        make_set("d", "B", [
            (0, 10, "QUOTE"), (12, 20, "SPEAKER", {"speaker": "Putin"}),
            (30, 40, "QUOTE"),  # not linked: missing
            (60, 70, "QUOTE"), (72, 80, "SPEAKER", {"speaker": "Peskov"}),
        ], links=[(0, 1), (3, 4)]),
    ]  # fmt: skip
    report = agreement_report(sets, quote_schema)
    speaker = report["attributes"]["QUOTE.speaker"]["exact"]
    # Units: (Putin, Putin), (Peskov, -), (Putin, Peskov).
    assert speaker["units"] == 2
    assert speaker["percent_agreement"] == 0.5
    assert speaker["cohen_kappa"] == {"A|B": 0.0}
    assert speaker["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha([["Putin", "Putin"], ["Putin", "Peskov"]])
    )
    assert list(report["attributes"]) == [
        "QUOTE.stance", "QUOTE.intensity", "QUOTE.speaker", "SPEAKER.speaker",
    ]  # fmt: skip


def test_quote_with_two_different_speakers_compares_the_combination(quote_schema, make_set):
    sets = [
        make_set("d", "A", [(0, 10, "QUOTE"), (12, 20, "SPEAKER", {"speaker": "Putin"}),
                            (22, 30, "SPEAKER", {"speaker": "Peskov"})], links=[(0, 1), (0, 2)]),
        make_set("d", "B", [(0, 10, "QUOTE"), (12, 20, "SPEAKER", {"speaker": "Putin"})],
                 links=[(0, 1)]),
    ]  # fmt: skip
    report = agreement_report(sets, quote_schema)
    kinds = {(d["kind"], str(d["spans"]["A"][2])) for d in report["disagreements"]}
    assert ("QUOTE.speaker", "Peskov + Putin") in kinds


def test_no_quote_speaker_without_the_relation(make_set):
    schema = parse_schema(
        """name = "s"\nversion = 1\n[[labels]]\nname = "QUOTE"\n[[labels]]\nname = "SPEAKER"\n"""
    )
    sets = [make_set("d", "A", [(0, 5, "QUOTE")]), make_set("d", "B", [(0, 5, "QUOTE")])]
    assert agreement_report(sets, schema)["attributes"] == {}


def test_document_attributes(quote_schema, make_set):
    sets = [
        make_set("d1", "A", doc_attrs={"relevance": "relevant"}),
        make_set("d1", "B", doc_attrs={"relevance": "relevant"}),
        make_set("d1", "C", doc_attrs={"relevance": ""}),  # left empty: missing
        make_set("d2", "A", doc_attrs={"relevance": "partly"}),
        make_set("d2", "B", doc_attrs={"relevance": "relevant"}),
        make_set("d3", "A", doc_attrs={"relevance": "partly"}),
        make_set("d3", "C", doc_attrs={"relevance": "partly"}),
    ]
    relevance = agreement_report(sets, quote_schema)["doc_attrs"]["relevance"]
    assert relevance["units"] == 3
    assert relevance["percent_agreement"] == pytest.approx(2 / 3)
    assert relevance["cohen_kappa"]["A|B"] == pytest.approx(0.0)  # (rel, rel), (partly, rel)
    assert relevance["cohen_kappa"]["A|C"] is None  # one pair, one category
    assert relevance["cohen_kappa"]["B|C"] is None  # C left d1 empty: no joint unit
    assert relevance["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha([["relevant", "relevant"], ["partly", "relevant"], ["partly", "partly"]])
    )
    # d1 is covered by three and has two values: only d2 and d3 count, both with n = 2.
    # P = (0 + 1) / 2, p_partly = 3/4, p_relevant = 1/4: P_e = 10/16, kappa = -1/3.
    assert relevance["fleiss_kappa"] == pytest.approx(-1 / 3)
    assert "ambiguous" not in relevance


def test_fleiss_is_null_unless_every_unit_has_the_same_number_of_ratings(quote_schema, make_set):
    sets = [
        make_set("d1", "A", doc_attrs={"relevance": "relevant"}),
        make_set("d1", "B", doc_attrs={"relevance": "partly"}),
        make_set("d1", "C", doc_attrs={"relevance": "relevant"}),
        make_set("d2", "A", doc_attrs={"relevance": "partly"}),
        make_set("d2", "B", doc_attrs={"relevance": "partly"}),
    ]
    assert agreement_report(sets, quote_schema)["doc_attrs"]["relevance"]["fleiss_kappa"] is None
    same_n = [s for s in sets if s.document == "d1"]
    assert (
        agreement_report(same_n, quote_schema)["doc_attrs"]["relevance"]["fleiss_kappa"] is not None
    )


def test_unfinished_sets_count_only_when_asked(quote_schema, make_set):
    sets = [
        make_set("d", "A", doc_attrs={"relevance": "relevant"}),
        make_set("d", "B", doc_attrs={"relevance": "partly"}, status=Status.IN_PROGRESS),
    ]
    assert agreement_report(sets, quote_schema)["doc_attrs"]["relevance"]["units"] == 0
    unfinished = agreement_report(sets, quote_schema, include_unfinished=True)
    assert unfinished["doc_attrs"]["relevance"]["units"] == 1


@pytest.mark.parametrize(
    ("level", "raw", "coded"),
    [
        ("nominal", "favor", "favor"),
        ("nominal", 3, 3),
        ("nominal", "", None),
        ("nominal", None, None),
        ("nominal", True, None),
        ("interval", 2, 2),
        ("interval", "2.5", 2.5),
        ("interval", "a lot", None),
        ("ratio", 0.5, 0.5),
    ],
)
def test_how_values_are_coded(level, raw, coded):
    assert Variable(key="k", name="k", level=level).coded(raw) == coded


def test_interval_attribute_in_the_report(make_set):
    schema = parse_schema(
        'name = "s"\nversion = 1\n[[labels]]\nname = "QUOTE"\n'
        '[[attributes]]\nname = "strength"\napplies_to = ["QUOTE"]\nlevel = "interval"\n'
        "open = true\n"
    )
    given = [(1, "1"), (2, 3), (5, "5.0"), (4, "unsure")]
    sets = [
        make_set("d", name, [(10 * i, 10 * i + 5, "QUOTE", {"strength": pair[n]})
                             for i, pair in enumerate(given)])
        for n, name in enumerate("AB")
    ]  # fmt: skip
    block = agreement_report(sets, schema)["attributes"]["QUOTE.strength"]["exact"]
    assert block["units"] == 3  # "unsure" has no distance to numbers: missing
    assert block["krippendorff_alpha"] == pytest.approx(
        krippendorff_alpha([[1, 1], [2, 3], [5, 5]], "interval")
    )


def test_quote_speaker_counts_unnamed_mentions_by_their_words_given_the_texts(
    quote_schema, make_set
):
    text = "“Yes,” Peskov said. “No,” he said. “Maybe,” Trump said." + " " * 20
    at = {w: (text.index(w), text.index(w) + len(w)) for w in ("Peskov", "he", "Trump")}
    sets = [
        make_set("d", "A", [
            (0, 6, "QUOTE"), (*at["Peskov"], "SPEAKER"),
            (20, 25, "QUOTE"), (*at["he"], "SPEAKER"),
            (35, 43, "QUOTE"), (*at["Trump"], "SPEAKER", {"speaker": "Donald Trump"}),
        ], links=[(0, 1), (2, 3), (4, 5)]),
        make_set("d", "B", [
            (0, 6, "QUOTE"), (*at["Peskov"], "SPEAKER"),
            (20, 25, "QUOTE"), (*at["Peskov"], "SPEAKER"),
            (35, 43, "QUOTE"), (*at["Trump"], "SPEAKER", {"speaker": "Donald Trump"}),
        ], links=[(0, 1), (2, 3), (4, 5)]),
    ]  # fmt: skip
    without = agreement_report(sets, quote_schema)["attributes"]["QUOTE.speaker"]["exact"]
    assert without["units"] == 1  # only the registry speaker: unnamed mentions are missing
    report = agreement_report(sets, quote_schema, texts={"d": text})
    block = report["attributes"]["QUOTE.speaker"]["exact"]
    # Units: (Peskov, Peskov), (he, Peskov), (Donald Trump, Donald Trump).
    assert block["units"] == 3
    assert block["percent_agreement"] == pytest.approx(2 / 3)
