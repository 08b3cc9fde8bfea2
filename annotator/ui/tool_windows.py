"""Windows the main window opens: agreement, adjudication, the gold comparison, the team,
settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from annotator.model import Span, SpanId
from annotator.ui.session import Session

# The tools' modules (and the agreement and adjudication code under them) are imported when
# a tool is first opened: a tenth of the window's start-up went into importing them.


class ToolWindows(QObject):
    """Opens the review tools over ``session``; says what the main window should do next."""

    #: The reviewer wants to edit this gold span in the main window.
    gold_span_chosen = Signal(object)  # Span
    #: The schema changed: the window must be rebuilt on it.
    schema_changed = Signal()
    #: Packs were merged from the Team view: lists and the open document must reload.
    documents_changed = Signal()
    # An import or File > Merge committed: an open Team view lists what it brought.
    documents_arrived = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget,
        text_view: QWidget | None = None,
        zoom: tuple[QAction, QAction] | None = None,
    ) -> None:
        """``text_view`` and ``zoom``: the annotation view and its Zoom In and Zoom Out, so
        the review in context reads at the same size and zooms by the same keys."""
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.text_view = text_view
        self.zoom = zoom
        self._agreement_opened = False

    def open_adjudication(self) -> None:
        document = self.session.document
        if document is None:
            return
        from annotator.ui.adjudication.view import AdjudicationView

        view = AdjudicationView(self.session, document.id, self.parent_widget)
        view.state.edit_gold.connect(self._edit_gold)
        show_as_window(view, 1100, 600)

    def open_review(self) -> None:
        """Document > Review in Context: every layer over the text, decided by the same keys."""
        document = self.session.document
        if document is None:
            return
        from annotator.ui.review.view import ReviewView

        view = ReviewView(
            self.session,
            document.id,
            self.parent_widget,
            text_view=self.text_view,
            zoom=self.zoom,
        )
        view.state.edit_gold.connect(self._edit_gold)
        show_as_window(view, 1300, 800)

    def open_gold_comparison(self) -> None:
        document = self.session.document
        if document is not None:
            from annotator.ui.adjudication.view import LearningView

            view = LearningView(self.session, document.id, parent=self.parent_widget)
            show_as_window(view, 700, 400)

    def open_agreement(self) -> None:
        from annotator.ui.agreement.view import AgreementView

        self._agreement_opened = True
        view = AgreementView(self.session, self.parent_widget)
        view.setWindowTitle(self.tr("Agreement — {0}").format(self.session.project.path.name))
        # Double-clicking a disagreement shows the annotators' versions side by side.
        view.open_disagreement.connect(view.show_versions)
        show_as_window(view, 1200, 800)

    def open_team(self) -> None:
        from annotator.ui.team.view import TeamView  # not at start-up: it brings agreement

        view = TeamView(self.session, self.parent_widget)
        view.documents_changed.connect(self.documents_changed)
        self.documents_arrived.connect(view.refresh)
        show_as_window(view, 900, 700)

    def project_settings(self) -> None:
        from annotator.ui.dialogs.project_settings import ProjectSettings

        dialog = ProjectSettings(self.session, self.parent_widget)
        dialog.exec()
        if dialog.changed:
            # Labels, keys and panels all come from the schema.
            self.schema_changed.emit()

    def shut_down(self) -> None:
        """Tool windows get no close event of their own when the main window closes."""
        if not self._agreement_opened:
            return
        from annotator.ui.agreement.view import AgreementView

        for view in self.parent_widget.findChildren(AgreementView):
            view.shutdown()

    def _edit_gold(self, span_id: int) -> None:
        span: Span | None = self.session.project.spans.get(SpanId(span_id))
        if span is not None:
            self.gold_span_chosen.emit(span)


def show_as_window(widget: QWidget, width: int, height: int) -> None:
    """A tool window of its own: its review keys (1-9, A, R, E) must not fight the
    annotation shortcuts of the main window. It closes by a Close button or Escape."""
    layout = widget.layout()
    if layout is not None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(widget.close)
        layout.addWidget(buttons)
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), widget, widget.close)
    escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    widget.setWindowFlag(Qt.WindowType.Window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.resize(width, height)
    widget.show()
    # Its keys work at once (without a window manager a new window is not made active).
    widget.raise_()
    widget.activateWindow()
