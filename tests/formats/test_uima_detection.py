"""Telling XMI, UIMA JSON and WebAnno TSV files apart by their content."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats.uima_json import looks_like_uima_json
from annotator.formats.webanno_tsv import looks_like_webanno_tsv
from annotator.formats.xmi import looks_like_xmi

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (DATA / "xmi" / "anna.xmi", "xmi"),
        (DATA / "xmi" / "TypeSystem.xml", None),
        (DATA / "xmi" / "article1.txt", None),
        (DATA / "uima_json" / "carla.json", "json"),
        (DATA / "webanno_tsv" / "kyiv.tsv", "tsv"),
        (DATA / "missing.tsv", None),
    ],
)
def test_each_format_is_recognised_by_content_only(path: Path, kind: str | None) -> None:
    found = [
        name
        for name, looks in (
            ("xmi", looks_like_xmi),
            ("json", looks_like_uima_json),
            ("tsv", looks_like_webanno_tsv),
        )
        if looks(path)
    ]
    assert found == ([kind] if kind else [])
