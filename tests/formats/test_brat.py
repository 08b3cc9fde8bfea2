"""brat standoff: files as brat writes them import exactly; our export reads back the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from peer_helpers import covered, links, span_with

from annotator.errors import InputError
from annotator.formats.brat import annotation_conf, read_brat, write_brat
from annotator.formats.label_map import map_labels
from annotator.formats.summary import NO_TEXT, TransferSummary
from annotator.model import AnnotationSet, AnnotatorName, Document, DocumentId
from annotator.model.schema import Schema, parse_schema
from tests.formats.layer_corpus import SPACED

DATA = Path(__file__).parent / "data" / "brat" / "news"


def peskov() -> tuple[Document, AnnotationSet]:
    found = dict((d.id, (d, sets)) for d, sets in read_brat(DATA))
    document, sets = found[DocumentId("peskov")]
    return document, sets[0]


def test_offsets_count_code_points_with_cr_lf_kept() -> None:
    document, annotation = peskov()
    assert "\r\n" in document.text  # brat reads the .txt without newline translation
    assert document.text == (DATA / "peskov.txt").read_bytes().decode("utf-8")
    assert ("Person", "Zelensky") in covered(document, annotation)
    assert ("Quote", '"No."') in covered(document, annotation)
    assert ("Title", "Kremlin 😀 spokesperson Dmitry Peskov") in covered(document, annotation)
    assert annotation.annotator == ""
    assert document.title == "Kremlin 😀 spokesperson Dmitry Peskov told reporters:"


def test_discontinuous_span_becomes_parts_joined_by_continues() -> None:
    document, annotation = peskov()
    first = span_with(document, annotation, '"We are satisfied,"')
    second = span_with(document, annotation, '"and we will wait."')
    assert first.label == second.label == "Quote"
    assert ("continues", '"and we will wait."', '"We are satisfied,"') in links(
        document, annotation
    )
    # Attributes and notes of the T go on its first part, where relations point too.
    assert first.attrs == {"Direct": "true", "note": "split by the attribution"}
    assert ("attributed_to", '"We are satisfied,"', "he") in links(document, annotation)
    assert first.name == "T3"


def test_events_attributes_normalisations_and_equivs() -> None:
    document, annotation = peskov()
    relations = links(document, annotation)
    assert ("Speaker", "said", "Zelensky") in relations  # E1 trigger -> argument by role
    assert ("Content", "said", '"No."') in relations
    assert ("Equiv", "he", "Dmitry Peskov") in relations
    assert span_with(document, annotation, '"No."').attrs == {"QuoteType": "direct"}
    assert span_with(document, annotation, "Dmitry Peskov").attrs == {"Reference": "Dmitry Peskov"}
    # An attribute of an event lands on its trigger.
    trigger = next(s for s in annotation.spans if s.label == "Statement")
    assert trigger.attrs == {"Confidence": "high"}


def test_a_text_without_annotations_is_a_document_without_sets() -> None:
    found = {d.id: sets for d, sets in read_brat(DATA)}
    assert found[DocumentId("empty")] == []


def test_an_empty_text_in_a_corpus_is_skipped_and_counted(tmp_path: Path) -> None:
    shutil.copy(DATA / "peskov.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")  # a document never written, as corpora hold
    (tmp_path / "b.ann").write_bytes(b"")
    summary = TransferSummary()
    assert [d.id for d, _ in read_brat(tmp_path, summary)] == ["a"]
    assert summary.lost == {NO_TEXT: 1}
    assert summary.textless == [str(tmp_path / "b.txt")]
    # Alone, or with annotations that cannot lie in it, it is skipped the same way.
    assert read_brat(tmp_path / "b.txt") == []
    (tmp_path / "b.ann").write_text("T1\tQuote 0 3\tabc\n")
    assert [d.id for d, _ in read_brat(tmp_path)] == ["a"]


def test_covered_text_that_disagrees_is_refused_with_file_and_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "peskov.txt", tmp_path / "doc.txt")
    (tmp_path / "doc.ann").write_text("T1\tPerson 0 7\tKremlin\nT2\tPerson 23 36\tDmitry Pesko\n")
    with pytest.raises(InputError) as caught:
        read_brat(tmp_path)
    assert caught.value.line == 2
    assert "doc.ann" in str(caught.value) and "does not match" in str(caught.value)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("T2\tPerson 0 999\tx", "outside the text"),
        ("T2\tPerson zero 5\tx", "offsets"),
        ("R1\tattributed_to Arg1:T1 Arg2:T9", "T9, which the file does not define"),
        ("just words", "no tab"),
    ],
)
def test_bad_lines_name_the_problem(tmp_path: Path, line: str, problem: str) -> None:
    (tmp_path / "doc.txt").write_text("Kremlin said so.")
    (tmp_path / "doc.ann").write_text("T1\tPerson 0 7\tKremlin\n" + line + "\n")
    with pytest.raises(InputError, match=problem):
        read_brat(tmp_path)


def test_an_ann_without_its_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lonely.ann").write_text("T1\tPerson 0 3\tabc\n")
    with pytest.raises(InputError, match=r"no \.txt"):
        read_brat(tmp_path)


def test_a_bom_is_dropped_and_offsets_follow(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_bytes("\ufeffPeskov said".encode())
    (tmp_path / "doc.ann").write_text("T1\tPerson 1 7\tPeskov\n")
    summary = TransferSummary()
    [(document, [annotation])] = read_brat(tmp_path, summary)
    assert covered(document, annotation) == [("Person", "Peskov")]
    assert summary.notes


TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he told 𝔯eporters, “for now.”\r\n"


def our_set(document: Document) -> AnnotationSet:
    from annotator.formats.raw_layer import LayerBuilder

    text = document.text

    def at(part: str) -> tuple[int, int]:
        start = text.index(part)
        return start, start + len(part)

    layer = LayerBuilder(document.id, "alice")
    speaker = layer.span(*at("Peskov"), "SPEAKER", {"speaker": "Dmitry Peskov"})
    he = layer.span(*at("he"), "SPEAKER")
    first, second = layer.parts([at("“It is off\u00a0the table,”"), at("“for now.”")], "QUOTE")
    layer.attrs_of(first).update({"stance": "against", "quote_type": "direct", "note": "split"})
    cue = layer.span(*at("told"), "CUE")
    layer.span(*at("It is off"), "QUOTE", {"claim_type": "opinion"})  # overlaps the quote
    layer.relate("attributed_to", first, he)
    layer.relate("cued_by", first, cue)
    layer.relate("attributed_to", second, speaker)  # the later part has its own link
    return layer.build()


def test_export_reads_back_the_same(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("doc/1"), TEXT, "t")
    annotation = our_set(document)
    summary = write_brat(tmp_path / "out", [(document, annotation)], schema)
    assert summary.documents == 1 and not summary.lost
    [(back, [again])] = read_brat(tmp_path / "out")
    assert back.text == TEXT
    assert covered(back, again) == covered(document, annotation)
    assert links(back, again) == links(document, annotation)
    assert {back.text[s.start : s.end]: s.attrs for s in again.spans if s.attrs} == {
        document.text[s.start : s.end]: s.attrs for s in annotation.spans if s.attrs
    }
    conf = (tmp_path / "out" / "annotation.conf").read_text()
    assert "attributed_to\tArg1:QUOTE, Arg2:SPEAKER" in conf
    assert "stance\tArg:QUOTE, Value:favor|against|none" in conf


def test_a_split_quote_without_own_links_is_one_discontinuous_t(
    tmp_path: Path, schema: Schema
) -> None:
    from annotator.formats.raw_layer import LayerBuilder

    document = Document(DocumentId("d"), "“A,” he said, “B.”")
    layer = LayerBuilder(document.id, "x")
    layer.parts([(0, 4), (14, 18)], "QUOTE")
    write_brat(tmp_path, [(document, layer.build())], schema)
    assert (tmp_path / "d.ann").read_text() == "T1\tQUOTE 0 4;14 18\t“A,” “B.”\n"
    [(back, [again])] = read_brat(tmp_path)
    assert covered(back, again) == [("QUOTE", "“A,”"), ("QUOTE", "“B.”")]
    assert links(back, again) == {("continues", "“B.”", "“A,”")}


def test_what_brat_cannot_hold_is_counted(tmp_path: Path, schema: Schema) -> None:
    from annotator.formats.raw_layer import LayerBuilder

    document = Document(DocumentId("d"), "line one\r\nline two")
    layer = LayerBuilder(document.id, "x")
    layer.span(0, len(document.text), "QUOTE")
    layer.doc_attrs["relevance"] = "relevant"
    annotation = layer.build()
    summary = write_brat(tmp_path, [(document, annotation)], schema)
    assert summary.lost == {
        "span over a line break or tab: written as fragments, as brat does": 1,
        "document attribute relevance: brat has no place for it": 1,
    }
    assert (tmp_path / "d.ann").read_text() == "T1\tQUOTE 0 8;10 18\tline one line two\n"


def test_annotation_conf_lists_every_label(schema: Schema) -> None:
    conf = annotation_conf(schema)
    assert conf.split("[entities]\n")[1].startswith("QUOTE\nSPEAKER\nCUE\n")
    assert AnnotatorName("x") == "x"


def test_names_with_spaces_come_back_from_brat_as_the_schema_spells_them(
    tmp_path: Path,
) -> None:
    from annotator.formats.raw_layer import LayerBuilder

    schema = parse_schema(SPACED)
    document = Document(DocumentId("d"), 'Anna said "We stay."')
    layer = LayerBuilder(document.id, "x")
    quote = layer.span(10, 20, "Direct Quote")
    layer.relate("said by", quote, layer.span(0, 4, "SPEAKER"))
    write_brat(tmp_path, [(document, layer.build())], schema)
    assert "Direct_Quote\nSPEAKER\n" in (tmp_path / "annotation.conf").read_text()
    # brat's names hold no spaces: the import finds the schema's names back from "_".
    mapped = map_labels(read_brat(tmp_path), schema)
    [(back, [again])] = mapped.items
    assert covered(back, again) == [("SPEAKER", "Anna"), ("Direct Quote", '"We stay."')]
    assert links(back, again) == {("said by", '"We stay."', "Anna")}
    assert {(row.peer, row.ours, row.how) for row in mapped.report} >= {
        ("Direct_Quote", "Direct Quote", "peer spelling"),
        ("said_by", "said by", "peer spelling"),
    }
