"""The ``import`` command: documents and annotations in from files."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.store import Project
from annotator.transfer.importing import IMPORT_FORMATS, import_paths


@click.command(name="import")
@PROJECT
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    help="Input format; detected from the content when not given.",
)
@click.option(
    "--annotator", "annotator_name", help="Annotator for annotation lines that do not name one."
)
@user_errors
def import_(
    project: Path, paths: tuple[Path, ...], fmt: str | None, annotator_name: str | None
) -> None:
    """Import documents and annotations from PATHS (.txt files, folders, JSONL).

    Everything is imported in one transaction: on any error nothing is.
    """
    with Project.open(project) as opened:
        report = import_paths(opened, paths, fmt, annotator_name)
    click.echo(report.summary(), err=True)
