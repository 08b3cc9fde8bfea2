"""Undoable edits of the project's speaker and target registries.

Renaming or merging rewrites every span that names the entry; revert puts back exactly
the spans and records that were there before. Speakers and targets follow the same rules,
so one set of edits serves both, each told which registry it works on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar, Generic, Protocol, TypeVar

from annotator.edits import Change, Edit, EditError, changed_since
from annotator.model import AnnotatorName, DocumentId, Speaker, Target
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.registries import AttributeUses

_PROJECT_WIDE = Change(DocumentId(""), AnnotatorName(""), registry=True)
E = TypeVar("E", Speaker, Target)


class _Registry(Protocol[E]):
    def get(self, key: str, /) -> E | None: ...
    def delete(self, key: str, /) -> None: ...
    def upsert(self, entry: E, /) -> None: ...


@dataclass(frozen=True)
class _Kind(Generic[E]):
    """Which registry an edit works on, and how its entries are named."""

    noun: str

    def registry(self, project: Project) -> _Registry[E]:
        return project.speakers if self.noun == "speaker" else project.targets  # type: ignore[return-value]

    def uses(self, project: Project) -> AttributeUses:
        return project.speaker_uses if self.noun == "speaker" else project.target_uses

    def key(self, entry: E) -> str:
        return entry.name if isinstance(entry, Speaker) else entry.label


def _still_naming(
    project: Project, uses: AttributeUses, span_ids: list[int], name: str, noun: str
) -> None:
    """Refuse when a span the edit renamed (and that still exists) names something else now."""
    if not span_ids:
        return
    moved = project.spans.existing(span_ids) - set(uses.spans_naming(name))
    if moved:
        raise changed_since(f'{noun} "{name}" on span {min(moved)}')


SPEAKER: _Kind[Speaker] = _Kind("speaker")
TARGET: _Kind[Target] = _Kind("target")


@dataclass
class _Save(Edit, Generic[E]):
    """Add an entry, or change one (a new name renames it on every span that names it)."""

    kind: ClassVar[_Kind]
    entry: E
    old: str | None = None
    _before: E | None = field(default=None, init=False)
    _renamed: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        noun = self.kind.noun
        self.text = f"rename {noun} {self.old}" if self.old else f"save {noun}"

    def apply(self, project: Project) -> Change:
        registry, uses = self.kind.registry(project), self.kind.uses(project)
        new = self.kind.key(self.entry).strip()
        if not new:
            raise EditError(f"a {self.kind.noun} needs a name")
        old = self.old or new
        self._before = registry.get(old)
        if new != old and registry.get(new) is not None:
            raise EditError(f'there is already a {self.kind.noun} "{new}": merge the two instead')
        with project.transaction():
            self._renamed = uses.spans_naming(old) if new != old else []
            if new != old:
                registry.delete(old)
                uses.set_on_spans(self._renamed, new)
            registry.upsert(self.entry)
            project.history.record("", self.text, None, {self.kind.noun: new, "from": old})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        registry, uses = self.kind.registry(project), self.kind.uses(project)
        new = self.kind.key(self.entry).strip()
        if registry.get(new) != self.entry:
            raise changed_since(f'{self.kind.noun} "{new}"')
        _still_naming(project, uses, self._renamed, new, self.kind.noun)
        with project.transaction():
            registry.delete(new)
            if self._before is not None:
                registry.upsert(self._before)
            uses.set_on_spans(self._renamed, self.old or new)
            project.history.record("", "undo " + self.text, None, {self.kind.noun: new})
        return _PROJECT_WIDE


@dataclass
class _Merge(Edit):
    """``source`` and ``into`` are the same: every span naming source now names into."""

    kind: ClassVar[_Kind]
    source: str
    into: str
    _saved: Speaker | Target | None = field(default=None, init=False)
    _moved: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"merge {self.kind.noun} {self.source} into {self.into}"

    def apply(self, project: Project) -> Change:
        registry, uses = self.kind.registry(project), self.kind.uses(project)
        record = registry.get(self.source)
        if self.source == self.into or record is None or registry.get(self.into) is None:
            raise EditError(f"pick two different {self.kind.noun}s of the registry to merge")
        self._saved = record
        with project.transaction():
            self._moved = uses.spans_naming(self.source)
            uses.set_on_spans(self._moved, self.into)
            registry.delete(self.source)
            project.history.record("", self.text, None, {"spans": len(self._moved)})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        assert self._saved is not None, "apply() first"
        # The merged name must not have come back, and the moved spans must still name into.
        if self.kind.registry(project).get(self.source) is not None:
            raise changed_since(f'{self.kind.noun} "{self.source}"')
        _still_naming(project, self.kind.uses(project), self._moved, self.into, self.kind.noun)
        with project.transaction():
            self.kind.registry(project).upsert(self._saved)
            self.kind.uses(project).set_on_spans(self._moved, self.source)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE


class SaveSpeaker(_Save[Speaker]):
    kind = SPEAKER


class SaveTarget(_Save[Target]):
    kind = TARGET


class MergeSpeakers(_Merge):
    kind = SPEAKER


class MergeTargets(_Merge):
    kind = TARGET


@dataclass
class DeleteTarget(Edit):
    """Remove an unused target; one still in use must be merged into another instead."""

    label: str
    _saved: Target | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.text = f"delete target {self.label}"

    def apply(self, project: Project) -> Change:
        record = project.targets.get(self.label)
        if record is None:
            raise EditError(f'no target "{self.label}"')
        uses = len(project.target_uses.spans_naming(self.label))
        if uses:
            raise EditError(
                f'target "{self.label}" is used by {plural(uses, "quote")}: merge it into another '
                "instead"
            )
        self._saved = record
        with project.transaction():
            project.targets.delete(self.label)
            project.history.record("", self.text, None, {})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        assert self._saved is not None, "apply() first"
        if project.targets.get(self.label) is not None:
            raise changed_since(f'target "{self.label}"')
        with project.transaction():
            project.targets.upsert(self._saved)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE
