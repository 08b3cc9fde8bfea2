"""The only package that speaks SQL: the project file, its migrations, backups and queries."""

# First: every store module imports sqlite-utils, which must come in without pandas.
import annotator.store.library  # noqa: F401  # isort: skip
from annotator.store.project import Project

__all__ = ["Project"]
