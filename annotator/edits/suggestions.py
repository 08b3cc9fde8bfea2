"""Accepting and rejecting machine suggestions: each one undoable step of an annotator.

Accepting copies a suggested quote (its parts, speaker, cue, their links and attributes) into
the annotator's own layer and records the decision, in one transaction; accepting a whole
document's suggestions is one step too. Rejecting records the decision only. The
suggestion layer itself is never changed: other annotators still see its suggestions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.edits import Change, Edit, EditError, changed_since
from annotator.edits.spans import Registered, _check_span, _register_names, _unregister
from annotator.model import AnnotatorName, AttrValue, DocumentId, Relation, RelationId, Span, SpanId
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.suggestions import ACCEPTED, REJECTED, Key
from annotator.suggest.suggestion import Suggestion


def _allowed(schema: Schema, span: Span) -> dict[str, AttrValue]:
    """The span's attributes this project's schema takes (a project may have dropped one)."""
    out: dict[str, AttrValue] = {}
    for name, value in span.attrs.items():
        attribute = schema.span_attribute(span.label, name)
        if attribute is not None and schema.check_value(attribute, value) is None:
            out[name] = value
    return out


def _refuse_decided(project: Project, edit: _Decision, keys: Sequence[Key]) -> None:
    decided = project.suggestions.decided(edit.document, edit.annotator, edit.layer)
    if any(key in decided for key in keys):
        raise EditError("that suggestion was already accepted or rejected")


@dataclass
class _Decision(Edit):
    document: DocumentId
    annotator: AnnotatorName
    #: The suggestion layer, e.g. ``suggest:rules``.
    layer: AnnotatorName
    #: When the decision was first made (a redo records the same time).
    _at: str | None = field(default=None, init=False)


@dataclass
class AcceptSuggestions(_Decision):
    """Copy ``chosen`` into the annotator's layer; a span already there (same range and
    label) is linked to rather than doubled, so a speaker shared by two quotes stays one."""

    chosen: tuple[Suggestion, ...] = ()
    _spans: list[Span] | None = field(default=None, init=False)
    _relations: list[Relation] = field(default_factory=list, init=False)
    _registered: Registered = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        count = len(self.chosen)
        self.text = "accept suggestion" if count == 1 else f"accept {count} suggestions"

    @property
    def keys(self) -> list[Key]:
        return [s.key for s in self.chosen]

    def apply(self, project: Project) -> Change:
        if not self.chosen:
            raise EditError("no suggestion to accept here")
        _refuse_decided(project, self, self.keys)
        with project.transaction():
            if self._spans is None:
                self._copy(project)
            else:
                self._put_back(project)
            spans = self._spans or []
            self._registered = []
            for span in spans:
                self._registered += _register_names(project, span.attrs)
            self._at = project.suggestions.decide(
                self.document, self.annotator, self.layer, self.keys, ACCEPTED, self._at
            )
            self._record(project, self.annotator, self.document, False, {"suggestions": self.keys})
        return Change(
            self.document,
            self.annotator,
            spans=tuple(s.id for s in spans) + self._linked_ends(),
            relations=True,
            registry=bool(self._registered),
            suggestions=True,
        )

    def _copy(self, project: Project) -> None:
        schema = project.schema
        existing = {
            (s.start, s.end, s.label): s.id
            for s in project.spans.in_set(self.document, self.annotator)
        }
        links = {
            (r.label, r.head, r.child)
            for r in project.relations.in_set(self.document, self.annotator)
        }
        made: list[Span] = []
        self._relations = []
        for suggestion in self.chosen:
            mine: dict[SpanId, SpanId] = {}
            for span in suggestion.spans:
                key = (span.start, span.end, span.label)
                if schema.label(span.label) is None:
                    continue  # a project without CUE spans still takes the quote
                if key not in existing:
                    new = Span(
                        SpanId(0),
                        self.document,
                        self.annotator,
                        span.start,
                        span.end,
                        span.label,
                        _allowed(schema, span),
                    )
                    _check_span(project, new)
                    stored = project.spans.insert(new)
                    made.append(stored)
                    existing[key] = stored.id
                mine[span.id] = existing[key]
            for relation in suggestion.relations:
                if relation.head not in mine or relation.child not in mine:
                    continue
                link = (relation.label, mine[relation.head], mine[relation.child])
                if schema.relation(relation.label) is None or link in links:
                    continue
                links.add(link)
                self._relations.append(project.relations.insert(Relation(RelationId(0), *link)))
        self._spans = made

    def _put_back(self, project: Project) -> None:
        """Redo: the very same ids, so later edits on the redo stack still find them."""
        spans = self._spans or []
        taken = project.spans.existing(s.id for s in spans)
        ends = {r.head for r in self._relations} | {r.child for r in self._relations}
        ends -= {s.id for s in spans}
        if (
            taken
            or project.spans.existing(ends) != ends
            or any(project.relations.get(r.id) is not None for r in self._relations)
        ):
            raise changed_since("the accepted suggestion", undo=False)
        for span in spans:
            project.spans.insert(span)
        for relation in self._relations:
            project.relations.insert(relation)

    def _linked_ends(self) -> tuple[SpanId, ...]:
        made = {s.id for s in self._spans or []}
        ends = {r.head for r in self._relations} | {r.child for r in self._relations}
        return tuple(ends - made)

    def revert(self, project: Project) -> Change:
        spans = self._spans
        assert spans is not None, "apply() first"
        made = {s.id for s in spans}
        ours = {r.id for r in self._relations}
        decided = project.suggestions.decided(self.document, self.annotator, self.layer)
        if (
            any(project.spans.get(s.id) != s for s in spans)
            or any(project.relations.get(r.id) != r for r in self._relations)
            # A link made since to an accepted span would go with it silently.
            or any(r.id not in ours for i in made for r in project.relations.of_span(i))
            or any(decided.get(key) != ACCEPTED for key in self.keys)
        ):
            raise changed_since("the accepted suggestion")
        ends = self._linked_ends()
        with project.transaction():
            for relation in self._relations:
                project.relations.delete(relation.id)
            for span in spans:
                project.spans.delete(span.id)
            _unregister(project, self._registered)
            project.suggestions.undecide(self.document, self.annotator, self.layer, self.keys)
            self._record(project, self.annotator, self.document, True, {"suggestions": self.keys})
        return Change(
            self.document,
            self.annotator,
            spans=ends,
            removed=tuple(made),
            relations=True,
            registry=bool(self._registered),
            suggestions=True,
        )


@dataclass
class RejectSuggestion(_Decision):
    """Record that the annotator rejected one suggestion; nothing enters their layer."""

    key: Key = (0, 0)

    def __post_init__(self) -> None:
        self.text = "reject suggestion"

    def apply(self, project: Project) -> Change:
        _refuse_decided(project, self, [self.key])
        with project.transaction():
            self._at = project.suggestions.decide(
                self.document, self.annotator, self.layer, [self.key], REJECTED, self._at
            )
            self._record(
                project, self.annotator, self.document, False, {"rejected": list(self.key)}
            )
        return Change(self.document, self.annotator, suggestions=True)

    def revert(self, project: Project) -> Change:
        decided = project.suggestions.decided(self.document, self.annotator, self.layer)
        if decided.get(self.key) != REJECTED:
            raise changed_since("the rejected suggestion")
        with project.transaction():
            project.suggestions.undecide(self.document, self.annotator, self.layer, [self.key])
            self._record(project, self.annotator, self.document, True, {"rejected": list(self.key)})
        return Change(self.document, self.annotator, suggestions=True)
