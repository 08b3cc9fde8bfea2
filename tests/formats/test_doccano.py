"""doccano: span and relation exports as doccano writes them; ours read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.errors import InputError
from annotator.formats.doccano import read_doccano, write_doccano
from annotator.formats.raw_layer import LayerBuilder
from annotator.model import Document, DocumentId
from annotator.model.schema import Schema

DATA = Path(__file__).parent / "data" / "doccano"


def test_the_export_zip_gives_one_layer_per_user() -> None:
    [(document, sets), (empty, none)] = read_doccano(DATA / "span_export.zip")
    assert document.id == "12" and "\r\n" in document.text
    by_user = {s.annotator: s for s in sets}
    assert set(by_user) == {"admin", "bo"}
    assert covered(document, by_user["admin"]) == [
        ("TITLE", "Kremlin 😀 spokesperson Dmitry Peskov"),
        ("PER", "Dmitry Peskov"),
        ("QUOTE", '"We are satisfied,"'),
    ]
    assert covered(document, by_user["bo"]) == [("PER", "he")]
    assert document.meta == {}  # "Comments": [], none by this user
    assert empty.text == "Nothing here." and none == []


def test_a_pretty_printed_relation_example_is_read() -> None:
    [(document, [annotation])] = read_doccano(DATA / "relation_example.jsonl")
    assert annotation.annotator == ""
    assert links(document, annotation) == {
        ("said_by", '"We are satisfied,"', "Dmitry Peskov"),
        ("cued_by", '"We are satisfied,"', "told"),
    }
    assert document.meta["source"] == "wire"
    assert annotation.spans[0].name == "101"


def test_categories_become_a_document_attribute() -> None:
    [(_, [annotation])] = read_doccano(DATA / "categories.jsonl")
    assert annotation.doc_attrs == {"category": "economy, rates"}
    assert annotation.spans == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ({"label": [[0, 1, "A"]]}, 'line 1: the example has no "text"'),
        ({"text": "abc", "label": [[0, 9, "A"]]}, "outside the text of 3 characters"),
        ({"text": "abc", "label": [[0, 2]]}, "must be [start, end"),
        (
            {"text": "abc", "entities": [], "relations": [{"from_id": 1, "to_id": 2, "type": "r"}]},
            "refers to an entity",
        ),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: object, problem: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(line) + "\n")
    with pytest.raises(InputError) as caught:
        read_doccano(path)
    assert problem in str(caught.value)


TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he said."


@pytest.mark.parametrize("flavour", ["relations", "spans"])
def test_export_reads_back(tmp_path: Path, schema: Schema, flavour: str) -> None:
    document = Document(DocumentId("d1"), TEXT, "T", {"source": "x"})
    layer = LayerBuilder(document.id, "alice")
    quote = layer.span(TEXT.index("“"), TEXT.index("”") + 1, "QUOTE", {"stance": "none"})
    speaker = layer.span(0, 6, "SPEAKER")
    layer.span(TEXT.index("It"), TEXT.index("It") + 9, "QUOTE")
    layer.relate("attributed_to", quote, speaker)
    original = layer.build()
    out = tmp_path / "out.jsonl"
    summary = write_doccano(out, [(document, original)], schema, flavour=flavour)  # type: ignore[arg-type]
    assert summary.lost["attribute stance: doccano has no span attributes"] == 1
    [(back, [again])] = read_doccano(out)
    assert (back.id, back.text, back.title, back.meta) == ("d1", TEXT, "T", {"source": "x"})
    assert covered(back, again) == covered(document, original)
    if flavour == "relations":
        assert links(back, again) == links(document, original)
    else:
        assert summary.lost["relation: a doccano span project has none"] == 1
