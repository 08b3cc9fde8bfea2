"""Files the peer tools wrote themselves (tests/formats/data/peers, sources in its README):
each is recognised and read with the offsets its tool meant."""

from __future__ import annotations

from pathlib import Path

from peer_helpers import covered

from annotator.formats.detect import detect_format
from annotator.formats.doccano import read_doccano

PEERS = Path(__file__).parent / "data" / "peers"


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
