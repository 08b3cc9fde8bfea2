"""Prodigy JSONL: db-out lines as Prodigy writes them import exactly; ours read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from peer_helpers import covered, links

from annotator.errors import InputError
from annotator.formats.detect import detect_format
from annotator.formats.prodigy import read_prodigy, write_prodigy
from annotator.formats.raw_layer import LayerBuilder
from annotator.formats.span_tokens import tokenize
from annotator.formats.summary import TransferSummary
from annotator.model import Document, DocumentId
from annotator.model.schema import Schema

DATA = Path(__file__).parent / "data" / "prodigy"


def test_answers_layers_and_relations() -> None:
    summary = TransferSummary()
    [(document, sets)] = read_prodigy(DATA / "annotations.jsonl", summary)
    assert document.id == "peskov-1" and document.meta["source"] == "wire"
    assert summary.lost == {"task answered reject": 1, "task answered ignore": 1}
    by = {s.annotator: s for s in sets}
    assert set(by) == {"quotes-alex", "quotes-sam", "rel-alex"}
    assert covered(document, by["quotes-sam"]) == [
        ("TITLE", "Kremlin 😀 spokesperson Dmitry Peskov"),
        ("PERSON", "Dmitry Peskov"),
    ]
    # A relation to a token outside any span brings that token in, labelled TOKEN.
    assert covered(document, by["rel-alex"]) == [
        ("QUOTE", '"We are satisfied,"'),
        ("PERSON", "he"),
        ("TOKEN", "said"),
    ]
    assert links(document, by["rel-alex"]) == {
        ("SPEAKER", '"We are satisfied,"', "he"),
        ("CUE", '"We are satisfied,"', "said"),
    }


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ({"spans": []}, 'line 1: the task has no "text"'),
        ({"text": "abc", "spans": [{"start": 0, "end": 5, "label": "A"}]}, "outside the text"),
        ({"text": "abc", "spans": [{"start": 0, "end": 2, "label": 3}]}, '"label" must be a name'),
        (
            {"text": "abc", "relations": [{"head_span": {"start": 0, "end": 1}, "label": "r"}]},
            "child_span must be an object",
        ),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, line: object, problem: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(line) + "\n")
    with pytest.raises(InputError) as caught:
        read_prodigy(path)
    assert problem in str(caught.value)


TEXT = "Peskov 😀 said:\r\n“It is off\u00a0the table,” he said. 𝔯eporters"


def test_export_reads_back_with_tokens_on_every_span_edge(tmp_path: Path, schema: Schema) -> None:
    document = Document(DocumentId("d1"), TEXT, "T")
    layer = LayerBuilder(document.id, "alice")
    quote = layer.span(TEXT.index("“"), TEXT.index("”") + 1, "QUOTE", {"stance": "against"})
    speaker = layer.span(0, 6, "SPEAKER", {"speaker": "Dmitry Peskov"})
    layer.span(TEXT.index("It") + 1, TEXT.index("It") + 9, "QUOTE")  # starts inside a word
    layer.relate("attributed_to", quote, speaker)
    original = layer.build()
    out = tmp_path / "out.jsonl"
    write_prodigy(out, [(document, original)], schema)
    task = json.loads(out.read_text(encoding="utf-8"))
    for span in task["spans"]:
        tokens = task["tokens"]
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
    assert task["_view_id"] == "relations" and task["_annotator_id"] == "alice"
    [(back, [again])] = read_prodigy(out)
    assert back.id == "d1" and back.text == TEXT
    assert covered(back, again) == covered(document, original)
    assert links(back, again) == links(document, original)
    assert [s.attrs for s in again.spans] == [s.attrs for s in original.spans]


def test_tokens_cover_words_and_split_at_span_edges() -> None:
    text = "Peskov 😀 said: ok"
    assert [text[t.start : t.end] for t in tokenize(text)] == ["Peskov", "😀", "said", ":", "ok"]
    assert [text[t.start : t.end] for t in tokenize(text, [1], [3])] == [
        "P", "es", "kov", "😀", "said", ":", "ok",
    ]  # fmt: skip


def test_the_options_chosen_in_a_choice_task_become_the_category(tmp_path: Path) -> None:
    task = {
        "text": "Markets fell.",
        "options": [{"id": "ECONOMY", "text": "Economy"}, {"id": "SPORT", "text": "Sport"}],
        "accept": ["ECONOMY", "SPORT"],
        "_view_id": "choice",
        "answer": "accept",
    }
    path = tmp_path / "choice.jsonl"
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    [(_, [annotation])] = read_prodigy(path)
    assert annotation.doc_attrs == {"category": "ECONOMY, SPORT"}


@pytest.mark.parametrize(
    "task",
    [
        # textcat.manual with several labels: Prodigy's choice view, no spans, no hashes kept
        {
            "text": "Docs are wrong and slow",
            "options": [{"id": "DOCS", "text": "docs"}, {"id": "PERF", "text": "perf"}],
            "_view_id": "choice",
            "config": {"choice_style": "multiple"},
            "accept": ["DOCS", "PERF"],
            "answer": "accept",
        },
        # a binary textcat answer as db-out writes it
        {
            "text": "Docs are wrong and slow",
            "label": "DOCS, PERF",
            "_input_hash": 1,
            "_task_hash": 2,
            "answer": "accept",
        },
    ],
)
def test_a_task_without_spans_is_told_as_prodigy(tmp_path: Path, task: dict) -> None:
    path = tmp_path / "textcat.jsonl"
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    assert detect_format(path) == "prodigy"
    [(_, [annotation])] = read_prodigy(path)
    assert annotation.doc_attrs == {"category": "DOCS, PERF"}


def test_a_choice_about_several_spans_stays_the_documents_category(tmp_path: Path) -> None:
    # only one span says which span the accepted option is about (entity_linker.manual)
    spans = [{"start": 0, "end": 7, "label": "ORG"}, {"start": 13, "end": 18, "label": "ORG"}]
    task = {"text": "Markets fell. Banks", "spans": spans, "accept": ["ECONOMY"]}
    path = tmp_path / "choice.jsonl"
    path.write_text(json.dumps(task | {"_view_id": "choice"}) + "\n", encoding="utf-8")
    [(_, [annotation])] = read_prodigy(path)
    assert annotation.doc_attrs == {"category": "ECONOMY"}
    assert [s.attrs for s in annotation.spans] == [{}, {}]
