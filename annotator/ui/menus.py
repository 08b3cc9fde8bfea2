"""The window's menus, toolbar and context menu: an arrangement of the actions, nothing more.

The actions and their keys live in :mod:`annotator.ui.actions`; what they do is wired by the
main window. Menus that change with the project (recent files, layers) are filled on show
from data and a callback, so this module knows no window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from annotator.model import SpanId
from annotator.ui.actions import Actions
from annotator.ui.text.text_view import TextView


@dataclass
class Menus:
    recent: QMenu
    layers: QMenu
    toolbar: QToolBar


def build_menus(
    window: QMainWindow, a: Actions, labels: list[QAction], attributes: list[QAction]
) -> Menus:
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file_menu.addActions([a.new_project, a.open_project])
    recent = file_menu.addMenu(QCoreApplication.translate("Menus", "Open &Recent"))
    file_menu.addSeparator()
    file_menu.addActions([a.import_files, a.export_files, a.merge_projects])
    file_menu.addSeparator()
    file_menu.addAction(a.backups)
    file_menu.addSeparator()
    file_menu.addActions([a.project_settings, a.change_annotator, a.quit])
    edit_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.delete_span, a.clear_selection, a.toggle_snap])
    edit_menu.addSeparator()
    edit_menu.addActions([a.find, a.search_corpus])
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    label_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Label"))
    label_menu.addActions(labels)
    label_menu.addSeparator()
    label_menu.addActions(attributes)
    label_menu.addSeparator()
    label_menu.addActions([a.link_speaker, a.link_cue, a.join_segments])
    label_menu.addSeparator()
    label_menu.addActions(
        [a.next_span, a.previous_span, a.start_left, a.start_right, a.end_left, a.end_right]
    )
    document_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Document"))
    document_menu.addActions([a.previous_document, a.next_document, a.mark_done, a.skip_document])
    document_menu.addSeparator()
    document_menu.addActions([a.suggest_document, a.suggest_all])
    document_menu.addActions([a.accept_suggestion, a.reject_suggestion, a.accept_all_suggestions])
    document_menu.addActions([a.next_suggestion, a.previous_suggestion])
    document_menu.addSeparator()
    document_menu.addActions([a.agreement, a.adjudicate, a.review, a.compare_gold])
    document_menu.addAction(a.team)
    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    view_menu.addActions([a.zoom_in, a.zoom_out, a.dark_mode, a.all_links])
    layers = view_menu.addMenu(QCoreApplication.translate("Menus", "Show &Layer"))
    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_menu.addActions([a.guidelines, a.cheat_sheet])
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    toolbar = QToolBar(QCoreApplication.translate("Menus", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.addActions([a.new_project, a.open_project, a.import_files, a.export_files])
    toolbar.addSeparator()
    toolbar.addActions([a.undo, a.redo])
    toolbar.addSeparator()
    toolbar.addActions([a.previous_document, a.next_document, a.mark_done, a.skip_document])
    toolbar.addSeparator()
    toolbar.addActions([a.zoom_out, a.zoom_in])
    window.addToolBar(toolbar)
    return Menus(recent, layers, toolbar)


def fill_recent(menu: QMenu, paths: list[str], open_project: Callable[[Path], None]) -> None:
    menu.clear()
    for path in paths:
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: open_project(Path(p)))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("Menus", "(none)")).setEnabled(False)


def fill_layers(
    menu: QMenu, layers: list[str], shown: str, me: str, show_layer: Callable[[str], None]
) -> None:
    menu.clear()
    group = QActionGroup(menu)
    for name in layers:
        action = QAction(
            name + (QCoreApplication.translate("Menus", " (you)") if name == me else ""),
            menu,
            checkable=True,
        )
        action.setChecked(name == shown)
        action.triggered.connect(lambda _=False, n=name: show_layer(n))
        group.addAction(action)
        menu.addAction(action)


def show_context_menu(
    parent: QWidget,
    view: TextView,
    a: Actions,
    schema_actions: tuple[list[QAction], list[QAction]],
    position: QPoint,
    select: Callable[[SpanId], None],
) -> None:
    """Right-click: the same commands as the keys, on the span under the pointer."""
    cp = view.cp_at(position)
    under = view.spans.innermost_at(cp) if cp is not None else None
    start, end = view.selection_cp()
    if under is not None and start == end:
        select(under.id)
    labels, attributes = schema_actions
    menu = QMenu(parent)
    menu.addActions(labels)
    menu.addSeparator()
    menu.addActions(attributes)
    menu.addSeparator()
    menu.addActions([a.link_speaker, a.link_cue, a.join_segments])
    menu.addSeparator()
    menu.addActions([a.delete_span, a.clear_selection, a.undo, a.redo])
    menu.exec(view.viewport().mapToGlobal(position))
