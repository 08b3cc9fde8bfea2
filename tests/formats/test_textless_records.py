"""One policy for a record without text, in every format: skipped and counted with its place,
never stored, the rest of the file imported; so the project's JSONL export re-imports."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from annotator.formats.summary import NO_TEXT, TransferSummary
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.transfer.exporting import export_jsonl
from annotator.transfer.import_sources import ImportOptions, Source, read_source
from annotator.transfer.peer_import import import_files

DATA = Path(__file__).parent / "data"
GOOD = "Peskov said the talks went well."


def _write(folder: Path, fmt: str) -> tuple[Path, str]:
    """A file (or folder) of ``fmt`` with one good record and one without text, and the place
    the summary should name for the latter."""
    if fmt == "csv":
        path = folder / "t.csv"
        path.write_text(f"id,text\na,{GOOD}\nb,  \n", encoding="utf-8")
        return path, f"{path}, line 3"
    if fmt == "label-studio":
        path = folder / "tasks.json"
        path.write_text(
            f'[{{"data": {{"text": ""}}}}, {{"data": {{"text": "{GOOD}"}}}}]', encoding="utf-8"
        )
        return path, f"{path} task 1"
    if fmt in ("doccano", "prodigy", "citron"):
        path = folder / "records.jsonl"
        path.write_text(f'{{"text": "{GOOD}"}}\n{{"text": "\\n"}}\n', encoding="utf-8")
        return path, f"{path}, line 2"
    if fmt == "brat":
        (folder / "a.txt").write_text(GOOD, encoding="utf-8")
        (folder / "b.txt").write_text("\n", encoding="utf-8")  # a document never written
        return folder, str(folder / "b.txt")
    if fmt == "conll":
        path = folder / "t.conll"
        path.write_text("-DOCSTART- O\n\n-DOCSTART- O\nPeskov B-PER\nsaid O\n", encoding="utf-8")
        return path, f"{path}, line 1"
    if fmt == "webanno-tsv":
        shutil.copy(DATA / "webanno_tsv" / "kyiv.tsv", folder)
        (folder / "empty.tsv").write_text("#FORMAT=WebAnno TSV 3.3\n\n\n", encoding="utf-8")
        return folder, "empty.tsv"
    assert fmt == "xmi"
    pytest.importorskip("cassis")
    for name in ("anna.xmi", "TypeSystem.xml"):
        shutil.copy(DATA / "xmi" / name, folder)
    xmi = (DATA / "xmi" / "anna.xmi").read_text(encoding="utf-8")
    # annotated, but without text: the CAS is skipped with what it holds
    (folder / "ben.xmi").write_text(re.sub('sofaString="[^"]*"', 'sofaString=""', xmi))
    return folder, "ben.xmi"


FORMATS = ["csv", "label-studio", "doccano", "prodigy", "citron", "brat", "conll"]
FORMATS += ["webanno-tsv", "xmi"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_record_without_text_is_skipped_and_counted_with_its_place(
    tmp_path: Path, fmt: str
) -> None:
    path, place = _write(tmp_path, fmt)
    summary = TransferSummary()
    items = read_source(Source(path, fmt), ImportOptions(), summary)
    assert len(items) == 1 and items[0][0].text.strip()
    assert summary.lost[NO_TEXT] == 1
    [where] = summary.textless
    assert where.endswith(place)
    assert f"note: skipped for having no text: {where}" in "\n".join(summary.lines())


def test_an_empty_uima_json_cas_is_skipped() -> None:
    pytest.importorskip("cassis")
    path = DATA / "peers" / "uima_json" / "emptyCas.json"  # dkpro-cassis' own: no sofaString
    summary = TransferSummary()
    assert read_source(Source(path, "uima-json"), ImportOptions(), summary) == []
    assert summary.textless == [str(path)]


def test_the_summary_names_five_places_and_counts_the_rest() -> None:
    summary, other = TransferSummary(), TransferSummary()
    for line in range(1, 8):
        (summary if line < 4 else other).skip_textless(f"t.csv, line {line}")
    summary.merge(other)
    assert summary.lost == {NO_TEXT: 7}
    assert summary.lines()[-1] == (
        "  note: skipped for having no text: t.csv, line 1, t.csv, line 2, t.csv, line 3, "
        "t.csv, line 4, t.csv, line 5 and 2 more"
    )


def test_the_import_stores_no_empty_document_and_its_jsonl_export_reimports(
    tmp_path: Path, project: Project, schema: Schema
) -> None:
    source, _ = _write(tmp_path, "csv")
    report = import_files(project, [source])
    assert report.stored.documents_added == 1
    assert any("skipped for having no text" in line for line in report.lines())
    out = tmp_path / "a.jsonl"
    with out.open("wb") as handle:
        export_jsonl(project, handle)
    again = Project.create(tmp_path / "b.db", schema)
    try:
        assert import_files(again, [out]).stored.documents_added == 1
    finally:
        again.close()
