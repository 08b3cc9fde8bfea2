"""UIMA CAS XMI: INCEpTION's files read exactly, our exports read back by dkpro-cassis."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import cassis
import pytest

from annotator.errors import AnnotatorError, InputError
from annotator.formats.detect import detect_format
from annotator.formats.summary import TransferSummary
from annotator.formats.xmi import read_xmi, write_xmi
from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)
from annotator.model.schema import Schema

DATA = Path(__file__).parent / "data" / "xmi"


def triples(document: Document, annotation: AnnotationSet) -> set[tuple[str, str]]:
    return {(s.label, document.text[s.start : s.end]) for s in annotation.spans}


def links(document: Document, annotation: AnnotationSet) -> set[tuple[str, str, str]]:
    by_id = {s.id: document.text[s.start : s.end] for s in annotation.spans}
    return {(r.label, by_id[r.head], by_id[r.child]) for r in annotation.relations}


def single(tmp_path: Path, *names: str) -> Path:
    for name in (*names, "TypeSystem.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / names[0]


def test_an_inception_file_beside_its_type_system_reads_exactly(tmp_path: Path) -> None:
    summary = TransferSummary()
    [(document, [annotation])] = read_xmi(single(tmp_path, "anna.xmi"), summary)
    assert document.id == "article1"
    assert document.title == "article1.txt"
    assert document.text == (DATA / "article1.txt").read_bytes().decode("utf-8")
    assert "\r\n" in document.text
    assert annotation.annotator == "anna"
    # Offsets are code points: the flag before the spans is two characters, four UTF-16 units.
    assert triples(document, annotation) == {
        ("SPEAKER", "Kremlin spokesperson Dmitry Peskov"),
        ("PERSON", "Kremlin spokesperson Dmitry Peskov"),
        ("PER", "Dmitry Peskov"),
        ("CUE", "told"),
        ("QUOTE", '"We have heard from Washington,"'),
        ("QUOTE", '"and it brings us satisfaction."'),
        ("Mention", "he"),
        ("Quotation", "Ukraine's air force"),
        ("Event", "stated"),
        ("Claim", "Russia launched three missiles"),
    }
    attrs = {document.text[s.start : s.end]: s.attrs for s in annotation.spans if s.attrs}
    assert attrs['"We have heard from Washington,"'] == {"stance": "none", "checkworthy": "false"}
    assert attrs["Dmitry Peskov"] == {"identifier": "http://www.wikidata.org/entity/Q1397546"}
    assert links(document, annotation) == {
        ("attributed_to", '"We have heard from Washington,"', "Kremlin spokesperson Dmitry Peskov"),
        ("cued_by", '"We have heard from Washington,"', "told"),
        ("continues", '"and it brings us satisfaction."', '"We have heard from Washington,"'),
        ("coref", "Kremlin spokesperson Dmitry Peskov", "he"),
        ("speaker", "stated", "Ukraine's air force"),
        ("roles", "stated", '"and it brings us satisfaction."'),
    }
    assert annotation.doc_attrs == {"relevant": "yes"}
    assert summary.lost == {
        "relation feature confidence (relations carry no attributes)": 1,
        "zero-width Quotation annotation (nothing to mark)": 1,
    }
    assert (summary.documents, summary.spans, summary.relations) == (1, 10, 6)


def test_inceptions_xml_1_1_flavour_reads_the_same(tmp_path: Path) -> None:
    path = single(tmp_path, "anna.xmi")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('version="1.0"', 'version="1.1"', 1), encoding="utf-8")
    [(document, [annotation])] = read_xmi(path)
    assert len(annotation.spans) == 10
    assert document.text.startswith("Moscow 🇷🇺")


def test_offsets_agree_with_dkpro_cassis_reading_the_same_file() -> None:
    typesystem = cassis.load_typesystem(DATA / "TypeSystem.xml")
    cas = cassis.load_cas_from_xmi(DATA / "anna.xmi", typesystem=typesystem)
    theirs = {
        (fs.begin, fs.end, fs.get_covered_text())
        for fs in cas.select("webanno.custom.Quotation")
        if fs.begin != fs.end
    }
    [(document, [annotation])] = read_xmi(DATA / "anna.xmi")
    ours = {
        (s.start, s.end, document.text[s.start : s.end])
        for s in annotation.spans
        if s.name in {str(fs.xmiID) for fs in cas.select("webanno.custom.Quotation")}
    }
    assert ours == theirs


def inception_project_export(path: Path) -> Path:
    """The zip INCEpTION writes for a project exported with the XMI format."""

    def user_zip(xmi: str, user: str) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as inner:
            inner.writestr(f"{user}.xmi", (DATA / xmi).read_bytes())
            inner.writestr("TypeSystem.xml", (DATA / "TypeSystem.xml").read_bytes())
        return buffer.getvalue()

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("exportedproject123.json", '{"name": "quotes-project"}')
        archive.writestr("source/article1.txt", (DATA / "article1.txt").read_bytes())
        archive.writestr("annotation_ser/article1.txt/anna.ser", b"\xac\xed\x00\x05binary")
        archive.writestr(
            "annotation/article1.txt/INITIAL_CAS.zip", user_zip("INITIAL_CAS.xmi", "INITIAL_CAS")
        )
        archive.writestr("annotation/article1.txt/anna.zip", user_zip("anna.xmi", "anna"))
        archive.writestr("annotation/article1.txt/ben.zip", user_zip("ben.xmi", "ben"))
        archive.writestr(
            "curation/article1.txt/CURATION_USER.zip", user_zip("ben.xmi", "CURATION_USER")
        )
    return path


def test_a_whole_inception_project_export_is_recognised_zipped_or_unpacked(tmp_path: Path) -> None:
    project = inception_project_export(tmp_path / "project.zip")
    shutil.unpack_archive(project, tmp_path / "unpacked")
    assert detect_format(project) == detect_format(tmp_path / "unpacked") == "xmi"


def test_a_whole_inception_project_export_gives_one_set_per_annotator(tmp_path: Path) -> None:
    summary = TransferSummary()
    items = read_xmi(inception_project_export(tmp_path / "project.zip"), summary)
    [(document, sets)] = items
    assert document.id == "article1"
    assert [s.annotator for s in sets] == ["anna", "ben", "CURATION_USER"]
    ben = sets[1]
    assert triples(document, ben) == {
        ("QUOTE", '"We have heard from Washington,"'),
        ("SPEAKER", "Dmitry Peskov"),
    }
    assert links(document, ben) == {
        ("attributed_to", '"We have heard from Washington,"', "Dmitry Peskov")
    }
    assert any("INITIAL_CAS" in note for note in summary.notes)


def test_an_unpacked_export_folder_reads_like_the_zip(tmp_path: Path) -> None:
    with zipfile.ZipFile(inception_project_export(tmp_path / "project.zip")) as archive:
        archive.extractall(tmp_path / "unpacked")
    [(_, sets)] = read_xmi(tmp_path / "unpacked")
    assert [s.annotator for s in sets] == ["anna", "ben", "CURATION_USER"]


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
def test_a_loose_initial_cas_beside_an_annotators_file_is_skipped(
    tmp_path: Path, packed: bool
) -> None:
    folder = tmp_path / "article1"
    folder.mkdir()
    for name in ("INITIAL_CAS.xmi", "anna.xmi", "TypeSystem.xml"):
        shutil.copy(DATA / name, folder / name)
    path = folder
    if packed:
        path = tmp_path / "article1.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for item in sorted(folder.iterdir()):
                archive.write(item, item.name)
    summary = TransferSummary()
    [(document, sets)] = read_xmi(path, summary)
    assert document.id == "article1"
    assert [s.annotator for s in sets] == ["anna"]
    assert any("INITIAL_CAS" in note for note in summary.notes)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('begin="35"', 'begin="8"'), "inside a character"),
        (('end="48" value', 'end="9999" value'), "outside the text"),
        (("</xmi:XMI>", ""), "dkpro-cassis can read"),
        (('sofa="1" begin="35"', 'sofa="1" begin="x35"'), "dkpro-cassis can read"),
    ],
)
def test_broken_files_name_the_file_and_problem(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    path = single(tmp_path, "anna.xmi")
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_xmi(path)
    assert str(error.value).startswith(str(path))
    assert problem in str(error.value)


TEXT = 'Kyiv 🇺🇦 — "We will respond," he said 🚀,\r\n"and soon."\r\nU.S. media 𝔸 reports.\r\n'


def our_set(document: Document) -> AnnotationSet:
    def span(number: int, piece: str, label: str, **attrs: str | int | float) -> Span:
        start = document.text.index(piece)
        return Span(
            SpanId(number),
            document.id,
            AnnotatorName("anna"),
            start,
            start + len(piece),
            label,
            attrs,
        )

    spans = [
        span(1, '"We will respond,"', "QUOTE", stance="against", quote_type="direct"),
        span(2, "he", "SPEAKER", speaker="Volodymyr Zelensky"),
        span(3, "said", "CUE"),
        span(4, '"and soon."', "QUOTE"),
        span(5, "will respond", "QUOTE", checkworthy="yes"),  # overlaps the first quote
        span(6, "U.S. media 𝔸 reports", "SPEAKER"),
    ]
    relations = [
        Relation(RelationId(1), "attributed_to", SpanId(1), SpanId(2)),
        Relation(RelationId(2), "cued_by", SpanId(1), SpanId(3)),
        Relation(RelationId(3), "continues", SpanId(4), SpanId(1)),
    ]
    return AnnotationSet(
        document.id,
        AnnotatorName("anna"),
        spans=spans,
        relations=relations,
        doc_attrs={"relevance": "relevant"},
    )


def written_and_read(tmp_path: Path, schema: Schema, out: Path) -> tuple[Document, AnnotationSet]:
    document = Document(DocumentId("kyiv/1"), TEXT, "Kyiv")
    annotation = our_set(document)
    summary = write_xmi(out, [(document, annotation)], schema)
    assert (summary.documents, summary.spans, summary.relations) == (1, 6, 3)
    assert not summary.lost
    [(back, [read])] = read_xmi(out)
    assert back.id == "kyiv/1"
    assert back.text == TEXT
    assert read.annotator == "anna"
    assert triples(back, read) == triples(document, annotation)
    assert links(back, read) == links(document, annotation)
    assert {(back.text[s.start : s.end], tuple(sorted(s.attrs.items()))) for s in read.spans} == {
        (document.text[s.start : s.end], tuple(sorted(s.attrs.items()))) for s in annotation.spans
    }
    assert read.doc_attrs == {"relevance": "relevant"}
    return back, read


def test_export_then_import_gives_the_same_spans_relations_and_attributes(
    tmp_path: Path, schema: Schema
) -> None:
    written_and_read(tmp_path, schema, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["TypeSystem.xml", "kyiv_1.xmi"]


def test_export_to_a_zip_reads_back_the_same(tmp_path: Path, schema: Schema) -> None:
    written_and_read(tmp_path, schema, tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert sorted(archive.namelist()) == ["TypeSystem.xml", "kyiv_1.xmi"]


def test_dkpro_cassis_reads_our_export_with_utf16_offsets(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("kyiv"), TEXT)
    annotation = our_set(document)
    write_xmi(tmp_path, [(document, annotation)], schema)
    typesystem = cassis.load_typesystem(tmp_path / "TypeSystem.xml")
    cas = cassis.load_cas_from_xmi(tmp_path / "kyiv.xmi", typesystem=typesystem)
    assert cas.sofa_string == TEXT
    covered = {fs.get_covered_text() for fs in cas.select("webanno.custom.AnnotatorSpan")}
    assert covered == {TEXT[s.start : s.end] for s in annotation.spans}
    # In the file itself the offsets are UTF-16 code units, as UIMA counts.
    root = ET.parse(tmp_path / "kyiv.xmi").getroot()
    custom = "{http:///webanno/custom.ecore}AnnotatorSpan"
    begins = sorted(int(e.get("begin", "")) for e in root.iter(custom))
    units = sorted(len(TEXT[: s.start].encode("utf-16-le")) // 2 for s in annotation.spans)
    assert begins == units
    # INCEpTION needs sentences and tokens; no span may cross a sentence.
    sentence_type = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
    sentences = [(s.begin, s.end) for s in cas.select(sentence_type)]
    assert sentences
    for span in annotation.spans:
        assert sum(b <= span.start and span.end <= e for b, e in sentences) == 1
    [meta] = cas.select("de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData")
    assert (meta.documentTitle, meta.documentId) == ("kyiv", "anna")


def test_what_the_type_system_cannot_hold_is_counted(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("d"), "He said so.")
    spans = [
        Span(SpanId(1), document.id, AnnotatorName("a"), 0, 2, "SPEAKER", {"mood": "odd"}),
    ]
    relations = [Relation(RelationId(1), "attributed_to", SpanId(7), SpanId(1))]
    annotation = AnnotationSet(document.id, AnnotatorName("a"), spans=spans, relations=relations)
    summary = write_xmi(tmp_path, [(document, annotation)], schema)
    assert summary.lost == {
        "attribute mood: no feature of that name and type": 1,
        "attributed_to relation to a span that was not written": 1,
    }


def test_documents_without_annotations_travel_as_documents(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("plain"), "Just text.\n")
    write_xmi(tmp_path, [(document, None)], schema)
    [(back, sets)] = read_xmi(tmp_path)
    assert (back.id, back.text, sets) == ("plain", "Just text.\n", [])


def test_without_dkpro_cassis_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cassis", None)
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[xmi\]'"):
        read_xmi(DATA / "anna.xmi")


def test_importing_the_format_does_not_import_cassis() -> None:
    code = (
        "import sys, annotator.formats.xmi, annotator.formats.uima_json; "
        "print('cassis' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
