"""doccano 1.0's exports (doccano-transformer's test data, data/peers/README.md): its CSV of a
text-classification project, a row per annotation, reads as its JSONL does."""

from __future__ import annotations

from pathlib import Path

from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano

PEERS = Path(__file__).parent / "data" / "peers" / "doccano"


def _categories(path: Path) -> list[tuple[str, str, dict]]:
    return [
        (document.id, annotation.annotator, annotation.doc_attrs)
        for document, sets in read_doccano(path)
        for annotation in sets
    ]


def test_the_v1_csv_export_gives_the_categories_of_its_jsonl_export() -> None:
    csv, jsonl = PEERS / "classification_v1.csv", PEERS / "classification_v1.jsonl"
    assert detect_format(csv) == detect_format(jsonl) == "doccano"
    expected = [
        ("2591", "1", {"category": "15"}),
        ("2592", "1", {"category": "17"}),
        ("2593", "1", {"category": "17"}),
    ]
    assert _categories(csv) == _categories(jsonl) == expected
    documents = [(d.text, d.meta) for d, _ in read_doccano(csv)]
    assert documents == [(d.text, d.meta) for d, _ in read_doccano(jsonl)]
    assert documents[0] == ("Terrible customer service.", {"annotation_approver": None})


def test_every_category_of_a_multi_label_example_is_kept(tmp_path: Path) -> None:
    # doccano 1.0 writes a row (CSV) or an annotation (JSONL) per category and user
    csv = tmp_path / "multi.csv"
    csv.write_text(
        "annotation_approver,id,label,text,user\n"
        ",7,15,Slow but friendly.,1\n"
        ",7,17,Slow but friendly.,1\n"
        ",7,17,Slow but friendly.,2\n"
        ",8,,Not labelled yet.,\n",
        encoding="utf-8",
    )
    jsonl = tmp_path / "multi.jsonl"
    jsonl.write_text(
        '{"id": 7, "text": "Slow but friendly.", "annotations": [{"label": 15, "user": 1}, '
        '{"label": 17, "user": 1}, {"label": 17, "user": 2}], "annotation_approver": null}\n'
        '{"id": 8, "text": "Not labelled yet.", "annotations": [], "annotation_approver": null}\n',
        encoding="utf-8",
    )
    expected = [("7", "1", {"category": "15, 17"}), ("7", "2", {"category": "17"})]
    assert _categories(csv) == _categories(jsonl) == expected
    assert [d.id for d, _ in read_doccano(csv)] == ["7", "8"]


def test_a_later_row_without_a_label_adds_nothing_and_one_without_a_user_is_the_default(
    tmp_path: Path,
) -> None:
    csv = tmp_path / "gaps.csv"
    csv.write_text(
        "annotation_approver,id,label,text,user\n"
        ",7,15,Slow but friendly.,1\n"
        ",7,,Slow but friendly.,\n"
        ",8,17,Quick.,\n",
        encoding="utf-8",
    )
    # "": the layer without annotator that the import names
    assert _categories(csv) == [("7", "1", {"category": "15"}), ("8", "", {"category": "17"})]
