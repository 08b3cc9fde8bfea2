"""Format detection: each peer's files are told from their content; unsure gives None."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.detect import detect_format

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("brat/news", "brat"),
        ("brat/news/peskov.ann", "brat"),
        ("label_studio/export.json", "label-studio"),
        ("label_studio/old_utf16_task.json", "label-studio"),
        ("doccano/span_export.zip", "doccano"),
        ("doccano/relation_example.jsonl", "doccano"),
        ("peers/doccano/labeling_multi_users.jsonl", "doccano"),
        ("peers/doccano/export_text_classification.jsonl", "doccano"),
        ("peers/doccano/download_text_classification_v1.jsonl", "doccano"),
        ("prodigy/annotations.jsonl", "prodigy"),
        ("citron/peskov.json", "citron"),
        ("citron", "citron"),
        ("html/article.html", "html"),
    ],
)
def test_peer_files_are_recognised(path: str, expected: str) -> None:
    assert detect_format(DATA / path) == expected


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        ('{"text": "a", "label": [[0, 1, "X"]]}\n', "x.jsonl", "doccano"),
        ('{"text": "a", "annotations": [], "annotation_approver": null}\n', "x.jsonl", "doccano"),
        (
            '{"id": 1, "text": "a", "label": []}\n{"text": "b", "label": [[0, 1, "X"]]}\n',
            "x.jsonl",
            "doccano",
        ),
        ('{"text": "a", "entities": []}\n', "x.jsonl", None),
        ('{"id": "d", "text": "a", "annotator": "x", "spans": []}\n', "x.jsonl", "jsonl"),
        ('{"id": "d", "text": "a"}\n', "x.json", "jsonl"),
        ('{"%TYPES": {}, "%FEATURE_STRUCTURES": []}', "x.json", "uima-json"),
        ("#FORMAT=WebAnno TSV 3.3\n", "x.tsv", "webanno-tsv"),
        ('<?xml version="1.0"?><xmi:XMI xmlns:xmi="http://www.omg.org/XMI"/>', "x.xml", "xmi"),
        ("-DOCSTART- -X- O\n\nPeskov NNP B-PER\nsaid VBD O\n", "x.txt", "conll"),
        ("Peskov\tB-PER\nsaid\tO\n", "x.data", "conll"),
        ("id,text\n1,hello\n", "x.csv", "csv"),
        ('{"whatever": 1}', "x.json", None),
        ("just some words", "x.dat", None),
    ],
)
def test_content_decides(tmp_path: Path, content: str, name: str, expected: str | None) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


def test_a_folder_of_texts_is_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello")
    assert detect_format(tmp_path) == "text"
    assert json.dumps(None) == "null"
