"""The command line as a user meets it: happy paths, --help everywhere, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.paths import seeds_dir
from annotator.store import Project

from support import snapshot

SEED = next(seeds_dir().glob("*.txt"))
GOOD = {
    "id": "d1",
    "text": "Peskov said: “No.”",
    "annotator": "alice",
    "spans": [
        {"id": "T1", "start": 0, "end": 6, "label": "SPEAKER"},
        {"id": "T2", "start": 13, "end": 18, "label": "QUOTE", "text": "“No.”"},
    ],
    "relations": [{"label": "attributed_to", "head": "T2", "child": "T1"}],
}


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    assert run("init", path)[0] == 0
    assert run("import", path, seeds_dir())[0] == 0
    return path


def test_init_import_export_gives_one_line_per_seed_with_its_exact_text(db: Path) -> None:
    code, out, _ = run("export", db, "--format", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(list(seeds_dir().glob("*.txt"))) == 1
    record = json.loads(lines[0])
    assert record["text"] == SEED.read_text(encoding="utf-8")
    assert record["id"] == SEED.stem
    assert record["title"].startswith("Kremlin Welcomes US Proposal")


def test_export_to_a_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, _, err = run("export", db, "--format", "jsonl", "--out", out)
    assert code == 0 and f"wrote {out}" in err and "1 document, 0 spans" in err
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == SEED.stem


def test_stats_counts_spans_per_annotator_and_label(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert run("import", db, source)[0] == 0
    code, out, _ = run("stats", db)
    assert code == 0
    assert "documents: 2" in out
    row = next(line.split() for line in out.splitlines() if line.startswith("alice"))
    assert row == ["alice", "1", "1", "0", "1", "0", "0", "0"]  # QUOTE SPEAKER CUE, todo=1


def test_version_names_qt_and_sqlite() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "Qt 6.11" in out and "SQLite 3." in out


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Usage: " in out and len(out.splitlines()) > 3


def test_locked_project_gets_a_sentence_not_a_traceback(db: Path) -> None:
    holder = Project.open(db)
    try:
        code, _, err = run("import", db, SEED)
        # Reading is never refused: the writer's lock keeps out writers only.
        assert run("stats", db)[0] == 0
    finally:
        holder.close()
    assert code == 1
    assert (
        err.strip() == f"error: {db}: this project is open in another window or process; "
        "close it there first"
    )


BAD_LINES: dict[str, tuple[str | bytes, str]] = {
    "invalid JSON": ('{"id": "x", "text": "abc"', "line 2: not valid JSON"),
    "span outside the text": (
        {
            **GOOD,
            "spans": [{"id": "T1", "start": 10, "end": 99, "label": "QUOTE"}],
            "relations": [],
        },
        'line 2: span "T1": [10, 99) lies outside the text of 18 characters',
    ),
    "end before start": (
        {**GOOD, "spans": [{"id": "T1", "start": 5, "end": 5, "label": "QUOTE"}], "relations": []},
        'line 2: span "T1": end 5 must be greater than start 5',
    ),
    "text disagrees with offsets": (
        {
            **GOOD,
            "spans": [{"id": "T1", "start": 0, "end": 6, "label": "SPEAKER", "text": "Putin"}],
            "relations": [],
        },
        "line 2: span \"T1\": \"text\" is 'Putin' but the text at [0, 6) is 'Peskov'",
    ),
    "unknown label": (
        {**GOOD, "spans": [{"id": "T1", "start": 0, "end": 6, "label": "PERSON"}], "relations": []},
        "line 2: span \"T1\": label 'PERSON' is not in the schema (QUOTE, SPEAKER, CUE)",
    ),
    "unknown relation": (
        {**GOOD, "relations": [{"label": "said_by", "head": "T2", "child": "T1"}]},
        "line 2: relation 1: relation 'said_by' is not in the schema",
    ),
    "relation to a missing span": (
        {**GOOD, "relations": [{"label": "attributed_to", "head": "T2", "child": "T9"}]},
        "line 2: relation 1 (attributed_to): child 'T9' is not a span of this line",
    ),
    "unknown attribute": (
        {
            **GOOD,
            "spans": [
                {"id": "T1", "start": 0, "end": 6, "label": "SPEAKER", "attrs": {"mood": "calm"}}
            ],
            "relations": [],
        },
        'line 2: span "T1": the schema has no attribute "mood" for label SPEAKER',
    ),
    "value outside a closed list": (
        {
            **GOOD,
            "spans": [
                {"id": "T2", "start": 13, "end": 18, "label": "QUOTE", "attrs": {"stance": "pro"}}
            ],
            "relations": [],
        },
        'line 2: span "T2": "pro" is not a value of attribute "stance"',
    ),
    "existing id with another text": (
        {"id": SEED.stem, "text": "A different text."},
        f'line 2: document "{SEED.stem}" already exists with a different text',
    ),
    "bad status": ({**GOOD, "status": "finished"}, 'line 2: status "finished" is not one of'),
}


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_bad_jsonl_is_refused_whole_with_file_and_line(db: Path, tmp_path: Path, case: str) -> None:
    bad, message = BAD_LINES[case]
    # A good first line proves nothing is half-imported: it must not land either.
    good_first = json.dumps({**GOOD, "id": "fresh"})
    line = bad if isinstance(bad, str) else json.dumps(bad)
    source = tmp_path / "bad.jsonl"
    source.write_text(good_first + "\n" + line + "\n", encoding="utf-8")
    with Project.open(db) as project:
        before = snapshot(project)
    code, _out, err = run("import", db, source)
    assert code == 1
    assert err.startswith(f"error: {source}, {message}"), err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with Project.open(db) as project:
        assert snapshot(project) == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.txt", "Caf\xe9 au lait\n".encode("latin-1"), "line 1: not valid UTF-8"),
        ("empty.txt", b"", "the file is empty"),
        ("blank.jsonl", b"\n  \n", "the file is empty"),
        (
            "latin1.jsonl",
            b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "\xe9"}\n',
            "line 2: not valid UTF-8",
        ),
    ],
)
def test_unreadable_files_are_refused(
    db: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    with Project.open(db) as project:
        before = snapshot(project)
    code, _, err = run("import", db, source)
    assert code == 1
    assert err.startswith(f"error: {source}") and message in err
    with Project.open(db) as project:
        assert snapshot(project) == before


def test_text_import_strips_bom_and_crlf(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "crlf.txt"
    source.write_bytes("\ufeff\r\nHeadline\r\nBody\u00a0text.\r\n".encode())
    assert run("import", db, source)[0] == 0
    with Project.open(db) as project:
        document = project.documents.get("crlf")  # type: ignore[arg-type]
    assert document is not None
    assert document.text == "\nHeadline\nBody\u00a0text.\n"
    assert document.title == "Headline"


def test_reimporting_the_same_text_is_harmless(db: Path) -> None:
    code, _, err = run("import", db, SEED)
    assert code == 0 and "0 documents added, 1 already present" in err


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    assert run("export", tmp_path / "p.db")[0] == 2  # --format missing
    assert run("frobnicate")[0] == 2


def test_check_reports_a_quote_without_speaker_and_exits_1(db: Path, tmp_path: Path) -> None:
    lonely = {**GOOD, "id": "d2", "relations": []}
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(GOOD) + "\n" + json.dumps(lonely) + "\n", encoding="utf-8")
    assert run("import", db, source)[0] == 0
    code, out, err = run("check", db)
    assert code == 1
    assert out.splitlines() == ["d2 (alice): QUOTE “No.” [13–18] has no speaker (attributed_to)"]
    assert "1 problem" in err


def test_check_on_a_clean_project_exits_0(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    assert run("import", db, source)[0] == 0
    code, out, err = run("check", db)
    assert (code, out) == (0, "")
    assert "no problems" in err


def test_merge_brings_in_another_copy_once(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "bob.db"
    assert run("init", other)[0] == 0
    source = tmp_path / "bob.jsonl"
    source.write_text(json.dumps({**GOOD, "annotator": "bob"}) + "\n", encoding="utf-8")
    assert run("import", other, source)[0] == 0
    code, out, err = run("merge", db, other)
    assert (code, out) == (0, "")
    assert "1 document added" in err and "1 annotation set added" in err
    code, out, err = run("merge", db, other)
    assert code == 0 and "1 unchanged" in err
    lines = [json.loads(line) for line in run("export", db, "--format", "jsonl")[1].splitlines()]
    assert [(r["id"], r.get("annotator")) for r in lines] == [(SEED.stem, None), ("d1", "bob")]


def test_agreement_json_has_the_report_layout(db: Path, tmp_path: Path) -> None:
    bob = {
        **GOOD,
        "annotator": "bob",
        "status": "done",
        "spans": [{**GOOD["spans"][0]}, {**GOOD["spans"][1], "attrs": {"stance": "favor"}}],
    }
    alice = {
        **GOOD,
        "status": "done",
        "spans": [{**GOOD["spans"][0]}, {**GOOD["spans"][1], "attrs": {"stance": "none"}}],
    }
    source = tmp_path / "two.jsonl"
    source.write_text(json.dumps(alice) + "\n" + json.dumps(bob) + "\n", encoding="utf-8")
    assert run("import", db, source)[0] == 0
    code, out, _ = run("agreement", db, "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == {
        "annotators",
        "documents",
        "spans",
        "unitizing_alpha",
        "attributes",
        "doc_attrs",
        "disagreements",
    }
    assert report["annotators"] == ["alice", "bob"] and report["documents"] == 1
    exact = report["spans"]["exact"]
    assert exact["pairs"]["alice|bob"]["f1"] == 1.0 and exact["mean_pairwise_micro_f1"] == 1.0
    stance = report["attributes"]["QUOTE.stance"]["exact"]
    assert stance["units"] == 1 and stance["percent_agreement"] == 0.0
    assert report["unitizing_alpha"]["overall"] == 1.0
    code, table, _ = run("agreement", db)
    assert code == 0 and "QUOTE.stance" in table and "alice|bob" in table


def test_agreement_with_an_unknown_label_is_a_sentence(db: Path) -> None:
    code, _, err = run("agreement", db, "--labels", "TOPIC")
    assert code == 1 and 'the schema has no label "TOPIC"' in err
