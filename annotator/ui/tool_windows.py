"""Windows the main window opens: adjudication, the gold comparison, project settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from annotator.model import SpanId
from annotator.model.ids import GOLD
from annotator.ui.adjudication.view import AdjudicationView, LearningView
from annotator.ui.agreement.view import AgreementView
from annotator.ui.dialogs.project_settings import ProjectSettings

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def open_adjudication(window: MainWindow) -> None:
    document = window.session.document
    if document is None:
        return
    view = AdjudicationView(window.session, document.id, window)
    view.edit_gold.connect(lambda span_id: edit_gold(window, span_id))
    show_as_window(view, 1100, 600)


def open_gold_comparison(window: MainWindow) -> None:
    document = window.session.document
    if document is not None:
        show_as_window(LearningView(window.session, document.id, parent=window), 700, 400)


def edit_gold(window: MainWindow, span_id: int) -> None:
    span = window.session.project.spans.get(SpanId(span_id))
    if span is not None:
        window.show_layer(GOLD)
        window.go_to(span.document, span.start, span.end)
        window.activateWindow()


def open_agreement(window: MainWindow) -> None:
    view = AgreementView(window.session, window)
    view.setWindowTitle(f"Agreement — {window.session.project.path.name}")
    # Double-clicking a disagreement shows the annotators' versions side by side.
    view.open_disagreement.connect(view.show_versions)
    show_as_window(view, 1200, 800)


def shut_down_tools(window: MainWindow) -> None:
    """Tool windows get no close event of their own when the main window closes."""
    for view in window.findChildren(AgreementView):
        view.shutdown()


def project_settings(window: MainWindow) -> None:
    dialog = ProjectSettings(window.session, window)
    dialog.exec()
    if dialog.changed:
        # Labels, keys and panels all come from the schema: reload the window on it.
        window.project_requested.emit(window.session.project.path)


def show_as_window(widget: QWidget, width: int, height: int) -> None:
    """A tool window of its own: its review keys (1-9, A, R, E) must not fight the
    annotation shortcuts of the main window."""
    widget.setWindowFlag(Qt.WindowType.Window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.resize(width, height)
    widget.show()
