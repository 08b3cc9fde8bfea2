"""The main window: wires the document list, text view, inspector and span table to a Session."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.edits import Change
from annotator.edits.spans import SetDocAttribute
from annotator.errors import StorageError
from annotator.model import AttrValue, Document, DocumentId, Span, SpanId
from annotator.model.checks import problem_count, problems
from annotator.model.ids import GOLD
from annotator.model.linking import partners
from annotator.ui.actions import (
    attribute_actions,
    build_actions,
    install_shortcuts,
    label_actions,
)
from annotator.ui.active_time import ActiveTimeCounter, Clock
from annotator.ui.document_flow import DocumentFlow
from annotator.ui.icons import icon
from annotator.ui.menus import build_menus
from annotator.ui.messages import LONG, Messages
from annotator.ui.panels.document_list import DocumentPanel
from annotator.ui.panels.inspector import Inspector
from annotator.ui.panels.side_panels import SideTabs
from annotator.ui.panels.span_table import SPAN_ROLE, SpanTableModel, span_table_view
from annotator.ui.preferences import Preferences, apply_preferences, load_preferences
from annotator.ui.project_files import ProjectFiles
from annotator.ui.session import LONG_SET, Session
from annotator.ui.settings import (
    dark_palette,
    restore_layout,
    save_layout,
    stored_all_links,
)
from annotator.ui.status_line import StatusLine
from annotator.ui.suggestions import SuggestionReview
from annotator.ui.text.find_bar import FindBar
from annotator.ui.text.labelling import Labeller
from annotator.ui.text.link_mode import LinkMode
from annotator.ui.text.text_view import TextView
from annotator.ui.tool_windows import ToolWindows
from annotator.ui.window_wiring import connect_window

if TYPE_CHECKING:
    from annotator.ui.help import CheatSheet


# Code points of a long document read before its first paint (see ``show_document``): more
# than a maximised window shows at the smallest text size. (Not "#:": lupdate would take
# it for a translator's comment.)
FIRST_SCREEN = 20_000


class MainWindow(QMainWindow):
    #: Another project should replace this one (the application shell does it).
    project_requested = Signal(object)
    #: Reopen this project as another annotator.
    annotator_requested = Signal(str)
    #: Replace this project by a backup (a Path); the shell closes and reopens it.
    restore_requested = Signal(object)
    #: The user changed the preferences (the shell re-reads the backup interval).
    preferences_changed = Signal()

    def __init__(self, session: Session, clock: Clock = time.monotonic) -> None:
        super().__init__()
        self.session = session
        session.setParent(self)  # its undo stack must not outlive the actions it updates
        schema = session.project.schema
        self.setWindowIcon(icon("app"))
        self.commands = build_actions(self)
        self.label_actions = label_actions(self, schema)
        self.attribute_actions = attribute_actions(self, schema)
        catalogue = session.project.catalogue
        self.documents = DocumentPanel(
            catalogue.rows,
            catalogue.count,
            session.layer,
            position=catalogue.position,
            one_row=catalogue.row,
        )
        self.documents.set_counts(catalogue.status_counts)
        self.view = TextView()
        self.view.setAccessibleName(self.tr("Document text"))
        self.labeller = Labeller(session, self.view, self)
        self.inspector = Inspector(schema)
        self.span_model = SpanTableModel(schema)
        self.span_table = span_table_view(self.span_model)
        self.link_mode = LinkMode(session, self.view, self)
        self.messages = Messages(self)
        self.files = ProjectFiles(session, self, self.messages)
        zoom = (self.commands.zoom_in, self.commands.zoom_out)
        self.tools = ToolWindows(session, self, self.view, zoom)
        self.flow = DocumentFlow(session, self.documents.neighbour, self.messages)
        self._cheat_sheet: CheatSheet | None = None
        # Table and inspector reload the whole set: once, after the repaint, however many edits.
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._refresh_panels)
        self._registry_stale = True
        self._listed_changes: set[DocumentId] = set()
        self._build_layout()
        schema_actions = self.label_actions + self.attribute_actions
        install_shortcuts(self, self.view, self.commands, schema_actions)
        self.menus = build_menus(self, self.commands, self.label_actions, self.attribute_actions)
        self.status_line = StatusLine(self.statusBar())
        self.status_line.show_identity(session.annotator, session.layer)
        connect_window(self)
        # After connect_window: it shows a document's suggestions once the text view shows its text.
        self.suggestions = SuggestionReview(
            session, self.view, self.commands, self.messages, self.statusBar(), self.labeller, self
        )
        self.active_time = ActiveTimeCounter(session, clock, self)  # a test passes a fake clock
        self.reload_documents()
        first = session.first_unfinished()
        if first is not None:
            self.open_document(first)
        restore_layout(self, self._splitters(), self.view)
        apply_preferences(load_preferences(), self.commands, self.view)
        self.commands.dark_mode.setChecked(dark_palette())
        self.commands.all_links.setChecked(stored_all_links())
        self.view.setFocus()

    # --- construction ---------------------------------------------------------------------

    def _build_layout(self) -> None:
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.inspector)
        self.right.addWidget(self.span_table)
        self.right.setStretchFactor(1, 1)
        self.side = SideTabs(self.session, self.right)
        self.find_bar = FindBar(self.view, self.session)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.documents)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 560, 440])  # the list: room for titles
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.resize(1360, 860)

    def _step_texts(self, *_: object) -> None:
        """Undo and Redo say what they take back, and where, when it is another document."""
        self.commands.undo.setText(f"&Undo {self.session.step_text(undo=True)}".strip())
        self.commands.redo.setText(f"&Redo {self.session.step_text(undo=False)}".strip())

    @property
    def cheat_sheet(self) -> CheatSheet:
        """The key overlay, made the first time it is asked for (not at start-up)."""
        if self._cheat_sheet is None:
            from annotator.ui.help import CheatSheet

            self._cheat_sheet = CheatSheet(self)
        return self._cheat_sheet

    def _open_preferences(self) -> None:
        from annotator.ui.dialogs.preferences import open_preferences

        schema_actions = self.label_actions + self.attribute_actions
        dialog = open_preferences(
            self, self.session.annotator, self.commands, self.view, schema_actions
        )
        dialog.applied.connect(self.preferences_changed)
        dialog.applied.connect(self._preferences_applied)

    def _preferences_applied(self, prefs: Preferences) -> None:
        if prefs.annotator != self.session.annotator:
            self.annotator_requested.emit(prefs.annotator)

    def _not_saved(self, error: StorageError) -> None:
        self.status_line.show_not_saved(error)
        self.messages.warn(
            self.tr("{error}\n\nThe window shows what the project file holds.").format(error=error)
        )

    # --- documents --------------------------------------------------------------------------

    def reload_documents(self) -> None:
        self._registry_stale = True  # an import or merge may have brought speakers in
        self.documents.set_annotators(self.session.layers(), self.session.layer)
        self.documents.reload()

    def open_document(self, document: DocumentId) -> None:
        self.session.open_document(document)

    def show_document(self, document: Document) -> None:
        """Show the text and its spans; a long set in two steps: the first screen's spans
        and the text painted first, then (just after the paint) every span and the panels."""
        colors = {label.name: label.color for label in self.session.project.schema.labels}
        first = self.session.first_screen(FIRST_SCREEN)
        if first is None:
            annotation = self.session.current_set()
            spans, relations = annotation.spans, annotation.relations
        else:
            spans, relations = first.spans, first.relations
        self.view.set_content(document.text, spans, colors)
        if first is not None:
            self.span_model.set_rows(document.text, None)  # no rows of the last document
            self.status_line.show_document(first.total, first.status)
            self.view.defer_spans(FIRST_SCREEN, self._load_all_spans)
        self.view.set_label_keys({s.name: s.key for s in self.session.project.schema.labels})
        self.view.set_relations(relations)
        self.view.set_read_only_layer(self.session.read_only)
        self.inspector.set_read_only(self.session.read_only)
        self.documents.select(document.id)
        read_only = self.tr(" (read-only)") if self.session.project.read_only else ""
        self.setWindowTitle(
            self.tr("{0} — {1}{2} — Annotator").format(
                document.title or document.id, self.session.project.path.name, read_only
            )
        )
        if first is None:
            self._refresh_panels()
        # else: once every span is in (spans_loaded starts the refresh timer).

    def _load_all_spans(self) -> None:
        annotation = self.session.current_set()
        self.view.load_spans(annotation.spans)
        self.view.set_relations(annotation.relations)

    def _documents_arrived(self) -> None:
        """An import or merge brought documents, layers or registries: show them."""
        self.reload_documents()
        if self.session.document is not None:
            self.open_document(self.session.document.id)

    def _edit_gold(self, span: Span) -> None:
        self.show_layer(GOLD)
        self.go_to(span.document, span.start, span.end)
        self.activateWindow()

    # --- changes --------------------------------------------------------------------------

    def apply_change(self, change: Change) -> None:
        """Refresh exactly what an edit touched: spans in the view now, panels after painting."""
        self.status_line.show_saved()
        if change.note:
            self.messages.status(change.note, LONG)
        if change.registry:
            self._registry_stale = True
        document = self.session.document
        if change.status:
            self.documents.document_changed(change.document)
        elif change.document:
            # The list's span count and time: after the paint, with the panels.
            self._listed_changes.add(change.document)
        if change.registry:
            self.side.refresh_registries()
            if document is not None:
                # A rename or merge rewrote speaker or target names on spans anywhere.
                for span in self.session.current_set().spans:
                    if span.id in self.view.spans and self.view.spans.get(span.id) != span:
                        self.view.replace_span(span)
                self._refresh_timer.start()
        if document is None or change.document != document.id:
            return
        shown, gone = [], list(change.removed)
        for span_id in change.removed:
            self.view.discard_span(span_id)
        for span_id in change.spans:
            stored = self.session.project.spans.get(span_id)
            if stored is not None and stored.annotator == self.session.layer:
                self.view.show_span(stored)
                shown.append(stored)
            else:
                self.view.discard_span(span_id)
                gone.append(span_id)
        self.span_model.note(shown, gone, change.relations)
        if change.relations:
            project = self.session.project
            self.view.set_relations(project.relations.in_set(document.id, self.session.layer))
        self._refresh_timer.start()

    def _refresh_panels(self) -> None:
        self._refresh_timer.stop()
        document = self.session.document
        if document is None:
            return
        annotation = self.session.current_set()
        for changed in self._listed_changes:
            self.documents.document_changed(changed)
        self._listed_changes.clear()
        self.span_model.sync(document.text, annotation)
        if self._registry_stale:
            # Read once per registry change, not on every key press.
            self._registry_stale = False
            project = self.session.project
            self.inspector.suggestions = {
                "speaker": [s.name for s in project.speakers.all()],
                "target": [t.label for t in project.targets.all()],
            }
        selected = self.view.selected_span()
        linked = partners(selected.id, annotation.relations) if selected is not None else ()
        self.view.set_linked_spans(linked)
        if selected is not None:
            speaker = self.span_model.speaker_of(selected.id)
            self.inspector.show_span(selected, document.text, annotation, speaker)
            row = self.span_model.row_of(selected.id)
            if row >= 0:
                self.span_table.selectRow(row)
                self.span_table.scrollTo(self.span_model.index(row, 0))
        else:
            self.inspector.show_document(document.title or document.id, annotation)
            self.span_table.clearSelection()
        # The list is filled only where it is looked at (500 rows cost ~10 ms a key press); a
        # short document's count still goes to the tab title. A long one's checks take a while.
        if self.side.currentWidget() is self.side.problems:
            self._refresh_problems()
        elif len(annotation.spans) < LONG_SET:
            self.side.show_problem_count(problem_count(annotation, self.session.project.schema))
        else:
            self.side.show_problem_count(None)
        self.status_line.show_document(len(annotation.spans), annotation.status)

    def _open_search(self) -> None:
        self.side.setCurrentWidget(self.side.search)
        self.side.search.field.setFocus()
        self.side.search.field.selectAll()

    def go_to(self, document: str, start: int, end: int) -> None:
        """Open ``document`` with ``[start, end)`` selected (a search hit or a quote)."""
        current = self.session.document
        if current is None or current.id != document:
            self.open_document(DocumentId(document))
        under = [s for s in self.view.spans.at(start) if (s.start, s.end) == (start, end)]
        if under:
            self.select_span(under[0].id)
        else:
            self.view.set_selection_cp(start, end)
            self.view.scroll_to_cp(start)
        self.view.setFocus()

    def _side_tab_changed(self, _index: int) -> None:
        if self.side.currentWidget() is self.side.problems:
            self._refresh_problems()

    def _refresh_problems(self) -> None:
        document = self.session.document
        if document is None:
            return
        found = problems(self.session.current_set(), self.session.project.schema, document.text)
        self.side.problems.show_problems(found)
        self.side.show_problem_count(len(found))

    def _span_clicked(self, span_id: int) -> None:
        span = self.view.spans.get(SpanId(span_id))
        if self.link_mode.active and span is not None:
            self.link_mode.link_to(span)
        else:
            self.select_span(SpanId(span_id))

    def select_span(self, span_id: SpanId | None) -> None:
        self.labeller.select(span_id)
        self._refresh_panels()

    def _table_clicked(self, index: QModelIndex) -> None:
        span_id = self.span_model.data(index, SPAN_ROLE)
        if isinstance(span_id, int):
            self.select_span(SpanId(span_id))
            self.view.setFocus()

    def _set_doc_attribute(self, name: str, value: AttrValue | None) -> None:
        document = self.session.document
        if document is not None:
            self.session.push(
                SetDocAttribute(document.id, self.session.annotator, name=name, value=value)
            )

    # --- identity, layers, recent files, state ----------------------------------------------

    def show_layer(self, name: str) -> None:
        self.session.set_layer(name)
        self.reload_documents()
        self.status_line.show_identity(self.session.annotator, self.session.layer)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter, "right": self.right}

    def showEvent(self, event: QShowEvent) -> None:
        # Input is watched from the event loop's first turn with the window shown: input
        # arrives through the loop, so none can come before (and the show's and the first
        # paint's own events go by unwatched).
        QTimer.singleShot(0, self.active_time, self.active_time.watch_input)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._refresh_timer.stop()
        # An import still writing is cancelled and waited for: the time counted, the close
        # backup and the close itself then find the project at its last commit.
        self.session.hold.finish()
        self.view.cancel_spans()
        self.tools.shut_down()
        self.active_time.shut_down()
        save_layout(self, self._splitters(), self.view)
        super().closeEvent(event)
