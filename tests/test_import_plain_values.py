"""A JSONL import reads each line into plain values and stores them without model objects:
the spans and links a user imported are the ones the project shows, whatever ids the project
gave out before, and a line is refused as ever, with its file and line, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.errors import InputError
from annotator.model import DocumentId
from annotator.store import Project
from annotator.transfer.importing import import_paths

TEXT = '"Talks will go on," Peskov told reporters.'


def write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    return path


def quote_line(document: str, annotator: str, relations: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": document,
        "text": TEXT,
        "annotator": annotator,
        "spans": [
            {"id": "T1", "start": 0, "end": 19, "label": "QUOTE", "attrs": {"stance": "none"}},
            {"id": "T2", "start": 20, "end": 26, "label": "SPEAKER"},
            {"id": 3, "start": 27, "end": 31, "label": "CUE"},
        ],
        "relations": relations,
    }


def links(project: Project, document: str, annotator: str) -> set[tuple[str, str, str]]:
    """(relation, head's covered text, child's covered text), as the window shows a link."""
    (aset,) = project.bulk.sets_for([DocumentId(document)], annotator)[DocumentId(document)]
    text = {s.id: TEXT[s.start : s.end] for s in aset.spans}
    return {(r.label, text[r.head], text[r.child]) for r in aset.relations}


def test_links_join_the_right_spans_after_ids_were_given_out_and_deleted(
    tmp_path: Path, project: Project
) -> None:
    # The first import's spans are deleted again: the project never gives their ids out
    # twice, so the next import's spans start above them, and its links must follow.
    import_paths(project, [write(tmp_path / "a.jsonl", quote_line("a", "alice", []))])
    with project.transaction():
        project.sets.delete(DocumentId("a"), "alice")
    both = [
        {"label": "attributed_to", "head": "T1", "child": "T2"},
        {"label": "cued_by", "head": "T1", "child": "3"},
    ]
    import_paths(
        project,
        [
            write(
                tmp_path / "b.jsonl",
                quote_line("a", "alice", both),
                quote_line("b", "bob", both[1:]),
            )
        ],
    )
    assert links(project, "a", "alice") == {
        ("attributed_to", '"Talks will go on,"', "Peskov"),
        ("cued_by", '"Talks will go on,"', "told"),
    }
    assert links(project, "b", "bob") == {("cued_by", '"Talks will go on,"', "told")}


def test_a_link_by_a_numeric_span_id_beside_named_ones_keeps_both_ends(
    tmp_path: Path, project: Project
) -> None:
    mixed = [
        {"label": "cued_by", "head": "T1", "child": 3},
        {"label": "attributed_to", "head": "T1", "child": "T2"},
    ]
    import_paths(project, [write(tmp_path / "a.jsonl", quote_line("a", "alice", mixed))])
    assert links(project, "a", "alice") == {
        ("attributed_to", '"Talks will go on,"', "Peskov"),
        ("cued_by", '"Talks will go on,"', "told"),
    }


def test_a_value_accepted_for_one_label_is_still_refused_for_another(
    tmp_path: Path, project: Project
) -> None:
    cue_with_stance = quote_line("b", "alice", [])
    cue_with_stance["spans"][2]["attrs"] = {"stance": "none"}
    source = write(tmp_path / "a.jsonl", quote_line("a", "alice", []), cue_with_stance)
    with pytest.raises(InputError) as refused:
        import_paths(project, [source])
    assert str(refused.value) == (
        f'{source}, line 2: span "3": the schema has no attribute "stance" for label CUE'
    )
    assert project.documents.count() == 0


def test_a_span_label_that_is_not_a_string_is_refused_with_its_line(
    tmp_path: Path, project: Project
) -> None:
    line = quote_line("a", "alice", [])
    line["spans"][1]["label"] = ["SPEAKER"]
    source = write(tmp_path / "a.jsonl", quote_line("z", "alice", []), line)
    with pytest.raises(InputError) as refused:
        import_paths(project, [source])
    assert str(refused.value) == (
        f"{source}, line 2: span \"T2\": label ['SPEAKER'] is not in the schema "
        "(QUOTE, SPEAKER, CUE)"
    )
    assert project.documents.count() == 0


def list_indexes(project: Project) -> list[tuple[str, str]]:
    """The document list's indexes as stored (read from the connection, as tests do)."""
    return project._db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' "
        "AND sql IS NOT NULL ORDER BY name"
    ).fetchall()


def test_an_import_into_an_empty_project_keeps_the_list_indexes_whole_or_failed(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The indexes that keep a million-document list fast are built once at the end of an
    # import into an empty project; a failed import must leave them exactly as they were.
    from annotator.transfer import importing

    monkeypatch.setattr(importing, "_BATCH", 2)
    indexes = list_indexes(project)
    assert [name for name, _ in indexes] == ["documents_list", "documents_title"]
    good = [{"id": f"d{n}", "text": f"Text {n}.", "title": f"Title {9 - n}"} for n in range(5)]
    bad = write(tmp_path / "bad.jsonl", *good, {"id": "d0", "text": "Another text."})
    with pytest.raises(InputError, match="line 6"):
        import_paths(project, [bad])
    assert list_indexes(project) == indexes
    import_paths(project, [write(tmp_path / "good.jsonl", *good)])
    assert list_indexes(project) == indexes
    # Built from the rows: every document is found through them.
    assert project._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    titles = project._db.execute(
        "SELECT title FROM documents INDEXED BY documents_title ORDER BY title COLLATE NOCASE"
    ).fetchall()
    assert [t for (t,) in titles] == [f"Title {n}" for n in range(5, 10)]
