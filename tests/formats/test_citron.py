"""CITRON quote JSON: files as Citron writes them import exactly; ours read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peer_helpers import covered, links, span_with

from annotator.errors import InputError
from annotator.formats.citron import read_citron, write_citron
from annotator.formats.raw_layer import LayerBuilder
from annotator.formats.summary import TransferSummary
from annotator.model import Document, DocumentId
from annotator.model.schema import Schema

DATA = Path(__file__).parent / "data" / "citron"


def test_quotes_become_parts_speakers_and_cues() -> None:
    summary = TransferSummary()
    [(document, [annotation])] = read_citron(DATA / "peskov.json", summary)
    assert document.id == "peskov" and "\r\n" in document.text
    assert ("QUOTE", '"and we will wait."') in covered(document, annotation)
    assert links(document, annotation) == {
        ("continues", '"and we will wait."', '"We are satisfied,"'),
        ("attributed_to", '"We are satisfied,"', "he"),
        ("cued_by", '"We are satisfied,"', "said"),
        ("coreference", '"We are satisfied,"', "Peskov"),
        ("attributed_to", '"No."', "Zelensky"),
        ("cued_by", '"No."', "replied"),
    }
    assert span_with(document, annotation, '"No."').attrs == {"confidence": 0.8812}
    assert summary.lost == {"coreference group (CITRON) not carried": 1}


def test_covered_text_that_disagrees_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    quote = {
        "cue": {"start": 0, "end": 2, "text": "Hi"},
        "sources": [],
        "contents": [{"start": 3, "end": 5, "text": "xx"}],
    }
    path.write_text(json.dumps({"text": "Hi there", "quotes": [quote]}))
    with pytest.raises(InputError, match="quote 1 content 1: \"text\" is 'xx' but the text at"):
        read_citron(path)


TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he told reporters, “for now.”"


def test_export_reads_back(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("doc 1"), TEXT, "T")

    def at(part: str) -> tuple[int, int]:
        start = TEXT.index(part)
        return start, start + len(part)

    layer = LayerBuilder(document.id, "alice")
    first, _ = layer.parts([at("“It is off\u00a0the table,”"), at("“for now.”")], "QUOTE")
    layer.attrs_of(first).update({"stance": "against", "quote_type": "direct"})
    he = TEXT.index(" he ") + 1
    speaker = layer.span(he, he + 2, "SPEAKER", {"speaker": "Dmitry Peskov"})
    peskov = layer.span(0, 6, "SPEAKER", {"speaker": "Dmitry Peskov"})
    cue = layer.span(*at("told"), "CUE")
    layer.relate("attributed_to", first, speaker)
    layer.relate("attributed_to", first, peskov)
    layer.relate("cued_by", first, cue)
    lonely = LayerBuilder(document.id, "alice")
    original = layer.build()
    summary = write_citron(tmp_path, [(document, original)], schema)
    assert not summary.lost
    written = json.loads((tmp_path / "doc_1.json").read_text(encoding="utf-8"))
    assert written["quotes"][0]["stance"] == "against"
    assert len(written["coreference_groups"]) == 1
    [(back, [again])] = read_citron(tmp_path / "doc_1.json")
    assert back.id == "doc 1" and back.text == TEXT
    assert covered(back, again) == covered(document, original)
    assert links(back, again) == links(document, original)
    assert sorted(map(str, (s.attrs for s in again.spans))) == sorted(
        map(str, (s.attrs for s in original.spans))
    )
    assert lonely.build().spans == []


def test_a_quote_without_cue_is_counted(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("d"), "“A,” he said.")
    layer = LayerBuilder(document.id, "x")
    quote = layer.span(0, 4, "QUOTE")
    layer.relate("attributed_to", quote, layer.span(5, 7, "SPEAKER"))
    summary = write_citron(tmp_path, [(document, layer.build())], schema)
    assert summary.lost["quote without a cue: CITRON requires one"] == 1
    assert summary.lost["span outside any quote with a cue"] == 2
