"""The spaCy export feeds a real trainer: `spacy train` fits a tiny spancat on it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.formats.spacy_docbin import write_spacy
from annotator.formats.split import assign, parse_split, part_items
from annotator.model.schema import Schema
from tests.formats.layer_corpus import generated_layer

TRAIN = [sys.executable, "-m", "spacy", "train"]
CONFIG = Path(__file__).resolve().parents[2] / "examples" / "spancat.cfg"


@pytest.mark.slow
def test_spacy_train_fits_a_spancat_on_the_exported_docbins(tmp_path: Path, schema: Schema) -> None:
    spacy = pytest.importorskip("spacy")
    corpus = generated_layer(120)
    parts = assign((d.id for d, _ in corpus), parse_split("train=0.8,dev=0.2"), seed=7)
    for name in ("train", "dev"):
        summary = write_spacy(part_items(corpus, parts, name), schema, tmp_path / f"{name}.spacy")
        assert summary.lost == {}
    paths = ["--paths.train", str(tmp_path / "train.spacy")]
    paths += ["--paths.dev", str(tmp_path / "dev.spacy")]
    result = subprocess.run(
        [*TRAIN, str(CONFIG), "--output", str(tmp_path / "model"), *paths],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert set(nlp.get_pipe("spancat").labels) == {"QUOTE", "SPEAKER", "CUE"}
    doc = nlp('Olaf Scholz said "talks would continue."')
    assert "sc" in doc.spans
