"""The main window's wiring: which command, panel and session signal reaches which slot.

Apart from the window (``main_window.py``: its parts, their layout, and refreshing them from
the session's changes) so that each reads in one sitting. The wiring sees the window only as
``WiredWindow``, the parts and handlers it connects: importing the window back would be a
cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView

from annotator.edits import Change
from annotator.edits.spans import ChangeSpan, DeleteRelation, SetAttribute
from annotator.errors import StorageError
from annotator.model import AttrValue, Document, DocumentId, Span, SpanId
from annotator.ui.actions import Actions
from annotator.ui.document_flow import DocumentFlow
from annotator.ui.menus import Menus, fill_layers, fill_recent, show_context_menu
from annotator.ui.messages import Messages
from annotator.ui.panels.document_list import DocumentPanel
from annotator.ui.panels.inspector import Inspector
from annotator.ui.panels.side_panels import SideTabs
from annotator.ui.project_files import ProjectFiles
from annotator.ui.session import Session
from annotator.ui.settings import recent_projects, store_all_links, store_theme
from annotator.ui.text.find_bar import FindBar
from annotator.ui.text.labelling import Labeller
from annotator.ui.text.link_mode import LinkMode
from annotator.ui.text.text_view import TextView
from annotator.ui.theme import apply_theme
from annotator.ui.tool_windows import ToolWindows

if TYPE_CHECKING:
    from annotator.ui.help import CheatSheet


class WiredWindow(Protocol):
    """The main window as the wiring sees it."""

    session: Session
    commands: Actions
    label_actions: list[QAction]
    attribute_actions: list[QAction]
    documents: DocumentPanel
    view: TextView
    labeller: Labeller
    inspector: Inspector
    span_table: QTableView
    link_mode: LinkMode
    messages: Messages
    files: ProjectFiles
    tools: ToolWindows
    flow: DocumentFlow

    @property
    def cheat_sheet(self) -> CheatSheet: ...

    menus: Menus
    side: SideTabs
    find_bar: FindBar
    _refresh_timer: QTimer

    @property
    def project_requested(self) -> SignalInstance: ...
    @property
    def annotator_requested(self) -> SignalInstance: ...
    @property
    def restore_requested(self) -> SignalInstance: ...
    def close(self) -> bool: ...
    def go_to(self, document: str, start: int, end: int) -> None: ...
    def open_document(self, document: DocumentId) -> None: ...
    def show_document(self, document: Document) -> None: ...
    def show_layer(self, name: str) -> None: ...
    def apply_change(self, change: Change) -> None: ...
    def select_span(self, span_id: SpanId | None) -> None: ...
    def _step_texts(self, *_: object) -> None: ...
    def _not_saved(self, error: StorageError) -> None: ...
    def _open_preferences(self) -> None: ...
    def _documents_arrived(self) -> None: ...
    def _edit_gold(self, span: Span) -> None: ...
    def _open_search(self) -> None: ...
    def _side_tab_changed(self, _index: int) -> None: ...
    def _span_clicked(self, span_id: int) -> None: ...
    def _table_clicked(self, index: QModelIndex) -> None: ...
    def _set_doc_attribute(self, name: str, value: AttrValue | None) -> None: ...


def connect_window(window: WiredWindow) -> None:
    """Connect the window's commands, panels and session to what they do."""
    a, s = window.commands, window.session
    stack = s.undo_stack
    a.undo.triggered.connect(s.undo)
    a.redo.triggered.connect(s.redo)
    stack.canUndoChanged.connect(a.undo.setEnabled)
    stack.canRedoChanged.connect(a.redo.setEnabled)
    # Bound methods, not lambdas: Qt drops them with the window, before it deletes the stack.
    stack.indexChanged.connect(window._step_texts)
    s.document_opened.connect(window._step_texts)
    s.revealed.connect(window.go_to)
    s.not_saved.connect(window._not_saved)
    a.undo.setEnabled(False)
    a.redo.setEnabled(False)
    a.delete_span.triggered.connect(window.labeller.delete_selected)
    a.clear_selection.triggered.connect(window.labeller.clear)
    a.next_span.triggered.connect(lambda: window.labeller.step(True))
    a.previous_span.triggered.connect(lambda: window.labeller.step(False))
    a.start_left.triggered.connect(lambda: window.labeller.move_edge("start", False))
    a.start_right.triggered.connect(lambda: window.labeller.move_edge("start", True))
    a.end_left.triggered.connect(lambda: window.labeller.move_edge("end", False))
    a.end_right.triggered.connect(lambda: window.labeller.move_edge("end", True))
    a.toggle_snap.toggled.connect(lambda on: setattr(window.labeller, "snap_to_words", on))
    a.next_document.triggered.connect(lambda: window.flow.step(1))
    a.previous_document.triggered.connect(lambda: window.flow.step(-1))
    a.mark_done.triggered.connect(window.flow.mark_done)
    a.skip_document.triggered.connect(window.flow.skip)
    a.zoom_in.triggered.connect(window.view.zoom_in)
    a.zoom_out.triggered.connect(window.view.zoom_out)
    a.dark_mode.toggled.connect(apply_theme)
    a.dark_mode.triggered.connect(lambda dark: store_theme("dark" if dark else "light"))
    a.preferences.triggered.connect(window._open_preferences)
    a.cheat_sheet.triggered.connect(lambda: _show_keys(window))
    # The window as a widget: the text view's top-level one.
    a.about.triggered.connect(lambda: _show_about(window))
    a.quit.triggered.connect(window.close)
    a.new_project.triggered.connect(window.files.new_project)
    a.open_project.triggered.connect(window.files.open_project)
    a.import_files.triggered.connect(window.files.import_files)
    a.export_files.triggered.connect(window.files.export_files)
    a.merge_projects.triggered.connect(window.files.merge_projects)
    a.backups.triggered.connect(window.files.backups)
    a.change_annotator.triggered.connect(window.files.change_annotator)
    a.project_settings.triggered.connect(window.tools.project_settings)
    a.adjudicate.triggered.connect(window.tools.open_adjudication)
    a.agreement.triggered.connect(window.tools.open_agreement)
    a.compare_gold.triggered.connect(window.tools.open_gold_comparison)
    a.team.triggered.connect(window.tools.open_team)
    window.tools.documents_changed.connect(window._documents_arrived)
    a.review.triggered.connect(window.tools.open_review)
    a.all_links.toggled.connect(window.view.set_arcs_for_all)
    a.all_links.triggered.connect(store_all_links)  # the user's choice, kept for next time
    window.tools.schema_changed.connect(lambda: window.project_requested.emit(s.project.path))
    window.tools.gold_span_chosen.connect(window._edit_gold)
    window.files.project_requested.connect(window.project_requested)
    window.files.annotator_requested.connect(window.annotator_requested)
    window.files.restore_requested.connect(window.restore_requested)
    window.files.documents_changed.connect(window._documents_arrived)
    window.files.documents_changed.connect(window.tools.documents_arrived)
    window.menus.recent.aboutToShow.connect(
        lambda: fill_recent(window.menus.recent, recent_projects(), window.project_requested.emit)
    )
    window.menus.layers.aboutToShow.connect(
        lambda: fill_layers(
            window.menus.layers, s.layers(), s.layer, s.annotator, window.show_layer
        )
    )
    for action in window.label_actions:
        label = str(action.data())
        action.triggered.connect(lambda _=False, n=label: window.labeller.label_selection(n))
    for action in window.attribute_actions:
        attribute = str(action.data())
        action.triggered.connect(lambda _=False, n=attribute: window.labeller.cycle_attribute(n))
    s.changed.connect(window.apply_change)
    window.labeller.selection_moved.connect(window._refresh_timer.start)
    window.view.spans_loaded.connect(window._refresh_timer.start)
    s.failed.connect(window.messages.status)
    s.document_opened.connect(window.show_document)
    window.documents.document_chosen.connect(lambda d: window.open_document(DocumentId(d)))
    window.view.span_activated.connect(window._span_clicked)
    window.view.span_deselected.connect(lambda: window.select_span(None))
    window.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    window.view.customContextMenuRequested.connect(
        lambda p: show_context_menu(
            window.view.window(),
            window.view,
            a,
            (window.label_actions, window.attribute_actions),
            p,
            window.select_span,
        )
    )
    a.find.triggered.connect(window.find_bar.open_bar)
    a.search_corpus.triggered.connect(window._open_search)
    a.guidelines.triggered.connect(lambda: window.side.setCurrentWidget(window.side.guidelines))
    window.side.currentChanged.connect(window._side_tab_changed)
    window.side.problems.span_chosen.connect(lambda sid: window.select_span(SpanId(sid)))
    window.side.search.hit_chosen.connect(window.go_to)
    window.side.speakers.quote_chosen.connect(lambda d, s: window.go_to(d, s, s))
    a.link_speaker.triggered.connect(lambda: window.link_mode.start("attributed_to"))
    a.link_cue.triggered.connect(lambda: window.link_mode.start("cued_by"))
    a.join_segments.triggered.connect(window.link_mode.join_previous)
    window.link_mode.message.connect(lambda text: window.messages.status(text, 0))
    window.link_mode.finished.connect(window.messages.clear)
    window.span_table.clicked.connect(window._table_clicked)
    window.span_table.activated.connect(window._table_clicked)
    i = window.inspector
    i.attribute_chosen.connect(lambda sid, n, v: s.push(SetAttribute(sid, n, v)))
    i.label_chosen.connect(lambda sid, label: s.push(ChangeSpan(sid, label)))
    i.relation_removed.connect(lambda rid: s.push(DeleteRelation(rid)))
    i.doc_attribute_chosen.connect(window._set_doc_attribute)
    i.editing_finished.connect(window.view.setFocus)


# The key sheet and the About box: imported when first opened, not at start-up.


def _show_keys(window: WiredWindow) -> None:
    from annotator.ui.help import key_rows

    rows = key_rows(window.commands, window.label_actions + window.attribute_actions)
    window.cheat_sheet.show_keys(rows)


def _show_about(window: WiredWindow) -> None:
    from annotator.ui.help import show_about

    show_about(window.view.window(), window.session.project.path)
