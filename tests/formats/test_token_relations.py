"""Relations whose ends are tokens (DKPro's Dependency, an INCEpTION layer attached to tokens):
XMI and UIMA JSON give them the ends INCEpTION's WebAnno TSV gives, never drop them."""

from __future__ import annotations

from pathlib import Path

from cassis import Cas, TypeSystem
from peer_helpers import covered, links

from annotator.formats.summary import TransferSummary
from annotator.formats.uima_json import read_uima_json
from annotator.formats.xmi import read_xmi

TOKEN_RELATION = Path(__file__).parent / "data" / "peers" / "xmi" / "token_relation"
DKPRO = "de.tudarmstadt.ukp.dkpro.core.api."


def test_inceptions_relation_between_tokens_joins_token_spans() -> None:
    # INCEpTION's tsv3-suite testSingleTokenRelationWithoutFeatureValue/reference.xmi
    summary = TransferSummary()
    [(document, [annotation])] = read_xmi(TOKEN_RELATION, summary)
    assert document.text == "This is a test ."
    assert covered(document, annotation) == [("Token", "This"), ("Token", ".")]
    assert links(document, annotation) == {("Relation", "This", ".")}
    assert not summary.lost


def _dependency_cas() -> Cas:
    """DKPro's types as INCEpTION writes a dependency: Token.pos, Dependency(Governor: Token)."""
    ts = TypeSystem()
    pos = ts.create_type(f"{DKPRO}lexmorph.type.pos.POS", supertypeName="uima.tcas.Annotation")
    ts.create_feature(pos, "PosValue", "uima.cas.String")
    token = ts.create_type(f"{DKPRO}segmentation.type.Token", supertypeName="uima.tcas.Annotation")
    ts.create_feature(token, "pos", pos.name)
    dependency = ts.create_type(
        f"{DKPRO}syntax.type.dependency.Dependency", supertypeName="uima.tcas.Annotation"
    )
    ts.create_feature(dependency, "Governor", token.name)
    ts.create_feature(dependency, "Dependent", token.name)
    ts.create_feature(dependency, "DependencyType", "uima.cas.String")
    cas = Cas(typesystem=ts)
    cas.sofa_string = "Peskov said it ."
    tagged = {}
    for begin, end, tag in [(0, 6, "PROPN"), (7, 11, "VERB"), (12, 14, None), (15, 16, None)]:
        tag_fs = pos(begin=begin, end=end, PosValue=tag) if tag else None
        if tag_fs is not None:
            cas.add(tag_fs)
        tagged[begin] = token(begin=begin, end=end, pos=tag_fs)
        cas.add(tagged[begin])
    cas.add(
        dependency(begin=0, end=6, Governor=tagged[7], Dependent=tagged[0], DependencyType="nsubj")
    )
    cas.add(
        dependency(begin=12, end=14, Governor=tagged[7], Dependent=tagged[12], DependencyType="obj")
    )
    return cas


def test_a_dependency_joins_the_pos_tags_and_an_untagged_token_itself(tmp_path: Path) -> None:
    cas = _dependency_cas()
    (tmp_path / "TypeSystem.xml").write_text(cas.typesystem.to_xml(), encoding="utf-8")
    (tmp_path / "doc.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    (tmp_path / "doc.json").write_text(cas.to_json(), encoding="utf-8")
    [(from_xmi, [xmi_set])] = read_xmi(tmp_path / "doc.xmi")
    [(from_json, [json_set])] = read_uima_json(tmp_path / "doc.json")
    for document, annotation in [(from_xmi, xmi_set), (from_json, json_set)]:
        assert covered(document, annotation) == [
            ("PROPN", "Peskov"),
            ("VERB", "said"),
            ("Token", "it"),
        ]
        assert links(document, annotation) == {
            ("nsubj", "said", "Peskov"),
            ("obj", "said", "it"),
        }


def test_a_relation_dropped_for_one_end_leaves_no_token_span_for_the_other(
    tmp_path: Path,
) -> None:
    cas = _dependency_cas()
    token = cas.typesystem.get_type(f"{DKPRO}segmentation.type.Token")
    dependency = cas.typesystem.get_type(f"{DKPRO}syntax.type.dependency.Dependency")
    untagged = next(t for t in cas.select(token.name) if t.begin == 15)  # "." has no POS
    empty = token(begin=16, end=16)  # zero-width: no span can stand for it
    cas.add(empty)
    cas.add(dependency(begin=15, end=16, Governor=untagged, Dependent=empty, DependencyType="x"))
    (tmp_path / "TypeSystem.xml").write_text(cas.typesystem.to_xml(), encoding="utf-8")
    (tmp_path / "doc.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    summary = TransferSummary()
    [(document, [annotation])] = read_xmi(tmp_path / "doc.xmi", summary)
    assert ("Token", ".") not in covered(document, annotation)
    assert ("x", "said", ".") not in links(document, annotation)
    assert sum(count for reason, count in summary.lost.items() if reason.startswith("x ")) == 1
