"""``annotator export`` as a trainer or another tool meets it: every format read back by its
real consumer (spaCy, pyarrow, pandas, datasets, the peers' readers), the layer chosen as the
issue says, splits that agree across formats, a summary on stderr, and clear refusals."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.conll import read_conll
from annotator.formats.peers import READERS
from annotator.formats.split import parse_split
from annotator.formats.summary import TransferSummary
from annotator.formats.xmi import read_xmi
from annotator.model.progress import Cancelled
from annotator.store import Project
from annotator.transfer.export_job import ExportRequest, run_export
from tests.export_project import ALICE_SPANS, make_project
from tests.formats.layer_corpus import TEXT, find, layer

GOLD_SPANS = sorted((s.start, s.end, s.label) for s in layer()[0][1].spans)  # type: ignore[union-attr]


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p.db")


@pytest.fixture
def big(tmp_path: Path) -> Path:
    return make_project(tmp_path / "big.db", generated=40)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name)


# --- the layer ------------------------------------------------------------------------------


def test_a_training_format_uses_gold_and_says_so(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.csv"
    code, _, err = run("export", db, "--format", "csv", "--out", out)
    assert code == 0, err
    assert "layer: gold (no --annotator given)" in err
    assert "3 documents, 7 spans" in err
    import pandas

    table = pandas.read_csv(out)
    assert set(table["annotator"]) == {"gold"}
    assert sorted(zip(table["start"], table["end"], table["label"], strict=True)) == GOLD_SPANS


def test_jsonl_without_a_layer_is_the_whole_project(db: Path) -> None:
    code, out, err = run("export", db, "--format", "jsonl")
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert sorted((r["id"], r["annotator"]) for r in records) == [
        ("doc-1", "alice"),
        ("doc-1", "gold"),
        ("doc-2", None),
        ("doc-3", "gold"),
    ]
    assert "4 documents" not in err and "3 documents, 9 spans, 3 relations" in err


def test_no_gold_layer_fails_with_the_list_of_layers(tmp_path: Path) -> None:
    path = make_project(tmp_path / "p.db", gold=False)
    code, _, err = run("export", path, "--format", "spacy", "--out", tmp_path / "x.spacy")
    assert code == 1 and "Traceback" not in err
    assert "there is no gold layer" in err and "the layers are: alice" in err
    assert not (tmp_path / "x.spacy").exists() and leftovers(tmp_path) == []
    # Naming the layer works.
    code, _, err = run("export", path, "--format", "spacy", "--annotator", "alice", "--out",
                       tmp_path / "x.spacy")  # fmt: skip
    assert code == 0, err


def test_an_unknown_layer_is_refused_with_the_layers_there_are(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", db, "--format", "jsonl", "--annotator", "carol")
    assert code == 1
    assert 'there is no layer "carol"; the layers are: alice, gold' in err


def test_status_done_keeps_only_the_documents_done_in_that_layer(db: Path) -> None:
    code, out, _ = run("export", db, "--format", "jsonl", "--status", "done")
    assert code == 0
    assert sorted((r["id"], r["annotator"]) for r in map(json.loads, out.splitlines())) == [
        ("doc-1", "gold"),
        ("doc-3", "gold"),
    ]
    code, out, _ = run("export", db, "--format", "jsonl", "--annotator", "alice", "--status",
                       "done")  # fmt: skip
    assert code == 0 and not [line for line in out.splitlines() if '"id"' in line]
    # The training formats too: only doc-1 has a set of alice's, and it is in progress.
    code, _, err = run("export", db, "--format", "csv", "--annotator", "alice", "--status", "done")
    assert code == 0 and "0 documents, 0 spans" in err
    code, out, err = run("export", db, "--format", "csv", "--annotator", "alice", "--status",
                         "in_progress")  # fmt: skip
    assert code == 0 and "1 document, 2 spans" in err and len(out.splitlines()) == 3


# --- the real consumers ----------------------------------------------------------------------


def test_spacy_reads_the_docbin_with_offsets_and_stances(db: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin, Span

    out = tmp_path / "gold.spacy"
    code, _, err = run("export", db, "--format", "spacy", "--out", out, "--spans-key", "quotes")
    assert code == 0, err
    assert "1 x span not on token boundaries: expanded to tokens" in err
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    for name in {n for doc in docs for n in doc.user_data["span_extensions"]}:
        Span.set_extension(name, default=None, force=True)
    doc = docs[0]
    assert doc.text == TEXT
    got = {(s.start_char, s.end_char, s.label_): s for s in doc.spans["quotes"]}
    start, end = find('"Ukraine in NATO is a threat."')
    assert got[(start, end, "QUOTE")]._.stance == "against"
    assert got[(start, end, "QUOTE")]._.speaker == "Dmitry Peskov"
    exact = {k for k in got if k in set(GOLD_SPANS)}
    assert len(exact) == len(GOLD_SPANS) - 1  # all but the one widened to tokens


def test_pyarrow_reads_both_parquet_tables(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "gold"
    assert run("export", db, "--format", "parquet", "--out", out)[0] == 0
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    assert [d["id"] for d in documents] == ["doc-1", "doc-2", "doc-3"]
    spans = pq.read_table(out / "spans.parquet").to_pylist()
    assert sorted((s["start"], s["end"], s["label"]) for s in spans) == GOLD_SPANS
    quote = next(s for s in spans if s["stance"] == "against")
    assert (
        quote["speaker"] == "Dmitry Peskov" and quote["text"] == TEXT[quote["start"] : quote["end"]]
    )


def test_conll_tags_decode_back_to_the_same_spans_per_label(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.conll"
    code, _, err = run("export", db, "--format", "conll", "--out", out)
    assert code == 0, err
    back = {d.id: a for d, a in read_conll(out)}
    got = sorted((s.start, s.end, s.label) for s in back["doc-1"].spans)
    # The quote inside another QUOTE cannot share its tag column: counted, and left out.
    assert "1 x QUOTE span overlapping another QUOTE: left out" in err
    start, end = find("kraine in NATO is a thr")
    assert got == [s for s in GOLD_SPANS if s != (start, end, "QUOTE")]


def test_datasets_loads_the_jsonl_as_one_table(db: Path, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "all.jsonl"
    assert run("export", db, "--format", "jsonl", "--out", out)[0] == 0
    table = datasets.load_dataset(
        "json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache")
    )
    assert table.num_rows == 4 and {"id", "text", "spans", "relations"} <= set(table.column_names)


def test_stance_and_claims_rows(db: Path, tmp_path: Path) -> None:
    assert run("export", db, "--format", "stance", "--out", tmp_path / "s.jsonl")[0] == 0
    stance = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text().splitlines()]
    first = next(r for r in stance if r["stance"] == "against")
    assert first["speaker"] == "Dmitry Peskov" and first["target"] == "Ukraine in NATO"
    assert first["target_definition"] == "FAVOR = supports Ukraine joining NATO"
    assert run("export", db, "--format", "claims", "--out", tmp_path / "c.jsonl")[0] == 0
    claims = [json.loads(x) for x in (tmp_path / "c.jsonl").read_text().splitlines()]
    assert sorted(r["claim_type"] for r in claims) == ["opinion", "prediction"]


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("brat", "out"),
        ("doccano", "out.jsonl"),
        ("label-studio", "out.json"),
        ("prodigy", "out.jsonl"),
        ("xmi", "out"),
    ],
)
def test_peer_exports_read_back_to_the_same_spans(
    db: Path, tmp_path: Path, fmt: str, name: str
) -> None:
    out = tmp_path / name
    code, _, err = run("export", db, "--format", fmt, "--out", out)
    assert code == 0, err
    items = read_xmi(out) if fmt == "xmi" else READERS[fmt](out, TransferSummary())
    sets = {d.id: s for d, s in items}
    assert sorted((s.start, s.end, s.label) for s in sets["doc-1"][0].spans) == GOLD_SPANS
    assert len(sets["doc-1"][0].relations) == 3
    assert leftovers(tmp_path) == []


def test_label_studio_all_layers_puts_each_annotators_layer_in_the_task(
    db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    code, _, err = run("export", db, "--format", "label-studio", "--all-layers", "--out", out)
    assert code == 0, err
    assert "layers: every layer" in err
    tasks = {t["data"]["id"]: t for t in json.loads(out.read_text(encoding="utf-8"))}
    # Label Studio's shape for several annotators: one annotation each, named by annotator.
    first = tasks["doc-1"]["annotations"]
    assert [(a["annotator"], a["ground_truth"]) for a in first] == [
        ("alice", False),
        ("gold", True),
    ]
    assert tasks["doc-2"]["annotations"] == []  # no layer has doc-2: the task is still there
    # Read back: every layer comes back as the annotator's own set, with its spans.
    back = {
        d.id: {s.annotator: s for s in sets}
        for d, sets in READERS["label-studio"](out, TransferSummary())
    }
    assert set(back["doc-1"]) == {"alice", "gold"}
    assert sorted((s.start, s.end, s.label) for s in back["doc-1"]["gold"].spans) == GOLD_SPANS
    alice = sorted((s.start, s.end, s.label) for s in back["doc-1"]["alice"].spans)
    assert alice == sorted((*find(part), label) for part, label in ALICE_SPANS)
    assert set(back["doc-3"]) == {"gold"}


def test_all_layers_with_a_status_keeps_the_sets_that_have_it(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "done.json"
    code, _, err = run("export", db, "--format", "label-studio", "--all-layers", "--status",
                       "done", "--out", out)  # fmt: skip
    assert code == 0, err
    tasks = {t["data"]["id"]: t for t in json.loads(out.read_text(encoding="utf-8"))}
    assert sorted(tasks) == ["doc-1", "doc-3"]  # doc-2 has no set done in any layer
    # alice's set of doc-1 is in progress: only gold's goes out
    assert [a["annotator"] for a in tasks["doc-1"]["annotations"]] == ["gold"]


def test_all_layers_is_refused_for_a_one_layer_format(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", db, "--format", "csv", "--all-layers", "--out", tmp_path / "x")
    assert code == 1
    assert "--all-layers is for --format label-studio" in err
    assert not (tmp_path / "x").exists()


# --- splits ---------------------------------------------------------------------------------


def test_a_split_puts_the_same_documents_in_the_same_part_for_every_format(
    big: Path, tmp_path: Path
) -> None:
    split = ["--split", "train=0.8,dev=0.1,test=0.1", "--seed", "7"]
    code, _, err = run("export", big, "--format", "jsonl", "--annotator", "gold", "--out",
                       tmp_path / "j", *split)  # fmt: skip
    assert code == 0, err
    assert "split: train 34 documents, dev 4 documents, test 4 documents" in err
    assert run("export", big, "--format", "csv", "--out", tmp_path / "c", *split)[0] == 0
    assert run("export", big, "--format", "brat", "--out", tmp_path / "b", *split)[0] == 0
    for part in ("train", "dev", "test"):
        lines = (tmp_path / "j" / f"{part}.jsonl").read_text().splitlines()
        jsonl = {json.loads(line)["id"] for line in lines}
        import pandas

        csv = set(pandas.read_csv(tmp_path / "c" / f"{part}.csv")["document"])
        brat = {p.stem for p in (tmp_path / "b" / part).glob("*.txt")}
        assert csv <= jsonl and brat == jsonl | ({"doc-2"} & brat)
    # The same seed again gives the same parts; another seed, others.
    again = tmp_path / "again"
    assert run("export", big, "--format", "jsonl", "--annotator", "gold", "--out", again,
               *split)[0] == 0  # fmt: skip
    assert (again / "dev.jsonl").read_bytes() == (tmp_path / "j" / "dev.jsonl").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--split", "train=0.8,dev=0.3"], "the fractions add up to 1.1, not 1"),
        (["--split", "train=0.8,dev=0.2"], "--split writes one file per part: give the folder"),
        (["--format", "parquet"], "--format parquet writes a folder: give it as --out DIR"),
        (["--format", "brat"], "--format brat writes a folder"),
        (["--format", "doccano"], "--format doccano writes a file: give it as --out FILE"),
    ],
)
def test_bad_requests_are_one_sentence_and_exit_1(db: Path, args: list[str], message: str) -> None:
    if "--format" not in args:
        args = ["--format", "jsonl", *args]
    code, out, err = run("export", db, *args)
    assert code == 1 and out == "" and "Traceback" not in err
    assert message in err and err.count("\n") == 1


def test_a_missing_extra_names_the_pip_install_line(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = run("export", db, "--format", "parquet", "--out", tmp_path / "pq")
    assert code == 1 and "pip install 'annotator[parquet]'" in err
    assert not (tmp_path / "pq").exists() and leftovers(tmp_path) == []
    monkeypatch.setitem(sys.modules, "spacy", None)
    code, _, err = run("export", db, "--format", "spacy", "--out", tmp_path / "x.spacy")
    assert code == 1 and "pip install 'annotator[spacy]'" in err


# --- whole or nothing -----------------------------------------------------------------------


def test_a_cancelled_export_leaves_nothing_and_keeps_what_was_there(
    big: Path, tmp_path: Path
) -> None:
    out = tmp_path / "parts"
    out.mkdir()
    (out / "train.jsonl").write_text("earlier\n")

    def cancel_midway(done: int, total: int | None) -> None:
        if done == 20:
            raise Cancelled

    request = ExportRequest(
        "jsonl",
        out,
        annotator="gold",
        split=parse_split("train=0.5,test=0.5"),
    )
    with Project.open(big, read_only=True) as project, pytest.raises(Cancelled):
        run_export(project, request, progress=cancel_midway)
    assert sorted(p.name for p in out.iterdir()) == ["train.jsonl"]
    assert (out / "train.jsonl").read_text() == "earlier\n"
    assert leftovers(tmp_path) == []


def test_progress_counts_every_document_once(big: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    request = ExportRequest("parquet", tmp_path / "pq")
    with Project.open(big, read_only=True) as project:
        run_export(project, request, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 43) and seen[-1] == (43, 43)
    assert [d for d, _ in seen] == list(range(44))


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "conll"])
def test_the_cyclic_collector_rests_while_documents_go_out(
    big: Path, tmp_path: Path, fmt: str
) -> None:
    # An export makes no cycles; the collector walking a large heap (the window's) for
    # nothing was a quarter of the export's time.
    enabled: list[bool] = []
    request = ExportRequest(fmt, tmp_path / "out")
    with Project.open(big, read_only=True) as project:
        run_export(project, request, progress=lambda d, t: enabled.append(gc.isenabled()))
    assert enabled[0] and not any(enabled[1:]) and len(enabled) == 44
    assert gc.isenabled()


def test_a_parquet_export_does_not_import_pandas(db: Path, tmp_path: Path) -> None:
    # pyarrow imports pandas (0.6-1 s) the first time it is given a Python list, only to
    # ask whether the list is a pandas object; the written tables need none of it.
    probe = (
        "import sys; from annotator.cli import main; sys.argv = ['annotator', 'export', "
        f"{str(db)!r}, '--format', 'parquet', '--out', {str(tmp_path / 'pq')!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules)"
    )
    pytest.importorskip("pyarrow")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        "documents.parquet",
        "spans.parquet",
    ]
