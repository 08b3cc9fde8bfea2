"""Files the peer tools wrote themselves (tests/formats/data/peers, sources in its README):
each is recognised and read with the offsets its tool meant."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from peer_helpers import covered, links, span_with

from annotator.errors import InputError
from annotator.formats.brat import read_brat
from annotator.formats.conll import read_conll
from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano
from annotator.formats.prodigy import read_prodigy
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_json import read_uima_json
from annotator.formats.webanno_tsv import read_webanno_tsv
from annotator.formats.xmi import read_xmi
from annotator.transfer.import_sources import resolve_sources

PEERS = Path(__file__).parent / "data" / "peers"
XMI_DATA = Path(__file__).parent / "data" / "xmi"
TYPE_SYSTEM = XMI_DATA / "TypeSystem.xml"


def test_a_doccano_1_export_gives_one_layer_per_user() -> None:
    path = PEERS / "doccano" / "labeling_multi_users.jsonl"
    assert detect_format(path) == "doccano"
    [(first, first_sets), (second, [only])] = read_doccano(path)
    assert {s.annotator for s in first_sets} == {"1", "2"}
    for annotation in first_sets:
        assert covered(first, annotation) == [
            ("12", "JAPAN"),
            ("13", "CHINA"),
            ("13", "Nadim Ladki"),
            ("12", "AL-AIN"),
            ("12", "United Arab Emirates"),
        ]
    assert only.annotator == "2" and ("13", "Marcello Cuttitta") in covered(second, only)


@pytest.mark.parametrize(
    "name", ["export_text_classification.jsonl", "download_text_classification_v1.jsonl"]
)
def test_doccano_text_classification_exports_give_categories(name: str) -> None:
    path = PEERS / "doccano" / name
    assert detect_format(path) == "doccano"
    items = read_doccano(path)
    assert [document.text for document, _ in items] == [
        "Terrible customer service.",
        "Really great transaction.",
        "Great price.",
    ]
    categories = [sets[0].doc_attrs["category"] for _, sets in items]
    assert categories in (["negative", "positive", "positive"], ["1", "2", "2"])


@pytest.mark.parametrize("name", ["tale.tsv", "1sentencesamerel4.tsv"])
def test_webanno_tsv_2_is_recognised_and_refused_in_one_sentence(name: str) -> None:
    path = PEERS / "webanno_tsv" / name
    assert detect_format(path) == "webanno-tsv"
    with pytest.raises(InputError, match="is WebAnno TSV 1 or 2, an old format") as caught:
        read_webanno_tsv(path)
    assert caught.value.line == 1


def test_an_accepted_prodigy_textcat_task_keeps_its_category() -> None:
    path = PEERS / "prodigy" / "insult_textcat_excerpt.jsonl"
    assert detect_format(path) == "prodigy"
    [(document, [annotation])] = read_prodigy(path)  # the rejected task is not carried
    assert document.text.startswith("The reason women like me")
    assert annotation.doc_attrs == {"category": "INSULT"}


def test_a_cas_with_a_second_view_reads_its_initial_view(tmp_path: Path) -> None:
    shutil.copy(PEERS / "xmi" / "cas_with_two_sofas.xmi", tmp_path)
    shutil.copy(TYPE_SYSTEM, tmp_path)
    summary = TransferSummary()
    [(document, sets)] = read_xmi(tmp_path, summary)
    assert document.text == "Joe waited for the train . The train was late ."
    assert sets == [] and not summary.lost  # the second view holds only its DocumentAnnotation


def test_annotations_in_a_second_view_are_counted_as_not_carried(tmp_path: Path) -> None:
    xmi = (PEERS / "xmi" / "cas_with_two_sofas.xmi").read_text(encoding="utf-8")
    xmi = xmi.replace(
        '<xmi:XMI xmi:version="2.0"',
        '<xmi:XMI xmlns:ner="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" '
        'xmi:version="2.0"',
    ).replace(
        '<cas:View members="4" sofa="3"/>',
        '<ner:NamedEntity xmi:id="5" sofa="3" begin="0" end="3" value="PER"/>\n'
        '<cas:View members="4 5" sofa="3"/>',
    )
    (tmp_path / "doc.xmi").write_text(xmi, encoding="utf-8")
    shutil.copy(TYPE_SYSTEM, tmp_path)
    summary = TransferSummary()
    [(_, sets)] = read_xmi(tmp_path, summary)
    assert sets == []
    assert summary.lost == {"annotations in CAS views other than _InitialView": 1}


def test_an_empty_uima_json_cas_is_told_and_skipped_for_having_no_text() -> None:
    path = PEERS / "uima_json" / "emptyCas.json"
    assert detect_format(path) == "uima-json"
    summary = TransferSummary()
    assert read_uima_json(path, summary) == []
    assert summary.textless == [str(path)]


def _project_export(target: Path, member: Path, user: str) -> None:
    """INCEpTION's project export: annotation/<document>/<user>.zip holding the user's file."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr(f"{user}{member.suffix}", member.read_bytes())
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("exportedproject123.json", '{"name": "quotes"}')
        archive.writestr("source/doc.txt", "the source")
        archive.writestr("annotation/doc.txt/INITIAL_CAS.zip", inner.getvalue())
        archive.writestr(f"annotation/doc.txt/{user}.zip", inner.getvalue())


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("webanno_tsv/testSentenceWithEmoji.tsv", "webanno-tsv"),
        ("uima_json/tsv3-testSimpleSlotFeature.json", "uima-json"),
    ],
)
def test_inception_exports_in_tsv_and_uima_json_are_recognised(
    tmp_path: Path, member: str, expected: str
) -> None:
    source = PEERS / member
    single = tmp_path / "single.zip"  # one document's export: a zip of the user's file
    with zipfile.ZipFile(single, "w") as archive:
        archive.writestr(f"anna{source.suffix}", source.read_bytes())
    project = tmp_path / "project.zip"
    _project_export(project, source, "anna")
    unpacked = tmp_path / "unpacked"
    shutil.unpack_archive(project, unpacked)
    assert [detect_format(p) for p in (single, project, unpacked)] == [expected] * 3


def test_a_tsv_project_export_reads_with_the_emoji_in_place(tmp_path: Path) -> None:
    project = tmp_path / "project.zip"
    _project_export(project, PEERS / "webanno_tsv" / "testSentenceWithEmoji.tsv", "anna")
    [(document, [annotation])] = read_webanno_tsv(project)
    assert (document.id, annotation.annotator) == ("doc", "anna")
    assert covered(document, annotation) == [("Span", "😊")]


def test_webannos_temporary_zip_names_leave_the_user_to_the_file_inside(tmp_path: Path) -> None:
    # WebAnno 3 wrote annotation/<doc>/webanno<digits>export.zip holding <user>.xmi and
    # typesystem.xml (as in the SENTiVENT corpus, GillesJ/sentivent_webannoparser)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("anno_01.xmi", (XMI_DATA / "anna.xmi").read_bytes())
        archive.writestr("typesystem.xml", TYPE_SYSTEM.read_bytes())
    project = tmp_path / "project.zip"
    with zipfile.ZipFile(project, "w") as archive:
        archive.writestr(
            "annotation/article1.txt/webanno1468212693444888492export.zip", inner.getvalue()
        )
    assert detect_format(project) == "xmi"
    [(document, [annotation])] = read_xmi(project)
    assert (document.id, annotation.annotator) == ("article1", "anno_01")


def test_brats_own_tutorial_reads_events_attributes_notes_and_equivalences() -> None:
    folder = PEERS / "brat_tutorial"  # brat's example-data/tutorials/news, unchanged
    assert detect_format(folder) == "brat"
    summary = TransferSummary()
    documents = {document.id: (document, sets) for document, sets in read_brat(folder, summary)}
    assert sorted(documents) == [
        "060-relation_annotation",
        "090-event_structures",
        "100-attribute_annotation",
        "110-note_annotation",
    ]
    document, [annotation] = documents["060-relation_annotation"]
    found = links(document, annotation)
    assert ("Located", "Terry Pratchett", "England") in found
    assert {
        ("Alias", "Jo Rowling", "Joanne Rowling"),
        ("Alias", "J. K. Rowling", "Jo Rowling"),
    } <= found
    # an event's trigger carries its arguments, and Org-Arg2 is brat's second Org-Arg
    document, [annotation] = documents["090-event_structures"]
    found = links(document, annotation)
    assert {
        ("Reporter-Arg", "reported", "Wikinews"),
        ("Event-Arg", "reported", "merged"),
        ("Org-Arg", "merged", "Google"),
        ("Org-Arg", "merged", "YouTube"),
        ("Event-Arg", "told", "posted"),
    } <= found
    # attributes on events go to their triggers; a binary attribute is "true"
    document, [annotation] = documents["100-attribute_annotation"]
    assert span_with(document, annotation, "Somebody", "Person").attrs == {"Individual": "true"}
    assert span_with(document, annotation, "twitted", "Report").attrs == {"Confidence": "Neutral"}
    assert span_with(document, annotation, "merge", "Merge-org").attrs == {"Confidence": "Low"}
    # notes: on a span and on an event's trigger; on a relation it has no place, counted
    document, [annotation] = documents["110-note_annotation"]
    assert span_with(document, annotation, "Discworld", "GPE").attrs == {
        "note": "Should fictional places be annotated?"
    }
    assert (
        span_with(document, annotation, "merged", "Merge-org")
        .attrs["note"]
        .startswith("Annotate as one merge event")
    )
    assert summary.lost == {"brat note on something that is not a span": 1}


def test_a_prodigy_relations_dataset_keeps_its_relations_by_span_offsets() -> None:
    # explosion/projects' rel_component annotations: Prodigy's "relations" view, unchanged
    path = PEERS / "prodigy" / "rel_component_excerpt.jsonl"
    assert detect_format(path) == "prodigy"
    [(first, [first_set]), (second, [second_set])] = read_prodigy(path)
    assert first.meta == {"source": "BioNLP 2011 Genia Shared Task, PMC-1134658-00-TIAB.txt"}
    assert covered(first, first_set) == [
        ("GGP", "Smad"),
        ("GGP", "Id1"),
        ("GGP", "Id1"),
        ("GGP", "Id2"),
        ("GGP", "Id3"),
    ]
    assert len(first_set.relations) == 4
    assert ("No-rel", "Smad", "Id3") in links(first, first_set)
    assert links(second, second_set) == {("Pos-Reg", "BMP-6", "Id1")}


def test_a_prodigy_entity_linking_answer_goes_on_its_span() -> None:
    # explosion/projects' nel_emerson: entity linking as Prodigy's "choice" view
    path = PEERS / "prodigy" / "nel_emerson_excerpt.jsonl"
    [(first, [first_set]), (_, [second_set])] = read_prodigy(path)
    assert covered(first, first_set) == [("ORG", "Emerson")]
    # the accepted KB id is the span's (the project trains spaCy's linker with it as kb_id)
    assert [s.attrs for s in first_set.spans + second_set.spans] == [
        {"kb_id": "Q312545"},
        {"kb_id": "Q48226"},
    ]
    assert first_set.doc_attrs == second_set.doc_attrs == {}


def test_doccano_import_example_with_its_form_column_names_is_refused_naming_its_fields() -> None:
    # doccano's own import example names its columns as its upload form does (column_data,
    # column_label); the JSONL reader it fell to called a pretty-printed array's first line
    # invalid JSON, or with --add-labels called the file JSONL
    path = PEERS / "doccano" / "import_example_column_data.json"
    with pytest.raises(InputError) as caught:
        resolve_sources([path])
    message = str(caught.value)
    assert message.startswith(f"{path}: record 1 of this JSON array has fields")
    assert "(column_data, column_label)" in message and "--format" in message
    assert resolve_sources([path], "doccano")[0].fmt == "doccano"  # --format still decides


def test_spacy_v2_json_training_file_is_refused_naming_its_fields() -> None:
    # spaCy's own example of its v2 training JSON: no reader here takes it (spaCy v3
    # converts it); one sentence instead of the JSONL reader's "line 1: not valid JSON"
    path = PEERS / "spacy" / "ner-token-per-line.json"
    with pytest.raises(
        InputError, match=r"record 1 of this JSON array has fields .*\(id, paragraphs\)"
    ):
        resolve_sources([path])


def test_spacy_biluo_tags_give_the_spans_of_its_iob_file(tmp_path: Path) -> None:
    # spaCy's v2 JSON example holds the sentence of its .iob example, tagged BILUO (L-, U-);
    # as token and tag rows they were refused ("no column holds BIO tags")
    iob = PEERS / "spacy" / "ner-token-per-line.iob"
    [record] = json.loads((PEERS / "spacy" / "ner-token-per-line.json").read_text())
    sentences = record["paragraphs"][0]["sentences"]
    rows = [f"{t['orth']}\t{t['ner']}" for sentence in sentences for t in sentence["tokens"]]
    biluo = tmp_path / "biluo.iob"
    biluo.write_text("\n".join(rows) + "\n", encoding="utf-8")
    [(iob_document, iob_spans)] = read_conll(iob)
    [(document, spans)] = read_conll(biluo)
    assert document.text == iob_document.text
    assert covered(document, spans) == covered(iob_document, iob_spans)
    assert len(spans.spans) == 7 and ("DATE", "earlier this week") in covered(document, spans)


def test_brat_bio_tutorial_reads_numbered_themes_attributes_and_notes() -> None:
    # brat's example-data/tutorials/bio: three Themes (Theme2, Theme3 are brat's numbered
    # roles), relations ending in a tab, a binary Negation beside a valued Confidence
    folder = PEERS / "brat_tutorial_bio"
    summary = TransferSummary()
    documents = {document.id: (document, sets) for document, sets in read_brat(folder, summary)}
    document, [annotation] = documents["120-note_annotation"]
    assert links(document, annotation) == {
        ("Part-of", "c-Rel", "NF-kappa B"),
        ("Theme", "binds", "IL-10"),
        ("Theme", "binds", "IL-10R1"),
        ("Theme", "binds", "IL-10R2"),
    }
    assert len(annotation.relations) == 8
    assert span_with(document, annotation, "IgG").attrs == {
        "note": "Check: is this a Protein or a Complex?"
    }
    document, [annotation] = documents["110-attribute_annotation"]
    found = sorted(tuple(sorted(s.attrs.items())) for s in annotation.spans if s.attrs)
    assert found == [
        (("Confidence", "Certain"),),
        (("Confidence", "Likely"),),
        (("Confidence", "Likely"), ("Negation", "true")),
        (("Confidence", "Possible"),),
    ]
    assert summary.lost == {"brat note on something that is not a span": 1}


def test_prodigy_input_texts_without_ids_are_documents() -> None:
    # Prodigy's (and doccano's) input: {"text", "meta"}, no id; told as our JSONL, it was
    # refused for lacking "id" (with --add-labels, as a file already in the schema's names)
    path = PEERS / "prodigy" / "github_issue_titles_excerpt.jsonl"
    assert detect_format(path) == "doccano"
    items = read_doccano(path)
    assert [(document.text, sets) for document, sets in items] == [
        ('"csc.exe" exited with code -532462766.\t', []),
        ("Transition plan for node-github", []),
    ]
    assert items[1][0].meta == {
        "source": "GitHub",
        "url": "https://github.com/octokit/discussions/issues/7",
    }
