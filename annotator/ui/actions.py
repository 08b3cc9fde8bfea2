"""Every command of the window as a QAction, with its shortcut, icon and a tooltip naming both."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from annotator.model.schema import Schema
from annotator.ui.icons import icon, swatch

Key = QKeySequence.StandardKey | str


def make_action(
    parent: QObject,
    text: str,
    shortcut: Key | list[Key] | None = None,
    icon_name: str | None = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(text.replace("&&", "&"), parent)
    action.setText(text)
    if icon_name:
        action.setIcon(icon(icon_name))
    keys: list[Key] = shortcut if isinstance(shortcut, list) else [shortcut] if shortcut else []
    sequences = [QKeySequence(k) for k in keys]
    if sequences:
        action.setShortcuts(sequences)
    plain = text.replace("&", "")
    shown = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
    action.setToolTip(f"{tip or plain} ({shown})" if shown else (tip or plain))
    action.setStatusTip(tip or plain)
    return action


@dataclass
class Actions:
    """The window's commands; menus, toolbar and tests all reach them by name."""

    new_project: QAction
    open_project: QAction
    import_files: QAction
    export_jsonl: QAction
    merge_projects: QAction
    project_settings: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete_span: QAction
    clear_selection: QAction
    next_span: QAction
    previous_span: QAction
    start_left: QAction
    start_right: QAction
    end_left: QAction
    end_right: QAction
    toggle_snap: QAction
    find: QAction
    search_corpus: QAction
    guidelines: QAction
    link_speaker: QAction
    link_cue: QAction
    join_segments: QAction
    next_document: QAction
    previous_document: QAction
    mark_done: QAction
    agreement: QAction
    adjudicate: QAction
    compare_gold: QAction
    skip_document: QAction
    zoom_in: QAction
    zoom_out: QAction
    dark_mode: QAction
    change_annotator: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


def build_actions(parent: QObject) -> Actions:
    SK = QKeySequence.StandardKey
    actions = Actions(
        new_project=make_action(parent, "&New Project…", SK.New, "new"),
        open_project=make_action(parent, "&Open Project…", SK.Open, "open"),
        import_files=make_action(
            parent, "&Import…", "Ctrl+I", "import", "Import texts or JSONL into this project"
        ),
        export_jsonl=make_action(
            parent, "&Export JSONL…", "Ctrl+E", "export", "Export the project as native JSONL"
        ),
        merge_projects=make_action(
            parent,
            "&Merge Projects…",
            "Ctrl+Shift+M",
            "import",
            "Bring in other annotators' copies of this project",
        ),
        project_settings=make_action(
            parent,
            "Project &Settings…",
            SK.Preferences,
            "settings",
            "The schema: add, rename, recolour or remove labels and values",
        ),
        quit=make_action(parent, "&Quit", SK.Quit),
        undo=make_action(parent, "&Undo", SK.Undo, "undo"),
        redo=make_action(parent, "&Redo", [SK.Redo, "Ctrl+Shift+Z"], "redo"),
        delete_span=make_action(
            parent, "&Delete Span", [SK.Delete, "Backspace"], "delete", "Delete the selected span"
        ),
        clear_selection=make_action(
            parent, "Clear Selection", "Escape", tip="Deselect the span and the text"
        ),
        next_span=make_action(parent, "Next Span", "Tab", tip="Select the next span"),
        previous_span=make_action(
            parent, "Previous Span", "Shift+Tab", tip="Select the previous span"
        ),
        start_left=make_action(
            parent, "Extend Start Left", "Alt+Left", tip="Move the span's start one word left"
        ),
        start_right=make_action(
            parent, "Shrink Start Right", "Alt+Right", tip="Move the span's start one word right"
        ),
        end_left=make_action(
            parent, "Shrink End Left", "Alt+Shift+Left", tip="Move the span's end one word left"
        ),
        end_right=make_action(
            parent, "Extend End Right", "Alt+Shift+Right", tip="Move the span's end one word right"
        ),
        toggle_snap=make_action(
            parent, "Snap to &Words", "Ctrl+W", tip="Snap new spans to whole words"
        ),
        find=make_action(parent, "&Find in Document…", SK.Find, "find"),
        search_corpus=make_action(
            parent,
            "&Search All Documents…",
            "Ctrl+Shift+F",
            "find",
            "Search the text and the annotations of every document",
        ),
        guidelines=make_action(
            parent, "&Guidelines", SK.HelpContents, tip="Show the annotation guidelines"
        ),
        link_speaker=make_action(
            parent,
            "Link to &Speaker",
            "A",
            "link",
            "Link the selected quote to its speaker (attributed_to)",
        ),
        link_cue=make_action(
            parent, "Link to &Cue", "U", "link", "Link the selected quote to its cue (cued_by)"
        ),
        join_segments=make_action(
            parent,
            "&Join Split Quote",
            "J",
            "link",
            "This quote continues the previous quote (continues)",
        ),
        next_document=make_action(parent, "&Next Document", "Ctrl+PgDown", "next"),
        previous_document=make_action(parent, "&Previous Document", "Ctrl+PgUp", "previous"),
        mark_done=make_action(
            parent,
            "Mark &Done",
            "Ctrl+Return",
            "done",
            "Mark this document done and go to the next",
        ),
        agreement=make_action(
            parent,
            "A&greement…",
            "Ctrl+Shift+K",
            tip="Inter-annotator agreement, from each number to its disagreements",
        ),
        adjudicate=make_action(
            parent,
            "&Adjudicate…",
            "Ctrl+Shift+J",
            "done",
            "Review every annotator's layer of this document into gold",
        ),
        compare_gold=make_action(
            parent,
            "Compare with &Gold",
            "Ctrl+Shift+G",
            tip="How gold differs from your layer of this document",
        ),
        skip_document=make_action(
            parent,
            "&Skip Document",
            "Ctrl+Shift+S",
            "skip",
            "Skip this document and go to the next",
        ),
        zoom_in=make_action(parent, "Zoom &In", [SK.ZoomIn, "Ctrl+="], "zoom-in"),
        zoom_out=make_action(parent, "Zoom &Out", SK.ZoomOut, "zoom-out"),
        dark_mode=make_action(parent, "&Dark Palette", "Ctrl+Shift+D"),
        change_annotator=make_action(parent, "Change &Annotator…", "Ctrl+Alt+A", "person"),
    )
    actions.toggle_snap.setCheckable(True)
    actions.toggle_snap.setChecked(True)
    actions.dark_mode.setCheckable(True)
    return actions


def label_actions(parent: QObject, schema: Schema) -> list[QAction]:
    """One action per label: its own key and its number (1-9 in schema order)."""
    out = []
    for number, label in enumerate(schema.labels, start=1):
        keys: list[Key] = [k for k in (label.key, str(number) if number <= 9 else "") if k]
        action = make_action(
            parent,
            f"Label as {label.name}",
            keys,
            tip=label.description or f"Label the selection as {label.name}",
        )
        action.setIcon(swatch(label.color))
        action.setData(label.name)
        out.append(action)
    return out


def attribute_actions(parent: QObject, schema: Schema) -> list[QAction]:
    """One action per attribute with a key: it cycles the selected span's value."""
    out = []
    for attribute in schema.attributes:
        if attribute.key and not attribute.on_document:
            action = make_action(
                parent,
                f"Cycle {attribute.name.replace('_', ' ')}",
                attribute.key,
                tip=f"Next value of {attribute.name} on the selected span",
            )
            action.setData(attribute.name)
            out.append(action)
    return out
