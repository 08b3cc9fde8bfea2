"""spaCy export: spaCy itself reads the DocBin back, offsets, labels and Span._ values intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.formats.spacy_docbin import write_spacy
from annotator.model.schema import Schema
from tests.formats.layer_corpus import SPEAKERS, TEXT, find, layer, spans

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin, Span  # noqa: E402


def read(path: Path) -> list:
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    for name in {n for doc in docs for n in doc.user_data["span_extensions"]}:
        Span.set_extension(name, default=None, force=True)
    return docs


def test_spacy_reads_every_span_with_its_offsets_and_attributes(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "gold.spacy"
    summary = write_spacy(layer(), schema, path, speakers=SPEAKERS)
    docs = read(path)
    assert [doc.user_data["document"] for doc in docs] == ["doc-1", "doc-3"]
    doc = docs[0]
    assert doc.text == TEXT
    got = [(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]]
    expected = [(s.start, s.end, s.label) for s in spans()]
    # The quote that starts and ends inside words is widened to the words it touches.
    widened = find("Ukraine in NATO is a threat")
    expected[4] = (widened[0], widened[1], "QUOTE")
    assert got == expected
    by_offsets = {(s.start_char, s.end_char): s for s in doc.spans["sc"]}
    quote = by_offsets[find('"Ukraine in NATO is a threat."')]
    assert (quote._.stance, quote._.target, quote._.claim_type) == (
        "against",
        "Ukraine in NATO",
        "opinion",
    )
    assert quote._.speaker == "Dmitry Peskov"  # the linked SPEAKER's canonical name
    second = by_offsets[find('"We will respond,"')]
    assert second._.speaker == "Dmitry Peskov"  # through continues
    assert second._.stance is None
    peskov = by_offsets[find("Kremlin spokesperson Dmitry Peskov")]
    assert peskov.kb_id_ == "Q1968283"
    assert doc.user_data["doc_attrs"] == {"relevance": "relevant"}
    relations = {
        (r["label"], doc.spans["sc"][r["head"]].text, doc.spans["sc"][r["child"]].text)
        for r in doc.user_data["relations"]
    }
    assert relations == {
        ("attributed_to", '"Ukraine in NATO is a threat."', "Kremlin spokesperson Dmitry Peskov"),
        ("cued_by", '"Ukraine in NATO is a threat."', "said"),
        ("continues", '"We will respond,"', '"Ukraine in NATO is a threat."'),
    }
    # The two overlapping quotes are not entities; their tokens are missing, not O.
    assert [e.text for e in doc.ents] == [
        "Kremlin spokesperson Dmitry Peskov",
        "said",
        '"We will respond,"',
        "according to",
        "Mr. Smith of the U.S. side",
    ]
    assert doc[doc.char_span(*find("Ukraine"), alignment_mode="expand").start].ent_iob_ == ""
    assert doc[0].ent_iob_ == "B" and doc[-1].ent_iob_ == "O"
    assert (summary.documents, summary.spans, summary.relations) == (2, 7, 3)
    assert summary.lost == {"span not on token boundaries: expanded to tokens": 1}
    assert any("1 document has no set" in note for note in summary.notes)


def test_a_fresh_process_reads_the_attributes_with_the_documented_recipe(
    tmp_path: Path, schema: Schema
) -> None:
    path = tmp_path / "gold.spacy"
    write_spacy(layer(), schema, path)
    script = textwrap.dedent(
        f"""
        import spacy
        from spacy.tokens import DocBin, Span
        docs = list(DocBin().from_disk({str(path)!r}).get_docs(spacy.blank("en").vocab))
        for name in {{n for doc in docs for n in doc.user_data["span_extensions"]}}:
            Span.set_extension(name, default=None, force=True)
        print(sorted((s.text, s._.stance) for s in docs[0].spans["sc"] if s._.stance))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == repr(
        [('"Ukraine in NATO is a threat."', "against"), ("Ukraine in NATO is a threat", "none")]
    )


def test_another_spans_key_and_language(tmp_path: Path, schema: Schema) -> None:
    path = tmp_path / "gold.spacy"
    write_spacy(layer(), schema, path, spans_key="quotes", lang="xx")
    doc = read(path)[0]
    assert len(doc.spans["quotes"]) == 7 and "sc" not in doc.spans


def test_an_unknown_language_is_one_sentence(tmp_path: Path, schema: Schema) -> None:
    with pytest.raises(AnnotatorError, match='spaCy has no language "klingon"'):
        write_spacy(layer(), schema, tmp_path / "x.spacy", lang="klingon")


def test_a_missing_spacy_names_the_install_line(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(AnnotatorError, match=r"pip install 'annotator\[spacy\]'"):
        write_spacy(layer(), schema, tmp_path / "x.spacy")
