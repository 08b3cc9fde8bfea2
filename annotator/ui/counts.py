"""A count in words: the noun in the form that agrees with the number ("1 span", "2 spans").

Each caller passes both forms through its own ``tr()``, so a translator sees the singular and
the plural as two strings of that window (as ``dialogs/import_dialog.py`` does); languages
with more forms than two get the plural for every count but one.
"""

from __future__ import annotations


def form(count: int, one: str, many: str) -> str:
    """``one`` for a count of 1, else ``many`` (unformatted: the caller fills it in)."""
    return one if count == 1 else many


def counted(count: int, one: str, many: str) -> str:
    """The form that agrees with ``count``, its ``{0}`` replaced by the count."""
    return form(count, one, many).format(count)
