"""Many documents on several processes give exactly what one document at a time gives."""

from __future__ import annotations

from annotator.model import Document, DocumentId
from annotator.suggest import suggest
from annotator.suggest.batch import suggest_many

TEXTS = [
    "“We will win,” Zelensky said, “whatever it takes.”",
    "Officials said the war would end. No quotes follow.",
    "Nothing to see here.",
    "According to the agency, prices rose 3%. “It hurts,” said shopper Ana Ruiz.",
] * 40


def test_suggest_many_matches_suggest_in_order_and_reports_progress() -> None:
    documents = [Document(DocumentId(f"d{i}"), text) for i, text in enumerate(TEXTS)]
    seen: list[int] = []
    results = list(
        suggest_many(documents, workers=2, registry=["Volodymyr Zelenskyy"], progress=seen.append)
    )
    expected = [suggest(d, registry=["Volodymyr Zelenskyy"]) for d in documents]
    assert results == expected
    assert seen[-1] == len(documents) and seen == sorted(seen)
    speakers = [s.attrs for s in results[0].spans if s.label == "SPEAKER"]
    assert speakers == [{"speaker": "Volodymyr Zelenskyy"}]


def test_one_worker_runs_in_this_process() -> None:
    documents = [Document(DocumentId("a"), TEXTS[0])]
    assert list(suggest_many(documents, workers=1)) == [suggest(documents[0])]


def test_spawned_workers_give_the_same_suggestions_with_the_registry() -> None:
    # Spawned workers start as fresh interpreters: the registry and the documents travel
    # with each chunk, nothing comes from this process's memory.
    documents = [Document(DocumentId(f"d{i}"), text) for i, text in enumerate(TEXTS)]
    results = list(suggest_many(documents, workers=2, registry=["Volodymyr Zelenskyy"], spawn=True))
    assert results == [suggest(d, registry=["Volodymyr Zelenskyy"]) for d in documents]
