"""Adjudication: the annotators' spans of one document grouped into units to decide on.

A **unit** is a connected component of the graph joining overlapping same-label spans of
*different* annotators (the overlap alignment of docs/agreement.md, reused from
:mod:`annotator.agreement.alignment`). Unlike agreement, adjudication never drops a component:
when one annotator has two spans in it (a quote split around "he said" against one long
quote), that annotator's **version** is both spans together, and accepting it copies both.

Each annotator covering the document has a version in every unit, possibly empty (they have
nothing there). Identical versions (same offsets, label and attributes) are offered once;
the distinct versions are numbered 1..n in the order of the first annotator (by name) who
drew each, which is what the reviewer's keys 1..n pick.

"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.agreement.alignment import align
from annotator.model import AnnotationSet, AnnotatorName, AttrValue, DocumentId, Span, Status
from annotator.model.attribution import SPEAKER_ATTRIBUTE
from annotator.model.ids import SpanId, is_human

#: A link from a span as two versions compare it: (relation, the linked span's start, end,
#: label and canonical speaker); its id does not count. Links belong to their head (a QUOTE's
#: speaker and cue), so a SPEAKER two annotators drew alike is one version however many
#: quotes point at it.
LinkShape = tuple[str, int, int, str, str]
#: (start, end, label, sorted attributes, sorted links) of every span of a version: what
#: "identical" means. Two annotators who drew the same quote but linked it to different
#: speakers or cues drew different versions.
VersionShape = tuple[
    tuple[int, int, str, tuple[tuple[str, AttrValue], ...], tuple[LinkShape, ...]], ...
]
Links = Mapping[SpanId, tuple[LinkShape, ...]]
_NO_LINKS: Links = {}


def links_of(aset: AnnotationSet) -> dict[SpanId, tuple[LinkShape, ...]]:
    """Every span's links in ``aset``, described by the spans they point at."""
    by_id = {s.id: s for s in aset.spans}
    found: dict[SpanId, list[LinkShape]] = {}
    for relation in aset.relations:
        head, child = by_id.get(relation.head), by_id.get(relation.child)
        if head is None or child is None:
            continue
        speaker = str(child.attrs.get(SPEAKER_ATTRIBUTE, ""))
        found.setdefault(head.id, []).append(
            (relation.label, child.start, child.end, child.label, speaker)
        )
    return {span: tuple(sorted(links)) for span, links in found.items()}


def shape(spans: Iterable[Span], links: Links = _NO_LINKS) -> VersionShape:
    """What two versions must share to be the same version; ids and names do not count."""
    found = [
        (s.start, s.end, s.label, tuple(sorted(s.attrs.items())), links.get(s.id, ()))
        for s in spans
    ]
    # repr() breaks ties: attribute values may mix str and numbers, which do not compare.
    return tuple(sorted(found, key=lambda t: (t[0], t[1], t[2], repr(t[3]), t[4])))


@dataclass(frozen=True, slots=True)
class Version:
    """One distinct way the annotators marked a unit, and who marked it that way."""

    number: int
    spans: tuple[Span, ...]
    annotators: tuple[AnnotatorName, ...]
    #: The links of those spans, as compared (for showing what differs).
    links: tuple[LinkShape, ...] = ()

    @property
    def source(self) -> AnnotatorName:
        """The annotator whose spans (and links) are copied when this version is accepted."""
        return self.annotators[0]


@dataclass(frozen=True, slots=True)
class Unit:
    """Aligned spans of one label in one document, with the versions to choose from."""

    document: DocumentId
    key: str
    label: str
    start: int
    end: int
    #: Every covering annotator, by name: their spans here, sorted; () means nothing there.
    spans: Mapping[AnnotatorName, tuple[Span, ...]]
    versions: tuple[Version, ...]

    @property
    def unanimous(self) -> bool:
        """At least two annotators cover the document and all drew the same, non-empty version.

        One annotator alone is not agreement, so a single layer never counts as unanimous.
        """
        return len(self.spans) >= 2 and len(self.versions) == 1 and not self.missing

    @property
    def missing(self) -> tuple[AnnotatorName, ...]:
        """Covering annotators with nothing in this unit."""
        return tuple(name for name, found in self.spans.items() if not found)

    @property
    def ambiguous(self) -> bool:
        """Someone has several spans here, so their version is more than one span."""
        return any(len(found) > 1 for found in self.spans.values())

    def version(self, number: int) -> Version | None:
        """Version ``number`` (1-based), as the reviewer's key names it."""
        return self.versions[number - 1] if 1 <= number <= len(self.versions) else None

    def version_of(self, annotator: str) -> Version | None:
        return next((v for v in self.versions if annotator in v.annotators), None)


def covers(aset: AnnotationSet, include_unfinished: bool = False) -> bool:
    """Whether ``aset`` takes part in adjudication, as docs/agreement.md counts coverage.

    A ``done`` set covers the document even without spans (that annotator found nothing).
    With ``include_unfinished``, a started set covers it too, but only once it holds a span:
    opening a document starts it, and a reviewer who merely looked must not make every unit
    look disputed. Gold and machine suggestions are never annotators here.
    """
    if not is_human(aset.annotator) or aset.status == Status.SKIPPED:
        return False
    if aset.status == Status.DONE:
        return True
    return include_unfinished and bool(aset.spans)


def units(sets: Sequence[AnnotationSet], include_unfinished: bool = False) -> list[Unit]:
    """Group the covering annotators' spans of ONE document into units, in text order.

    Keys are ``LABEL:start-end`` over the unit's extent, so a decision stays attached while the
    annotators' spans stay put; the rare second unit with the same extent (an annotator's
    duplicate spans) gets ``#2``, ordered by its spans' offsets.
    """
    covering = sorted((s for s in sets if covers(s, include_unfinished)), key=lambda s: s.annotator)
    if not covering:
        return []
    document = covering[0].document
    if any(s.document != document for s in covering):
        raise ValueError("units() groups the annotation sets of one document")
    labels = sorted({span.label for s in covering for span in s.spans})
    links: dict[SpanId, tuple[LinkShape, ...]] = {}
    for aset in covering:
        links.update(links_of(aset))
    found: list[Unit] = []
    for label in labels:
        by_name = {
            s.annotator: sorted(
                (x for x in s.spans if x.label == label), key=lambda x: (x.start, x.end, x.id)
            )
            for s in covering
        }
        groups = align("overlap", document, label, {n: g for n, g in by_name.items() if g})
        for group in groups:
            names = [s.annotator for s in covering]
            found.append(_unit(document, label, names, group.spans, links))
    found.sort(key=lambda u: (u.start, u.end, u.label, _order(u)))
    return _unique_keys(found)


def _unit(
    document: DocumentId,
    label: str,
    names: Sequence[AnnotatorName],
    grouped: Mapping[str, Sequence[Span]],
    links: Links = _NO_LINKS,
) -> Unit:
    spans = {
        name: tuple(sorted(grouped.get(name, ()), key=lambda s: (s.start, s.end, s.id)))
        for name in names
    }
    versions: dict[VersionShape, tuple[tuple[Span, ...], list[AnnotatorName]]] = {}
    for name in names:  # names are sorted, so versions come numbered in annotator-name order
        if spans[name]:
            entry = versions.setdefault(shape(spans[name], links), (spans[name], []))
            entry[1].append(name)
    every = [s for found in spans.values() for s in found]
    return Unit(
        document=document,
        key="",
        label=label,
        start=min(s.start for s in every),
        end=max(s.end for s in every),
        spans=spans,
        versions=tuple(
            Version(
                number,
                found,
                tuple(who),
                tuple(sorted(k for s in found for k in links.get(s.id, ()))),
            )
            for number, (found, who) in enumerate(versions.values(), start=1)
        ),
    )


def _links(spans: Sequence[Span], links: Links) -> tuple[LinkShape, ...]:
    return tuple(sorted(k for s in spans for k in links.get(s.id, ())))


def _order(unit: Unit) -> str:
    # Only breaks ties between units of one label and extent; repr() keeps it total.
    return repr(shape(s for found in unit.spans.values() for s in found))


def _unique_keys(found: list[Unit]) -> list[Unit]:
    seen: dict[str, int] = {}
    keyed: list[Unit] = []
    for unit in found:
        base = f"{unit.label}:{unit.start}-{unit.end}"
        seen[base] = seen.get(base, 0) + 1
        key = base if seen[base] == 1 else f"{base}#{seen[base]}"
        keyed.append(
            Unit(unit.document, key, unit.label, unit.start, unit.end, unit.spans, unit.versions)
        )
    return keyed


@dataclass(frozen=True, slots=True)
class Progress:
    decided: int
    total: int
    #: Decisions whose unit no longer exists (an annotator changed their spans since).
    stale: int = 0

    @property
    def complete(self) -> bool:
        return self.decided == self.total


def progress(found: Sequence[Unit], decided: Collection[str]) -> Progress:
    """How many of the document's current units have a decision."""
    keys = {u.key for u in found}
    return Progress(
        decided=sum(1 for k in keys if k in decided),
        total=len(keys),
        stale=sum(1 for k in decided if k not in keys),
    )
