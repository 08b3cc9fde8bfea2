"""Long commands draw a progress bar on stderr in a terminal: merge and agreement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from tqdm import tqdm

from annotator.cli import cli
from annotator.paths import seeds_dir


class TerminalBar(tqdm):  # type: ignore[type-arg]
    """tqdm as it behaves on a terminal after its one-second delay: drawn, and left in place
    so that the test can read the last state."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(delay=0, disable=False, leave=True, ascii=True, mininterval=0)
        super().__init__(*args, **kwargs)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("annotator.cli.progress.tqdm", TerminalBar)


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def annotated_copy(path: Path, annotator: str) -> Path:
    """A project holding the seed article with ``annotator``'s (empty, done) set."""
    text = next(seeds_dir().glob("*.txt")).read_text(encoding="utf-8")
    record = {"id": "d1", "text": text, "annotator": annotator, "status": "done", "spans": []}
    source = path.with_suffix(".jsonl")
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run("init", path)[0] == 0
    assert run("import", path, source)[0] == 0
    return path


def test_merge_shows_the_documents_of_every_file_counted_to_the_end(
    tmp_path: Path, terminal: None
) -> None:
    project = annotated_copy(tmp_path / "p.db", "lead")
    alice = annotated_copy(tmp_path / "alice.db", "alice")
    bob = annotated_copy(tmp_path / "bob.db", "bob")

    code, _, err = run("merge", project, alice, bob)

    assert code == 0
    assert "merging: 100%|##########| 2/2" in err
    assert "2 annotation sets added" in err


def test_agreement_shows_its_stages_and_keeps_stdout_for_the_report(
    tmp_path: Path, terminal: None
) -> None:
    project = annotated_copy(tmp_path / "p.db", "alice")
    assert run("merge", project, annotated_copy(tmp_path / "bob.db", "bob"))[0] == 0

    code, out, err = run("agreement", project, "--json")

    assert code == 0
    assert "reading: 100%|##########| 1/1" in err  # the documents, then the report's stages
    assert "agreement: 100%|##########| 6/6" in err
    assert json.loads(out)["annotators"] == ["alice", "bob"]


def test_no_bar_where_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    project = annotated_copy(tmp_path / "p.db", "alice")

    code, _, err = run("merge", project, annotated_copy(tmp_path / "bob.db", "bob"))

    assert code == 0
    assert "%" not in err and err.strip().endswith("no conflicts")
