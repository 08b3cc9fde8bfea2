"""The ``progress`` command: the team's progress, time and agreement so far."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.model.snippet import plural
from annotator.store import Project


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds / 60:.1f}"


@click.command()
@PROJECT
@click.option("--json", "as_json", is_flag=True, help="As JSON, for scripts.")
@user_errors
def progress(project: Path, as_json: bool) -> None:
    """Per annotator: documents assigned, done, skipped and in progress, active time, median
    time per done document, and span F1 (overlap) with the others on shared documents."""
    from annotator.transfer.team_progress import team_progress

    with Project.open(project, read_only=True) as opened:
        report = team_progress(opened)
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{plural(report.documents, 'document')}, {report.overlap_documents} shared by several "
        "annotators"
    )
    if not report.annotators:
        click.echo("no documents are assigned yet (annotator assign)")
        return
    header = ("annotator", "assigned", "done", "skipped", "in progress", "hours", "min/doc", "F1")
    rows = [header]
    for name, row in report.annotators.items():
        rows.append(
            (
                name,
                str(row.assigned),
                str(row.done),
                str(row.skipped),
                str(row.in_progress),
                f"{row.active_seconds / 3600:.2f}",
                _minutes(row.median_seconds),
                f"{row.agreement_f1:.3f}" if row.agreement_f1 is not None else "-",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        click.echo(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(r, widths, strict=True))
            )
        )
