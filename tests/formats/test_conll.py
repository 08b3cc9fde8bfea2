"""CoNLL: one BIO column per label, written and read back; plain CoNLL 2002/2003 read too."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.formats.conll import decode, read_conll, write_conll
from annotator.formats.label_map import map_labels
from annotator.model import AnnotationSet, Document, DocumentId, Span, SpanId
from annotator.model.schema import Schema, parse_schema
from tests.formats.layer_corpus import GOLD, SPACED, TEXT, layer, spans

CONLL_2003 = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- -X- O

BRUSSELS NNP B-NP I-LOC
1996-08-22 CD I-NP O
"""


def spans_of(items: list) -> dict[str, set[tuple[int, int, str]]]:
    out: dict[str, set[tuple[int, int, str]]] = {}
    for document, annotation in items:
        for span in annotation.spans:
            out.setdefault(document.id, set()).add((span.start, span.end, span.label))
    return out


def test_tags_decode_back_to_the_same_spans_at_the_same_offsets(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "gold.conll"
    summary = write_conll(layer(), schema, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == [
        "# columns = token start end QUOTE SPEAKER CUE",
        "# document = doc-1",
        "Kremlin\t0\t7\tO\tB-SPEAKER\tO",
    ]
    back = list(read_conll(path, schema))
    assert [d.id for d, _ in back] == ["doc-1", "doc-3"]
    document, _ = back[0]
    # Offsets are kept: every span's text is the original's, whitespace aside.
    expected = {(s.start, s.end, s.label) for s in spans()}
    expected.discard((53, 76, "QUOTE"))  # overlaps another QUOTE: one column holds one
    assert spans_of(back)["doc-1"] == expected
    for start, end, _ in expected:
        assert document.text[start:end].split() == TEXT[start:end].split()
    assert summary.spans == 6
    assert summary.lost["QUOTE span overlapping another QUOTE: left out"] == 1
    assert summary.lost["relation attributed_to: CoNLL has no place for it"] == 1


def test_plain_conll_2003_with_several_tag_columns(tmp_path: Path) -> None:
    path = tmp_path / "eng.train"
    path.write_text(CONLL_2003, encoding="utf-8")
    back = list(read_conll(path))
    assert [(d.id, d.text) for d, _ in back] == [
        ("eng-1", "EU rejects German call .\nPeter Blackburn"),
        ("eng-2", "BRUSSELS 1996-08-22"),
    ]
    first = back[0]
    found = {(first[0].text[s.start : s.end], s.label) for s in first[1].spans}
    # Chunks and entities from two columns overlap; IOB1's I- starts a span after O.
    assert found == {
        ("EU", "NP"), ("EU", "ORG"), ("rejects", "VP"), ("German call", "NP"),
        ("German", "MISC"), ("Peter Blackburn", "NP"), ("Peter Blackburn", "PER"),
    }  # fmt: skip
    second = back[1]
    assert {(second[0].text[s.start : s.end], s.label) for s in second[1].spans} == {
        ("BRUSSELS 1996-08-22", "NP"),
        ("BRUSSELS", "LOC"),
    }


def test_bilou_single_token_spans_side_by_side_stay_apart() -> None:
    # U- ends its span as S- does: two U-LOC in a row are two places, not one
    assert decode(["U-LOC", "U-LOC", "B-PER", "L-PER", "U-PER"]) == [
        ("LOC", 0, 0),
        ("LOC", 1, 1),
        ("PER", 2, 3),
        ("PER", 4, 4),
    ]


def test_tab_separated_iob2_without_docstart_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "esp.testa"
    path.write_text("La\tB-LOC\nCoruña\tI-LOC\n\nUn\tO\nB\tB-ORG\nC\tB-ORG\n", encoding="utf-8")
    [(document, annotation)] = read_conll(path)
    assert document.text == "La Coruña\nUn B C"
    assert [(document.text[s.start : s.end], s.label) for s in annotation.spans] == [
        ("La Coruña", "LOC"),
        ("B", "ORG"),
        ("C", "ORG"),
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("EU B-ORG\nrejects O extra\n", "line 2: this row has 3 columns, the first row 2"),
        ("EU NNP\nrejects VBZ\n", "no column holds BIO tags"),
        (
            "# columns = token start end QUOTE\nHe\t0\t2\tX-QUOTE\n",
            'line 2: "X-QUOTE" is not a BIO tag',
        ),
        (
            "# columns = token start end QUOTE\nHe\t0\t3\tO\n",
            'line 2: token "He" is 2 characters long but its offsets',
        ),
        ("EU B-ORG\n", "line 1: label ORG is not in the schema (QUOTE, SPEAKER, CUE)"),
    ],
)
def test_bad_files_are_one_sentence_naming_the_line(
    tmp_path: Path, schema: Schema, content: str, problem: str
) -> None:
    path = tmp_path / "bad.conll"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)):
        list(read_conll(path, schema))


TAGS = st.lists(
    st.sampled_from(["O", "B-QUOTE", "I-QUOTE", "B-CUE", "I-CUE"]), min_size=1, max_size=30
)


def iob2(spans: list[tuple[str, int, int]], length: int) -> list[str]:
    tags = ["O"] * length
    for label, first, last in spans:
        tags[first] = f"B-{label}"
        for index in range(first + 1, last + 1):
            tags[index] = f"I-{label}"
    return tags


@given(TAGS)
def test_decoding_is_stable_through_iob2(tags: list[str]) -> None:
    found = decode(tags)
    assert decode(iob2(found, len(tags))) == found
    assert all(first <= last for _, first, last in found)


def test_written_conll_is_a_stream_too(schema: Schema) -> None:
    out = io.BytesIO()
    write_conll(layer(), schema, out)
    assert out.getvalue().decode("utf-8").count("# document = ") == 2


def test_documents_are_titled_by_the_name_the_file_gives_them(tmp_path: Path) -> None:
    # AIDA CoNLL-YAGO names a document after -DOCSTART-; CoNLL-U marks one with "# newdoc id"
    path = tmp_path / "mixed.conll"
    path.write_text(
        "-DOCSTART- (1 EU)\nEU B-ORG\n\n# newdoc id = n-2\nBonn B-LOC\n\n"
        "# document = d-3\nParis B-LOC\n\n-DOCSTART- -X- O\nRome B-LOC\n",
        encoding="utf-8",
    )
    back = [document for document, _ in read_conll(path)]
    assert [(d.id, d.title, d.text) for d in back] == [
        ("mixed-1", "1 EU", "EU"),
        ("n-2", "n-2", "Bonn"),
        ("d-3", "d-3", "Paris"),
        ("mixed-4", "mixed.conll, document 4", "Rome"),
    ]


def test_a_label_studio_conll_export_is_titled_by_its_file() -> None:
    # Label Studio's own CONLL2003 export (data/peers/README.md): one -DOCSTART- for all
    path = Path(__file__).parent / "data" / "peers" / "label_studio" / "export.conll"
    [(document, _)] = read_conll(path)
    assert (document.id, document.title) == ("export-1", "export.conll, document 1")


def test_a_label_with_a_space_keeps_rows_whitespace_split_and_comes_back(tmp_path: Path) -> None:
    # spaCy's `convert -c ner` and the CoNLL 2003 loaders split rows at any whitespace: a tag
    # "B-Direct Quote" would cut its row in two there, and our header would name one column
    # too many (our own import refused the file).
    schema = parse_schema(SPACED)
    text = 'He said "We stay" today.'
    start = text.index('"')
    quote = Span(SpanId(1), DocumentId("d"), GOLD, start, text.index(" today"), "Direct Quote")
    items = [(Document(DocumentId("d"), text), AnnotationSet(DocumentId("d"), GOLD, spans=[quote]))]
    path = tmp_path / "spaced.conll"
    write_conll(items, schema, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# columns = token start end Direct_Quote SPEAKER"
    rows = [line for line in lines if line and not line.startswith("#")]
    assert all(line.split() == line.split("\t") for line in rows)
    assert rows[2] == '"\t8\t9\tB-Direct_Quote\tO'
    raw = list(read_conll(path))
    mapped = map_labels([(d, [a]) for d, a in raw], schema)
    [(_, [annotation])] = mapped.items
    assert [(s.start, s.end, s.label) for s in annotation.spans] == [
        (start, start + len('"We stay"'), "Direct Quote")
    ]
