"""Undoable schema changes from Project settings, migrating the annotations that use them.

A rename rewrites every span (or document attribute) using the old name; a removal is
refused while anything uses it, with the count; revert restores schema and rows exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.edits import Change, Edit, EditError, changed_since
from annotator.model import AnnotatorName, AttrValue, DocumentId
from annotator.model.schema import Attribute, Schema
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.sets import SetKey

_PROJECT_WIDE = Change(DocumentId(""), AnnotatorName(""), registry=True)


@dataclass
class ChangeSchema(Edit):
    """Replace the schema by ``after``; at most one rename or removal rides along."""

    after: Schema
    text: str = "change schema"
    rename_label: tuple[str, str] | None = None
    remove_label: str | None = None
    attribute: Attribute | None = None
    rename_value: tuple[AttrValue, AttrValue] | None = None
    remove_value: AttrValue | None = None
    _before: Schema | None = field(default=None, init=False)
    _spans: list[int] = field(default_factory=list, init=False)
    _sets: list[SetKey] = field(default_factory=list, init=False)

    def _value_targets(self, project: Project, value: AttrValue) -> tuple[list[int], list[SetKey]]:
        attribute = self.attribute
        assert attribute is not None
        labels = [n for n in attribute.applies_to if n != "document"]
        spans = project.usage.span_ids_with_value(attribute.name, value, labels)
        sets = (
            project.usage.sets_with_doc_value(attribute.name, value)
            if attribute.on_document
            else []
        )
        return spans, sets

    def apply(self, project: Project) -> Change:
        usage = project.usage
        if self.remove_label is not None:
            used = len(usage.span_ids_with_label(self.remove_label))
            if used:
                raise EditError(
                    f'label "{self.remove_label}" is used by {plural(used, "span")}; '
                    "relabel or delete them first"
                )
        if self.remove_value is not None:
            spans, sets = self._value_targets(project, self.remove_value)
            if spans or sets:
                raise EditError(
                    f'value "{self.remove_value}" is used '
                    f"{plural(len(spans) + len(sets), 'time')}; change those first"
                )
        self._before = project.schema
        with project.transaction():
            if self.rename_label is not None:
                old, new = self.rename_label
                self._spans = usage.span_ids_with_label(old)
                usage.set_label(self._spans, new)
            if self.rename_value is not None:
                old_value, new_value = self.rename_value
                self._spans, self._sets = self._value_targets(project, old_value)
                assert self.attribute is not None
                usage.set_value_on_spans(self._spans, self.attribute.name, new_value)
                usage.set_doc_value(self._sets, self.attribute.name, new_value)
            project.set_schema(self.after)
            project.history.record("", self.text, None, {"spans": len(self._spans)})
        return _PROJECT_WIDE

    def revert(self, project: Project) -> Change:
        before = self._before
        assert before is not None, "apply() first"
        if project.meta("schema") != self.after.source:
            raise changed_since("the schema")
        usage = project.usage
        with project.transaction():
            if self.rename_label is not None:
                usage.set_label(self._spans, self.rename_label[0])
            if self.rename_value is not None and self.attribute is not None:
                usage.set_value_on_spans(self._spans, self.attribute.name, self.rename_value[0])
                usage.set_doc_value(self._sets, self.attribute.name, self.rename_value[0])
            project.set_schema(before)
            project.history.record("", "undo " + self.text, None, {})
        return _PROJECT_WIDE
