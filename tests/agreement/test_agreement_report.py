"""The report: exactly the docs/agreement.md layout, coverage rules, disagreements, progress."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from annotator.agreement import agreement_report, render_table
from annotator.model.annotation import Status
from annotator.model.schema import load_schema

COEFFICIENTS = {
    "units", "krippendorff_alpha", "fleiss_kappa", "cohen_kappa", "scott_pi",
    "mean_cohen_kappa", "percent_agreement",
}  # fmt: skip


@pytest.fixture
def sample(make_set) -> list:
    return [
        make_set("d1", "A", [
            (0, 10, "QUOTE", {"stance": "favor", "intensity": "high"}),
            (12, 20, "SPEAKER", {"speaker": "Putin"}),
            (30, 40, "QUOTE", {"stance": "none"}),
        ], links=[(0, 1)], doc_attrs={"relevance": "relevant"}),
        make_set("d1", "B", [
            (0, 10, "QUOTE", {"stance": "against", "intensity": "mid"}),
            (12, 20, "SPEAKER", {"speaker": "Putin"}),
            (31, 40, "QUOTE", {"stance": "none"}),
            (50, 55, "CUE"),
        ], links=[(0, 1)], doc_attrs={"relevance": "partly"}),
        make_set("d1", "C", [(0, 10, "QUOTE", {"stance": "favor"})]),
        make_set("d2", "A", [(0, 5, "QUOTE", {"stance": "favor"})]),
        make_set("d2", "C", [(0, 5, "QUOTE", {"stance": "favor"})]),
        make_set("d3", "A", [(0, 5, "QUOTE")]),  # covered by A alone
        make_set("d1", "gold", [(0, 10, "QUOTE", {"stance": "favor"})]),
        make_set("d1", "suggest:quotes", [(0, 10, "QUOTE")]),
        make_set("d2", "B", [(0, 5, "QUOTE")], status=Status.TODO),
    ]  # fmt: skip


def test_report_has_exactly_the_contract_layout(quote_schema, sample):
    report = agreement_report(sample, quote_schema)
    assert list(report) == [
        "annotators", "documents", "spans", "unitizing_alpha", "attributes", "doc_attrs",
        "disagreements",
    ]  # fmt: skip
    assert report["annotators"] == ["A", "B", "C"]
    assert report["documents"] == 2
    pairs = {"A|B", "A|C", "B|C"}
    assert set(report["spans"]) == {"exact", "overlap", "overlap_any"}
    for mode, block in report["spans"].items():
        assert set(block) == {"mean_pairwise_micro_f1", "pairs", "labels"}
        assert set(block["pairs"]) == pairs
        extra = {"hits_a", "hits_b"} if mode == "overlap_any" else set()
        for scores in block["pairs"].values():
            assert set(scores) == {"precision", "recall", "f1", "tp", "macro_f1"} | extra
        assert list(block["labels"]) == ["QUOTE", "SPEAKER", "CUE"]
        for entry in block["labels"].values():
            assert set(entry) == {"mean_pairwise_f1", "pairs"}
            assert set(entry["pairs"]) == pairs
            for scores in entry["pairs"].values():
                assert set(scores) == {"precision", "recall", "f1"}
    assert report["spans"]["overlap_any"]["pairs"]["A|B"]["tp"] is None
    assert set(report["unitizing_alpha"]) == {"overall", "labels"}
    assert list(report["unitizing_alpha"]["labels"]) == ["QUOTE", "SPEAKER", "CUE"]
    assert list(report["attributes"]) == [
        "QUOTE.stance", "QUOTE.intensity", "QUOTE.speaker", "SPEAKER.speaker",
    ]  # fmt: skip
    for entry in report["attributes"].values():
        assert set(entry) == {"exact", "overlap"}
        for block in entry.values():
            assert set(block) == COEFFICIENTS | {"ambiguous"}
            assert set(block["cohen_kappa"]) == set(block["scott_pi"]) == pairs
    assert list(report["doc_attrs"]) == ["relevance"]
    assert set(report["doc_attrs"]["relevance"]) == COEFFICIENTS
    for item in report["disagreements"]:
        assert set(item) == {"document", "label", "kind", "spans"}
        assert all(len(triple) == 3 for triple in item["spans"].values())
    # Plain JSON: no NaN or infinity sneaks in for an undefined value.
    assert json.loads(json.dumps(report, allow_nan=False)) == report


def test_gold_and_suggestions_take_part_only_when_named(quote_schema, sample):
    named = agreement_report(sample, quote_schema, annotators=["gold", "suggest:quotes", "A"])
    assert named["annotators"] == ["A", "gold", "suggest:quotes"]
    assert named["documents"] == 1
    assert named["spans"]["exact"]["pairs"]["A|gold"]["f1"] == 0.5  # 2 * 1 / (3 + 1)
    only_two = agreement_report(sample, quote_schema, annotators=["C", "A"])
    assert only_two["annotators"] == ["A", "C"]
    assert set(only_two["spans"]["exact"]["pairs"]) == {"A|C"}


def test_disagreements(quote_schema, sample):
    report = agreement_report(sample, quote_schema)
    found = [(d["document"], d["label"], d["kind"]) for d in report["disagreements"]]
    assert found == [
        ("d1", "document", "relevance"),
        ("d1", "QUOTE", "QUOTE.intensity"),
        ("d1", "QUOTE", "QUOTE.stance"),
        ("d1", "SPEAKER", "missing"),  # C found no speaker
        ("d1", "QUOTE", "boundary"),  # A and B differ at 30-40...
        ("d1", "QUOTE", "missing"),  # ...and C has nothing there
        ("d1", "CUE", "missing"),
    ]
    stance = report["disagreements"][2]
    assert stance["spans"] == {
        "A": [0, 10, "favor"], "B": [0, 10, "against"], "C": [0, 10, "favor"],
    }  # fmt: skip
    relevance = report["disagreements"][0]
    assert relevance["spans"] == {
        "A": [None, None, "relevant"], "B": [None, None, "partly"], "C": [None, None, None],
    }  # fmt: skip


def test_boundary_disagreement(quote_schema, make_set):
    sets = [make_set("d", "A", [(0, 10, "QUOTE")]), make_set("d", "B", [(1, 10, "QUOTE")])]
    assert agreement_report(sets, quote_schema)["disagreements"] == [
        {"document": "d", "label": "QUOTE", "kind": "boundary",
         "spans": {"A": [0, 10, None], "B": [1, 10, None]}},
    ]  # fmt: skip


def test_progress_reports_every_stage(quote_schema, sample):
    calls: list[tuple[int, int]] = []
    agreement_report(sample, quote_schema, progress=lambda done, total: calls.append((done, total)))
    total = calls[0][1]
    assert calls == [(step, total) for step in range(total + 1)]


def test_progress_moves_with_the_documents_compared(quote_schema, make_set):
    sets = [
        make_set(f"d{n:02d}", who, [(0, 5 + n % 3, "QUOTE")])
        for n in range(12)
        for who in ("A", "B")
    ]
    calls: list[tuple[int, int]] = []
    agreement_report(sets, quote_schema, progress=lambda done, total: calls.append((done, total)))
    total = calls[0][1]
    assert total > 12, "a step per document, not only the report's closing stages"
    assert calls == [(step, total) for step in range(total + 1)]


def test_nothing_to_compare(quote_schema, make_set):
    report = agreement_report([make_set("d", "A", [(0, 5, "QUOTE")])], quote_schema)
    assert report["annotators"] == ["A"]
    assert report["documents"] == 0
    assert report["spans"]["exact"]["pairs"] == {}
    assert report["spans"]["exact"]["mean_pairwise_micro_f1"] is None
    assert report["unitizing_alpha"]["overall"] is None
    assert report["attributes"]["QUOTE.stance"]["exact"]["krippendorff_alpha"] is None
    assert report["disagreements"] == []
    assert "undefined" in render_table(report)


def test_labels_outside_the_schema_are_ignored(quote_schema, make_set):
    sets = [
        make_set("d", "A", [(0, 5, "QUOTE"), (6, 9, "OTHER")]),
        make_set("d", "B", [(0, 5, "QUOTE")]),
    ]
    assert agreement_report(sets, quote_schema)["spans"]["exact"]["pairs"]["A|B"]["f1"] == 1.0


def test_the_default_schema_reports_every_variable(make_set):
    schema = load_schema(Path(__file__).resolve().parents[2] / "resources/schemas/quotes.toml")
    sets = [
        make_set("d", name, [(0, 10, "QUOTE", {"stance": "favor"}), (12, 20, "SPEAKER")])
        for name in "AB"
    ]
    report = agreement_report(sets, schema)
    quote_attributes = [a.name for a in schema.span_attributes("QUOTE")]
    assert list(report["attributes"]) == [
        *(f"QUOTE.{name}" for name in quote_attributes), "QUOTE.speaker", "SPEAKER.speaker",
    ]  # fmt: skip
    assert list(report["doc_attrs"]) == [a.name for a in schema.document_attributes]
    assert report["attributes"]["QUOTE.stance"]["exact"]["percent_agreement"] == 1.0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(quote_schema, make_set, enabled):
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        agreement_report([make_set("d", "A"), make_set("d", "B")], quote_schema)
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
