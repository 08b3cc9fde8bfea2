"""A lone .xmi, handed over without the TypeSystem.xml INCEpTION exports beside it: read with
the types its own elements imply, as it is read with its type system, and noted. The files of
INCEpTION's tsv3 suite in data/peers/xmi/lone have no type system in INCEpTION's repository
either (its tests build one in code); sources in data/peers/README.md."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.errors import InputError
from annotator.formats.summary import TransferSummary
from annotator.formats.xmi import read_xmi
from annotator.formats.xmi_types import INFERRED_NOTE
from annotator.model import AnnotationSet, Document

DATA = Path(__file__).parent / "data"
LONE = DATA / "peers" / "xmi" / "lone"


def _read(path: Path) -> tuple[Document, AnnotationSet, TransferSummary]:
    summary = TransferSummary()
    [(document, [annotation])] = read_xmi(path, summary)
    return document, annotation, summary


def test_a_slot_host_keeps_its_links_by_role() -> None:
    document, annotation, summary = _read(LONE / "testSimpleSlotFeature.xmi")
    assert covered(document, annotation) == [
        ("SimpleLinkHost", "This"),
        ("SimpleSpan", "is"),
        ("SimpleSpan", "a"),
    ]
    assert links(document, annotation) == {("p1", "This", "is"), ("p2", "This", "a")}
    assert summary.notes == [INFERRED_NOTE]


def test_a_chain_keeps_its_links() -> None:
    document, annotation, _ = _read(LONE / "testSimpleChain.xmi")
    assert covered(document, annotation) == [("Simple", "This"), ("Simple", "is"), ("Simple", "a")]
    assert links(document, annotation) == {("Simple", "This", "is"), ("Simple", "is", "a")}


def test_a_relation_between_tokens_keeps_its_label() -> None:
    document, annotation, _ = _read(LONE / "testSingleTokenRelationWithFeatureValue.xmi")
    assert covered(document, annotation) == [("Token", "This"), ("Token", ".")]
    assert links(document, annotation) == {("nsubj", "This", ".")}


@pytest.mark.parametrize(
    "name",
    [
        "xmi/anna.xmi",  # chains, slots through a shared FSArray, document-level layer
        "xmi/ben.xmi",
        "peers/cassis/xmi/quotes.xmi",  # an integer feature ("3") that is also an xmi:id
        "peers/xmi/cas_with_two_sofas.xmi",
        "peers/xmi/token_relation/reference.xmi",
    ],
)
def test_a_lone_xmi_reads_as_it_does_beside_its_type_system(tmp_path: Path, name: str) -> None:
    source = DATA / name
    beside = source.parent / "TypeSystem.xml"
    type_system = beside if beside.exists() else DATA / "xmi" / "TypeSystem.xml"
    (tmp_path / "with").mkdir()
    (tmp_path / "lone").mkdir()
    shutil.copy(source, tmp_path / "with")
    shutil.copy(type_system, tmp_path / "with" / "TypeSystem.xml")
    shutil.copy(source, tmp_path / "lone")
    with_summary, lone_summary = TransferSummary(), TransferSummary()
    expected = read_xmi(tmp_path / "with" / source.name, with_summary)
    assert read_xmi(tmp_path / "lone" / source.name, lone_summary) == expected
    assert lone_summary.lost == with_summary.lost
    assert lone_summary.notes == [*with_summary.notes, INFERRED_NOTE]


def test_a_lone_xmi_whose_types_cannot_be_told_is_refused_in_one_sentence(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.xmi"
    text = (LONE / "testSimpleChain.xmi").read_text(encoding="utf-8")
    path.write_text(text.replace('next="75"', 'next="75" begin="x"'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_xmi(path)
    assert str(caught.value).startswith(
        f"{path}: has no TypeSystem.xml beside it and its types cannot be told from the XMI alone ("
    )
    assert str(caught.value).endswith("): import the zip INCEpTION exports, which holds both")
