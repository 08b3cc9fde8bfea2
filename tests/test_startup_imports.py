"""What the window imports before its first paint: the tools that open on demand (import
and export dialogs and the formats under them, the Team view and the agreement code, the
suggester and its batch, File > New and Merge, Help, Preferences) are imported when first
used, so start-up does not pay for them; and the window's Qt-free layers are imported before
PySide6 (which reads the source of every module imported after it)."""

from __future__ import annotations

import subprocess
import sys

ON_DEMAND = (
    "annotator.ui.dialogs.import_dialog",
    "annotator.ui.dialogs.export_dialog",
    "annotator.transfer.export_preview",
    "annotator.formats.label_studio",
    "annotator.ui.team.view",
    "annotator.agreement.report",
    "annotator.transfer.suggesting",
    # The suggester itself: the window needs only its layer's name and the Suggestion record.
    "annotator.suggest.detector",
    # File > New and Merge; Help's key sheet and About box; Edit > Preferences.
    "annotator.transfer.importing",
    "annotator.transfer.merging",
    "annotator.ui.help",
    "annotator.ui.dialogs.preferences",
    # sqlite-utils (with click, pluggy, dateutil) applies migrations; the window needs none.
    "sqlite_utils",
    "click",
    # The catalogue's XML parser (the source language reads none); the login name's getpass.
    "xml.etree.ElementTree",
    "getpass",
)


def test_the_main_window_imports_no_tool_before_it_is_opened() -> None:
    probe = (
        "import sys, annotator.ui.shell, annotator.ui.main_window; "
        f"print([m for m in {ON_DEMAND!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_qt_free_layers_are_imported_before_pyside() -> None:
    probe = (
        "import sys, builtins; seen = []; real = builtins.__import__\n"
        "def spy(name, *args, **kwargs):\n"
        "    if name.startswith('PySide6') and not seen:\n"
        "        seen.append(sorted(m for m in sys.modules if m.startswith('annotator.')))\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = spy\n"
        "import annotator.ui.shell\n"
        "print('annotator.store.project' in seen[0], 'annotator.edits.spans' in seen[0])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True True"
