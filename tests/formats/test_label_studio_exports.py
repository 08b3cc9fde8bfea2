"""Label Studio's export shapes, written by its own converter (label-studio-converter 0.0.59,
the code behind Label Studio's Export button) from one full JSON export: the full JSON,
JSON-MIN, CSV and TSV (which the converter names ``.csv`` too). See data/peers/README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.errors import InputError
from annotator.formats.detect import detect_format
from annotator.formats.label_studio import JSON_MIN_NOTE, TABLE_DATA_NOTE, read_label_studio
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document
from annotator.transfer.import_sources import ImportOptions, Source, read_source

DATA = Path(__file__).parent / "data" / "peers" / "label_studio"
EXPORTS = ["full_export.json", "json_min.json", "export.csv", "export_tsv.csv"]
SAID = 'Peskov said: "We welcome the talks." Critics disagreed.'


def _layers(items: list[tuple[Document, list[AnnotationSet]]]) -> dict[tuple[str, str], list]:
    return {
        (document.text, annotation.annotator): covered(document, annotation)
        for document, sets in items
        for annotation in sets
        if not annotation.annotator.startswith("suggest:")
    }


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_shape_is_told_and_gives_the_same_spans(name: str) -> None:
    assert detect_format(DATA / name) == "label-studio"
    items = read_label_studio(DATA / name)
    # one document per task, however many annotations (records) it has
    assert [document.id for document, _ in items] == ["11", "12"]
    assert _layers(items) == _layers(read_label_studio(DATA / "full_export.json"))


@pytest.mark.parametrize("name", EXPORTS[1:])
def test_the_flat_exports_say_what_they_cannot_carry(name: str) -> None:
    summary = TransferSummary()
    [(_, sets), _] = read_label_studio(DATA / name, summary)
    anna = next(s for s in sets if s.annotator == "anna@example.org")
    # the text sits under the labelling config's $article; the choices lost their region
    assert anna.doc_attrs["stance"] == "favor" and anna.doc_attrs["relevant"] == "yes"
    assert JSON_MIN_NOTE in summary.notes


def test_the_full_export_keeps_layers_relations_and_region_results() -> None:
    summary = TransferSummary()
    [(document, sets), _] = read_label_studio(DATA / "full_export.json", summary)
    assert document.text == SAID and document.meta["source"] == "wire"
    by_who = {s.annotator: s for s in sets}
    assert set(by_who) == {"anna@example.org", "ben@example.org", "suggest:rules-1"}
    anna, ben = by_who["anna@example.org"], by_who["ben@example.org"]
    quote = '"We welcome the talks."'
    assert links(document, anna) == {("attributed_to", quote, "Peskov")}
    assert links(document, ben) == {("attributed_to", quote, "Peskov")}  # direction: left
    [span] = [s for s in anna.spans if s.label == "QUOTE"]
    assert span.attrs == {"stance": "favor", "note": "welcoming"}
    assert anna.doc_attrs == {"relevant": "yes"}
    assert summary.lost == {
        "cancelled (skipped) annotation": 1,
        "draft (saved, not submitted) annotation": 1,
    }


def test_a_json_min_record_that_does_not_tell_its_text_is_refused(tmp_path: Path) -> None:
    record = {"article": "One.", "source": "wire", "annotator": 1, "annotation_id": 2}
    record |= {"created_at": "", "updated_at": "", "lead_time": 1.0}
    path = tmp_path / "min.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_label_studio(path)
    assert str(caught.value) == (
        f'{path}: task 1: the JSON-MIN record has no "text" and its regions do not tell which '
        "of the fields article, source holds the text; name it with --text-column"
    )
    summary = TransferSummary()
    options = ImportOptions(fmt="label-studio", text_column="article")
    [(document, [annotation])] = read_source(Source(path, "label-studio"), options, summary)
    assert document.text == "One." and annotation.doc_attrs == {"source": "wire"}


def test_a_task_whose_text_field_cannot_be_told_is_read_with_the_one_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tasks.json"
    data = {"headline": "Talks.", "body": "Peskov said talks.", "site": "wire"}
    path.write_text(json.dumps([{"id": 1, "data": data, "annotations": []}]), encoding="utf-8")
    with pytest.raises(InputError, match="text fields headline, body, site they mark; name it"):
        read_label_studio(path)
    options = ImportOptions(fmt="label-studio", text_column="body")
    [(document, [])] = read_source(Source(path, "label-studio"), options, TransferSummary())
    assert document.text == "Peskov said talks." and document.meta["site"] == "wire"


def test_json_min_data_fields_are_the_documents_meta_not_choices() -> None:
    # the converter writes the task's data before "id" and the results after it: "source"
    # is data, "stance" and "relevant" (single choices, bare strings too) are results
    [(first, sets), (second, _)] = read_label_studio(DATA / "json_min.json")
    assert (first.meta["source"], second.meta["source"]) == ("wire", "blog")
    assert all("source" not in s.doc_attrs for s in sets)
    anna = next(s for s in sets if s.annotator == "anna@example.org")
    assert anna.doc_attrs == {"stance": "favor", "note": "welcoming", "relevant": "yes"}


@pytest.mark.parametrize("name", ["export.csv", "export_tsv.csv"])
def test_table_data_columns_are_told_by_being_alike_in_every_annotation_of_a_task(
    name: str,
) -> None:
    # sorted columns: order tells nothing; "source" is the same in ben's and anna's rows of
    # task 11, "stance" and "relevant" are empty in ben's: results
    summary = TransferSummary()
    [(first, sets), (second, _)] = read_label_studio(DATA / name, summary)
    assert (first.meta["source"], second.meta["source"]) == ("wire", "blog")
    assert all("source" not in s.doc_attrs for s in sets)
    anna = next(s for s in sets if s.annotator == "anna@example.org")
    assert anna.doc_attrs == {"stance": "favor", "note": "welcoming", "relevant": "yes"}
    assert TABLE_DATA_NOTE.format("source") in summary.notes


def test_a_table_of_one_row_per_task_cannot_tell_data_from_a_choice(tmp_path: Path) -> None:
    lines = (DATA / "export.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "one_row_per_task.csv"
    path.write_text("".join([lines[0], *lines[2:]]), encoding="utf-8")  # ben's row left out
    summary = TransferSummary()
    [(first, [anna]), _] = read_label_studio(path, summary)
    assert "source" not in first.meta and anna.doc_attrs["source"] == "wire"
    assert not any(note.startswith(TABLE_DATA_NOTE[:40]) for note in summary.notes)
