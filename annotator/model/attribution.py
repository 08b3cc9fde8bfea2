"""Who said a quote: the one rule from a QUOTE to its SPEAKER mentions and their speakers.

A QUOTE is attributed to SPEAKER mentions by ``attributed_to`` links. A quote interrupted by
its attribution ("X," he said, "Y") is several QUOTE parts joined by ``continues``; usually
only one part carries the link. Following ``continues`` gives every part of the quote the
speakers of the whole quote, which is what a reader means by "who said this" (the span table,
the inspector, the checks, the speaker registry). Agreement reads the links as drawn, part by
part (docs/agreement.md: "its attributed_to SPEAKER's canonical speaker"), so it does not follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from annotator.model.annotation import AnnotationSet, Span
from annotator.model.ids import SpanId

QUOTE = "QUOTE"
SPEAKER = "SPEAKER"
ATTRIBUTED_TO = "attributed_to"
CONTINUES = "continues"
#: The SPEAKER attribute holding the canonical name from the speaker registry.
SPEAKER_ATTRIBUTE = "speaker"
#: Joins several speakers of one quote (rare: a joint statement) into one value.
SPEAKER_JOIN = " + "
#: Mentions that say who only through the text around them: never a registry name.
PRONOUNS = frozenset(
    (
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "one",
    )
)


_text_order = attrgetter("start", "end", "id")


def is_pronoun(mention: str) -> bool:
    """ "he", "She", "they" (a pronoun alone, whatever the case) names no one by itself."""
    return " ".join(mention.split()).lower() in PRONOUNS


def quote_parts(annotation: AnnotationSet) -> dict[SpanId, SpanId]:
    """Each span joined by ``continues`` -> the first part of its quote (its group's root).

    Spans in no ``continues`` link are left out. Cycles and chains in either direction end
    up in one group.
    """
    links = [r for r in annotation.relations if r.label == CONTINUES]
    if not links:
        return {}
    parent: dict[SpanId, SpanId] = {}

    def root(span: SpanId) -> SpanId:
        while parent.get(span, span) != span:
            span = parent[span]
        return span

    for relation in links:
        head, child = root(relation.head), root(relation.child)
        parent.setdefault(head, head)
        parent.setdefault(child, child)
        if head != child:
            parent[head] = child
    return {span: root(span) for span in parent}


def speaker_mentions(
    annotation: AnnotationSet, *, follow_continues: bool = True
) -> dict[SpanId, list[Span]]:
    """QUOTE span id -> the SPEAKER mentions it is attributed to, in text order.

    With ``follow_continues``, a part without links of its own has the mentions of the
    other parts of its quote; a part with its own link keeps just those.
    """
    links = [r for r in annotation.relations if r.label == ATTRIBUTED_TO]
    if not links:
        # Without links there is nothing to follow either (exports ask this of every set).
        return {}
    spans = annotation.spans
    by_id = {span.id: span for span in spans}
    own: dict[SpanId, list[Span]] = {}
    for relation in links:
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if head is None or child is None or head.label != QUOTE or child.label != SPEAKER:
            continue
        found = own.setdefault(head.id, [])
        if child not in found:
            found.append(child)
    groups = quote_parts(annotation) if follow_continues else {}
    if groups:
        shared: dict[SpanId, list[Span]] = {}
        for quote, mentions in own.items():
            if quote in groups:
                pool = shared.setdefault(groups[quote], [])
                pool.extend(m for m in mentions if m not in pool)
        for span in spans:
            if span.label == QUOTE and span.id not in own and span.id in groups:
                joined = shared.get(groups[span.id])
                if joined:
                    own[span.id] = list(joined)
    for mentions in own.values():
        if len(mentions) > 1:
            mentions.sort(key=_text_order)
    return own


def speaker_names(mentions: Iterable[Span], text: str | None = None) -> list[str]:
    """The distinct speakers named by ``mentions``, sorted: each mention's canonical name, or,
    given the document ``text``, a mention's own words while it names no registry speaker
    yet ("Peskov"); without ``text`` such mentions are left out."""
    names: set[str] = set()
    for mention in mentions:
        name = mention.attrs.get(SPEAKER_ATTRIBUTE)
        if name:
            names.add(str(name))
        elif text is not None:
            words = " ".join(text[mention.start : mention.end].split())
            if words:
                names.add(words)
    return sorted(names)


def quote_speakers(
    annotation: AnnotationSet, *, follow_continues: bool = True, text: str | None = None
) -> dict[SpanId, str]:
    """QUOTE span id -> its speaker(s) joined by " + " (see :func:`speaker_names`); quotes
    whose mentions name nobody are left out."""
    out: dict[SpanId, str] = {}
    for quote, mentions in speaker_mentions(annotation, follow_continues=follow_continues).items():
        names = speaker_names(mentions, text)
        if names:
            out[quote] = SPEAKER_JOIN.join(names)
    return out
