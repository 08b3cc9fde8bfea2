"""The ``merge`` command: other annotators' copies of a project brought in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.cli.progress import progress_bar
from annotator.store import Project


@click.command()
@PROJECT
@click.argument("others", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@user_errors
def merge(project: Path, others: tuple[Path, ...]) -> None:
    """Bring in other annotators' copies of PROJECT (OTHERS), matched by document id and text.

    New documents and annotation sets are added; sets PROJECT already has are left alone.
    Nothing is overwritten: a set that differs from PROJECT's, or a document whose text
    differs, is listed on standard output as a conflict and PROJECT keeps its version.
    Everything is merged in one transaction. Exit status 1 when there were conflicts.
    """
    from annotator.transfer.merging import merge_projects

    with Project.open(project) as opened, progress_bar("merging") as progress:
        report = merge_projects(opened, others, progress)
    for line in report.conflict_lines():
        click.echo(line)
    click.echo(report.summary(), err=True)
    if report.conflicts:
        sys.exit(1)
