"""The ``agreement`` command: inter-annotator agreement reports."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.common import PROJECT, name_list, user_errors
from annotator.cli.progress import progress_bar
from annotator.store import Project


@click.command()
@PROJECT
@click.option(
    "--json", "as_json", is_flag=True, help="The report as JSON (the layout of docs/agreement.md)."
)
@click.option("--annotators", help="Compare only these, comma-separated (gold and suggest:* too).")
@click.option("--labels", help="Report only these span labels, comma-separated.")
@click.option("--include-unfinished", is_flag=True, help="Count in-progress documents too.")
@user_errors
def agreement(
    project: Path,
    as_json: bool,
    annotators: str | None,
    labels: str | None,
    include_unfinished: bool,
) -> None:
    """Inter-annotator agreement: span F1, unitizing alpha, kappas and alphas per attribute.

    A document counts for an annotator when their set is done (or in progress, with
    --include-unfinished). Undefined values are shown as "undefined" (null in JSON).
    """
    from annotator.agreement import render_table
    from annotator.transfer.agreement_input import tally_project

    names = name_list(annotators)
    wanted = name_list(labels)
    # Documents are counted into the report as they are read; its stages only sum up.
    with Project.open(project, read_only=True) as opened, progress_bar("reading") as reading:
        tally = tally_project(opened, names, include_unfinished, wanted, reading)
    with progress_bar("agreement", unit="stages") as progress:
        report = tally.report(progress)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(report))
