"""Every peer writer's output, read back and mapped onto the schema, gives the same
spans, labels and relations; layers are named as the import command asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.errors import InputError
from annotator.formats.label_map import map_labels
from annotator.formats.peers import FOLDER_WRITERS, READERS, WRITERS, name_layers
from annotator.formats.raw_layer import LayerBuilder
from annotator.formats.summary import TransferSummary
from annotator.model import AnnotationSet, Document, DocumentId
from annotator.model.schema import Schema

TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he told 𝔯eporters, “for now.”"


def sample() -> tuple[Document, AnnotationSet]:
    document = Document(DocumentId("d1"), TEXT, "Title")

    def at(part: str) -> tuple[int, int]:
        start = TEXT.index(part)
        return start, start + len(part)

    layer = LayerBuilder(document.id, "alice")
    first, _ = layer.parts([at("“It is off\u00a0the table,”"), at("“for now.”")], "QUOTE")
    layer.attrs_of(first)["stance"] = "against"
    he = TEXT.index(" he ") + 1
    speaker = layer.span(he, he + 2, "SPEAKER", {"speaker": "Dmitry Peskov"})
    cue = layer.span(*at("told"), "CUE")
    layer.relate("attributed_to", first, speaker)
    layer.relate("cued_by", first, cue)
    return document, layer.build()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_round_trip_through_each_peer_format(tmp_path: Path, schema: Schema, fmt: str) -> None:
    document, original = sample()
    out = tmp_path / ("out" if fmt in FOLDER_WRITERS else "out.json")
    WRITERS[fmt](out, [(document, original)], schema, TransferSummary())
    raw = READERS[fmt](out, TransferSummary())
    mapped = map_labels(name_layers(raw, None, "imported"), schema, source=out)
    [(back, [again])] = mapped.items
    assert back.text == TEXT
    assert covered(back, again) == covered(document, original)
    assert links(back, again) == links(document, original)
    assert all(s.annotator == again.annotator for s in again.spans)


def test_layers_are_named_by_default_or_by_annotator() -> None:
    document, alice = sample()
    unnamed = LayerBuilder(document.id, "").build()
    machine = LayerBuilder(document.id, "suggest:quotes-v1").build()
    items = [(document, [unnamed, machine])]
    [(_, sets)] = name_layers(items, None, "imported")
    assert [s.annotator for s in sets] == ["imported", "suggest:quotes-v1"]
    [(_, sets)] = name_layers([(document, [alice, machine])], "bo", "imported")
    assert [s.annotator for s in sets] == ["bo", "suggest:quotes-v1"]
    assert {s.annotator for s in sets[0].spans} == {"bo"}
    with pytest.raises(InputError, match='several layers that would all be named "bo"'):
        name_layers([(document, [alice, unnamed])], "bo", "imported")
