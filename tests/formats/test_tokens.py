"""The pure tokenizer: offsets that point at the token's text, sentences that respect "Mr."."""

from __future__ import annotations

from annotator.formats.tokens import SentenceIndex, sentences, tokenize

TEXT = (
    'Mr. Smith flew to the U.S. on Jan. 5. He said: "It\'s 1,000.50 dollars!" Then left.\n'
    "Café́ reopened 😀 today"
)


def words(text: str) -> list[list[str]]:
    return [[token.text for token in sentence] for sentence in sentences(text)]


def test_every_token_is_the_text_at_its_offsets() -> None:
    tokens = tokenize(TEXT)
    assert all(TEXT[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:8] == [
        "Mr.",
        "Smith",
        "flew",
        "to",
        "the",
        "U.S.",
        "on",
        "Jan.",
    ]
    assert "1,000.50" in [t.text for t in tokens] and "It's" in [t.text for t in tokens]
    assert "Café́" in [t.text for t in tokens]  # the combining accent stays on its word


def test_sentences_end_at_marks_and_line_breaks_but_not_after_abbreviations() -> None:
    assert words(TEXT) == [
        ["Mr.", "Smith", "flew", "to", "the", "U.S.", "on", "Jan.", "5", "."],
        ["He", "said", ":", '"', "It's", "1,000.50", "dollars", "!", '"'],
        ["Then", "left", "."],
        ["Café́", "reopened", "😀", "today"],
    ]


def test_a_period_after_an_ordinary_word_ends_the_sentence() -> None:
    assert words("I said no. Then we left") == [["I", "said", "no", "."], ["Then", "we", "left"]]


def test_context_is_every_sentence_a_range_touches() -> None:
    index = SentenceIndex(TEXT)
    quote = TEXT.index('"It')
    assert index.around(quote, quote + 5) == 'He said: "It\'s 1,000.50 dollars!"'
    end = TEXT.index("Then") + 2
    assert index.around(quote, end) == 'He said: "It\'s 1,000.50 dollars!" Then left.'
    assert SentenceIndex(TEXT, paragraphs=True).around(quote, quote + 1) == TEXT.split("\n")[0]
