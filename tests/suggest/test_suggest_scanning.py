"""The text scans written for speed find exactly what the plain patterns they replace find."""

from __future__ import annotations

import re
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.suggest.coreference import _runs
from annotator.suggest.letters import UPPER
from annotator.suggest.marks import mark_positions
from annotator.suggest.sentences import _BOUNDARY, _SPACED_TOKEN, _breaks

# Line breaks of every kind, the other white space \s knows, and what sits next to them.
BREAKS = st.text(alphabet="ab.,-\r\n \t\u00a0\u2028\x85\x0b\x0c", max_size=40)
TOKENS = st.text(alphabet="RDIUSabAZé1_.-'’&: \n“”\"?", max_size=40)
SENTENCES = st.text(alphabet="aZ1 .!?…\"'”’»›)]([“‘„«\n\tÉ", max_size=40)
QUOTED = st.text(alphabet="\"'“”„‘’‚«»‹›a \n😀é", max_size=40)
NAMES = st.text(alphabet="AZÉaz .'’&-\nvond", max_size=40)

LINE_BREAK = re.compile(r"(?:\r\n|\r|\n)\s*")
TOKEN = re.compile(
    r"(\s*)(?:([RDI]-(?:[A-Z]\.)+|[RDI]-[A-Z][a-z]+\.?"
    r"|(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|\w+(?:[-'’&]\w+)*)"
    r"|(\S))"
)
MARK = re.compile("[\"'“”„‘’‚«»‹›]")
SENTENCE_END = re.compile(rf"[.!?…]+([\"'”’»›)\]]*)\s+(?=[\"'“‘„«”(\[]*[{UPPER}0-9])")


def test_breaks_are_the_line_breaks_with_the_white_space_after_them() -> None:
    text = "a\r\n\r\nb\rc\n \t\nd\n"
    # At most a few more than there are: a scan that stops moving on fails, not hangs.
    assert list(islice(_breaks(text), 8)) == [(1, 5), (6, 7), (8, 12), (13, 14)]
    assert list(_breaks("no break at all")) == []


@settings(max_examples=300, deadline=None)
@given(BREAKS)
def test_breaks_match_the_line_break_pattern(text: str) -> None:
    assert list(_breaks(text)) == [m.span() for m in LINE_BREAK.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(TOKENS)
def test_tokens_match_the_pattern_with_the_common_word_last(text: str) -> None:
    assert _SPACED_TOKEN.findall(text) == TOKEN.findall(text)


@settings(max_examples=300, deadline=None)
@given(SENTENCES)
def test_sentence_ends_match_the_pattern_with_a_repeat_first(text: str) -> None:
    found = [(m.span(), m.group(1)) for m in _BOUNDARY.finditer(text)]
    assert found == [(m.span(), m.group(1)) for m in SENTENCE_END.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_name_runs_are_one_word_and_the_rest(text: str) -> None:
    for match in _runs(frozenset({"von", "der"})).finditer(text):
        first, rest = match.groups()
        assert first + rest == match.group()
        # A run without a rest is a single word: one with a rest has several.
        assert bool(rest) == (len(match.group().split()) > 1)


def test_mark_positions_are_every_quotation_mark_in_order() -> None:
    text = "«a» ‘b’ said \"c\" 'd' „e“ ‹f›"
    assert mark_positions(text) == [0, 2, 4, 6, 13, 15, 17, 19, 21, 23, 25, 27]


@settings(max_examples=300, deadline=None)
@given(QUOTED)
def test_mark_positions_match_the_set_of_marks(text: str) -> None:
    assert mark_positions(text) == [m.start() for m in MARK.finditer(text)]
