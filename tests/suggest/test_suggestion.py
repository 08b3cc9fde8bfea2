"""Suggested quotes as units of review: split parts together, with their speaker and cue."""

from __future__ import annotations

from annotator.model import Document, DocumentId
from annotator.suggest import suggest
from annotator.suggest.suggestion import suggestions

TEXT = (
    "“We will not give up,” Mayor Ana Ruiz said on Monday, “not while people need us.”\n\n"
    "“The budget is fair,” she added."
)


def test_a_split_quote_is_one_suggestion_with_its_speaker_and_cue() -> None:
    found = suggestions(suggest(Document(DocumentId("d"), TEXT)))
    assert len(found) == 2
    first, second = found
    assert [TEXT[p.start : p.end] for p in first.parts] == [
        "“We will not give up,”",
        "“not while people need us.”",
    ]
    labels = [s.label for s in first.spans]
    assert labels == ["QUOTE", "QUOTE", "SPEAKER", "CUE"]
    assert {r.label for r in first.relations} == {"continues", "attributed_to", "cued_by"}
    assert first.key == (first.parts[0].start, first.parts[0].end)
    assert [TEXT[s.start : s.end] for s in second.spans] == [
        "“The budget is fair,”",
        "she",
        "added",
    ]
    # The caret anywhere in a part, the speaker or the cue is on the suggestion.
    speaker = TEXT.index("Mayor")
    assert first.covers(speaker) and not second.covers(speaker)
