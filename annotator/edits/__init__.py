"""Every user change as an Edit: ``apply`` and ``revert`` each commit one transaction.

Edits are the one path for changes: the window pushes them on its undo stack, the command
line applies them directly. Each returns a :class:`Change` saying what to refresh.

The kinds live one module each: :mod:`.spans` (a layer's spans, links, status and document
attributes), :mod:`.registry` (speakers and targets), :mod:`.schema` (labels and values),
:mod:`.adjudication` (decisions into gold), :mod:`.suggestions` (accepting and rejecting
machine suggestions).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from annotator.errors import AnnotatorError
from annotator.model import AnnotatorName, DocumentId, SpanId
from annotator.store import Project


class EditError(AnnotatorError):
    """An edit the schema or the document does not allow."""


def changed_since(what: str, undo: bool = True) -> EditError:
    """The refusal of an undo (or redo) whose target is no longer as the edit left it: an
    import, a merge or another edit changed it, and taking the edit back now would destroy
    that work (ids are never reused, so a changed target is always noticed)."""
    return EditError(f"{what} changed since: not {'undone' if undo else 'redone'}")


@dataclass(frozen=True, slots=True)
class Change:
    """What an edit touched, so views refresh only that."""

    document: DocumentId
    annotator: AnnotatorName
    spans: tuple[SpanId, ...] = ()
    removed: tuple[SpanId, ...] = ()
    relations: bool = False
    status: bool = False
    doc_attrs: bool = False
    #: The speaker or target registry changed (and spans naming them, anywhere).
    registry: bool = False
    #: Suggestions were accepted or rejected (the annotator's decisions changed).
    suggestions: bool = False
    #: What the edit did beyond what was asked (links or values a relabel dropped), to tell
    #: the user; empty when there is nothing to tell.
    note: str = ""


class Edit(ABC):
    """One undoable user action."""

    #: Menu text: "add QUOTE", "delete SPEAKER", "set stance".
    text: str = "edit"

    @abstractmethod
    def apply(self, project: Project) -> Change: ...

    @abstractmethod
    def revert(self, project: Project) -> Change: ...

    def _record(
        self, project: Project, annotator: str, document: str, undo: bool, detail: dict[str, Any]
    ) -> None:
        project.history.record(annotator, ("undo " if undo else "") + self.text, document, detail)
