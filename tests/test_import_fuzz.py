"""Hypothesis damages peer files and imports them: only our own errors escape, and a refused
import leaves the project exactly as it was."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.import_sources import ImportOptions
from annotator.transfer.peer_import import import_files

from support import snapshot

DATA = Path(__file__).parent / "formats" / "data"
SAMPLES = {
    "brat": DATA / "brat" / "news" / "peskov.ann",
    "doccano": DATA / "doccano" / "relation_example.jsonl",
    "label-studio": DATA / "label_studio" / "export.json",
    "prodigy": DATA / "prodigy" / "annotations.jsonl",
    "citron": DATA / "citron" / "peskov.json",
    "webanno-tsv": DATA / "webanno_tsv" / "kyiv.tsv",
}
FUZZ = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Bytes that matter to these formats: digits of offsets, separators, quotes, brackets.
NOISE = st.binary(max_size=6) | st.sampled_from(
    [b"9", b"-1", b"", b'"', b"}", b"]", b"\t", b"\r\n", b"\xf0\x9f\x98", b"null", b"|", b";"]
)


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
@FUZZ
@given(data=st.data(), add_labels=st.booleans())
def test_a_damaged_file_is_imported_or_refused_with_the_project_unchanged(
    schema: Schema, fmt: str, data: st.DataObject, add_labels: bool
) -> None:
    original = SAMPLES[fmt].read_bytes()
    content = bytearray(original)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(content)))
        length = data.draw(st.integers(0, 4))
        content[at : at + length] = data.draw(NOISE)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / SAMPLES[fmt].name
        source.write_bytes(bytes(content))
        if fmt == "brat":  # its text beside it
            source.with_suffix(".txt").write_bytes(SAMPLES[fmt].with_suffix(".txt").read_bytes())
        with Project.create(Path(folder) / "p.db", schema) as project:
            before, schema_before = snapshot(project), project.schema
            options = ImportOptions(fmt=fmt, add_labels=add_labels)
            try:
                report = import_files(project, [source], options)
            except AnnotatorError:
                assert snapshot(project) == before
                assert project.schema == schema_before
            else:
                assert report.stored.documents_added == project.documents.count()
