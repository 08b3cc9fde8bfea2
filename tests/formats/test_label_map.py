"""Label mapping: peer names onto the schema by name, by --map and by file; unmapped stops."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.formats.label_map import (
    LabelMapping,
    load_mapping,
    map_labels,
    mapping_shown,
    mapping_toml,
    parse_pairs,
)
from annotator.formats.raw_layer import LayerBuilder
from annotator.model import AnnotationSet, Document, DocumentId
from annotator.model.schema import Schema

TEXT = "Peskov said: “No.”"


def raw() -> list[tuple[Document, list[AnnotationSet]]]:
    document = Document(DocumentId("d"), TEXT)
    layer = LayerBuilder(document.id, "")
    person = layer.span(0, 6, "Person", {"Reference": "Dmitry Peskov"})
    cue = layer.span(7, 11, "cue")
    quote = layer.span(13, 18, "Quote", {"Stance": "AGAINST", "note": "x"})
    layer.relate("said_by", quote, person)
    layer.relate("cued_by", quote, cue)
    layer.doc_attrs["category"] = "politics"
    return [(document, [layer.build()])]


def test_unmapped_names_stop_with_one_sentence_and_counts(schema: Schema) -> None:
    with pytest.raises(InputError) as caught:
        map_labels(raw(), schema, source="x.json")
    message = str(caught.value)
    assert message.startswith("x.json: these peer names map to nothing in the schema:")
    # Each names where it was first met: the document and the peer's own span id.
    assert 'label Person (1, first in document "d" at span T1)' in message
    assert 'relation said_by (1, first in document "d")' in message
    assert "label cue" not in message  # CUE matches whatever the case


#: Every kind of pair: label, relation, attribute (kept and dropped), bare, value.
PAIRS = [
    "Person=SPEAKER",
    "Quote=QUOTE",
    "said_by=attributed_to",
    "attr:Reference=speaker",
    "attr:note=",
    "category=relevance",
    "value:relevance:politics=relevant",
]


def test_pairs_map_labels_relations_attributes_and_values(schema: Schema) -> None:
    mapping = parse_pairs(PAIRS)
    result = map_labels(raw(), schema, mapping)
    [(_, [annotation])] = result.items
    assert [(s.label, s.attrs) for s in annotation.spans] == [
        ("SPEAKER", {"speaker": "Dmitry Peskov"}),
        ("CUE", {}),
        ("QUOTE", {"stance": "against"}),  # attribute and value matched in any case
    ]
    assert {r.label for r in annotation.relations} == {"attributed_to", "cued_by"}
    assert annotation.doc_attrs == {"relevance": "relevant"}
    assert result.summary.lost == {"attribute note: dropped by the mapping": 1}
    how = {(r.kind, r.peer): (r.ours, r.how) for r in result.report}
    assert how[("label", "Person")] == ("SPEAKER", "mapped")
    assert how[("label", "cue")] == ("CUE", "any case")
    assert how[("attribute", "note")] == ("", "dropped")


def test_a_mapping_file_in_toml_or_text(tmp_path: Path, schema: Schema) -> None:
    toml = tmp_path / "map.toml"
    toml.write_text(
        '[labels]\nPerson = "SPEAKER"\nQuote = "QUOTE"\n[relations]\nsaid_by = "attributed_to"\n'
        '[attributes]\nReference = "speaker"\nnote = ""\ncategory = "relevance"\n'
        '[values.relevance]\npolitics = "relevant"\n'
    )
    text = tmp_path / "map.txt"
    text.write_text(
        "# peer\tours\nPerson\tSPEAKER\nQuote=QUOTE\nsaid_by=attributed_to\n"
        "attr:Reference=speaker\n"
        "attr:note=\ncategory=relevance\nvalue:relevance:politics=relevant\n"
    )
    for path in (toml, text):
        result = map_labels(raw(), schema, load_mapping(path))
        assert result.items[0][1][0].doc_attrs == {"relevance": "relevant"}


def test_add_labels_lists_what_the_schema_needs(schema: Schema) -> None:
    result = map_labels(raw(), schema, add_labels=True)
    assert result.new_labels == ["Person"]  # Quote is QUOTE in another case
    assert ("said_by", ("QUOTE",), ("Person",)) in result.new_relations
    assert ("Reference", ("Person",)) in result.new_attributes
    assert ("category", ("document",)) in result.new_attributes


def test_a_map_to_a_name_the_schema_lacks_is_refused(schema: Schema) -> None:
    with pytest.raises(InputError, match='the schema has no label "PERSON"'):
        map_labels(raw(), schema, parse_pairs(["Person=PERSON"]))


def test_bad_pairs_are_refused() -> None:
    with pytest.raises(InputError, match="is not PEER=OURS"):
        parse_pairs(["Person"])
    assert LabelMapping().any == {}


def test_a_saved_mapping_maps_the_same_as_the_pairs_it_came_from(
    tmp_path: Path, schema: Schema
) -> None:
    """What the import dialog saves (the preview's rows as TOML) maps the next import of the
    same data exactly as the choices that made it, bare pairs and values included."""
    pairs = parse_pairs(PAIRS)
    first = map_labels(raw(), schema, pairs)
    saved = tmp_path / "saved.toml"
    saved.write_text(mapping_toml(mapping_shown(first.report)), encoding="utf-8")
    again = map_labels(raw(), schema, load_mapping(saved))
    assert again.items == first.items
    assert again.summary.lost == first.summary.lost
    # The bare pairs themselves survive a TOML file too.
    direct = tmp_path / "direct.toml"
    direct.write_text(mapping_toml(pairs), encoding="utf-8")
    assert map_labels(raw(), schema, load_mapping(direct)).items == first.items


def test_relation_ends_the_schema_lacks_are_reported_as_added_with_add_labels(
    schema: Schema,
) -> None:
    # brat's discontinuous GPE comes in as parts joined by the schema's QUOTE-only "continues"
    document = Document(DocumentId("d"), "New York")
    layer = LayerBuilder(document.id, "")
    first, second = layer.span(0, 3, "GPE"), layer.span(4, 8, "GPE")
    layer.relate("continues", second, first)
    items = [(document, [layer.build()])]
    kept = map_labels(items, schema, add_labels=True)
    how = {(r.kind, r.peer): (r.ours, r.how) for r in kept.report}
    assert how[("relation ends", "continues GPE->GPE")] == ("continues", "added")
    assert len(kept.items[0][1][0].relations) == 1
    dropped = map_labels(items, schema, parse_pairs(["GPE=SPEAKER"]))
    how = {(r.kind, r.peer): (r.ours, r.how) for r in dropped.report}
    assert how[("relation ends", "continues SPEAKER->SPEAKER")] == ("continues", "wrong ends")
    assert dropped.items[0][1][0].relations == []
