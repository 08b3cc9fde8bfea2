"""Label Studio tasks whose data fields are links (an image, audio, a text behind
valueType="url"): a link is never taken for the document's text. Files from Label Studio's own
test suite are in data/peers/label_studio_repo (sources in data/peers/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.formats.detect import detect_format
from annotator.formats.label_studio import read_label_studio

REPO = Path(__file__).parent / "data" / "peers" / "label_studio_repo"


def test_an_image_task_is_refused_in_one_sentence_naming_its_link() -> None:
    # an older export: completed_by is the user object, the data only an image URL
    path = REPO / "previous_export.json"
    assert detect_format(path) == "label-studio"
    with pytest.raises(InputError) as caught:
        read_label_studio(path)
    assert str(caught.value) == (
        f"{path}, line 1: the task holds no text, only links to what Label Studio loads "
        "(data.image): an image, audio or web-page task, or one whose text sits behind a link "
        "(--text-column NAME takes a field as the text even so)"
    )


def test_a_repeater_task_of_image_links_is_refused_naming_the_field() -> None:
    # the converter's own repeater export: data.images is a list of {"url": ...}; it was
    # refused as having no data.text, which did not say that the task holds only images
    path = REPO / "data_repeater.json"
    assert detect_format(path) == "label-studio"
    with pytest.raises(InputError) as caught:
        read_label_studio(path)
    assert str(caught.value).startswith(
        f"{path}: task 1: the task holds no text, only links to what Label Studio loads "
        "(data.images): "
    )


def test_a_nested_field_with_words_is_not_called_links(tmp_path: Path) -> None:
    # Label Studio's repeater sample: a nested value that is no link stays "no text"
    path = tmp_path / "repeater.json"
    path.write_text(json.dumps([{"data": {"work_2": {"i": [{"value": "T3006157917"}]}}}]))
    with pytest.raises(InputError, match=r'the task has no text in "data\.text"'):
        read_label_studio(path)


# Label Studio's own example data for its Paragraphs and Chat tags (label-studio-sdk,
# src/label_studio_sdk/label_interface/data_examples.json, "upload")
PARAGRAPHS = [
    {"author": "Alice", "text": "Hi, Bob."},
    {"author": "Bob", "text": "Hello, Alice!"},
    {"author": "Alice", "text": "What's up?"},
    {"author": "Bob", "text": "Good. Ciao!"},
    {"author": "Alice", "text": "Bye, Bob."},
]
CHAT = [
    {"role": "user", "content": "Hello!", "createdAt": 1710000000000},
    {"role": "assistant", "content": "Hi! What can I do for you?", "createdAt": 1710000004000},
]


@pytest.mark.parametrize(("field", "turns"), [("dialogue", PARAGRAPHS), ("chat", CHAT)])
def test_a_dialogue_task_is_refused_naming_its_turns(
    tmp_path: Path, field: str, turns: list[dict[str, object]]
) -> None:
    # it was refused as having no data.text, which did not say where the text was
    region = {"start": "0", "end": "0", "startOffset": 0, "endOffset": 2, "text": "Hi"}
    result = {"type": "paragraphlabels", "from_name": "label", "to_name": field, "value": region}
    task = {"id": 1, "data": {field: turns}, "annotations": [{"id": 1, "result": [result]}]}
    path = tmp_path / "dialogue.json"
    path.write_text(json.dumps([task]))
    with pytest.raises(InputError) as caught:
        read_label_studio(path)
    assert str(caught.value) == (
        f"{path}: task 1: the task's text is a list of turns (data.{field}), as Label "
        "Studio's Paragraphs and Chat show a dialogue, which this import does not read: only "
        "a task whose text is one string"
    )


def test_a_json_min_image_record_is_refused_the_same_way(tmp_path: Path) -> None:
    record = {
        "id": 87,
        "image": "/data/upload/29/example.png",
        "label": [{"points": [[44.4, 48.2]], "polygonlabels": ["Airplane"]}],
        "annotator": 1,
        "annotation_id": 22,
        "created_at": "2024-01-30T02:40:43.893565Z",
        "updated_at": "2024-01-30T02:40:43.893578Z",
        "lead_time": 8.65,
    }
    path = tmp_path / "min.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    with pytest.raises(InputError, match=r"task 1: the task holds no text, only links .*\(image\)"):
        read_label_studio(path)


def test_a_link_beside_the_text_does_not_hide_which_field_is_the_text(tmp_path: Path) -> None:
    task = {
        "id": 3,
        "data": {"article": "Peskov spoke.", "thumbnail": "https://example.org/p.png"},
        "annotations": [],
    }
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [(document, sets)] = read_label_studio(path)
    assert (document.text, sets) == ("Peskov spoke.", [])


def test_a_text_that_is_a_link_its_regions_mark_is_still_the_text(tmp_path: Path) -> None:
    text = "https://example.org/kremlin"
    region = {"start": 8, "end": 19, "text": "example.org", "labels": ["SITE"]}
    task = {
        "id": 4,
        "data": {"text": text},
        "annotations": [
            {"completed_by": 1, "result": [{"id": "a", "type": "labels", "value": region}]}
        ],
    }
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [(document, [annotation])] = read_label_studio(path)
    assert document.text == text and [s.label for s in annotation.spans] == ["SITE"]


def test_two_models_predictions_become_two_suggestion_layers() -> None:
    path = REPO / "text_with_2_predictions.json"
    assert detect_format(path) == "label-studio"
    [(document, sets)] = read_label_studio(path)
    assert document.text == "Test example phrase"
    assert {s.annotator: s.doc_attrs for s in sets} == {
        "suggest:model_version_A": {"text_class": "class_A"},
        "suggest:model_version_B": {"text_class": "class_B"},
    }


def test_tasks_not_yet_annotated_are_told_as_label_studio_and_give_documents() -> None:
    # Label Studio's own sample of tasks as it imports them: {"data": {"text": ...}} only
    path = REPO / "humor_dataset_0_annotations.json"
    assert detect_format(path) == "label-studio"
    items = read_label_studio(path)
    assert [(document.text[:9], sets) for document, sets in items] == [
        ("Joe biden", []),
        ("Watch: da", []),
    ]


def test_text_column_takes_a_link_as_the_text_even_so(tmp_path: Path) -> None:
    task = {"id": 5, "data": {"text": "https://t.co/x1"}, "annotations": []}
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    [(document, _)] = read_label_studio(path, text_key="text")
    assert document.text == "https://t.co/x1"
