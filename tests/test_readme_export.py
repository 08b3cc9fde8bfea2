"""The README's export section cannot rot: its command lines run against a project with a
gold layer, and every loading snippet runs against what they wrote."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from tests.export_project import make_project

README = Path(__file__).resolve().parents[1] / "README.md"
TITLE = "## Training data and other tools: export"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(TITLE)
    end = text.find("\n## ", start + len(TITLE))
    return text[start : end if end >= 0 else len(text)]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", section(), flags=re.DOTALL)


def commands() -> list[list[str]]:
    return [
        shlex.split(line, comments=True)
        for block in blocks("bash")
        for line in block.splitlines()
        if line.strip()
    ]


def test_the_section_shows_every_export_format() -> None:
    from annotator.transfer.export_job import EXPORT_FORMATS

    shown = {words[words.index("--format") + 1] for words in commands()}
    assert shown == set(EXPORT_FORMATS)


@pytest.mark.slow
def test_the_readme_commands_and_loading_snippets_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(tmp_path / "p.db", generated=40)
    monkeypatch.chdir(tmp_path)
    # datasets caches under the home folder by default: keep this test's to itself.
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    runner = CliRunner()
    for words in commands():
        assert words[0] == "annotator"
        result = runner.invoke(cli, words[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{shlex.join(words)}: {result.stderr}"
    snippets = blocks("python")
    assert len(snippets) >= 4
    for snippet in snippets:
        exec(compile(snippet, f"README snippet: {snippet.splitlines()[0]}", "exec"), {})
