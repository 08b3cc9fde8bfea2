"""Files written by doccano 1.8.4's own export pipeline (data/peers/doccano_export/
make_doccano.py): a zip per export, one file per member (``all.*`` when collaborative), in
each file format doccano offers for the project type."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano

DATA = Path(__file__).parent / "data" / "peers" / "doccano_export"
QUOTE = '"We welcome the talks."'
ANNA = [("SPEAKER", "Peskov"), ("CUE", "said"), ("QUOTE", QUOTE)]


def test_a_relation_project_gives_each_member_a_layer_with_their_comments() -> None:
    assert detect_format(DATA / "relations.zip") == "doccano"
    [(document, sets), (quiet, none)] = read_doccano(DATA / "relations.zip")
    by_user = {s.annotator: s for s in sets}
    assert covered(document, by_user["anna"]) == ANNA
    assert links(document, by_user["anna"]) == {
        ("attributed_to", QUOTE, "Peskov"),
        ("cued_by", QUOTE, "said"),
    }
    assert by_user["anna"].doc_attrs == {"note": "check the speaker"}
    assert covered(document, by_user["bob"]) == [("QUOTE", QUOTE)]
    assert by_user["bob"].doc_attrs == {}  # anna's comment is not bob's
    assert "(news/2026)" in document.text and document.meta == {"source": "wire"}
    assert quiet.text == "Nobody spoke." and none == []


@pytest.mark.parametrize(
    "name", ["categories_jsonl.zip", "categories_json.zip", "categories_csv.zip"]
)
def test_text_classification_reads_the_same_in_every_file_format(name: str) -> None:
    assert detect_format(DATA / name) == "doccano"
    [(document, [first]), (_, [second])] = read_doccano(DATA / name)
    assert first.annotator == "anna" and document.meta == {"source": "wire"}
    assert first.doc_attrs == {"category": "diplomacy, politics", "note": "check the speaker"}
    assert second.doc_attrs == {"category": "other"}


def test_the_csv_export_alone_is_told_and_read(tmp_path: Path) -> None:
    with zipfile.ZipFile(DATA / "categories_csv.zip") as archive:
        archive.extract("anna.csv", tmp_path)
    assert detect_format(tmp_path / "anna.csv") == "doccano"
    [(_, [first]), _] = read_doccano(tmp_path / "anna.csv")
    assert first.doc_attrs["category"] == "diplomacy, politics"


def test_intent_detection_and_a_collaborative_export() -> None:
    [(document, [anna]), _] = read_doccano(DATA / "intent.zip")
    assert covered(document, anna) == ANNA and anna.doc_attrs == {"category": "diplomacy, politics"}
    [(document, [shared]), _] = read_doccano(DATA / "spans_collaborative.zip")
    assert shared.annotator == "" and ("QUOTE", '"We wel') in covered(document, shared)
