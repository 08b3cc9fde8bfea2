"""The only package that speaks SQL: the project file, its migrations, backups and queries."""

from annotator.store.project import Project

__all__ = ["Project"]
