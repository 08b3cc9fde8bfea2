"""The cue lexicon: the bundled English file, a project's extension, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.model import Document, DocumentId
from annotator.suggest import default_lexicon_path, load_lexicon, suggest


def test_bundled_lexicon_has_the_cues_of_the_issue() -> None:
    lexicon = load_lexicon()
    for form in (
        "said",
        "told",
        "stated",
        "confirmed",
        "claimed",
        "warned",
        "added",
        "argued",
        "insisted",
        "denied",
        "suggest",
    ):
        assert lexicon.is_cue(form), form
    assert lexicon.lemma("told") == "tell"
    assert "according to" in lexicon.phrases
    assert default_lexicon_path().name == "en.toml"


def test_an_extra_file_adds_cues_the_rules_then_use(tmp_path: Path) -> None:
    text = "The minister opined that the budget was fair."
    document = Document(DocumentId("d"), text)
    assert suggest(document).spans == []
    extra = tmp_path / "cues.toml"
    extra.write_text(
        'bare_clause = ["opine"]\n\n[verbs]\nopine = ["opine", "opines", "opined"]\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(extra=[extra])
    assert lexicon.is_cue("said") and lexicon.is_cue("opined")
    labels = [(s.label, text[s.start : s.end]) for s in suggest(document, lexicon=lexicon).spans]
    assert labels == [
        ("SPEAKER", "The minister"),
        ("CUE", "opined"),
        ("QUOTE", "that the budget was fair"),
    ]


@pytest.mark.parametrize(
    ("content", "problem", "line"),
    [
        ("[verbs]\nsay = 3\n", '"verbs.say" must be a list of non-empty strings', 2),
        ("colour = []\n", 'unknown key "colour"', 1),
        ("[speakers]\nnicknames = []\n", '[speakers] has unknown list "nicknames"', 2),
        ("[verbs\n", "not valid TOML", 1),
    ],
)
def test_a_bad_lexicon_names_file_line_and_problem(
    tmp_path: Path, content: str, problem: str, line: int
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_lexicon(extra=[bad])
    message = str(caught.value)
    assert message.startswith(f"{bad}, line {line}: ")
    assert problem in message


def test_a_missing_lexicon_file_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_lexicon(tmp_path / "absent.toml")
