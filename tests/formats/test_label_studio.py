"""Label Studio JSON: exports as Label Studio writes them import exactly; ours read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peer_helpers import covered, links, span_with

from annotator.errors import InputError
from annotator.formats.label_studio import UTF16_NOTE, read_label_studio, write_label_studio
from annotator.formats.raw_layer import LayerBuilder
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId
from annotator.model.schema import Schema, parse_schema

DATA = Path(__file__).parent / "data" / "label_studio"


def test_one_layer_per_annotator_and_predictions_as_suggestions() -> None:
    summary = TransferSummary()
    [(document, sets), (second, empty)] = read_label_studio(DATA / "export.json", summary)
    assert document.title == "Peskov on talks" and "\r\n" in document.text
    assert document.meta["url"] == "https://example.org/a"
    assert {s.annotator for s in sets} == {"1", "bo@example.org", "suggest:quotes-v1"}
    assert summary.lost["cancelled (skipped) annotation"] == 1
    assert second.text == "A second article with nothing marked." and empty == []
    assert summary.documents == 2


def test_regions_attributes_and_relations() -> None:
    [(document, sets), _] = read_label_studio(DATA / "export.json")
    first = next(s for s in sets if s.annotator == "1")
    assert covered(document, first) == [
        ("Title", "Kremlin 😀 spokesperson Dmitry Peskov"),
        ("Person", "Dmitry Peskov"),
        ("Cue", "told"),
        ("Quote", '"We are satisfied,"'),
    ]
    quote = span_with(document, first, '"We are satisfied,"')
    assert quote.attrs == {"stance": "against", "comment": "sounds relieved"}
    assert quote.name == "a8sYxP2m_w"
    assert first.doc_attrs == {"relevance": "relevant"}
    # direction "left" points from to_id to from_id
    assert links(document, first) == {
        ("attributed_to", '"We are satisfied,"', "Dmitry Peskov"),
        ("cued_by", '"We are satisfied,"', "told"),
    }
    second = next(s for s in sets if s.annotator == "bo@example.org")
    assert span_with(document, second, '"No."').attrs == {"certainty": 4}
    assert links(document, second) == {("relation", '"No."', "Zelensky")}


def test_an_older_utf16_export_is_converted_and_noted() -> None:
    summary = TransferSummary()
    [(document, [annotation])] = read_label_studio(DATA / "old_utf16_task.json", summary)
    assert covered(document, annotation) == [("Person", "Peskov"), ("Quote", '"fine"')]
    assert annotation.annotator == ""
    assert UTF16_NOTE in summary.notes


def write_tasks(tmp_path: Path, tasks: object) -> Path:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tasks", "problem"),
    [
        ([{"data": {"image": 1}}], 'task 1: the task has no text in "data.text"'),
        ([{"id": 1}], 'task 1: the task has no "data" object'),
        (
            [
                {
                    "data": {"text": "abc"},
                    "annotations": [
                        {
                            "result": [
                                {
                                    "type": "labels",
                                    "id": "r",
                                    "value": {"start": 0, "end": 2, "text": "xy", "labels": ["A"]},
                                }
                            ]
                        }
                    ],
                }
            ],
            "value.text 'xy' does not match",
        ),
        (
            [
                {
                    "data": {"text": "abc"},
                    "annotations": [
                        {
                            "result": [
                                {
                                    "type": "labels",
                                    "id": "r",
                                    "value": {"start": 0, "end": 9, "labels": ["A"]},
                                }
                            ]
                        }
                    ],
                }
            ],
            "outside the text",
        ),
    ],
)
def test_bad_tasks_are_named(tmp_path: Path, tasks: object, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_label_studio(write_tasks(tmp_path, tasks))
    assert problem in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "tasks.json"))


def test_a_single_task_object_is_read(tmp_path: Path) -> None:
    [(document, sets)] = read_label_studio(
        write_tasks(tmp_path, {"data": {"text": "Hi."}, "id": 5})
    )
    assert document.id == "5" and sets == []


TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he told 𝔯eporters."


def ours() -> tuple[Document, list[AnnotationSet]]:
    document = Document(DocumentId("doc-1"), TEXT, "Title", {"source": "test"})

    def at(part: str) -> tuple[int, int]:
        start = TEXT.index(part)
        return start, start + len(part)

    alice = LayerBuilder(document.id, "alice")
    quote = alice.span(*at("“It is off\u00a0the table,”"), "QUOTE", {"stance": "against"})
    he = TEXT.index(" he ") + 1
    speaker = alice.span(he, he + 2, "SPEAKER", {"speaker": "Dmitry Peskov"})
    alice.span(*at("It is off"), "QUOTE")
    alice.relate("attributed_to", quote, speaker)
    alice.doc_attrs["relevance"] = "relevant"
    machine = LayerBuilder(document.id, "suggest:rules")
    machine.span(*at("told"), "CUE")
    return document, [alice.build(), machine.build()]


def test_a_layer_named_by_an_e_mail_says_it_as_completed_by(tmp_path: Path, schema: Schema) -> None:
    document, _ = ours()
    layer = LayerBuilder(document.id, "ann.lee@example.org")
    layer.span(0, 6, "SPEAKER")
    out = tmp_path / "export.json"
    write_label_studio(out, [(document, layer.build())], schema)
    [annotation] = json.loads(out.read_text(encoding="utf-8"))[0]["annotations"]
    # Label Studio finds the member by it: the annotation stays theirs after an import.
    assert annotation["completed_by"] == {"email": "ann.lee@example.org"}
    [(_, [back])] = read_label_studio(out)
    assert back.annotator == "ann.lee@example.org"


def test_export_reads_back_the_same(tmp_path: Path, schema: Schema) -> None:
    document, sets = ours()
    out = tmp_path / "export.json"
    summary = write_label_studio(out, [(document, s) for s in sets], schema)
    assert summary.documents == 1 and not summary.lost
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["data"]["id"] for t in tasks] == ["doc-1"]
    # Not an e-mail: no completed_by, which Label Studio's importer would refuse the file for
    # (an unknown member); the name rides in "annotator", which it ignores.
    assert "completed_by" not in tasks[0]["annotations"][0]
    assert tasks[0]["annotations"][0]["annotator"] == "alice"
    [(back, again)] = read_label_studio(out)
    assert back.id == "doc-1" and back.text == TEXT and back.title == "Title"
    by_name = {s.annotator: s for s in again}
    for original in sets:
        copy = by_name[original.annotator]
        assert covered(back, copy) == covered(document, original)
        assert links(back, copy) == links(document, original)
        assert sorted(map(str, (s.attrs for s in copy.spans))) == sorted(
            map(str, (s.attrs for s in original.spans))
        )
        assert copy.doc_attrs == original.doc_attrs
    config = out.with_suffix(".label_config.xml").read_text()
    assert '<Choices name="stance" toName="text" perRegion="true">' in config


def test_export_is_read_by_label_studio_sdk_converter(tmp_path: Path, schema: Schema) -> None:
    converter_module = pytest.importorskip("label_studio_sdk.converter")
    document, sets = ours()
    out = tmp_path / "export.json"
    write_label_studio(out, [(document, s) for s in sets], schema)
    converter = converter_module.Converter(
        out.with_suffix(".label_config.xml").read_text(), str(tmp_path)
    )
    items = list(converter.iter_from_json_file(str(out)))
    output = items[0]["output"]
    labels = [v["labels"] for v in output["label"]]
    assert labels == [["QUOTE"], ["SPEAKER"], ["QUOTE"]]
    # Offsets in code points after the emoji and CR LF, as Python slices the text.
    for region in output["label"]:
        assert TEXT[region["start"] : region["end"]] == region["text"]
    # Per-region choices and text areas, and the document's choices, reach the converter.
    assert [(r["start"], r["choices"]) for r in output["stance"]] == [
        (TEXT.index("“It is"), ["against"])
    ]
    assert [r["text"] for r in output["speaker"]] == [["Dmitry Peskov"]]
    assert [r["choices"] for r in output["relevance"]] == [["relevant"]]


def test_a_json_min_export_is_read(tmp_path: Path) -> None:
    text = "Peskov 😀 said no."
    line = {
        "text": text,
        "id": 3,
        "label": [{"start": 9, "end": 13, "text": "said", "labels": ["Cue"]}],
        "sentiment": "Negative",
        "annotator": 2,
        "annotation_id": 4,
        "created_at": "2024-03-01T10:00:00.000000Z",
        "lead_time": 3.1,
    }
    [(document, [annotation])] = read_label_studio(write_tasks(tmp_path, [line]))
    assert document.id == "3" and annotation.annotator == "2"
    assert covered(document, annotation) == [("Cue", "said")]
    assert annotation.doc_attrs == {"sentiment": "Negative"}


def test_unsubmitted_drafts_are_counted_as_not_carried(tmp_path: Path) -> None:
    region = {"start": 0, "end": 6, "text": "Peskov", "labels": ["PER"]}
    result = [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": region}
    ]
    draft = {"id": 3, "user": "bo@example.org", "result": result, "was_postponed": False, "task": 1}
    task = {"id": 1, "data": {"text": "Peskov said."}, "annotations": [], "drafts": [draft]}
    path = tmp_path / "drafts.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    summary = TransferSummary()
    [(document, sets)] = read_label_studio(path, summary)
    assert document.text == "Peskov said." and sets == []
    assert summary.lost == {"draft (saved, not submitted) annotation": 1}


def test_the_text_field_the_regions_mark_is_the_document(tmp_path: Path) -> None:
    # a labelling config <Text name="text" value="$review"/>: the export has data.review
    region = {"start": 0, "end": 6, "text": "Peskov", "labels": ["PER"]}
    result = [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels", "value": region}
    ]
    data = {"review": "Peskov said fine.", "source": "wire"}
    path = tmp_path / "review.json"
    path.write_text(json.dumps([{"id": 7, "data": data, "annotations": [{"result": result}]}]))
    [(document, [annotation])] = read_label_studio(path)
    assert document.text == "Peskov said fine." and document.meta["source"] == "wire"
    assert covered(document, annotation) == [("PER", "Peskov")]
    path.write_text(json.dumps([{"id": 7, "data": data, "annotations": []}]))
    with pytest.raises(InputError, match="text fields review, source"):
        read_label_studio(path)
    # An older export: "completions", UTF-16 offsets after an emoji.
    data = {"review": "😀 Peskov said fine.", "source": "wire"}
    old = dict(region, start=3, end=9)
    older = [{"result": [dict(result[0], value=old)]}]
    path.write_text(json.dumps([{"id": 7, "data": data, "completions": older}]))
    [(document, [annotation])] = read_label_studio(path)
    assert document.text == data["review"] and covered(document, annotation) == [("PER", "Peskov")]
    # "annotations" that is no list is refused in one sentence, not a TypeError.
    path.write_text(json.dumps([{"id": 7, "data": data, "annotations": {"result": result}}]))
    with pytest.raises(InputError, match='"annotations" and "predictions" must be lists'):
        read_label_studio(path)


NAMED_LIKE_CONTROLS = """
name = "Controls"
version = 1

[[labels]]
name = "QUOTE"

[[attributes]]
name = "text"
applies_to = ["QUOTE"]
open = true

[[attributes]]
name = "label"
applies_to = ["document"]
values = ["news", "opinion"]
"""


def test_attributes_named_label_or_text_keep_the_config_valid(tmp_path: Path) -> None:
    # Label Studio refuses a config whose names repeat ("Label config contains non-unique
    # names"): our Labels and Text controls give way to attributes with their names.
    interface = pytest.importorskip("label_studio_sdk.label_interface")
    schema = parse_schema(NAMED_LIKE_CONTROLS)
    document = Document(DocumentId("d"), 'He said "no".')
    layer = LayerBuilder(document.id, "gold")
    layer.span(8, 12, "QUOTE", {"text": "a paraphrase"})
    layer.doc_attrs["label"] = "news"
    annotation = layer.build()
    out = tmp_path / "export.json"
    write_label_studio(out, [(document, annotation)], schema)
    config = interface.LabelInterface(out.with_suffix(".label_config.xml").read_text())
    config.validate()
    [task] = json.loads(out.read_text())
    assert config.validate_prediction(task["annotations"][0], return_errors=True) == []
    [(back, [again])] = read_label_studio(out)
    assert covered(back, again) == [("QUOTE", '"no"')]
    assert [s.attrs for s in again.spans] == [{"text": "a paraphrase"}]
    assert again.doc_attrs == {"label": "news"}
