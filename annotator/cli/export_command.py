"""The ``export`` command: documents and annotations out to files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import PROJECT, fail, user_errors
from annotator.store import Project
from annotator.store.recovery import Damage
from annotator.transfer.exporting import EXPORT_FORMATS, export_jsonl


@click.command()
@PROJECT
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Output file; default: standard output.",
)
@click.option("--annotator", "annotator_name", help="Only this annotator's layer.")
@click.option(
    "--skip-damaged",
    is_flag=True,
    help="Of a damaged project, export what is readable and list on stderr what was left "
    "out (exit status 1 when anything was).",
)
@user_errors
def export(
    project: Path, fmt: str, out: Path | None, annotator_name: str | None, skip_damaged: bool
) -> None:
    """Export PROJECT's documents and annotations.

    Reads only: works while the project is open in the app, and on read-only files. A
    document whose text no longer matches its stored checksum is damage: the export stops
    with exit status 1 (use --skip-damaged to save the rest).
    """
    from annotator.transfer.atomic import atomic_output

    damage: list[Damage] | None = [] if skip_damaged else None
    with Project.open(project, read_only=True, recovery=skip_damaged) as opened:
        if out is None:
            export_jsonl(opened, sys.stdout.buffer, annotator_name, damage)
            sys.stdout.buffer.flush()
        else:
            with atomic_output(out) as handle:
                lines = export_jsonl(opened, handle, annotator_name, damage)
            click.echo(f"wrote {lines} lines to {out}", err=True)
    if damage:
        for found in damage:
            click.echo(f"left out: {found.message()}", err=True)
        fail(f"{project}: the file is damaged; {len(damage)} parts were left out of the export")
