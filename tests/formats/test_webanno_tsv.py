"""WebAnno TSV 3.3: INCEpTION's files read the way INCEpTION reads them."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.formats.summary import TransferSummary
from annotator.formats.webanno_tsv import read_webanno_tsv
from annotator.model import AnnotationSet, Document

DATA = Path(__file__).parent / "data" / "webanno_tsv"


def read_one(path: Path, summary: TransferSummary | None = None) -> tuple[Document, AnnotationSet]:
    [(document, [annotation])] = read_webanno_tsv(path, summary)
    return document, annotation


def spans(document: Document, annotation: AnnotationSet) -> set[tuple[str, str, int, int]]:
    return {(s.label, document.text[s.start : s.end], s.start, s.end) for s in annotation.spans}


def links(document: Document, annotation: AnnotationSet) -> set[tuple[str, str, str]]:
    by_id = {s.id: f"{s.label}:{document.text[s.start : s.end]}" for s in annotation.spans}
    return {(r.label, by_id[r.head], by_id[r.child]) for r in annotation.relations}


def test_an_inception_file_with_emoji_stacks_and_relations_reads_exactly() -> None:
    summary = TransferSummary()
    document, annotation = read_one(DATA / "kyiv.tsv", summary)
    assert document.id == "kyiv"
    # Rebuilt as INCEpTION rebuilds it: sentences from #Text=, the gap before the second
    # sentence (\r\n in the original) filled with a line break and a space.
    assert document.text == (
        'Kyiv 🇺🇦 — "We will respond," Zelensky said.\n U.S. media reports suggest talks\tsoon 🤝.\n'
    )
    assert annotation.annotator == ""
    # The flag before the spans is 4 UTF-16 units in the file and 2 code points here.
    assert spans(document, annotation) == {
        ("PLACE", "Kyiv", 0, 4),
        ("QUOTE", '"We will respond,"', 10, 28),
        ("PER", "Zelensky", 29, 37),
        ("SPEAKER", "Zelensky", 29, 37),
        ("MENTION", "Zelensky", 29, 37),
        ("CUE", "said", 38, 42),
        ("SPEAKER", "U.S. media reports", 45, 63),
        ("GROUP", "U.S. media reports", 45, 63),
        ("PARTIAL", "med", 50, 53),
        ("CUE", "suggest", 64, 71),
    }
    names = {(s.label, s.start): s.name for s in annotation.spans}
    assert names[("QUOTE", 10)] == "1-4[1]"
    assert names[("CUE", 38)] == "1-11"
    attrs = {(s.label, s.start): s.attrs for s in annotation.spans}
    assert attrs[("QUOTE", 10)] == {"stance": "against"}
    assert attrs[("PER", 29)] == {"identifier": "http://www.wikidata.org/entity/Q3874799"}
    assert links(document, annotation) == {
        ("attributed_to", 'QUOTE:"We will respond,"', "SPEAKER:Zelensky"),
        ("cued_by", 'QUOTE:"We will respond,"', "CUE:said"),
        ("coref", "PLACE:Kyiv", "GROUP:U.S. media reports"),
    }
    assert "WebAnno TSV offsets were UTF-16 code units: converted" in summary.notes


def test_stacked_spans_over_sub_tokens_take_the_extent_of_their_units() -> None:
    summary = TransferSummary()
    document, annotation = read_one(DATA / "subtokens.tsv", summary)
    assert spans(document, annotation) == {
        ("QUOTE", "unbelievable claims", 0, 19),
        ("CUE", "unbelievable", 0, 12),
        ("SPEAKER", "believable claims tod", 2, 23),
        ("QUOTE", "tod", 20, 23),
    }
    assert summary.lost == {"zero-width Quotation annotation (nothing to mark)": 1}


def test_chains_become_relations_and_slots_relations_by_role() -> None:
    summary = TransferSummary()
    document, annotation = read_one(DATA / "chain_and_slots.tsv", summary)
    assert spans(document, annotation) == {
        ("Speaker", "Peskov", 0, 6),
        ("NAM", "Peskov", 0, 6),
        ("Report", "said", 7, 11),
        ("Speaker", "he", 17, 19),
        ("PRO", "he", 17, 19),
    }
    assert links(document, annotation) == {
        ("speaker", "Report:said", "Speaker:Peskov"),
        ("sources", "Report:said", "Speaker:he"),
        ("anaphoric", "NAM:Peskov", "PRO:he"),
    }
    assert summary.lost == {
        "listener relation to a zero-width annotation": 1,
        "zero-width Speaker annotation (nothing to mark)": 1,
    }


def test_escaped_values_and_text_are_unescaped() -> None:
    document, annotation = read_one(DATA / "escaped.tsv")
    assert document.text == "Say \\o/\ttwice .\n"
    first = min(annotation.spans, key=lambda s: s.start)
    assert first.label == "#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n"
    assert first.attrs == {"note": "a|b[1]"}


def test_relations_between_stacked_multi_token_spans_follow_their_ids() -> None:
    document, annotation = read_one(DATA / "stacked_relation.tsv")
    assert links(document, annotation) == {
        ("attributed_to", "SPEAKER:They", "QUOTE:it was over"),
        ("cued_by", "CUE:said", "QUOTE:it was over"),
    }


def test_sentences_without_a_gap_lose_the_line_break_between_them() -> None:
    document, annotation = read_one(DATA / "no_space_between.tsv")
    assert document.text == 'He said:"Go."\n'
    assert ("QUOTE", '"Go."', 8, 13) in spans(document, annotation)


def test_a_project_export_names_document_and_annotator(tmp_path: Path) -> None:
    path = tmp_path / "project.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("exportedproject1.json", "{}")
        archive.writestr("source/kyiv.txt", "ignored")
        archive.writestr("annotation/kyiv.txt/anna.tsv", (DATA / "kyiv.tsv").read_bytes())
        archive.writestr("annotation/kyiv.txt/INITIAL_CAS.tsv", (DATA / "kyiv.tsv").read_bytes())
        archive.writestr("curation/kyiv.txt/CURATION_USER.tsv", (DATA / "kyiv.tsv").read_bytes())
    [(document, sets)] = read_webanno_tsv(path)
    assert document.id == "kyiv"
    assert [s.annotator for s in sets] == ["anna", "CURATION_USER"]


@pytest.mark.parametrize(
    ("old", "new", "line", "problem"),
    [
        ("#FORMAT=WebAnno TSV 3.3", "#FORMAT=WebAnno TSV 2", 1, "is not WebAnno TSV 3"),
        ("1-10\t31-39\tZelensky", "1-10\t31-39\tZelenskyy", 18, "but the #Text lines have"),
        ("1-12\t44-45", "1-12\t44-47", 20, "#Text lines have"),
        ("2-8\t87-88", "2-8\t87-99", 31, "outside the #Text lines"),
        ("1-2\t5-9", "1-2\t6-9", 10, "splits a character"),
        ("1-4[1_2]", "1-4[1_9]", 18, "[9], which no annotation has"),
        ("1-4[1_0]", "1-2", 19, "refers to a Quotation annotation at 1-2"),
        ("1-11\t40-44\tsaid\t_\t_\t", "1-11\t40-44\tsaid\t", 19, "the layers declared need 11"),
        ("1-3\t10-11", "1-3\tten-11", 11, "is not a token line"),
    ],
)
def test_broken_files_name_the_file_line_and_problem(
    tmp_path: Path, old: str, new: str, line: int, problem: str
) -> None:
    path = tmp_path / "kyiv.tsv"
    text = (DATA / "kyiv.tsv").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_webanno_tsv(path)
    assert str(error.value).startswith(f"{path}, line {line}:"), str(error.value)
    assert problem in str(error.value)


def test_a_folder_of_files_gives_one_document_each(tmp_path: Path) -> None:
    for name in ("kyiv.tsv", "escaped.tsv"):
        shutil.copy(DATA / name, tmp_path / name)
    assert [d.id for d, _ in read_webanno_tsv(tmp_path)] == ["escaped", "kyiv"]
