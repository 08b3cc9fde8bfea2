"""A CAS written by dkpro-cassis itself (data/peers/cassis/make_cas.py), as XMI with its
TypeSystem.xml and as UIMA JSON: INCEpTION's custom span and relation layers with features,
sentences and tokens, DocumentMetaData, an emoji after the last annotation (UTF-16 offsets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.formats.detect import detect_format
from annotator.formats.summary import TransferSummary
from annotator.formats.uima_json import read_uima_json
from annotator.formats.xmi import read_xmi

pytest.importorskip("cassis")

DATA = Path(__file__).parent / "data" / "peers" / "cassis"
QUOTE = '"We welcome the talks."'


@pytest.mark.parametrize(("path", "fmt"), [("xmi", "xmi"), ("json/quotes.json", "uima-json")])
def test_custom_layers_features_and_metadata_are_read(path: str, fmt: str) -> None:
    assert detect_format(DATA / path) == fmt
    summary = TransferSummary()
    read = read_xmi if fmt == "xmi" else read_uima_json
    [(document, [annotation])] = read(DATA / path, summary)
    assert (document.id, document.title) == ("kremlin", "kremlin.txt")
    assert covered(document, annotation) == [
        ("Speaker", "Peskov"),
        ("QUOTE", QUOTE),
        ("Speaker", "Critics"),
    ]
    assert links(document, annotation) == {("SaidBy", QUOTE, "Peskov")}
    attrs = {document.text[s.start : s.end]: s.attrs for s in annotation.spans}
    assert attrs[QUOTE] == {"stance": "favor", "confidence": 3}
    assert attrs["Peskov"] == {"name": "Dmitry Peskov"}
    assert summary.lost == {"relation feature role (relations carry no attributes)": 1}
