"""The rule-based detector: a document in, an annotation set of suggestions out.

Quote marks are paired per paragraph, sentences are split around them, the attribution
patterns run per sentence, and what is left is settled across sentences: a quote standing
alone after an attributed one keeps that speaker ("“A,” he said. “B.”"), an attribution-only
sentence takes the quote before it ("“We won!” Smith said."), a paragraph that reopens a quote
continues it. Speakers are then resolved to canonical names and everything becomes QUOTE,
SPEAKER and CUE spans with local ids 1..n and their relations.
"""

from __future__ import annotations

import functools
import re
import string
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.model import (
    AnnotationSet,
    AttrValue,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
)
from annotator.suggest.attributions import (
    Attribution,
    Attributor,
    QuoteType,
    SpeakerMention,
    dateline_end,
)
from annotator.suggest.coreference import Registry, Resolver
from annotator.suggest.layer import ANNOTATOR
from annotator.suggest.letters import UPPER
from annotator.suggest.lexicon import Lexicon, load_lexicon
from annotator.suggest.marks import QuoteSegment, quote_segments
from annotator.suggest.mentions import Mention
from annotator.suggest.sentences import Kind, Sentence, Splitter, Token, paragraphs

_WORDS = re.compile(r"[A-Za-z]+")
_LETTERS = frozenset(string.ascii_letters)
_NOT_LETTERS = bytes(c if chr(c) in _LETTERS else 32 for c in range(256))
_MIN_LONE_WORDS = 5
# A quote standing alone keeps the last speaker up to this many paragraphs back: a guess
# is right more often than no speaker at all.
_INHERIT_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class _Links:
    """An attribution and, when it reopens a quote from the paragraph before, the last part
    of that quote (its ``continues`` target)."""

    attribution: Attribution
    continues: tuple[int, int] | None = None


class Detector:
    """The rules with one lexicon (build once, call :meth:`suggest` per document)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.attributor = Attributor(lexicon)
        forms = sorted((f for f in lexicon.verbs if " " not in f), key=len, reverse=True)
        cue = "|".join(re.escape(f) for f in forms) or "(?!)"
        # Words that may start a cue; a sentence without one is never tokenised.
        starts = {p.split()[0] for p in lexicon.phrases}
        self._cue_words = frozenset(lexicon.verbs) | starts | {w.capitalize() for w in starts}
        # As bytes, for _cue_starts; a cue word with anything but ASCII letters in it is
        # never one of the words it reads.
        self._cue_bytes = frozenset(w.encode() for w in self._cue_words if _WORDS.fullmatch(w))
        # Inside a quote left open: where its attribution begins (", said Phil Reddy").
        self._open_quote_end = re.compile(
            rf",\s+(?:(?:{cue})\s+[{UPPER}]|(?:[{UPPER}][\w.’'-]*\s+){{1,4}}(?:{cue})\b"
            rf"|(?:he|she|they|it)\s+(?:{cue})\b)"
        )

    def suggest(self, document: Document, registry: Iterable[str] = ()) -> AnnotationSet:
        return annotation_set(self.rows(document, registry))

    def rows(self, document: Document, registry: Iterable[str] = ()) -> Rows:
        """The suggestions for ``document`` as plain tuples (see :data:`Rows`)."""
        text = document.text
        spans = paragraphs(text)
        segments = self._cut_open_quotes(text, quote_segments(text, spans))
        cues = self._cue_starts(text)
        # Only paragraphs with a quote or a cue are split: the rest can hold no attribution.
        sentences = Splitter(text, segments, self.lex).sentences(spans, cues)
        found: list[Attribution] = []
        last = len(cues)
        for number, sentence in enumerate(sentences):
            # Most sentences hold neither a quote nor a cue: they are never tokenised.
            at = bisect_left(cues, sentence.start)
            if sentence.quotes or (at < last and cues[at] < sentence.end):
                found.extend(self.attributor.sentence(sentence, number))
        found.extend(self._lone_quotes(sentences, segments, found))
        found.sort(key=lambda a: (a.parts[0][0], a.parts[0][1]))
        self._inherit(found, sentences)
        links = self._continuations(found, segments)
        speakers = [a.speaker for a in found if a.speaker is not None]
        names = Resolver(text, self.lex, Registry(registry)).resolve(speakers)
        return _rows(document, links, names)

    def _cue_starts(self, text: str) -> list[int]:
        """Where the words that may start a cue begin, in order: found once per document
        (the few cue words it holds, then each by ``str.find``), not per sentence."""
        out: list[int] = []
        size = len(text)
        # The text's words as _WORDS reads them (runs of ASCII letters): in UTF-8 every other
        # character is a byte outside A-Z and a-z, which the table blanks out. Four times
        # cheaper than _WORDS.findall, which makes a string per word of the text.
        words = text.encode().translate(_NOT_LETTERS).split()
        for word in (w.decode() for w in self._cue_bytes.intersection(words)):
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                # A whole word, as _WORDS reads it: no ASCII letter on either side.
                if (at == 0 or text[at - 1] not in _LETTERS) and (
                    end == size or text[end] not in _LETTERS
                ):
                    out.append(at)
                at = text.find(word, end)
        out.sort()
        return out

    def _cut_open_quotes(self, text: str, segments: list[QuoteSegment]) -> list[QuoteSegment]:
        """A quote whose closing mark is missing ends where its attribution begins."""
        out: list[QuoteSegment] = []
        for segment in segments:
            if not segment.closed:
                found = self._open_quote_end.search(text, segment.start + 1, segment.end)
                if found is not None:
                    segment = QuoteSegment(segment.start, found.start() + 1, False, segment.carried)
            out.append(segment)
        return out

    def _lone_quotes(
        self,
        sentences: Sequence[Sentence],
        segments: Sequence[QuoteSegment],
        found: list[Attribution],
    ) -> list[Attribution]:
        """Quotes no pattern claimed: carried-over paragraphs, quotes standing alone, quotes
        after a colon, quotes whose attribution is the next sentence."""
        used = {index for attribution in found for index in attribution.segments}
        with_cue = {attribution.sentence for attribution in found}
        out: list[Attribution] = []
        for number, sentence in enumerate(sentences):
            if all(index in used for index in sentence.quotes):
                continue
            tokens = sentence.tokens
            begin = dateline_end(tokens)
            words = sum(1 for t in tokens if t.kind == Kind.WORD)
            for position, token in enumerate(tokens):
                if token.kind != Kind.QUOTE or token.quote in used:
                    continue
                segment = segments[token.quote]
                lone = Attribution(
                    [(token.start, token.end)], QuoteType.DIRECT, number, segments=[token.quote]
                )
                if segment.carried:
                    out.append(lone)
                    continue
                if words == 0:
                    orphan = self._orphan(sentences, number)
                    if orphan is not None:
                        with_cue.add(number + 1)  # its cue is the next sentence's
                    else:
                        orphan = self._introduced(sentences, number)
                    if orphan is not None:
                        lone.speaker, lone.cue = orphan
                    else:
                        lone.inherits = True
                    out.append(lone)
                    continue
                if position > begin and tokens[position - 1].text == ":":
                    subject = self.attributor.mentions.after(tokens, begin)
                    if subject is not None:
                        lone.speaker = _speaker(tokens, subject)
                        out.append(lone)
                        continue
                quoted_words = len(token.text.split())
                if (
                    quoted_words >= _MIN_LONE_WORDS
                    and quoted_words >= words
                    and (number not in with_cue)
                ):
                    lone.inherits = True
                    out.append(lone)
        return out

    def _orphan(
        self, sentences: Sequence[Sentence], number: int
    ) -> tuple[SpeakerMention, tuple[int, int]] | None:
        """ "Zelensky said." right after a quote-only sentence of the same paragraph."""
        if number + 1 >= len(sentences):
            return None
        nxt = sentences[number + 1]
        if nxt.paragraph != sentences[number].paragraph:
            return None
        tokens = nxt.tokens
        attributor = self.attributor
        if any(t.kind == Kind.QUOTE or t.lower == "that" for t in tokens):
            return None
        cues = attributor.cues(tokens, 0)
        if not cues or cues[0].lemma == "according to":
            return None
        cue = cues[0]
        mention = attributor.mentions.before(tokens, cue.first, 0)
        if mention is None or mention.first != 0:
            mention = attributor.mentions.after(tokens, cue.last) if cue.first == 0 else None
        if mention is None:
            return None
        rest = max(cue.last, mention.last)
        positions = attributor.clauses.skip_adverbials(tokens, rest, recipient=True)
        end = positions[-1]
        if any(t.kind == Kind.WORD for t in tokens[end:]) and len(tokens) - end > 6:
            return None
        cue_span = (tokens[cue.first].start, tokens[cue.last - 1].end)
        return _speaker(tokens, mention), cue_span

    def _introduced(
        self, sentences: Sequence[Sentence], number: int
    ) -> tuple[SpeakerMention, tuple[int, int]] | None:
        """ "She said:" ending the sentence (or the paragraph) before a quote-only one."""
        if number == 0:
            return None
        tokens = sentences[number - 1].tokens
        if len(tokens) < 3 or tokens[-1].text != ":":
            return None
        attributor = self.attributor
        begin = dateline_end(tokens)
        cues = attributor.cues(tokens, begin)
        if not cues:
            return None
        cue = cues[-1]  # only the last cue can introduce what follows the colon
        mention = attributor.mentions.before(tokens, cue.first, begin)
        rest = cue.last
        if mention is None:
            mention = attributor.mentions.after(tokens, cue.last)  # "..., said the mayor:"
            if mention is None:
                return None
            rest = mention.last
        # "She said on Monday:": only adverbials between the cue (or speaker) and the colon.
        if len(tokens) - 1 not in attributor.clauses.skip_adverbials(tokens, rest, recipient=True):
            return None
        return _speaker(tokens, mention), (tokens[cue.first].start, tokens[cue.last - 1].end)

    def _inherit(self, found: list[Attribution], sentences: Sequence[Sentence]) -> None:
        """A quote standing alone keeps the speaker of the attribution before it (at most
        _INHERIT_PARAGRAPHS paragraphs back)."""
        last: Attribution | None = None
        for attribution in found:
            if attribution.inherits and attribution.speaker is None and last is not None:
                here = sentences[attribution.sentence].paragraph
                if here - sentences[last.sentence].paragraph <= _INHERIT_PARAGRAPHS:
                    attribution.speaker = last.speaker
            if attribution.speaker is not None:
                last = attribution

    def _continuations(
        self, found: list[Attribution], segments: Sequence[QuoteSegment]
    ) -> list[_Links]:
        """Join a paragraph that reopens a quote to the quote it continues."""
        owner: dict[int, Attribution] = {}
        for attribution in found:
            for index in attribution.segments:
                owner[index] = attribution
        out: list[_Links] = []
        for attribution in found:
            continues = None
            if attribution.segments and attribution.quote_type == QuoteType.DIRECT:
                first = attribution.segments[0]
                previous = owner.get(first - 1)
                if segments[first].carried and previous is not None and previous is not attribution:
                    continues = previous.parts[-1]
                    if attribution.speaker is None and previous.speaker is not None:
                        attribution.inherits = False
            out.append(_Links(attribution, continues))
        return out


def _speaker(tokens: list[Token], mention: Mention) -> SpeakerMention:
    return SpeakerMention(tokens[mention.first].start, tokens[mention.last - 1].end, mention.kind)


#: (start, end, label, attributes) of one span; its id is its place in the list, from 1
SpanRow = tuple[int, int, str, tuple[tuple[str, AttrValue], ...]]
#: (label, head, child) of one relation, by span id
RelationRow = tuple[str, int, int]
#: A document's suggestions as plain tuples: (document id, spans, relations). Cheap to
#: pickle between processes, where annotation sets cost as much as finding them.
Rows = tuple[str, list[SpanRow], list[RelationRow]]

# Spans are keyed (start, end, rank) while they are collected, so that plain tuple order
# is the rows' order (by place, then quote, speaker, cue) without a key function.
_QUOTE, _SPEAKER, _CUE = 0, 1, 2
_LABELS = ("QUOTE", "SPEAKER", "CUE")
# A quote's attributes, one tuple per type (``.value`` is a property call on an enum).
_QUOTE_ATTRS = {kind: (("quote_type", kind.value),) for kind in QuoteType}


def _rows(document: Document, links: Sequence[_Links], names: dict[tuple[int, int], str]) -> Rows:
    spans: dict[tuple[int, int, int], tuple[tuple[str, AttrValue], ...]] = {}
    relations: list[tuple[str, tuple[int, int, int], tuple[int, int, int]]] = []
    for link in links:
        attribution = link.attribution
        keys = [(start, end, _QUOTE) for start, end in attribution.parts]
        attrs = _QUOTE_ATTRS[attribution.quote_type]
        for key in keys:
            spans.setdefault(key, attrs)
        for later, earlier in zip(keys[1:], keys, strict=False):
            relations.append(("continues", later, earlier))
        if link.continues is not None:
            relations.append(("continues", keys[0], (*link.continues, _QUOTE)))
        if attribution.speaker is not None:
            speaker = attribution.speaker
            key = (speaker.start, speaker.end, _SPEAKER)
            name = names.get((speaker.start, speaker.end))
            spans.setdefault(key, (("speaker", name),) if name else ())
            relations.append(("attributed_to", keys[0], key))
        if attribution.cue is not None:
            key = (*attribution.cue, _CUE)
            spans.setdefault(key, ())
            relations.append(("cued_by", keys[0], key))
    ordered = sorted(spans)
    ids = {key: number for number, key in enumerate(ordered, start=1)}
    seen: set[RelationRow] = set()
    links_out: list[RelationRow] = []
    for label, head, child in relations:
        row = (label, ids[head], ids[child])
        if row not in seen and head != child:
            seen.add(row)
            links_out.append(row)
    return (
        document.id,
        [(start, end, _LABELS[rank], spans[start, end, rank]) for start, end, rank in ordered],
        links_out,
    )


def annotation_set(rows: Rows) -> AnnotationSet:
    """The ``suggest:rules`` annotation set of some rows, spans named T1..Tn."""
    document = DocumentId(rows[0])
    result = AnnotationSet(document, ANNOTATOR)
    result.spans = [
        Span(SpanId(number), document, ANNOTATOR, start, end, label, dict(attrs), f"T{number}")
        for number, (start, end, label, attrs) in enumerate(rows[1], start=1)
    ]
    result.relations = [
        Relation(RelationId(number), label, SpanId(head), SpanId(child))
        for number, (label, head, child) in enumerate(rows[2], start=1)
    ]
    return result


@functools.cache
def default_detector() -> Detector:
    """The detector with the bundled lexicon, built once per process."""
    return Detector(load_lexicon())


def suggest(
    document: Document, *, registry: Iterable[str] = (), lexicon: Lexicon | None = None
) -> AnnotationSet:
    """Suggested QUOTE, SPEAKER and CUE spans for ``document``, in the layer
    ``suggest:rules``; ``registry`` holds the project's speaker names to reuse."""
    detector = default_detector() if lexicon is None else Detector(lexicon)
    return detector.suggest(document, registry)
