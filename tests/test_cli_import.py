"""``annotator import`` of other tools' files, end to end: what a user sees afterwards in
``annotator export --format jsonl``, how labels map, and refusals that leave the project as
it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.label_map import parse_pairs
from annotator.model.progress import Cancelled
from annotator.store import Project
from annotator.transfer.import_sources import ImportOptions
from annotator.transfer.peer_import import import_files

from support import snapshot

DATA = Path(__file__).parent / "formats" / "data"
BRAT = DATA / "brat" / "news"
CONLL = """-DOCSTART- -X- -X- O

Dmitry NNP B-NP B-PER
Peskov NNP I-NP I-PER
told VBD B-VP O
reporters NNS B-NP O
. . O O

-DOCSTART- -X- -X- O

Zelensky NNP B-NP B-PER
replied VBD B-VP O
. . O O
"""


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    assert run("init", path)[0] == 0
    return path


def exported(db: Path) -> list[dict[str, Any]]:
    code, out, err = run("export", db, "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


def spans(db: Path) -> set[tuple[str, str, str]]:
    """(layer, label, the stored text's own slice) of every span."""
    return {
        (r["annotator"], s["label"], r["text"][s["start"] : s["end"]])
        for r in exported(db)
        for s in r["spans"]
    }


def relations(db: Path) -> set[tuple[str, str, str]]:
    """(label, head's text, child's text) of every relation."""
    out = set()
    for record in exported(db):
        text, by_id = record["text"], {s["id"]: s for s in record["spans"]}
        for relation in record["relations"]:
            head, child = by_id[relation["head"]], by_id[relation["child"]]
            out.add(
                (
                    relation["label"],
                    text[head["start"] : head["end"]],
                    text[child["start"] : child["end"]],
                )
            )
    return out


# Each: the source, the flags, then spans and relations the export must show (a subset).
CASES: dict[str, tuple[str, list[str], set[tuple[str, str, str]], set[tuple[str, str, str]]]] = {
    "brat": (
        "brat/news",
        ["--add-labels"],
        {("brat", "Person", "Dmitry Peskov"), ("brat", "QUOTE", '"and we will wait."')},
        {("continues", '"and we will wait."', '"We are satisfied,"')},
    ),
    "xmi": (
        "xmi",
        ["--add-labels"],
        {
            ("anna", "SPEAKER", "Kremlin spokesperson Dmitry Peskov"),
            ("ben", "SPEAKER", "Dmitry Peskov"),
        },
        {("attributed_to", '"We have heard from Washington,"', "Dmitry Peskov")},
    ),
    "uima-json": (
        "uima_json/carla.json",
        ["--add-labels"],
        {("carla", "QUOTE", '"We will respond,"'), ("carla", "SPEAKER", "U.S. media reports")},
        {("cued_by", '"We will respond,"', "said")},
    ),
    "webanno-tsv": (
        "webanno_tsv/kyiv.tsv",
        ["--add-labels"],
        {("webanno-tsv", "PLACE", "Kyiv"), ("webanno-tsv", "SPEAKER", "Zelensky")},
        {("attributed_to", '"We will respond,"', "Zelensky")},
    ),
    "doccano": (
        "doccano/relation_example.jsonl",
        ["--map", "PER=SPEAKER", "--map", "said_by=attributed_to"],
        {("doccano", "SPEAKER", "Dmitry Peskov"), ("doccano", "QUOTE", '"We are satisfied,"')},
        {("attributed_to", '"We are satisfied,"', "Dmitry Peskov")},
    ),
    "label-studio": (
        "label_studio/export.json",
        ["--add-labels"],
        {("1", "Person", "Dmitry Peskov"), ("bo@example.org", "QUOTE", '"No."')},
        {("attributed_to", '"We are satisfied,"', "Dmitry Peskov")},
    ),
    "prodigy": (
        "prodigy/annotations.jsonl",
        ["--add-labels"],
        {("quotes-sam", "PERSON", "Dmitry Peskov"), ("rel-alex", "QUOTE", '"We are satisfied,"')},
        {("SPEAKER", '"We are satisfied,"', "he")},
    ),
    "citron": (
        "citron/peskov.json",
        ["--add-labels"],
        {("citron", "SPEAKER", "Zelensky"), ("citron", "QUOTE", '"and we will wait."')},
        {("continues", '"and we will wait."', '"We are satisfied,"')},
    ),
}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_each_peer_format_lands_at_the_offsets_the_peer_marked(db: Path, fmt: str) -> None:
    """Every sample text has an emoji (or a flag) before its spans: a UTF-16 or byte offset
    taken for a code point would shift every slice."""
    source, flags, expected_spans, expected_relations = CASES[fmt]
    code, _, err = run("import", db, DATA / source, *flags)
    assert code == 0, err
    assert f"({fmt})" in err.splitlines()[0]
    assert expected_spans <= spans(db)
    assert expected_relations <= relations(db)
    # Detected from the content: the same import with --format gives the same project.
    again = db.with_name("again.db")
    run("init", again)
    assert run("import", again, DATA / source, "--format", fmt, *flags)[0] == 0
    assert exported(again) == exported(db)


def test_crlf_text_is_kept_exactly_and_spans_after_it_still_fit(db: Path) -> None:
    assert run("import", db, DATA / "citron" / "peskov.json", "--add-labels")[0] == 0
    [record] = exported(db)
    assert "spoke.\r\n" in record["text"]
    assert ("citron", "CUE", "replied") in spans(db)


def test_documents_only_formats_bring_text_and_meta(db: Path, tmp_path: Path) -> None:
    code, _, err = run("import", db, DATA / "csv" / "articles.csv", DATA / "html" / "article.html")
    assert code == 0, err
    records = {r["id"]: r for r in exported(db)}
    assert records["a1"]["text"].startswith("Peskov 😀 said:\r\n")
    assert records["a1"]["meta"] == {"source": "wire"}
    assert records["article"]["text"].startswith("Kremlin welcomes talks")
    assert {"author", "date", "sitename"} <= set(records["article"]["meta"])
    other = tmp_path / "body.csv"
    other.write_text("key,body\nx,First text.\n", encoding="utf-8")
    assert run("import", db, other, "--text-column", "body")[0] == 0
    assert any(r["text"] == "First text." for r in exported(db))


def test_conll_text_is_rebuilt_from_tokens(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "train.conll"
    path.write_text(CONLL, encoding="utf-8")
    # CoNLL 2003's chunk column is a tag column too: its spans are dropped by the mapping.
    code, _, err = run("import", db, path, "--map", "PER=SPEAKER", "--map", "NP=", "--map", "VP=")
    assert code == 0, err
    assert "label PER: -> SPEAKER, by the mapping (2)" in err
    assert "not carried: 3 x span labelled NP: dropped by the mapping" in err
    assert {("conll", "SPEAKER", "Dmitry Peskov"), ("conll", "SPEAKER", "Zelensky")} <= spans(db)
    assert len(exported(db)) == 2


def test_a_mapping_file_puts_brat_on_the_schema(db: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "brat.toml"
    mapping.write_text(
        '[labels]\nPerson = "SPEAKER"\nStatement = "CUE"\nTitle = ""\n'
        '[relations]\nSpeaker = ""\nContent = ""\nEquiv = ""\n'
        '[attributes]\nReference = "speaker"\nQuoteType = "quote_type"\n'
        'Direct = ""\nnote = ""\nConfidence = ""\n',
        encoding="utf-8",
    )
    code, _, err = run("import", db, BRAT, "--mapping", mapping)
    assert code == 0, err
    assert "label Person: -> SPEAKER, by the mapping (3)" in err
    assert "not carried: 1 x span labelled Title: dropped by the mapping" in err
    [record] = [r for r in exported(db) if r["spans"]]
    speaker = next(s for s in record["spans"] if s["text"] == "Dmitry Peskov")
    assert (speaker["label"], speaker["attrs"]) == ("SPEAKER", {"speaker": "Dmitry Peskov"})
    quote = next(s for s in record["spans"] if s["text"] == '"No."')
    assert quote["attrs"] == {"quote_type": "direct"}
    assert ("attributed_to", '"We are satisfied,"', "he") in relations(db)


def test_an_unknown_label_stops_with_file_record_label_and_flags(db: Path) -> None:
    with Project.open(db) as project:
        before = snapshot(project)
    code, _, err = run("import", db, DATA / "doccano" / "relation_example.jsonl")
    assert code == 1
    [line] = err.strip().splitlines()
    assert line.startswith(f"error: {DATA / 'doccano' / 'relation_example.jsonl'}: ")
    assert 'label PER (1, first in document "7" at span 102)' in line
    assert "--map PEER=OURS" in line and "--add-labels" in line
    with Project.open(db) as project:
        assert snapshot(project) == before
        assert project.documents.count() == 0


def test_add_labels_extends_the_schema_with_what_the_data_needs(db: Path) -> None:
    code, _, err = run("import", db, BRAT, "--add-labels")
    assert code == 0, err
    assert "added to the schema: labels Person, Title, Statement" in err
    with Project.open(db, read_only=True) as project:
        schema = project.schema
    assert {"Person", "Title", "Statement"} <= {lab.name for lab in schema.labels}
    # An existing relation whose ends did not fit takes the peer's labels too.
    attributed = schema.relation("attributed_to")
    assert attributed is not None and "Person" in attributed.child
    assert schema.span_attribute("Person", "Reference") is not None


def test_annotator_names_every_layer(db: Path) -> None:
    code, _, err = run(
        "import", db, DATA / "uima_json" / "carla.json", "--add-labels", "--annotator", "zoe"
    )
    assert code == 0, err
    assert {layer for layer, _, _ in spans(db)} == {"zoe"}


def test_a_file_whose_format_cannot_be_told_asks_for_format(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "notes.dat"
    path.write_text("just some words\n", encoding="utf-8")
    code, _, err = run("import", db, path)
    assert code == 1
    assert err.startswith(f"error: {path}: cannot tell its format from the content; pass --format")


def test_jsonl_does_not_mix_with_peer_files(db: Path, tmp_path: Path) -> None:
    ours = tmp_path / "ours.jsonl"
    ours.write_text('{"id": "d", "text": "Some text."}\n', encoding="utf-8")
    code, _, err = run("import", db, ours, BRAT)
    assert code == 1 and "JSONL imports on its own" in err
    code, _, err = run("import", db, ours, "--map", "A=B")
    assert code == 1 and "JSONL already uses the schema's own names" in err
    assert run("import", db, ours)[0] == 0


def test_a_bad_second_file_leaves_nothing_of_the_first(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"data": {"text": 5, "url": 1}, "annotations": []}]', encoding="utf-8")
    code, _, err = run("import", db, BRAT, bad, "--add-labels")
    assert code == 1 and str(bad) in err
    assert exported(db) == []
    # Found only while writing: the CITRON file's "peskov" is another text than brat's.
    code, _, err = run("import", db, BRAT, DATA / "citron" / "peskov.json", "--add-labels")
    assert code == 1
    assert 'document "peskov" already exists with a different text' in err
    assert exported(db) == []


def test_a_cancel_leaves_the_project_and_its_schema_as_they_were(project: Project) -> None:
    before, schema = snapshot(project), project.schema

    def cancel_after_writing_starts(done: int, total: int | None) -> None:
        if total is not None and done > 0:
            raise Cancelled

    options = ImportOptions(add_labels=True, mapping=parse_pairs(["Person=SPEAKER"]))
    with pytest.raises(Cancelled):
        import_files(project, [BRAT], options, cancel_after_writing_starts)
    assert snapshot(project) == before
    assert project.schema == schema
    assert project.documents.count() == 0


def test_the_report_counts_one_of_each_in_the_singular(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "one.jsonl"
    record = {
        "text": "Peskov said no.",
        "entities": [
            {"id": 1, "label": "SPEAKER", "start_offset": 0, "end_offset": 6},
            {"id": 2, "label": "QUOTE", "start_offset": 12, "end_offset": 14},
        ],
        "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "attributed_to"}],
    }
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run("import", db, source, "--format", "doccano", "--annotator", "ann")
    assert code == 0, err
    assert "1 document added, 1 annotation set with 2 spans, 1 relation (doccano)" in err


def test_our_own_jsonl_counts_the_relations_it_brings(db: Path, tmp_path: Path) -> None:
    text = "Peskov told reporters: “We are satisfied.”"
    quote = text.index("“")
    record = {
        "id": "d1",
        "text": text,
        "annotator": "ann",
        "spans": [
            {"id": 1, "start": 0, "end": 6, "label": "SPEAKER"},
            {"id": 2, "start": 7, "end": 11, "label": "CUE"},
            {"id": 3, "start": quote, "end": len(text), "label": "QUOTE"},
        ],
        "relations": [
            {"label": "attributed_to", "head": 3, "child": 1},
            {"label": "cued_by", "head": 3, "child": 2},
        ],
    }
    source = tmp_path / "ours.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = run("import", db, source)
    assert code == 0, err
    assert "1 annotation set with 3 spans, 2 relations (jsonl)" in err


def test_a_folder_s_empty_and_blank_text_files_are_skipped_and_named(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nThe minister said talks would go on.\n")
    (folder / "b.txt").write_text("")
    (folder / "c.txt").write_text("  \n\n")
    code, _, err = run("import", db, folder)
    assert code == 0, err
    assert [d["id"] for d in exported(db)] == ["a"]
    assert f"skipped for having no text: {folder / 'b.txt'}, {folder / 'c.txt'}" in err
    # Named alone, an empty file is refused: there is nothing at all to import.
    code, _, err = run("import", db, folder / "b.txt")
    assert code == 1
    assert "b.txt: the file is empty" in err


def test_a_text_folder_beside_another_tool_s_file_skips_its_empty_files_too(
    db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nThe minister said talks would go on.\n")
    (folder / "b.txt").write_text(" \n")
    table = tmp_path / "more.csv"
    table.write_text("id,text\nc,The envoy said nothing.\n")
    code, _, err = run("import", db, folder, table)
    assert code == 0, err
    assert sorted(d["id"] for d in exported(db)) == ["a", "c"]
    assert f"skipped for having no text: {folder / 'b.txt'}" in err
