"""The ``pack`` command: a blind project file per annotator, with only their documents."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import PROJECT, fail, user_errors
from annotator.cli.progress import progress_bar
from annotator.store import Project


@click.command()
@PROJECT
@click.option("--annotator", "annotator", help="Whose pack to write.")
@click.option("--all", "every", is_flag=True, help="One pack per assigned annotator (--out DIR).")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path),
    help="The pack file (a folder with --all: one NAME.db each).",
)
@user_errors
def pack(project: Path, annotator: str | None, every: bool, out: Path) -> None:
    """Write a pack of PROJECT for one annotator: their assigned documents, the schema,
    guidelines, speakers and targets, their own layer, and nothing of anyone else's.

    Opening the pack in the app asks no name: it is that annotator's. Send it back when
    done and take it in with `annotator merge PROJECT PACK`.
    """
    from annotator.transfer.packing import write_all_packs, write_pack

    if every == (annotator is not None):
        fail("give either --annotator NAME or --all")
    with Project.open(project, read_only=True) as opened, progress_bar("packing") as progress:
        if annotator is not None:
            reports = [write_pack(opened, annotator, out, progress)]
        else:
            reports = write_all_packs(opened, out, progress)
    for report in reports:
        click.echo(report.line())
