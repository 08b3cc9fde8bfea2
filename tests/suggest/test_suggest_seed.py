"""The seed article: its four direct or mixed quotes, with their speakers and cues."""

from __future__ import annotations

from annotator.model import Document, DocumentId
from annotator.paths import seeds_dir
from annotator.suggest import suggest


def test_seed_article_quotes_speakers_and_cues() -> None:
    text = (seeds_dir() / "000_80cf35cee6cee056.txt").read_text(encoding="utf-8")
    result = suggest(Document(DocumentId("seed"), text))
    spans = {span.id: span for span in result.spans}

    def linked(quote_id: object, label: str) -> str | None:
        for relation in result.relations:
            if relation.head == quote_id and relation.label == label:
                child = spans[relation.child]
                return text[child.start : child.end]
        return None

    def speaker_name(quote_id: object) -> object:
        for relation in result.relations:
            if relation.head == quote_id and relation.label == "attributed_to":
                return spans[relation.child].attrs.get("speaker")
        return None

    quotes = {
        text[s.start : s.end]: s
        for s in result.spans
        if s.label == "QUOTE" and s.attrs["quote_type"] in ("direct", "mixed")
    }
    expected = {
        "“We have heard from Washington at various levels that Ukraine’s NATO membership is off "
        "the table. Naturally, this corresponds with our position and brings us satisfaction.”": (
            "direct",
            "Kremlin spokesperson Dmitry Peskov",
            "Dmitry Peskov",
            "told",
        ),
        "that Ukraine’s NATO accession is “off the table.”": (
            "mixed",
            "General Keith Kellogg",
            "Keith Kellogg",
            "confirmed",
        ),
        "“Our response will mirror Russian actions. We answer silence with silence, and we "
        "defend ourselves against every strike,”": (
            "direct",
            "Zelensky",
            "Volodymyr Zelensky",
            "said",
        ),
        "“Negotiations for a peaceful resolution should take place discreetly, not in public,”": (
            "direct",
            "he",
            "Dmitry Peskov",
            "told",
        ),
    }
    assert set(quotes) == set(expected)
    for quote, (kind, speaker, name, cue) in expected.items():
        span = quotes[quote]
        assert span.attrs["quote_type"] == kind
        assert linked(span.id, "attributed_to") == speaker
        assert speaker_name(span.id) == name
        assert linked(span.id, "cued_by") == cue
