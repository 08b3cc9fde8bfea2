"""Undoable adjudication decisions: accept a version into gold, mark it edited, reject a unit.

Each apply/revert commits one transaction. Deciding a unit again replaces the earlier
decision: the gold spans it wrote go (with their links), and revert puts them back exactly.

Links: when a copied span's source annotator linked it (``attributed_to``, ``cued_by``,
``continues``) to a span of theirs that is already in gold (an identical copy, label and
offsets, written by a decision that took the same annotator's version), the link is made
again in gold. This works in whichever order the two units are accepted. Choosing between
annotators' *different* links, and links to gold spans the reviewer has since moved, is left
to the normal editing flow on the gold layer for now.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from annotator.adjudication.units import Unit
from annotator.edits import Change, Edit, EditError, changed_since
from annotator.model import DocumentId, Relation, RelationId, Span, SpanId
from annotator.model.adjudication import Decision, Verdict
from annotator.model.ids import GOLD
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.history import now


@dataclass(frozen=True, slots=True)
class _Written:
    """A decision with the gold spans and links it wrote: enough to take it out and back."""

    decision: Decision
    spans: tuple[Span, ...]
    relations: tuple[Relation, ...]


def _take_out(project: Project, document: DocumentId, unit: str) -> _Written | None:
    """Remove the unit's decision and the gold spans it wrote; return what was there."""
    decision = project.adjudications.get(document, unit)
    if decision is None:
        return None
    spans = [s for sid in decision.gold_spans if (s := project.spans.get(sid)) is not None]
    relations: dict[RelationId, Relation] = {}
    for span in spans:
        relations.update((r.id, r) for r in project.relations.of_span(span.id))
    project.adjudications.remove(document, unit)
    for span in spans:
        project.spans.delete(span.id)  # its links go too (ON DELETE CASCADE)
    return _Written(decision, tuple(spans), tuple(relations[k] for k in sorted(relations)))


def _still_written(project: Project, written: _Written) -> None:
    """Refuse unless the decision and the gold spans it wrote are as the edit left them (a
    reviewer's later change, or another decision, would be lost by taking them out)."""
    decision = written.decision
    if project.adjudications.get(decision.document, decision.unit) != decision:
        raise changed_since(f"the decision on {decision.unit}")
    for span in written.spans:
        if project.spans.get(span.id) != span:
            raise changed_since(f"span {span.name}")


def _put_back(project: Project, written: _Written) -> None:
    for span in written.spans:
        project.spans.insert(span)
    for relation in written.relations:
        project.relations.insert(relation)
    project.adjudications.record(written.decision)


def _write(
    project: Project,
    document: DocumentId,
    unit: str,
    version: Sequence[Span],
    source: str,
    verdict: Verdict,
    reviewer: str,
    reason: str,
) -> _Written:
    """Copy ``version`` into gold (nothing for a rejection) and record the decision."""
    copies = [
        (
            span,
            project.spans.insert(
                Span(SpanId(0), document, GOLD, span.start, span.end, span.label, dict(span.attrs))
            ),
        )
        for span in sorted(version, key=lambda s: (s.start, s.end, s.id))
    ]
    relations = _link(project, document, source, copies) if copies else ()
    gold = tuple(copy.id for _, copy in copies)
    decision = Decision(
        document, unit, verdict, source, gold[0] if gold else None, reason, reviewer, now(), gold
    )
    project.adjudications.record(decision)
    return _Written(decision, tuple(copy for _, copy in copies), relations)


def _link(
    project: Project, document: DocumentId, source: str, copies: Sequence[tuple[Span, Span]]
) -> tuple[Relation, ...]:
    """Make the source annotator's links of the copied spans again in gold, where both ends
    are there (see the module docstring)."""
    in_gold = {span.id: copy.id for span, copy in copies}
    earlier: dict[tuple[str, int, int], SpanId] = {}
    for gold_id in project.adjudications.gold_spans_from(document, source):
        gold = project.spans.get(gold_id)
        if gold is not None:
            earlier.setdefault((gold.label, gold.start, gold.end), gold.id)
    for span in project.spans.in_set(document, source):
        found = earlier.get((span.label, span.start, span.end))
        if found is not None:
            in_gold.setdefault(span.id, found)
    copied = {span.id for span, _ in copies}
    made: list[Relation] = []
    for relation in project.relations.in_set(document, source):
        if relation.head not in copied and relation.child not in copied:
            continue  # a link between two older copies was made when the later one came in
        head, child = in_gold.get(relation.head), in_gold.get(relation.child)
        if head is not None and child is not None:
            made.append(
                project.relations.insert(Relation(RelationId(0), relation.label, head, child))
            )
    return tuple(made)


def _check_version(project: Project, document: DocumentId, version: Sequence[Span]) -> None:
    length = project.documents.length(document)
    if length is None:
        raise EditError(f'no document "{document}"')
    if not version:
        raise EditError("an accepted version needs at least one span")
    for span in version:
        if span.document != document:
            raise EditError(f"span {span.id} belongs to another document")
        if span.annotator == GOLD:
            raise EditError("a version comes from an annotator's layer, not from gold")
        if project.schema.label(span.label) is None:
            raise EditError(f'label "{span.label}" is not in the schema')
        if not 0 <= span.start < span.end <= length:
            raise EditError(f"[{span.start}, {span.end}) is not a non-empty range of the text")


def _change(document: DocumentId, added: Sequence[_Written], removed: Sequence[_Written]) -> Change:
    return Change(
        document,
        GOLD,
        spans=tuple(s.id for w in added for s in w.spans),
        removed=tuple(s.id for w in removed for s in w.spans),
        relations=True,
    )


@dataclass
class _Decide(Edit):
    """Replace one unit's decision with a new one; the subclasses say which."""

    document: DocumentId
    unit_key: str
    _earlier: _Written | None = field(default=None, init=False)
    _written: _Written | None = field(default=None, init=False)

    @abstractmethod
    def _new(self, project: Project) -> _Written: ...

    def _check(self, project: Project) -> None:
        if project.documents.get(self.document) is None:
            raise EditError(f'no document "{self.document}"')

    def apply(self, project: Project) -> Change:
        self._check(project)
        with project.transaction():
            self._earlier = _take_out(project, self.document, self.unit_key)
            if self._written is None:
                self._written = self._new(project)
            else:
                # Redo puts back the very same rows and ids, so later edits still point at them.
                _put_back(project, self._written)
            written = self._written
            self._record(project, written.decision.reviewer, self.document, False, self._detail())
        return _change(self.document, [written], [self._earlier] if self._earlier else [])

    def revert(self, project: Project) -> Change:
        written = self._written
        assert written is not None, "apply() first"
        _still_written(project, written)
        with project.transaction():
            _take_out(project, self.document, self.unit_key)
            if self._earlier is not None:
                _put_back(project, self._earlier)
            self._record(project, written.decision.reviewer, self.document, True, self._detail())
        return _change(self.document, [self._earlier] if self._earlier else [], [written])

    def _detail(self) -> dict[str, str]:
        assert self._written is not None
        decision = self._written.decision
        return {
            "unit": self.unit_key,
            "decision": decision.verdict.value,
            "source": decision.source,
        }


@dataclass
class AcceptVersion(_Decide):
    """Copy an annotator's version of a unit (its span, or spans) into gold.

    ``verdict`` is ``EDITED`` when the reviewer accepts in order to change the copy (key E).
    """

    version: Span | Sequence[Span] = ()
    source: str = ""
    reviewer: str = ""
    reason: str = ""
    verdict: Verdict = Verdict.ACCEPTED
    _spans: tuple[Span, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        self._spans = (self.version,) if isinstance(self.version, Span) else tuple(self.version)
        label = self._spans[0].label if self._spans else "unit"
        verb = "edit" if self.verdict == Verdict.EDITED else "accept"
        self.text = f"{verb} {self.source}'s {label}"

    @classmethod
    def of(
        cls,
        unit: Unit,
        number: int,
        reviewer: str,
        reason: str = "",
        verdict: Verdict = Verdict.ACCEPTED,
    ) -> AcceptVersion:
        """Accept version ``number`` (1-based, as the reviewer's key) of ``unit``."""
        version = unit.version(number)
        if version is None:
            raise EditError(f"{unit.label} here has no version {number}")
        return cls(
            unit.document,
            unit.key,
            version=version.spans,
            source=version.source,
            reviewer=reviewer,
            reason=reason,
            verdict=verdict,
        )

    def _check(self, project: Project) -> None:
        _check_version(project, self.document, self._spans)
        if not self.source or self.source == GOLD:
            raise EditError("say whose version is accepted")
        if self.verdict == Verdict.REJECTED:
            raise EditError("a rejection accepts nothing; use RejectUnit")

    def _new(self, project: Project) -> _Written:
        return _write(
            project,
            self.document,
            self.unit_key,
            self._spans,
            self.source,
            self.verdict,
            self.reviewer,
            self.reason,
        )


@dataclass
class RejectUnit(_Decide):
    """Decide that none of the versions belongs in gold (an earlier copy there goes)."""

    reviewer: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        self.text = "reject unit"

    def _new(self, project: Project) -> _Written:
        return _write(
            project,
            self.document,
            self.unit_key,
            (),
            "",
            Verdict.REJECTED,
            self.reviewer,
            self.reason,
        )


@dataclass
class MarkEdited(Edit):
    """The reviewer goes on to change an accepted copy: same gold spans, decision "edited"."""

    document: DocumentId
    unit_key: str
    reviewer: str
    _before: Decision | None = field(default=None, init=False)
    _after: Decision | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.text = "edit gold copy"

    def apply(self, project: Project) -> Change:
        before = project.adjudications.get(self.document, self.unit_key)
        if before is None or before.gold_span is None:
            raise EditError("accept a version first; there is nothing in gold to edit")
        self._before = before
        self._after = self._after or replace(
            before, verdict=Verdict.EDITED, reviewer=self.reviewer, at=now()
        )
        with project.transaction():
            project.adjudications.record(self._after)
            self._record(project, self.reviewer, self.document, False, {"unit": self.unit_key})
        return Change(self.document, GOLD, spans=(before.gold_span,))

    def revert(self, project: Project) -> Change:
        assert self._before is not None, "apply() first"
        if project.adjudications.get(self.document, self.unit_key) != self._after:
            raise changed_since(f"the decision on {self.unit_key}")
        with project.transaction():
            project.adjudications.record(self._before)
            self._record(project, self.reviewer, self.document, True, {"unit": self.unit_key})
        return Change(self.document, GOLD, spans=self._before.gold_spans)


@dataclass
class AcceptUnanimous(Edit):
    """Accept every unanimous unit without a decision yet, as one undoable step."""

    document: DocumentId
    units: Sequence[Unit]
    reviewer: str
    _written: list[_Written] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = "accept unanimous units"

    def apply(self, project: Project) -> Change:
        if project.documents.get(self.document) is None:
            raise EditError(f'no document "{self.document}"')
        with project.transaction():
            if self._written:
                for written in self._written:
                    _put_back(project, written)
            else:
                # Kept only once all are written: a refusal half-way rolls back everything.
                self._written = self._accept_all(project)
            self.text = f"accept {plural(len(self._written), 'unanimous unit')}"
            self._record(project, self.reviewer, self.document, False, self._detail())
        return _change(self.document, self._written, [])

    def _accept_all(self, project: Project) -> list[_Written]:
        written: list[_Written] = []
        for unit in self.units:
            if unit.document != self.document:
                raise EditError(f"unit {unit.key} belongs to another document")
            if not unit.unanimous or project.adjudications.get(unit.document, unit.key):
                continue
            version = unit.versions[0]
            _check_version(project, self.document, version.spans)
            written.append(
                _write(
                    project,
                    self.document,
                    unit.key,
                    version.spans,
                    version.source,
                    Verdict.ACCEPTED,
                    self.reviewer,
                    "unanimous",
                )
            )
        if not written:
            # Raising rolls the (empty) transaction back and keeps a no-op off the undo stack.
            raise EditError("no undecided unanimous units here")
        return written

    def revert(self, project: Project) -> Change:
        for written in self._written:
            _still_written(project, written)
        with project.transaction():
            for written in reversed(self._written):
                _take_out(project, self.document, written.decision.unit)
            self._record(project, self.reviewer, self.document, True, self._detail())
        return _change(self.document, [], self._written)

    def _detail(self) -> dict[str, object]:
        return {"units": [w.decision.unit for w in self._written]}
