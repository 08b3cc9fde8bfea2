"""The user's preferences: name, snapping, font, theme, backup interval and remapped keys.

Stored with QSettings (keys in :mod:`annotator.ui.settings`); the defaults are the app's own
(keys from ``BINDINGS``), so a reset is storing :func:`defaults` (the theme "system").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.ui.actions import BINDINGS, Actions, key_sequences
from annotator.ui.settings import load_values, store_values, stored_language, stored_theme
from annotator.ui.theme import apply_theme, is_dark

THEMES = ("system", "light", "dark")
DEFAULT_BACKUP_MINUTES = 30


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def default_keys() -> dict[str, tuple[str, ...]]:
    """Every command's keys as ``BINDINGS`` gives them on this platform."""
    return {b.name: tuple(portable(s) for s in key_sequences(list(b.keys))) for b in BINDINGS}


@dataclass(slots=True)
class Preferences:
    annotator: str = ""
    snap_to_words: bool = True
    font_family: str = ""  # empty: the text view's own font
    font_size: float = 0.0  # 0: the text view's own size
    theme: str = "system"
    language: str = "system"  # a code of annotator.ui.translation, shown from the next start
    backup_minutes: int = DEFAULT_BACKUP_MINUTES
    #: Command name to its keys (portable text); every command of ``BINDINGS`` is present.
    shortcuts: dict[str, tuple[str, ...]] = field(default_factory=default_keys)


def defaults(annotator: str = "") -> Preferences:
    """What a reset gives back; the annotator's name stays (it is who they are)."""
    return Preferences(annotator=annotator)


def load_preferences() -> Preferences:
    stored = load_values()
    prefs = Preferences()
    prefs.annotator = str(stored.get("annotator") or "")
    prefs.snap_to_words = _bool(stored.get("snap_to_words"), True)
    prefs.font_family = str(stored.get("font_family") or "")
    prefs.font_size = _float(stored.get("font_size"), 0.0)
    prefs.theme = stored_theme()
    prefs.language = stored_language()
    prefs.backup_minutes = max(1, int(_float(stored.get("backup_minutes"), DEFAULT_BACKUP_MINUTES)))
    remapped = stored.get("shortcuts")
    if isinstance(remapped, Mapping):
        for name, keys in remapped.items():
            if name in prefs.shortcuts:
                prefs.shortcuts[name] = tuple(keys)
    return prefs


def store_preferences(prefs: Preferences) -> None:
    given = default_keys()
    store_values(
        {
            "annotator": prefs.annotator,
            "snap_to_words": prefs.snap_to_words,
            "font_family": prefs.font_family,
            "font_size": prefs.font_size,
            "theme": prefs.theme,
            "language": prefs.language,
            "backup_minutes": prefs.backup_minutes,
            # Only what differs from BINDINGS: a key added to the table later still arrives.
            "shortcuts": {n: k for n, k in prefs.shortcuts.items() if given.get(n) != k},
        }
    )


def conflict(
    prefs: Preferences, name: str, key: str, others: Mapping[str, Iterable[str]]
) -> str | None:
    """The command (its menu text) that already has ``key``, or None when ``name`` may take it.

    ``others`` holds commands outside ``BINDINGS`` by their text (label and attribute keys
    from the schema), which cannot be remapped here but must not be shadowed either.
    """
    wanted = portable(QKeySequence(key)).lower()
    texts = {
        b.name: QCoreApplication.translate("Actions", b.text)
        .replace("&&", "\0")
        .replace("&", "")
        .replace("\0", "&")
        for b in BINDINGS
    }
    for other, taken in prefs.shortcuts.items():
        if other != name and any(k.lower() == wanted for k in taken):
            return texts[other]
    for text, fixed in others.items():
        if any(portable(QKeySequence(k)).lower() == wanted for k in fixed):
            return text
    return None


def schema_keys(actions: Iterable[QAction]) -> dict[str, list[str]]:
    """The label and attribute actions' keys by their text, for :func:`conflict`."""
    return {a.text(): [portable(s) for s in a.shortcuts()] for a in actions}


def current_preferences(annotator: str, text: QWidget) -> Preferences:
    """The stored preferences, with the name and font the window has now."""
    prefs = load_preferences()
    prefs.annotator = annotator
    prefs.font_family = text.font().family()
    prefs.font_size = text.font().pointSizeF()
    return prefs


def apply_preferences(prefs: Preferences, actions: Actions, text: QWidget) -> None:
    """Everything but the name and the backup interval, which the shell applies."""
    apply_shortcuts(prefs, actions)
    apply_font(prefs, text)
    actions.toggle_snap.setChecked(prefs.snap_to_words)
    dark = is_dark(prefs.theme)
    actions.dark_mode.setChecked(dark)
    apply_theme(dark)


def backup_interval_ms() -> int:
    return load_preferences().backup_minutes * 60_000


def apply_shortcuts(prefs: Preferences, actions: Actions) -> None:
    for name, keys in prefs.shortcuts.items():
        action: QAction = getattr(actions, name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        shown = keys[0] if keys else ""
        tip = action.statusTip()
        native = QKeySequence(shown).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({native})" if shown else tip)


def apply_font(prefs: Preferences, text: QWidget) -> None:
    font = QFont(text.font())
    if prefs.font_family:
        font.setFamily(prefs.font_family)
    if prefs.font_size > 0:
        font.setPointSizeF(prefs.font_size)
    text.setFont(font)


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _float(value: object, default: float) -> float:
    try:
        return float(str(value)) if value is not None else default
    except ValueError:
        return default
