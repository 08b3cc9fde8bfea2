"""sqlite-utils, imported without pandas and numpy: they cost ~1.5 s of every start-up.

sqlite-utils imports both whenever they are installed, only to convert their values in its
insert helpers, which the store never gives them. Importing it while they are marked absent
keeps them out of the window's start-up; they are unmarked at once, so any later
``import pandas`` (an export, the tests) works as usual. The store imports sqlite-utils only
to apply migrations (``migrations.migration_set``), and through this module.
"""

from __future__ import annotations

import sys

from annotator.absent_modules import marked_absent

_OPTIONAL = ("pandas", "numpy")


def _import_without_optional() -> None:
    if "sqlite_utils.db" in sys.modules:
        return
    with marked_absent(_OPTIONAL):
        import sqlite_utils.db  # noqa: F401


_import_without_optional()
