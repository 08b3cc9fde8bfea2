"""Helpers shared by the tests: a project's exact state, and spans added the way a user does."""

from __future__ import annotations

from typing import Any

from annotator.edits.spans import AddSpan
from annotator.model import AnnotatorName, AttrValue, DocumentId, Span, SpanId
from annotator.store import Project

#: Every table that holds what users made; "exactly as before" compares all of them.
TABLES = (
    "documents",
    "spans",
    "relations",
    "annotation_sets",
    "speakers",
    "targets",
    "adjudications",
    "adjudication_spans",
    "suggestion_decisions",
    "assignments",
    "active_time",
)


def snapshot(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every annotation-bearing table, ordered; the store has no such query
    because nothing but a test needs one (so it reads the connection directly)."""
    db = project._db
    return {t: list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2")) for t in TABLES}


def add_span(
    project: Project,
    document: str,
    who: str,
    start: int,
    end: int,
    label: str,
    **attrs: AttrValue,
) -> Span:
    """Add a span through the same Edit the window pushes; returns it as stored."""
    edit = AddSpan(
        Span(SpanId(0), DocumentId(document), AnnotatorName(who), start, end, label, dict(attrs))
    )
    edit.apply(project)
    return edit.stored
