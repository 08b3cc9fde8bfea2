"""Keyboard-first labelling: turn the text selection into spans and reshape the selected span.

Translates key commands into Edits pushed on the session; the text view and the session
stay unaware of each other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.edits.spans import AddSpan, ChangeSpan, DeleteSpan, SetAttribute
from annotator.model import Span, SpanId
from annotator.model.boundaries import move_boundary, snap, trim
from annotator.model.quote_type import prefilled_quote_type
from annotator.ui.session import Session
from annotator.ui.text.text_view import TextView


class Labeller(QObject):
    #: The selected span changed (by key, click or edit): panels should follow.
    selection_moved = Signal()

    def __init__(self, session: Session, view: TextView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.snap_to_words = True

    @property
    def text(self) -> str:
        document = self.session.document
        return document.text if document else ""

    def label_selection(self, label: str) -> Span | None:
        """The selected text becomes a span; with no text selected, relabel the selected span."""
        start, end = self.view.selection_cp()
        selected = self.view.selected_span()
        if start == end:
            if selected is not None and selected.label != label:
                self.session.push(ChangeSpan(selected.id, label))
                return selected
            self.session.failed.emit(
                self.tr("select some text first (Shift+arrows), then press a label key")
            )
            return None
        bounds = (snap if self.snap_to_words else trim)(self.text, start, end)
        if bounds is None:
            self.session.failed.emit(self.tr("the selection holds only white space"))
            return None
        document = self.session.document
        assert document is not None
        # The shown layer: one's own, or gold while adjudicating. A quote's type is read off
        # its marks to start with; the annotator changes it with its key.
        attrs = prefilled_quote_type(self.session.project.schema, label, self.text[slice(*bounds)])
        edit = AddSpan(Span(SpanId(0), document.id, self.session.layer, *bounds, label, attrs))
        if not self.session.push(edit):
            return None
        # The new span becomes the selected one: attribute keys and Alt+arrows act on it next.
        self.view.set_selection_cp(bounds[1], bounds[1])
        self.select(edit.stored.id)
        return edit.stored

    def select(self, span_id: SpanId | None) -> None:
        if span_id is not None and span_id not in self.view.spans:
            return
        self.view.set_selected_span(span_id)
        if span_id is not None:
            span = self.view.spans.get(span_id)
            if span is not None:
                self.view.scroll_to_cp(span.start)
        self.selection_moved.emit()

    def delete_selected(self) -> None:
        span = self.view.selected_span()
        if span is None:
            self.session.failed.emit(self.tr("no span selected (Tab selects the next one)"))
            return
        following = self.view.spans.next_span(span.start, after=span.id)
        if self.session.push(DeleteSpan(span.id)):
            self.select(following.id if following else None)

    def step(self, forward: bool) -> None:
        """Tab / Shift+Tab: the next or previous span, wrapping around the document."""
        spans = self.view.spans
        if not len(spans):
            return
        selected = self.view.selected_span()
        caret = self.view.caret_cp()
        after = selected.id if selected else None
        found = spans.next_span(caret, after) if forward else spans.previous_span(caret, after)
        if found is None:
            found = spans.next_span(0) if forward else spans.previous_span(len(self.text) + 1)
        if found is not None:
            self.select(found.id)

    def move_edge(self, edge: str, forward: bool) -> None:
        span = self.view.selected_span()
        if span is None:
            self.session.failed.emit(self.tr("no span selected to resize"))
            return
        moved = move_boundary(self.text, span.start, span.end, edge, forward)
        if moved is None or moved == (span.start, span.end):
            return
        self.session.push(ChangeSpan(span.id, start=moved[0], end=moved[1]))

    def cycle_attribute(self, name: str) -> None:
        span = self.view.selected_span()
        if span is None:
            self.session.failed.emit(self.tr("select a span to set its {name}").format(name=name))
            return
        attribute = self.session.project.schema.span_attribute(span.label, name)
        if attribute is None or not attribute.values:
            self.session.failed.emit(self.tr("{0} has no {name}").format(span.label, name=name))
            return
        # Cycle through the values and back to unset, so a wrong value is one key away.
        cycle = [*attribute.values, None]
        current = span.attrs.get(name)
        following = cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0]
        self.session.push(SetAttribute(span.id, name, following))

    def clear(self) -> None:
        caret = self.view.caret_cp()
        self.view.set_selection_cp(caret, caret)
        self.view.set_selected_span(None)
        self.selection_moved.emit()
