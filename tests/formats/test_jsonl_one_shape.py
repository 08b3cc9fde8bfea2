"""Native JSONL of one shape: one-table readers load it, registry entries ride in the records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas
import pytest

from annotator.errors import InputError
from annotator.model import Speaker, SpeakerType, Target
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.importing import import_paths
from tests.formats.test_jsonl import two_annotators, write_jsonl

FIELDS = [
    "id", "title", "text", "meta", "text_sha256", "annotator", "status",
    "spans", "relations", "doc_attrs", "seconds", "speakers", "targets",
]  # fmt: skip


def exported(project: Project) -> bytes:
    out = io.BytesIO()
    export_jsonl(project, out)
    return out.getvalue()


@pytest.fixture
def filled(tmp_path: Path, project: Project) -> Project:
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", two_annotators())])
    project.speakers.upsert(
        Speaker("Dmitry Peskov", SpeakerType.PERSON, "Kremlin spokesperson", "Q1968283")
    )
    # Named by no span: it still has to travel.
    project.targets.upsert(Target("Sanctions", "FAVOR = supports sanctions"))
    return project


def test_pandas_reads_the_export_as_one_table(tmp_path: Path, filled: Project) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(exported(filled))
    table = pandas.read_json(path, lines=True, dtype=False)
    assert list(table.columns) == FIELDS
    assert list(table["id"]) == ["doc-1", "doc-1", "doc-2"]
    assert [len(spans) for spans in table["spans"]] == [3, 2, 0]
    assert table["speakers"][0][0]["wikidata"] == "Q1968283"


def test_datasets_loads_the_export_as_one_table(tmp_path: Path, filled: Project) -> None:
    datasets = pytest.importorskip("datasets")
    path = tmp_path / "out.jsonl"
    path.write_bytes(exported(filled))
    loaded = datasets.load_dataset(
        "json", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )
    assert loaded.column_names == FIELDS
    assert loaded.num_rows == 3
    assert loaded[0]["spans"][2]["attrs"]["stance"] == "against"
    assert loaded[2]["annotator"] is None and loaded[2]["spans"] == []


def test_entries_no_span_names_ride_on_the_last_line_and_come_back(
    tmp_path: Path, filled: Project, schema: Schema
) -> None:
    lines = [json.loads(line) for line in exported(filled).splitlines()]
    assert lines[0]["targets"] == [{"label": "NATO bid", "definition": ""}]
    assert lines[-1]["targets"] == [
        {"label": "Sanctions", "definition": "FAVOR = supports sanctions"}
    ]
    fresh = Project.create(tmp_path / "fresh.db", schema)
    path = tmp_path / "out.jsonl"
    path.write_bytes(exported(filled))
    report = import_paths(fresh, [path])
    assert report.registry_added == 3  # the speaker, once though on two lines; two targets
    assert fresh.speakers.get("Dmitry Peskov").wikidata == "Q1968283"
    assert fresh.targets.get("Sanctions").definition == "FAVOR = supports sanctions"
    assert exported(fresh) == exported(filled)
    fresh.close()


def test_the_older_layout_with_registry_lines_still_imports(
    tmp_path: Path, project: Project
) -> None:
    records = [
        {"speaker": {"name": "Dmitry Peskov", "type": "person", "description": "press"}},
        {"target": {"label": "NATO bid", "definition": "FAVOR = for the bid"}},
        *two_annotators(),
    ]
    report = import_paths(project, [write_jsonl(tmp_path / "old.jsonl", records)])
    assert (report.documents_added, report.sets_added, report.registry_added) == (2, 2, 2)
    assert project.speakers.get("Dmitry Peskov").description == "press"
    assert project.targets.get("NATO bid").definition == "FAVOR = for the bid"


def test_an_empty_record_is_a_document_without_a_set(tmp_path: Path, project: Project) -> None:
    record = {
        "id": "d", "text": "Plain.", "annotator": None, "status": None,
        "spans": [], "relations": [], "doc_attrs": {}, "speakers": [], "targets": [],
    }  # fmt: skip
    # Even with a default annotator: null says there is no set.
    report = import_paths(project, [write_jsonl(tmp_path / "d.jsonl", [record])], annotator="x")
    assert (report.documents_added, report.sets_added) == (1, 0)


def test_a_bad_entry_inside_a_record_names_its_line(tmp_path: Path, project: Project) -> None:
    lines = two_annotators()
    lines[1]["speakers"] = [{"name": "Dmitry Peskov", "type": "robot"}]
    with pytest.raises(InputError, match="line 2: speaker \"Dmitry Peskov\": type 'robot'"):
        import_paths(project, [write_jsonl(tmp_path / "bad.jsonl", lines)])
    assert project.documents.count() == 0


def test_a_records_entries_come_in_the_order_its_spans_name_them(
    tmp_path: Path, project: Project
) -> None:
    names = ["Zed", "Abe", "Mia", "Bo", "Kai", "Ann"]
    text = " ".join(names)
    spans, start = [], 0
    for number, name in enumerate(names, start=1):
        spans.append({"id": f"T{number}", "start": start, "end": start + len(name),
                      "label": "SPEAKER", "attrs": {"speaker": name}})  # fmt: skip
        start += len(name) + 1
    record = {"id": "d", "text": text, "annotator": "a", "spans": spans,
              "speakers": [{"name": n, "type": "person"} for n in sorted(names)]}  # fmt: skip
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [record])])
    [line] = [json.loads(x) for x in exported(project).splitlines()]
    # Text order, every time: the same project exports to the same bytes.
    assert [s["name"] for s in line["speakers"]] == names
