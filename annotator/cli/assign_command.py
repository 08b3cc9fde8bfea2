"""The ``assign`` command: hand documents out to annotators, a share to several."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import PROJECT, fail, name_list, user_errors
from annotator.store import Project


@click.command()
@PROJECT
@click.option("--annotators", required=True, help="Comma-separated names: alice,bob,carol.")
@click.option(
    "--overlap",
    type=float,
    default=0.0,
    show_default=True,
    help="Share of the documents (0-1, chosen at random) given to several annotators.",
)
@click.option(
    "--per-document",
    type=int,
    default=2,
    show_default=True,
    help="How many annotators each overlap document goes to.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the random choices.")
@click.option(
    "--reassign", is_flag=True, help="Hand every document out anew, not only unassigned ones."
)
@user_errors
def assign(
    project: Path,
    annotators: str,
    overlap: float,
    per_document: int,
    seed: int,
    reassign: bool,
) -> None:
    """Assign PROJECT's documents to annotators, balanced: each document to one of them, and
    a share --overlap of the documents to --per-document of them, for agreement.

    Run again, it assigns only the documents that have no annotator yet (new imports),
    unless --reassign. A document someone already has work in keeps that annotator.
    The same --seed gives the same assignment.
    """
    from annotator.edits.assignment import AssignDocuments

    names = name_list(annotators)
    if not names:
        fail("--annotators needs at least one name")
    edit = AssignDocuments(
        names, overlap=overlap, per_document=per_document, seed=seed, reassign=reassign
    )
    with Project.open(project) as opened:
        edit.apply(opened)
    click.echo(edit.report.summary(), err=True)
