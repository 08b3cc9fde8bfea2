"""Edits of one layer: spans, their attributes and links, status, document attributes."""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass, field, replace

from annotator.edits import Change, Edit, EditError, changed_since
from annotator.model import (
    AnnotatorName,
    AttrValue,
    DocumentId,
    Relation,
    RelationId,
    Span,
    SpanId,
    Status,
)
from annotator.store import Project


def _check_span(project: Project, span: Span) -> None:
    schema = project.schema
    if schema.label(span.label) is None:
        raise EditError(f'label "{span.label}" is not in the schema')
    length = project.documents.length(span.document)
    if length is None:
        raise EditError(f'no document "{span.document}"')
    if not 0 <= span.start < span.end <= length:
        raise EditError(f"[{span.start}, {span.end}) is not a non-empty range of the text")
    for name, value in span.attrs.items():
        attribute = schema.span_attribute(span.label, name)
        if attribute is None:
            raise EditError(f'{span.label} has no attribute "{name}"')
        problem = schema.check_value(attribute, value)
        if problem:
            raise EditError(problem)


Registered = list[tuple[str, str]]


def _register_names(project: Project, attrs: dict[str, AttrValue]) -> Registered:
    """Speaker and target names new to the project join its registries; returns those added."""
    added: Registered = []
    speaker, target = attrs.get("speaker"), attrs.get("target")
    if speaker is not None and project.speakers.get(str(speaker)) is None:
        project.speakers.ensure([str(speaker)])
        added.append(("speaker", str(speaker)))
    if target is not None and project.targets.get(str(target)) is None:
        project.targets.ensure([str(target)])
        added.append(("target", str(target)))
    return added


def _unregister(project: Project, added: Registered) -> None:
    for kind, name in added:
        (project.speakers if kind == "speaker" else project.targets).delete(name)


def _existing(project: Project, span_id: SpanId) -> Span:
    span = project.spans.get(span_id)
    if span is None:
        raise EditError(f"span {span_id} no longer exists")
    return span


def _still(project: Project, span: Span, undo: bool = True) -> None:
    """Refuse unless the span is stored exactly as ``span`` (as the edit left it)."""
    if project.spans.get(span.id) != span:
        raise changed_since(f"span {span.name}", undo)


def _can_put_back(project: Project, span: Span, relations: list[Relation], undo: bool) -> None:
    """Refuse to put ``span`` and its links back where something now stands in the way: its
    id or its name in the set taken, its document gone, or the other end of a link gone."""
    if (
        project.spans.get(span.id) is not None
        or project.documents.length(span.document) is None
        or project.spans.name_taken(span.document, span.annotator, span.name)
    ):
        raise changed_since(f"span {span.name}", undo)
    _can_link(project, span, relations, undo)


def _can_link(project: Project, span: Span, relations: list[Relation], undo: bool) -> None:
    """Refuse to restore ``relations`` of ``span`` whose other end is gone or whose id is taken."""
    others = {r.child if r.head == span.id else r.head for r in relations} - {span.id}
    if others - project.spans.existing(others) or any(
        project.relations.get(r.id) is not None for r in relations
    ):
        raise changed_since(f"span {span.name}", undo)


@dataclass
class AddSpan(Edit):
    span: Span
    _stored: Span | None = field(default=None, init=False)
    _registered: Registered = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"add {self.span.label}"

    def apply(self, project: Project) -> Change:
        _check_span(project, self.span)
        if self._stored is not None:
            _can_put_back(project, self._stored, [], undo=False)
        with project.transaction():
            # Redo puts back the very same id and name, so later edits still point at it.
            self._stored = project.spans.insert(self._stored or self.span)
            self._registered = _register_names(project, self.span.attrs)
            self._record(
                project, self.span.annotator, self.span.document, False, {"span": self._stored.id}
            )
        return Change(
            self.span.document,
            self.span.annotator,
            spans=(self._stored.id,),
            registry=bool(self._registered),
        )

    @property
    def stored(self) -> Span:
        assert self._stored is not None, "apply() first"
        return self._stored

    def revert(self, project: Project) -> Change:
        # Only the span this edit made, as it made it, and with no links made since (deleting
        # it would take those along silently).
        _still(project, self.stored)
        if project.relations.of_span(self.stored.id):
            raise changed_since(f"span {self.stored.name}")
        with project.transaction():
            project.spans.delete(self.stored.id)
            _unregister(project, self._registered)
            self._record(
                project, self.span.annotator, self.span.document, True, {"span": self.stored.id}
            )
        return Change(
            self.span.document, self.span.annotator, removed=(self.stored.id,), relations=True
        )


@dataclass
class DeleteSpan(Edit):
    span_id: SpanId
    _span: Span | None = field(default=None, init=False)
    _relations: list[Relation] = field(default_factory=list, init=False)

    def apply(self, project: Project) -> Change:
        span = _existing(project, self.span_id)
        self._span = span
        self.text = f"delete {span.label}"
        with project.transaction():
            self._relations = project.relations.of_span(span.id)
            project.spans.delete(span.id)
            self._record(project, span.annotator, span.document, False, {"span": span.id})
        return Change(
            span.document, span.annotator, removed=(span.id,), relations=bool(self._relations)
        )

    def revert(self, project: Project) -> Change:
        span = self._span
        assert span is not None, "apply() first"
        _can_put_back(project, span, self._relations, undo=True)
        with project.transaction():
            project.spans.insert(span)
            for relation in self._relations:
                project.relations.insert(relation)
            self._record(project, span.annotator, span.document, True, {"span": span.id})
        return Change(
            span.document, span.annotator, spans=(span.id,), relations=bool(self._relations)
        )


@dataclass
class ChangeSpan(Edit):
    """New label and/or boundaries; attributes and relations the new label cannot have go."""

    span_id: SpanId
    label: str | None = None
    start: int | None = None
    end: int | None = None
    _before: Span | None = field(default=None, init=False)
    _after: Span | None = field(default=None, init=False)
    _dropped: list[Relation] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"relabel as {self.label}" if self.label else "move span boundary"

    def apply(self, project: Project) -> Change:
        before = _existing(project, self.span_id)
        self._before = before
        label = self.label or before.label
        attrs = {
            k: v
            for k, v in before.attrs.items()
            if project.schema.span_attribute(label, k) is not None
        }
        after = replace(
            before,
            label=label,
            attrs=attrs,
            start=before.start if self.start is None else self.start,
            end=before.end if self.end is None else self.end,
        )
        _check_span(project, after)
        lost = [f'{k} "{v}"' for k, v in before.attrs.items() if k not in attrs]
        with project.transaction():
            self._dropped = []
            for relation in project.relations.of_span(before.id):
                kind = project.schema.relation(relation.label)
                role: tuple[str, ...] = ()
                if kind is not None:
                    role = kind.head if relation.head == before.id else kind.child
                if label not in role:
                    self._dropped.append(relation)
                    project.relations.delete(relation.id)
            project.spans.update(after)
            self._after = after
            self._record(
                project,
                before.annotator,
                before.document,
                False,
                {"span": before.id, "label": label, "start": after.start, "end": after.end},
            )
        return Change(
            before.document,
            before.annotator,
            spans=(before.id,),
            relations=bool(self._dropped),
            note=_dropped_note(
                before, label, lost, [(r, _other(project, before, r)) for r in self._dropped]
            ),
        )

    def revert(self, project: Project) -> Change:
        before, after = self._before, self._after
        assert before is not None and after is not None, "apply() first"
        _still(project, after)
        _can_link(project, after, self._dropped, undo=True)
        with project.transaction():
            project.spans.update(before)
            for relation in self._dropped:
                project.relations.insert(relation)
            self._record(project, before.annotator, before.document, True, {"span": before.id})
        return Change(
            before.document, before.annotator, spans=(before.id,), relations=bool(self._dropped)
        )


def _other(project: Project, span: Span, relation: Relation) -> str:
    """The span at the other end of ``relation``, as the user knows it: "QUOTE T1"."""
    other = project.spans.get(relation.child if relation.head == span.id else relation.head)
    return f"{other.label} {other.name}" if other is not None else "another span"


def _dropped_note(
    before: Span, label: str, attrs: list[str], links: list[tuple[Relation, str]]
) -> str:
    """What a relabel could not keep, in words: never dropped silently."""
    if not attrs and not links:
        return ""
    parts = [f"its {what}" for what in attrs]
    for relation, other in links:
        toward = "to" if relation.head == before.id else "from"
        parts.append(f"its {relation.label} link {toward} {other}")
    return (
        f"{before.label} {before.name} is now {label}; a {label} cannot keep "
        f"{', '.join(parts)}, so {'they were' if len(parts) > 1 else 'it was'} dropped "
        "(Ctrl+Z brings them back)"
    )


@dataclass
class SetAttribute(Edit):
    """Set (or with None, clear) one attribute of a span."""

    span_id: SpanId
    name: str
    value: AttrValue | None
    _before: Span | None = field(default=None, init=False)
    _after: Span | None = field(default=None, init=False)
    _registered: Registered = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"set {self.name}" if self.value is not None else f"clear {self.name}"

    def apply(self, project: Project) -> Change:
        before = _existing(project, self.span_id)
        self._before = before
        attrs = dict(before.attrs)
        if self.value is None:
            attrs.pop(self.name, None)
        else:
            attrs[self.name] = self.value
        after = replace(before, attrs=attrs)
        _check_span(project, after)
        with project.transaction():
            project.spans.update(after)
            self._after = after
            self._registered = _register_names(
                project, {self.name: self.value} if self.value is not None else {}
            )
            self._record(
                project,
                before.annotator,
                before.document,
                False,
                {"span": before.id, self.name: self.value},
            )
        return Change(
            before.document, before.annotator, spans=(before.id,), registry=bool(self._registered)
        )

    def revert(self, project: Project) -> Change:
        before, after = self._before, self._after
        assert before is not None and after is not None, "apply() first"
        _still(project, after)
        with project.transaction():
            project.spans.update(before)
            _unregister(project, self._registered)
            self._record(project, before.annotator, before.document, True, {"span": before.id})
        return Change(
            before.document, before.annotator, spans=(before.id,), registry=bool(self._registered)
        )


@dataclass
class AddRelation(Edit):
    label: str
    head: SpanId
    child: SpanId
    _stored: Relation | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.text = f"link {self.label}"

    def apply(self, project: Project) -> Change:
        kind = project.schema.relation(self.label)
        if kind is None:
            raise EditError(f'relation "{self.label}" is not in the schema')
        head, child = _existing(project, self.head), _existing(project, self.child)
        if (head.document, head.annotator) != (child.document, child.annotator):
            raise EditError("a relation links two spans of the same annotation set")
        if head.id == child.id:
            raise EditError("a span cannot be linked to itself")
        if head.label not in kind.head or child.label not in kind.child:
            raise EditError(
                f"{self.label} links {' or '.join(kind.head)} to {' or '.join(kind.child)}, "
                f"not {head.label} to {child.label}"
            )
        with project.transaction():
            relation = self._stored or Relation(RelationId(0), self.label, head.id, child.id)
            self._stored = project.relations.insert(relation)
            self._record(
                project, head.annotator, head.document, False, {"relation": self._stored.id}
            )
        return Change(head.document, head.annotator, spans=(head.id, child.id), relations=True)

    def revert(self, project: Project) -> Change:
        stored = self._stored
        assert stored is not None, "apply() first"
        if project.relations.get(stored.id) != stored:
            raise changed_since(f"link {stored.label}")
        head = _existing(project, stored.head)
        with project.transaction():
            project.relations.delete(stored.id)
            self._record(project, head.annotator, head.document, True, {"relation": stored.id})
        return Change(
            head.document, head.annotator, spans=(stored.head, stored.child), relations=True
        )


@dataclass
class DeleteRelation(Edit):
    relation_id: RelationId
    _relation: Relation | None = field(default=None, init=False)

    def apply(self, project: Project) -> Change:
        relation = project.relations.get(self.relation_id)
        if relation is None:
            raise EditError(f"relation {self.relation_id} no longer exists")
        self._relation = relation
        self.text = f"unlink {relation.label}"
        head = _existing(project, relation.head)
        with project.transaction():
            project.relations.delete(relation.id)
            self._record(project, head.annotator, head.document, False, {"relation": relation.id})
        return Change(
            head.document, head.annotator, spans=(relation.head, relation.child), relations=True
        )

    def revert(self, project: Project) -> Change:
        relation = self._relation
        assert relation is not None, "apply() first"
        ends = {relation.head, relation.child}
        if project.relations.get(relation.id) is not None or project.spans.existing(ends) != ends:
            raise changed_since(f"link {relation.label}")
        head = _existing(project, relation.head)
        with project.transaction():
            project.relations.insert(relation)
            self._record(project, head.annotator, head.document, True, {"relation": relation.id})
        return Change(
            head.document, head.annotator, spans=(relation.head, relation.child), relations=True
        )


@dataclass
class _SetRowEdit(Edit):
    """Base for edits of the (document, annotator) row: status and document attributes."""

    document: DocumentId
    annotator: AnnotatorName
    _before: tuple[Status, dict[str, AttrValue]] | None = field(default=None, init=False)
    _written: tuple[Status, dict[str, AttrValue]] | None = field(default=None, init=False)
    _had_row: bool = field(default=False, init=False)
    #: What the edit changes, for a refused undo: "the status of D (alice)".
    _what: str = field(default="the annotation set", init=False)

    @abstractmethod
    def _after(
        self, status: Status, attrs: dict[str, AttrValue]
    ) -> tuple[Status, dict[str, AttrValue]]: ...

    def _change(self) -> Change:
        return Change(self.document, self.annotator, status=True, doc_attrs=True)

    def apply(self, project: Project) -> Change:
        if project.documents.get(self.document) is None:
            raise EditError(f'no document "{self.document}"')
        sets = project.sets
        self._had_row = sets.has_row(self.document, self.annotator)
        before = (
            sets.status(self.document, self.annotator),
            sets.doc_attrs(self.document, self.annotator),
        )
        self._before = before
        status, attrs = self._after(*before)
        with project.transaction():
            sets.write_row(self.document, self.annotator, status, attrs)
            self._written = (status, attrs)
            self._record(
                project,
                self.annotator,
                self.document,
                False,
                {"status": status.value, "doc_attrs": attrs},
            )
        return self._change()

    def revert(self, project: Project) -> Change:
        assert self._before is not None, "apply() first"
        sets = project.sets
        now = (
            sets.status(self.document, self.annotator),
            sets.doc_attrs(self.document, self.annotator),
        )
        if not sets.has_row(self.document, self.annotator) or now != self._written:
            raise changed_since(f"{self._what} of {self.document} ({self.annotator})")
        with project.transaction():
            if self._had_row:
                project.sets.write_row(self.document, self.annotator, *self._before)
            else:
                project.sets.delete_row(self.document, self.annotator)
            self._record(project, self.annotator, self.document, True, {})
        return self._change()


@dataclass
class SetStatus(_SetRowEdit):
    status: Status = Status.TODO

    def __post_init__(self) -> None:
        self._what = "the status"
        self.text = {
            Status.DONE: "mark done",
            Status.SKIPPED: "skip document",
            Status.IN_PROGRESS: "start document",
            Status.TODO: "reopen document",
        }[self.status]

    def _after(
        self, status: Status, attrs: dict[str, AttrValue]
    ) -> tuple[Status, dict[str, AttrValue]]:
        return self.status, attrs


@dataclass
class SetDocAttribute(_SetRowEdit):
    name: str = ""
    value: AttrValue | None = None

    def __post_init__(self) -> None:
        self._what = "the document attributes"
        self.text = f"set {self.name}" if self.value is not None else f"clear {self.name}"

    def _after(
        self, status: Status, attrs: dict[str, AttrValue]
    ) -> tuple[Status, dict[str, AttrValue]]:
        # The schema is checked in apply(); here only the new mapping is built.
        attrs = dict(attrs)
        if self.value is None:
            attrs.pop(self.name, None)
        else:
            attrs[self.name] = self.value
        return status, attrs

    def apply(self, project: Project) -> Change:
        attribute = project.schema.document_attribute(self.name)
        if attribute is None:
            raise EditError(f'the schema has no document attribute "{self.name}"')
        if self.value is not None:
            problem = project.schema.check_value(attribute, self.value)
            if problem:
                raise EditError(problem)
        return super().apply(project)
