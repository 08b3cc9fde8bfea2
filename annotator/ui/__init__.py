"""The Qt shell: windows, item models, widgets and dialogs; the only package importing PySide6."""

# The Qt-free layers the window stands on, imported before PySide6: once PySide6 is loaded,
# its import hook (for ``from __feature__ import ...``) reads the whole source of each module
# imported after it, looking for the word "PySide6"; ~150 files at start-up, ~20 ms.
import annotator.edits.spans
import annotator.store  # noqa: F401
