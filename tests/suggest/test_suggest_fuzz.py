"""Any text at all gives well-formed suggestions and never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.model import Document, DocumentId
from annotator.suggest import suggest

MARKS = "\"'“”‘’„‚«»‹›"
ALPHABET = MARKS + "aeiouTSMDH .,;:!?-—()\r\n\t0123456789😀🎤é\u00a0"
FRAGMENTS = [
    "said",
    "says",
    "told",
    "that",
    "he",
    "she",
    "it",
    "they",
    "According to",
    "according to",
    "Mr.",
    "U.S.",
    "R-Ohio",
    "the ministry",
    "officials",
    "Dmitry Peskov",
    "Gen.",
    ",",
    ".",
    ":",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "was announced",
    "adding",
    "and said",
    "familiar with the matter",
    "at least",
    "😀",
    "WASHINGTON (Reuters) -",
]
TEXTS = st.text(alphabet=ALPHABET, min_size=1, max_size=300) | st.lists(
    st.sampled_from(FRAGMENTS), min_size=1, max_size=60
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_any_text_gives_spans_inside_it_and_links_between_them(text: str) -> None:
    result = suggest(Document(DocumentId("d"), text))
    ids = set()
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.label in ("QUOTE", "SPEAKER", "CUE")
        ids.add(span.id)
    assert len(ids) == len(result.spans)
    labels = {span.id: span.label for span in result.spans}
    for relation in result.relations:
        assert relation.head in ids and relation.child in ids
        assert relation.head != relation.child
        assert labels[relation.head] == "QUOTE"
        expected = {"attributed_to": "SPEAKER", "cued_by": "CUE", "continues": "QUOTE"}
        assert labels[relation.child] == expected[relation.label]
