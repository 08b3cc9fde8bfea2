"""A small gold layer for the training-format tests: overlaps, a split quote, odd boundaries."""

from __future__ import annotations

from annotator.model import (
    AnnotationSet,
    AnnotatorName,
    Document,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Speaker,
    SpeakerType,
    Status,
    Target,
)

GOLD = AnnotatorName("gold")
TEXT = (
    'Kremlin spokesperson Dmitry Peskov said on Monday: "Ukraine in NATO is a threat." '
    'He added, "We will respond," according to Mr. Smith of the U.S. side.\n'
    "A second paragraph, with no quotes at all."
)
SPEAKERS = [Speaker("Dmitry Peskov", SpeakerType.PERSON, "Kremlin spokesperson", "Q1968283")]
TARGETS = [Target("Ukraine in NATO", "FAVOR = supports Ukraine joining NATO")]


def find(part: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def span(number: int, part: str, label: str, **attrs: str) -> Span:
    start, end = find(part)
    return Span(
        SpanId(number), DocumentId("doc-1"), GOLD, start, end, label, dict(attrs), f"T{number}"
    )


def relation(number: int, label: str, head: int, child: int) -> Relation:
    return Relation(RelationId(number), label, SpanId(head), SpanId(child))


def spans() -> list[Span]:
    return [
        span(1, "Kremlin spokesperson Dmitry Peskov", "SPEAKER", speaker="Dmitry Peskov"),
        span(2, "said", "CUE"),
        span(
            3,
            '"Ukraine in NATO is a threat."',
            "QUOTE",
            stance="against",
            target="Ukraine in NATO",
            quote_type="direct",
            claim_type="opinion",
            checkworthy="yes",
        ),
        span(4, '"We will respond,"', "QUOTE", claim_type="prediction", commitment="certain"),
        # Starts and ends inside words, overlaps quote 3: widened, and in doc.spans only.
        span(5, "kraine in NATO is a thr", "QUOTE", stance="none", target="Ukraine in NATO"),
        span(6, "Mr. Smith of the U.S. side", "SPEAKER"),
        span(7, "according to", "CUE"),
    ]


def layer() -> list[tuple[Document, AnnotationSet | None]]:
    first = AnnotationSet(
        DocumentId("doc-1"),
        GOLD,
        Status.DONE,
        spans(),
        [
            relation(1, "attributed_to", 3, 1),
            relation(2, "cued_by", 3, 2),
            # The second part of the split quote has no link of its own.
            relation(3, "continues", 4, 3),
        ],
        {"relevance": "relevant"},
    )
    plain = Document(DocumentId("doc-2"), "Nothing annotated here.\n", "Plain")
    empty_text = "Gold looked and found no quotes."
    empty = AnnotationSet(DocumentId("doc-3"), GOLD, Status.DONE)
    return [
        (Document(DocumentId("doc-1"), TEXT, "Peskov", {"source": "test"}), first),
        (plain, None),
        (Document(DocumentId("doc-3"), empty_text), empty),
    ]


NAMES = ["Dmitry Peskov", "Annalena Baerbock", "Jens Stoltenberg", "Olaf Scholz", "Joe Biden"]
CUES = ["said", "told", "warned", "added", "claimed"]
WORDS = ["talks", "would", "continue", "while", "officials", "denied", "any", "deal", "on"]


def generated_layer(documents: int, seed: int = 1) -> list[tuple[Document, AnnotationSet | None]]:
    """A gold layer of short articles, three attributed quotes each, for training runs."""
    import random

    rng = random.Random(seed)
    out: list[tuple[Document, AnnotationSet | None]] = []
    for number in range(documents):
        document = DocumentId(f"gen-{number:04d}")
        annotation = AnnotationSet(document, GOLD, Status.DONE)
        text = ""
        for _ in range(3):
            speaker = rng.choice(NAMES)
            cue = rng.choice(CUES)
            quote = '"' + " ".join(rng.sample(WORDS, rng.randint(2, 5))) + '."'
            parts = [(speaker, "SPEAKER", {}), (cue, "CUE", {})]
            parts.append((quote, "QUOTE", {"stance": rng.choice(["favor", "against", "none"])}))
            for part, label, attrs in parts:
                index = SpanId(len(annotation.spans) + 1)
                start = len(text)
                text += part + " "
                annotation.spans.append(
                    Span(index, document, GOLD, start, start + len(part), label, attrs, f"T{index}")
                )
            quote_id, speaker_id = annotation.spans[-1].id, annotation.spans[-3].id
            annotation.relations.append(
                relation(len(annotation.relations) + 1, "attributed_to", quote_id, speaker_id)
            )
        out.append((Document(document, text.strip()), annotation))
    return out


#: A schema whose names have spaces, as CoNLL and brat cannot write them (both split rows at
#: white space): the writers spell them with "_", the readers map them back.
SPACED = """
name = "Spaced"
version = 1

[[labels]]
name = "Direct Quote"

[[labels]]
name = "SPEAKER"

[[relations]]
name = "said by"
head = ["Direct Quote"]
child = ["SPEAKER"]
"""
