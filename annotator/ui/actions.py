"""Every command of the window as a QAction: one table of bindings (text, keys, icon, tip)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.model.schema import Schema
from annotator.ui.icons import icon, swatch

Key = QKeySequence.StandardKey | str


def key_sequences(keys: Key | list[Key] | tuple[Key, ...] | None) -> list[QKeySequence]:
    """Each key, a standard key expanded to what this platform binds it to, without repeats.

    A platform may already bind a standard key to what we list beside it (Redo is
    Ctrl+Shift+Z on X11): listing a sequence twice makes Qt call the shortcut ambiguous and
    do nothing, so repeats are dropped; we list the usual keys explicitly as well, because some
    platforms bind nothing to a standard key (Quit and Preferences on some desktops).
    """
    given: list[Key] = list(keys) if isinstance(keys, list | tuple) else [keys] if keys else []
    found: list[QKeySequence] = []
    seen: set[str] = set()
    for key in given:
        expanded = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        for sequence in expanded:
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text and text not in seen:
                seen.add(text)
                found.append(sequence)
    return found


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
    sequences = key_sequences(shortcut)
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
    export_files: QAction
    merge_projects: QAction
    backups: QAction
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
    team: QAction
    skip_document: QAction
    zoom_in: QAction
    zoom_out: QAction
    dark_mode: QAction
    change_annotator: QAction
    accept_suggestion: QAction
    reject_suggestion: QAction
    accept_all_suggestions: QAction
    next_suggestion: QAction
    previous_suggestion: QAction
    suggest_document: QAction
    suggest_all: QAction
    all_links: QAction
    review: QAction
    preferences: QAction
    cheat_sheet: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


@dataclass(frozen=True, slots=True)
class Binding:
    """One command: the :class:`Actions` field it fills, its menu text, keys, icon, tooltip."""

    name: str
    text: str
    keys: tuple[Key, ...] = ()
    icon: str | None = None
    tip: str | None = None


SK = QKeySequence.StandardKey

#: Every command of the window and its keys, in one table: actions, menus, the README's key
#: table and tests all read it. Label and attribute keys come from the schema (see below).
BINDINGS: tuple[Binding, ...] = (
    Binding("new_project", "&New Project…", (SK.New, "Ctrl+N"), "new"),
    Binding("open_project", "&Open Project…", (SK.Open, "Ctrl+O"), "open"),
    Binding(
        "import_files", "&Import…", ("Ctrl+I",), "import", "Import texts, JSONL, other tools' files"
    ),
    Binding(
        "export_files",
        "&Export…",
        ("Ctrl+E",),
        "export",
        "Export training data (JSONL, spaCy, Parquet, CSV, CoNLL…) or files for other tools",
    ),
    Binding(
        "merge_projects",
        "&Merge Projects…",
        ("Ctrl+Shift+M",),
        "import",
        "Bring in other annotators' copies of this project",
    ),
    Binding(
        "backups",
        "&Backups…",
        ("Ctrl+Shift+B",),
        tip="This project's backups: restore one, back up now, show the folder",
    ),
    Binding(
        "project_settings",
        "Project &Settings…",
        (SK.Preferences, "Ctrl+,"),
        "settings",
        "The schema: add, rename, recolour or remove labels and values",
    ),
    Binding("quit", "&Quit", (SK.Quit, "Ctrl+Q")),
    Binding("undo", "&Undo", (SK.Undo, "Ctrl+Z"), "undo"),
    Binding("redo", "&Redo", (SK.Redo, "Ctrl+Y", "Ctrl+Shift+Z"), "redo"),
    Binding(
        "delete_span",
        "&Delete Span",
        (SK.Delete, "Del"),
        "delete",
        "Delete the selected span",
    ),
    Binding(
        "clear_selection", "Clear Selection", ("Escape",), tip="Deselect the span and the text"
    ),
    Binding("next_span", "Next Span", ("Tab",), tip="Select the next span"),
    Binding("previous_span", "Previous Span", ("Shift+Tab",), tip="Select the previous span"),
    Binding(
        "start_left", "Extend Start Left", ("Alt+Left",), tip="Move the span's start one word left"
    ),
    Binding(
        "start_right",
        "Shrink Start Right",
        ("Alt+Right",),
        tip="Move the span's start one word right",
    ),
    Binding(
        "end_left", "Shrink End Left", ("Alt+Shift+Left",), tip="Move the span's end one word left"
    ),
    Binding(
        "end_right",
        "Extend End Right",
        ("Alt+Shift+Right",),
        tip="Move the span's end one word right",
    ),
    Binding("toggle_snap", "Snap to &Words", ("Ctrl+W",), tip="Snap new spans to whole words"),
    Binding("find", "&Find in Document…", (SK.Find, "Ctrl+F"), "find"),
    Binding(
        "search_corpus",
        "&Search All Documents…",
        ("Ctrl+Shift+F",),
        "find",
        "Search the text and the annotations of every document",
    ),
    Binding(
        "guidelines", "&Guidelines", (SK.HelpContents, "F1"), tip="Show the annotation guidelines"
    ),
    Binding(
        "link_speaker",
        "Link to &Speaker",
        ("A",),
        "link",
        "Link the selected quote to its speaker (attributed_to)",
    ),
    Binding(
        "link_cue", "Link to &Cue", ("U",), "link", "Link the selected quote to its cue (cued_by)"
    ),
    Binding(
        "join_segments",
        "&Join Split Quote",
        ("J",),
        "link",
        "This quote continues the previous quote (continues)",
    ),
    Binding("next_document", "&Next Document", ("Ctrl+PgDown",), "next"),
    Binding("previous_document", "&Previous Document", ("Ctrl+PgUp",), "previous"),
    Binding(
        "mark_done",
        "Mark &Done",
        ("Ctrl+Return",),
        "done",
        "Mark this document done and go to the next",
    ),
    Binding(
        "agreement",
        "A&greement…",
        ("Ctrl+Shift+K",),
        tip="Inter-annotator agreement, from each number to its disagreements",
    ),
    Binding(
        "adjudicate",
        "&Adjudicate…",
        ("Ctrl+Shift+J",),
        "done",
        "Review every annotator's layer of this document into gold",
    ),
    Binding(
        "compare_gold",
        "Compare with &Gold",
        ("Ctrl+Shift+G",),
        tip="How gold differs from your layer of this document",
    ),
    Binding(
        "team",
        "&Team…",
        ("Ctrl+Shift+T",),
        tip="The lead's view: who is assigned what, progress and time; assign, pack, merge packs",
    ),
    Binding(
        "skip_document",
        "&Skip Document",
        ("Ctrl+Shift+S",),
        "skip",
        "Skip this document and go to the next",
    ),
    Binding("zoom_in", "Zoom &In", (SK.ZoomIn, "Ctrl+="), "zoom-in"),
    Binding("zoom_out", "Zoom &Out", (SK.ZoomOut, "Ctrl+-"), "zoom-out"),
    Binding("dark_mode", "&Dark Palette", ("Ctrl+Shift+D",)),
    Binding("change_annotator", "Change &Annotator…", ("Ctrl+Alt+A",), "person"),
    Binding(
        "preferences",
        "Pre&ferences…",
        ("Ctrl+Shift+P",),
        "settings",
        "Your name, word snapping, font, theme, backups and every command's keys",
    ),
    Binding(
        "cheat_sheet", "&Keyboard Shortcuts", ("?",), tip="Every key of the window at a glance"
    ),
    Binding("about", "&About Annotator", tip="Versions and where this project file is"),
    Binding(
        "all_links",
        "Show All &Links",
        ("Ctrl+L",),
        tip="Draw the links of every quote on screen as arcs, not only the selected quote's",
    ),
    Binding(
        "review",
        "&Review in Context…",
        ("Ctrl+Shift+R",),
        tip="Every annotator's layer of this document over the text, side by side, into gold",
    ),
    Binding(
        "accept_suggestion",
        "A&ccept Suggestion",
        ("Return", "Enter"),
        "done",
        "Accept the suggestion under the caret into your layer, with its speaker and cue",
    ),
    Binding(
        "reject_suggestion",
        "&Reject Suggestion",
        ("Backspace",),
        "delete",
        "Reject the suggestion under the caret (with none there: delete the selected span)",
    ),
    Binding(
        "accept_all_suggestions",
        "Accept &All Suggestions",
        ("Shift+Return", "Shift+Enter"),
        tip="Accept every open suggestion of this document, as one undoable step",
    ),
    Binding("next_suggestion", "Next Suggestion", ("F8",), tip="Go to the next open suggestion"),
    Binding(
        "previous_suggestion",
        "Previous Suggestion",
        ("Shift+F8",),
        tip="Go to the previous open suggestion",
    ),
    Binding(
        "suggest_document",
        "S&uggest",
        ("Ctrl+Alt+S",),
        tip="Suggest quotes, speakers and cues for this document (layer suggest:rules)",
    ),
    Binding(
        "suggest_all",
        "Suggest for All Documents…",
        tip="Suggest quotes, speakers and cues for every document (layer suggest:rules)",
    ),
)
#: Commands whose keys belong to the text view alone: it owns Tab, and Return and Backspace
#: must stay the editors' own elsewhere (the inspector's fields).
VIEW_ONLY = (
    "next_span",
    "previous_span",
    "accept_suggestion",
    "reject_suggestion",
    "accept_all_suggestions",
)


def _translated(b: Binding) -> tuple[str, list[Key], str | None, str | None]:
    """The binding's text and tip in the window's language (the keys never change with it)."""
    tip = QCoreApplication.translate("Actions", b.tip) if b.tip else None
    return QCoreApplication.translate("Actions", b.text), list(b.keys), b.icon, tip


def build_actions(parent: QObject) -> Actions:
    built = {b.name: make_action(parent, *_translated(b)) for b in BINDINGS}
    actions = Actions(**built)
    actions.toggle_snap.setCheckable(True)
    actions.toggle_snap.setChecked(True)
    actions.dark_mode.setCheckable(True)
    actions.all_links.setCheckable(True)
    return actions


def install_shortcuts(
    window: QWidget, view: QWidget, actions: Actions, schema_actions: list[QAction]
) -> None:
    """Make every key live: window-wide, except Tab and Shift+Tab, which only the text view
    takes (elsewhere they move the focus as usual). Menus only arrange what is here."""
    for action in actions.all() + schema_actions:
        window.addAction(action)
    for name in VIEW_ONLY:
        action = getattr(actions, name)
        window.removeAction(action)
        view.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)


def label_actions(parent: QObject, schema: Schema) -> list[QAction]:
    """One action per label: its own key and its number (1-9 in schema order)."""
    out = []
    for number, label in enumerate(schema.labels, start=1):
        keys: list[Key] = [k for k in (label.key, str(number) if number <= 9 else "") if k]
        action = make_action(
            parent,
            QCoreApplication.translate("Actions", "Label as {0}").format(label.name),
            keys,
            tip=label.description
            or QCoreApplication.translate("Actions", "Label the selection as {0}").format(
                label.name
            ),
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
                QCoreApplication.translate("Actions", "Cycle {0}").format(
                    attribute.name.replace("_", " ")
                ),
                attribute.key,
                tip=QCoreApplication.translate(
                    "Actions", "Next value of {0} on the selected span"
                ).format(attribute.name),
            )
            action.setData(attribute.name)
            out.append(action)
    return out
