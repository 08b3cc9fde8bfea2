"""Who said a quote, as the training exports name it: the canonical name of its linked SPEAKER.

The rule lives here alone so that it can give way to the shared one of the model
(``annotator.model.attribution``) without touching the writers.
"""

from __future__ import annotations

from annotator.model import AnnotationSet, SpanId

ATTRIBUTED_TO = "attributed_to"
CONTINUES = "continues"


def quote_speakers(annotation: AnnotationSet) -> dict[SpanId, str]:
    """Span id -> the speaker name of every quote that has one.

    A quote's own ``attributed_to`` link wins; a part of a split quote without one takes the
    speaker of the nearest part it is joined to by ``continues`` (in either direction, since
    annotators link whichever part the attribution sits next to). A linked SPEAKER span with
    no ``speaker`` attribute yet gives no name.
    """
    names = {s.id: str(s.attrs["speaker"]) for s in annotation.spans if "speaker" in s.attrs}
    own: dict[SpanId, str] = {}
    joined: dict[SpanId, list[SpanId]] = {}
    for relation in annotation.relations:
        if relation.label == ATTRIBUTED_TO and relation.child in names:
            own.setdefault(relation.head, names[relation.child])
        elif relation.label == CONTINUES:
            joined.setdefault(relation.head, []).append(relation.child)
            joined.setdefault(relation.child, []).append(relation.head)
    found = dict(own)
    for start in joined:
        if start in own:
            continue
        # Breadth first, so the nearest linked part decides.
        seen, frontier = {start}, [start]
        while frontier and start not in found:
            following: list[SpanId] = []
            for part in frontier:
                for other in joined.get(part, ()):
                    if other in own:
                        found[start] = own[other]
                        break
                    if other not in seen:
                        seen.add(other)
                        following.append(other)
                if start in found:
                    break
            frontier = following
    return found
