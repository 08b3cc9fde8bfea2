"""The window's menus, toolbar and context menu, built from its typed actions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolBar

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


@dataclass
class Menus:
    recent: QMenu
    layers: QMenu
    toolbar: QToolBar


def build_menus(window: MainWindow) -> Menus:
    a = window.commands
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new_project, a.open_project])
    recent = file_menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    file_menu.addSeparator()
    file_menu.addActions([a.import_files, a.export_jsonl, a.merge_projects])
    file_menu.addSeparator()
    file_menu.addActions([a.project_settings, a.change_annotator, a.quit])
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.delete_span, a.clear_selection, a.toggle_snap])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.search_corpus])
    label_menu = bar.addMenu("&Label")
    label_menu.addActions(window.label_actions)
    label_menu.addSeparator()
    label_menu.addActions(window.attribute_actions)
    label_menu.addSeparator()
    label_menu.addActions([a.link_speaker, a.link_cue, a.join_segments])
    label_menu.addSeparator()
    label_menu.addActions(
        [a.next_span, a.previous_span, a.start_left, a.start_right, a.end_left, a.end_right]
    )
    document_menu = bar.addMenu("&Document")
    document_menu.addActions([a.previous_document, a.next_document, a.mark_done, a.skip_document])
    document_menu.addSeparator()
    document_menu.addActions([a.agreement, a.adjudicate, a.compare_gold])
    view_menu = bar.addMenu("&View")
    view_menu.addActions([a.zoom_in, a.zoom_out, a.dark_mode])
    layers = view_menu.addMenu("Show &Layer")
    layers.aboutToShow.connect(lambda: fill_layers(window, layers))
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.guidelines)
    toolbar = QToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.addActions([a.new_project, a.open_project, a.import_files, a.export_jsonl])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
    toolbar.addSeparator()
    toolbar.addActions([a.previous_document, a.next_document, a.mark_done, a.skip_document])
    toolbar.addSeparator()
    toolbar.addActions([a.zoom_out, a.zoom_in])
    window.addToolBar(toolbar)
    # Shortcuts work whether or not a menu is open; the text view owns Tab.
    window.addActions(a.all() + window.label_actions + window.attribute_actions)
    for action in (a.next_span, a.previous_span):
        window.removeAction(action)
        window.view.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    return Menus(recent, layers, toolbar)


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in window.files.recent():
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: window.project_requested.emit(Path(p)))
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)


def fill_layers(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    group = QActionGroup(menu)
    session = window.session
    for name in session.layers():
        suffix = " (you)" if name == session.annotator else ""
        action = QAction(name + suffix, menu, checkable=True)
        action.setChecked(name == session.layer)
        action.triggered.connect(lambda _=False, n=name: window.show_layer(n))
        group.addAction(action)
        menu.addAction(action)


def show_context_menu(window: MainWindow, position: QPoint) -> None:
    """Right-click: the same commands as the keys, on the span under the pointer."""
    view = window.view
    cp = view.cp_at(position)
    under = view.spans.innermost_at(cp) if cp is not None else None
    start, end = view.selection_cp()
    if under is not None and start == end:
        window.select_span(under.id)
    menu = QMenu(window)
    menu.addActions(window.label_actions)
    menu.addSeparator()
    menu.addActions(window.attribute_actions)
    menu.addSeparator()
    c = window.commands
    menu.addActions([c.link_speaker, c.link_cue, c.join_segments])
    menu.addSeparator()
    menu.addActions([c.delete_span, c.clear_selection, c.undo, c.redo])
    menu.exec(view.viewport().mapToGlobal(position))
