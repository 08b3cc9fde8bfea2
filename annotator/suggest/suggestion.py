"""One suggested quote as an annotator accepts or rejects it: its parts, speaker and cue."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model import AnnotationSet, Relation, Span, SpanId

_LINKS = ("attributed_to", "cued_by")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A quote of a suggestion layer: its QUOTE parts (joined by ``continues``) first, in
    text order, then the SPEAKER and CUE spans they link to; ``relations`` are the links
    among those spans. ``key`` (where the first part lies) names it in decisions."""

    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]

    @property
    def key(self) -> tuple[int, int]:
        return (self.spans[0].start, self.spans[0].end)

    @property
    def parts(self) -> tuple[Span, ...]:
        return tuple(s for s in self.spans if s.label == "QUOTE")

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)

    def covers(self, cp: int) -> bool:
        """Whether ``cp`` lies in one of its spans (a caret at a span's end counts)."""
        return any(s.start <= cp <= s.end for s in self.spans)

    def width_at(self, cp: int) -> int:
        """The length of the shortest of its spans holding ``cp``: the innermost wins."""
        return min((s.end - s.start for s in self.spans if s.start <= cp <= s.end), default=0)


def suggestions(annotation: AnnotationSet) -> list[Suggestion]:
    """The quotes of ``annotation``, in text order; a speaker or cue shared by two quotes
    belongs to both, a span linked to no quote to none."""
    by_id = {span.id: span for span in annotation.spans}
    earlier: dict[SpanId, SpanId] = {}
    for relation in annotation.relations:
        if relation.label == "continues" and relation.head in by_id and relation.child in by_id:
            earlier[relation.head] = relation.child

    def root(span: SpanId) -> SpanId:
        seen = {span}
        while span in earlier and earlier[span] not in seen:
            span = earlier[span]
            seen.add(span)
        return span

    parts: dict[SpanId, list[Span]] = {}
    for span in annotation.spans:
        if span.label == "QUOTE":
            parts.setdefault(root(span.id), []).append(span)
    # Relations by head, so a long document's thousands of quotes cost one pass each.
    outgoing: dict[SpanId, list[Relation]] = {}
    for relation in annotation.relations:
        if relation.child in by_id:
            outgoing.setdefault(relation.head, []).append(relation)
    out: list[Suggestion] = []
    for group in parts.values():
        group.sort(key=lambda s: (s.start, s.end, s.id))
        members = {s.id for s in group}
        relations = sorted(
            (
                r
                for member in members
                for r in outgoing.get(member, ())
                if r.label in _LINKS or (r.label == "continues" and r.child in members)
            ),
            key=lambda r: r.id,
        )
        linked = sorted(
            {r.child for r in relations if r.label in _LINKS} - members,
            key=lambda i: (by_id[i].start, by_id[i].end, i),
        )
        out.append(Suggestion((*group, *(by_id[i] for i in linked)), tuple(relations)))
    return sorted(out, key=lambda s: (s.key, s.spans[0].id))
