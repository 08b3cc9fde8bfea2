"""The Qt shell: windows, item models, widgets and dialogs; the only package importing PySide6."""
