"""``annotator suggest``: writing the suggestion layer, scoring it, and the review counts."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import GOOD, db, run  # noqa: F401  (db is a fixture)

from annotator.edits.spans import SetStatus
from annotator.edits.suggestions import AcceptSuggestions, RejectSuggestion
from annotator.model import AnnotatorName, DocumentId, Status
from annotator.paths import seeds_dir
from annotator.store import Project
from annotator.suggest import ANNOTATOR
from annotator.suggest.suggestion import suggestions

GOLD = Path(__file__).parent / "suggest" / "data" / "gold.jsonl"
DOC = DocumentId("000_80cf35cee6cee056")


def speech_project(folder: Path) -> Path:
    """A project whose schema has quotes and speakers but no cues, nor cued_by or continues."""
    schema = folder / "speech.toml"
    schema.write_text(
        'name = "Speech"\nversion = 1\n\n[[labels]]\nname = "QUOTE"\n'
        '\n[[labels]]\nname = "SPEAKER"\n'
        '\n[[relations]]\nname = "attributed_to"\nhead = ["QUOTE"]\nchild = ["SPEAKER"]\n',
        encoding="utf-8",
    )
    path = folder / "speech.db"
    assert run("init", path, "--schema", schema)[0] == 0
    return path


def speech_refusal(path: Path) -> str:
    """What suggesting or scoring on :func:`speech_project` says, word for word."""
    return (
        f"error: {path}: the schema 'Speech' has no CUE, cued_by, continues, which the suggester "
        "writes (labels QUOTE, SPEAKER, CUE, relations attributed_to, cued_by, continues): "
        "add them to the schema to use suggestions.\n"
    )


def test_suggest_writes_the_layer_and_a_second_run_replaces_it(db: Path) -> None:  # noqa: F811
    code, out, _ = run("suggest", db)
    assert code == 0
    assert "in 1 document (layer suggest:rules; 0 earlier sets replaced)" in out
    code, out, _ = run("suggest", db, "--documents", DOC)
    assert code == 0 and "1 earlier set replaced" in out
    _, stats, _ = run("stats", db)
    row = next(line.split() for line in stats.splitlines() if line.startswith(ANNOTATOR))
    assert row[1:4] == ["10", "10", "10"]  # quote parts, speakers, cues: once, not twice


def test_an_unknown_document_is_one_sentence_and_nothing_is_written(db: Path) -> None:  # noqa: F811
    code, _, err = run("suggest", db, "--documents", f"{DOC},nope")
    assert code == 1 and err == f'error: {db}: no document "nope"\n'
    _, stats, _ = run("stats", db)
    assert ANNOTATOR not in stats


def test_evaluate_prints_scores_per_quote_type_and_writes_nothing(db: Path) -> None:  # noqa: F811
    code, out, _ = run("suggest", db, "--evaluate", GOLD)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["quotes", "gold", "pred", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[1:5]] == ["direct", "indirect", "mixed", "all"]
    assert float(lines[4].split()[-1]) > 0.9
    assert "speaker accuracy" in out and "cue accuracy" in out
    assert ANNOTATOR not in run("stats", db)[1]


def test_against_a_layer_of_the_project(db: Path, tmp_path: Path) -> None:  # noqa: F811
    gold = tmp_path / "gold.jsonl"
    spans = [{**GOOD["spans"][0], "attrs": {"speaker": "Dmitry Peskov"}}, GOOD["spans"][1]]
    spans[1] = {**spans[1], "attrs": {"quote_type": "direct"}}
    record = {**GOOD, "annotator": "gold", "spans": spans}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run("import", db, gold)[0] == 0
    code, out, _ = run("suggest", db, "--against", "gold")
    assert code == 0
    assert out.splitlines()[1].split()[:3] == ["direct", "1", "1"]
    assert "speaker accuracy 1.00 (1/1" in out
    code, _, err = run("suggest", db, "--against", "carol")
    assert code == 1 and 'the layer "carol" has no annotated documents' in err


def test_evaluate_and_against_together_is_a_usage_error(db: Path) -> None:  # noqa: F811
    code, _, err = run("suggest", db, "--evaluate", GOLD, "--against", "gold")
    assert code == 2 and "not both" in err


def test_review_counts_per_document_and_annotator(db: Path) -> None:  # noqa: F811
    assert run("suggest", db)[0] == 0
    with Project.open(db) as project:
        found = suggestions(project.sets.get(DOC, ANNOTATOR))
        alice = AnnotatorName("alice")
        AcceptSuggestions(DOC, alice, ANNOTATOR, chosen=tuple(found[:2])).apply(project)
        RejectSuggestion(DOC, alice, ANNOTATOR, key=found[2].key).apply(project)
    code, out, _ = run("suggest", db, "--reviewed")
    assert code == 0
    assert out.splitlines() == [
        "document              annotator  accepted  rejected",
        f"{DOC}  alice      2         1",
    ]
    code, out, _ = run("suggest", db)
    assert "reviewed by alice: 2 accepted, 1 rejected" in out


def test_a_schema_without_cues_is_refused_in_one_sentence_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    path = speech_project(tmp_path)
    assert run("import", path, seeds_dir())[0] == 0
    code, _, err = run("suggest", path)
    assert code == 1
    assert err == speech_refusal(path)
    assert ANNOTATOR not in run("stats", path)[1]


def test_scoring_on_a_schema_without_cues_is_refused_with_the_same_sentence(
    tmp_path: Path,
) -> None:
    path = speech_project(tmp_path)
    refusal = speech_refusal(path)
    # Not "the layer has no annotated documents" nor a complaint about the gold file's line 1.
    assert run("suggest", path, "--against", "gold") == (1, "", refusal)
    assert run("suggest", path, "--evaluate", GOLD) == (1, "", refusal)


def test_a_link_the_schema_allows_between_other_labels_is_refused(tmp_path: Path) -> None:
    labels = "".join(f'\n[[labels]]\nname = "{name}"\n' for name in ("QUOTE", "SPEAKER", "CUE"))
    links = "".join(
        f'\n[[relations]]\nname = "{name}"\nhead = ["QUOTE"]\nchild = ["{child}"]\n'
        for name, child in (
            ("attributed_to", "SPEAKER"),
            ("cued_by", "SPEAKER"),
            ("continues", "QUOTE"),
        )
    )
    schema = tmp_path / "odd.toml"
    schema.write_text(f'name = "Odd"\nversion = 1\n{labels}{links}', encoding="utf-8")
    path = tmp_path / "odd.db"
    assert run("init", path, "--schema", schema)[0] == 0
    assert run("import", path, seeds_dir())[0] == 0
    code, _, err = run("suggest", path)
    assert code == 1
    assert err.startswith(f"error: {path}: the schema 'Odd' has no cued_by from QUOTE to CUE, ")
    assert ANNOTATOR not in run("stats", path)[1]


def test_stats_shows_each_annotators_accepted_rejected_and_open_suggestions(db: Path) -> None:  # noqa: F811
    assert run("suggest", db)[0] == 0
    with Project.open(db) as project:
        found = suggestions(project.sets.get(DOC, ANNOTATOR))
        alice = AnnotatorName("alice")
        AcceptSuggestions(DOC, alice, ANNOTATOR, chosen=tuple(found[:2])).apply(project)
        RejectSuggestion(DOC, alice, ANNOTATOR, key=found[2].key).apply(project)
        # Bob has a layer and has not looked at the suggestions yet.
        SetStatus(DOC, AnnotatorName("bob"), status=Status.IN_PROGRESS).apply(project)
    code, out, _ = run("stats", db)
    assert code == 0
    tail = out.split("\n\n", 1)[1].splitlines()
    assert tail[0] == f"suggestions (suggest:rules): {len(found)}"
    assert [line.split() for line in tail[1:]] == [
        ["reviewed", "by", "accepted", "rejected", "open"],
        ["alice", "2", "1", str(len(found) - 3)],
        ["bob", "0", "0", str(len(found))],
    ]
