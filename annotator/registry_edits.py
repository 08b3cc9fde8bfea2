"""Undoable edits of the project's speaker and target registries.

Renaming or merging rewrites every span that names the entry; revert puts back exactly
the spans and records that were there before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.edits import Change, Edit, EditError
from annotator.model import AnnotatorName, DocumentId, Speaker, Target
from annotator.store import Project

_PROJECT_WIDE = Change(DocumentId(""), AnnotatorName(""), registry=True)


@dataclass
class SaveSpeaker(Edit):
    """Add a speaker, or change one (a new name renames it on every span that names it)."""

    speaker: Speaker
    old_name: str | None = None
    _before: Speaker | None = field(default=None, init=False)
    _renamed: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"rename speaker {self.old_name}" if self.old_name else "save speaker"

    def apply(self, project: Project) -> Change:
        name = self.speaker.name.strip()
        if not name:
            raise EditError("a speaker needs a name")
        old = self.old_name or name
        self._before = project.speakers.get(old)
        if name != old and project.speakers.get(name) is not None:
            raise EditError(f'there is already a speaker "{name}": merge the two instead')
        with project.transaction():
            self._renamed = project.speaker_uses.spans_naming(old) if name != old else []
            if name != old:
                project.speakers.delete(old)
                project.speaker_uses.set_on_spans(self._renamed, name)
            project.speakers.upsert(self.speaker)
            project.history.record("", self.text, None, {"speaker": name, "from": old})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        name = self.speaker.name.strip()
        with project.transaction():
            project.speakers.delete(name)
            if self._before is not None:
                project.speakers.upsert(self._before)
            project.speaker_uses.set_on_spans(self._renamed, self.old_name or name)
            project.history.record("", "undo " + self.text, None, {"speaker": name})
        return _PROJECT_WIDE


@dataclass
class MergeSpeakers(Edit):
    """``source`` and ``into`` are one person: every span naming source now names into."""

    source: str
    into: str
    _saved: Speaker | None = field(default=None, init=False)
    _moved: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"merge speaker {self.source} into {self.into}"

    def apply(self, project: Project) -> Change:
        if self.source == self.into:
            raise EditError("a speaker cannot be merged into itself")
        record = project.speakers.get(self.source)
        if record is None or project.speakers.get(self.into) is None:
            raise EditError("both speakers must be in the registry")
        self._saved = record
        with project.transaction():
            self._moved = project.speaker_uses.spans_naming(self.source)
            project.speaker_uses.set_on_spans(self._moved, self.into)
            project.speakers.delete(self.source)
            project.history.record("", self.text, None, {"spans": len(self._moved)})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        assert self._saved is not None, "apply() first"
        with project.transaction():
            project.speakers.upsert(self._saved)
            project.speaker_uses.set_on_spans(self._moved, self.source)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE


@dataclass
class SaveTarget(Edit):
    """Add a stance target, or change one (a new label follows on every span using it)."""

    target: Target
    old_label: str | None = None
    _before: Target | None = field(default=None, init=False)
    _renamed: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"rename target {self.old_label}" if self.old_label else "save target"

    def apply(self, project: Project) -> Change:
        label = self.target.label.strip()
        if not label:
            raise EditError("a target needs a label")
        old = self.old_label or label
        self._before = project.targets.get(old)
        if label != old and project.targets.get(label) is not None:
            raise EditError(f'there is already a target "{label}": merge the two instead')
        with project.transaction():
            self._renamed = project.target_uses.spans_naming(old) if label != old else []
            if label != old:
                project.targets.delete(old)
                project.target_uses.set_on_spans(self._renamed, label)
            project.targets.upsert(self.target)
            project.history.record("", self.text, None, {"target": label, "from": old})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        label = self.target.label.strip()
        with project.transaction():
            project.targets.delete(label)
            if self._before is not None:
                project.targets.upsert(self._before)
            project.target_uses.set_on_spans(self._renamed, self.old_label or label)
            project.history.record("", "undo " + self.text, None, {"target": label})
        return _PROJECT_WIDE


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
                f'target "{self.label}" is used by {uses} quotes: merge it into another instead'
            )
        self._saved = record
        with project.transaction():
            project.targets.delete(self.label)
            project.history.record("", self.text, None, {})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        assert self._saved is not None, "apply() first"
        with project.transaction():
            project.targets.upsert(self._saved)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE


@dataclass
class MergeTargets(Edit):
    source: str
    into: str
    _saved: Target | None = field(default=None, init=False)
    _moved: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.text = f"merge target {self.source} into {self.into}"

    def apply(self, project: Project) -> Change:
        record = project.targets.get(self.source)
        if self.source == self.into or record is None or project.targets.get(self.into) is None:
            raise EditError("pick two different targets of the registry to merge")
        self._saved = record
        with project.transaction():
            self._moved = project.target_uses.spans_naming(self.source)
            project.target_uses.set_on_spans(self._moved, self.into)
            project.targets.delete(self.source)
            project.history.record("", self.text, None, {"spans": len(self._moved)})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        assert self._saved is not None, "apply() first"
        with project.transaction():
            project.targets.upsert(self._saved)
            project.target_uses.set_on_spans(self._moved, self.source)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE
