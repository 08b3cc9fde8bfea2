"""UIMA CAS JSON: INCEpTION's JSON export read exactly, checked against dkpro-cassis."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import cassis
import pytest

from annotator.errors import InputError
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_json import read_uima_json
from annotator.formats.xmi import write_xmi
from annotator.model import Document, DocumentId
from annotator.model.schema import Schema

DATA = Path(__file__).parent / "data" / "uima_json"


def test_an_inception_json_file_reads_exactly() -> None:
    [(document, [annotation])] = read_uima_json(DATA / "carla.json")
    assert (document.id, document.title, annotation.annotator) == ("kyiv", "kyiv.txt", "carla")
    assert document.text.startswith("Kyiv 🇺🇦 — ") and "\r\n" in document.text
    found = {(s.label, document.text[s.start : s.end]) for s in annotation.spans}
    assert found == {
        ("QUOTE", '"We will respond,"'),
        ("SPEAKER", "Zelensky"),
        ("PER", "Zelensky"),
        ("CUE", "said"),
        ("SPEAKER", "U.S. media reports"),
        ("CUE", "suggest"),
    }
    by_id = {s.id: document.text[s.start : s.end] for s in annotation.spans}
    assert {(r.label, by_id[r.head], by_id[r.child]) for r in annotation.relations} == {
        ("attributed_to", '"We will respond,"', "Zelensky"),
        ("cued_by", '"We will respond,"', "said"),
    }


def test_offsets_agree_with_dkpro_cassis() -> None:
    with (DATA / "carla.json").open(encoding="utf-8") as handle:
        cas = cassis.load_cas_from_json(handle)
    theirs = {(fs.begin, fs.end) for fs in cas.select("webanno.custom.Quotation")}
    [(_, [annotation])] = read_uima_json(DATA / "carla.json")
    assert {(s.start, s.end) for s in annotation.spans if s.label != "PER"} == theirs


def test_a_type_system_beside_the_file_stands_in_for_a_missing_types_section(
    tmp_path: Path, schema: Schema
) -> None:
    data = json.loads((DATA / "carla.json").read_text(encoding="utf-8"))
    del data["%TYPES"]
    (tmp_path / "carla.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=r'neither "%TYPES" in the file nor a TypeSystem\.xml'):
        read_uima_json(tmp_path / "carla.json")
    shutil.copy(Path(__file__).parent / "data" / "xmi" / "TypeSystem.xml", tmp_path)
    [(_, [annotation])] = read_uima_json(tmp_path / "carla.json")
    assert len(annotation.spans) == 6


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"%FEATURE_STRUCTURES": [', "is not valid JSON"),
        ('{"text": "not a CAS"}', "holds no UIMA CAS JSON file"),
        ('{"%TYPES": {}, "%FEATURE_STRUCTURES": [{"%ID": 1}], "%VIEWS": {}}', "cassis can read"),
    ],
)
def test_bad_files_name_the_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_uima_json(path)
    assert str(error.value).startswith(str(path))


def test_a_folder_with_other_json_reads_only_the_cases(tmp_path: Path, schema: Schema) -> None:
    shutil.copy(DATA / "carla.json", tmp_path)
    (tmp_path / "exportedproject1.json").write_text('{"name": "p"}', encoding="utf-8")
    write_xmi(tmp_path / "ignored-xmi", [(Document(DocumentId("x"), "text"), None)], schema)
    assert [d.id for d, _ in read_uima_json(tmp_path)] == ["kyiv"]


def test_nan_and_infinite_feature_values_are_counted_not_stored(tmp_path: Path) -> None:
    # the special values as dkpro-cassis' casWithFloatingPointSpecialValues writes them ("#")
    scored = {"%NAME": "webanno.custom.Scored", "%SUPER_TYPE": "uima.tcas.Annotation"}
    for name, kind in (("score", "Double"), ("weight", "Float"), ("label", "String")):
        scored[name] = {"%NAME": name, "%RANGE": f"uima.cas.{kind}"}
    sofa = {"%ID": 1, "%TYPE": "uima.cas.Sofa", "sofaNum": 1, "sofaID": "_InitialView"}
    span = {"%TYPE": "webanno.custom.Scored", "@sofa": 1, "label": "PER"}
    cas = {
        "%TYPES": {"webanno.custom.Scored": scored},
        "%FEATURE_STRUCTURES": [
            {**sofa, "mimeType": "text", "sofaString": "Peskov said."},
            {**span, "%ID": 2, "begin": 0, "end": 6, "#score": "NaN", "#weight": "Infinity"},
            {**span, "%ID": 3, "begin": 7, "end": 11, "score": 0.5, "#weight": "-Infinity"},
        ],
        "%VIEWS": {"_InitialView": {"%SOFA": 1, "%MEMBERS": [2, 3]}},
    }
    path = tmp_path / "special.json"
    path.write_text(json.dumps(cas), encoding="utf-8")
    summary = TransferSummary()
    [(_, [annotation])] = read_uima_json(path, summary)
    assert [s.attrs for s in annotation.spans] == [{}, {"score": 0.5}]
    assert summary.lost == {
        "feature score: NaN or infinite value": 1,
        "feature weight: NaN or infinite value": 2,
    }
