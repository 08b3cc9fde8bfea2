"""The project commands: open the app, create a project, count and check it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.errors import DamagedProjectError
from annotator.model.checks import problems
from annotator.model.schema import Schema, load_schema
from annotator.model.snippet import plural
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.store.recovery import Damage
from annotator.transfer.exporting import iter_documents_with_sets


@click.command()
@click.argument("project", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--annotator", "annotator_name", help="Annotate as NAME without being asked.")
@user_errors
def gui(project: Path | None, annotator_name: str | None) -> None:
    """Open the desktop app on PROJECT (default: the demo project in your data folder)."""
    from annotator.app import run

    sys.exit(run(project, annotator_name))


@click.command()
@PROJECT
@click.option(
    "--schema",
    "schema_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Label schema (TOML); default: the bundled quotes schema.",
)
@user_errors
def init(project: Path, schema_path: Path | None) -> None:
    """Create a new, empty PROJECT file."""
    schema: Schema = load_schema(schema_path or default_schema_path())
    Project.create(project, schema).close()
    click.echo(f'created {project} with schema "{schema.name}"', err=True)


@click.command()
@PROJECT
@user_errors
def stats(project: Path) -> None:
    """Documents, spans per annotator and label, and statuses."""
    with Project.open(project, read_only=True) as opened:
        click.echo(f"documents: {opened.documents.count()}")
        spans = opened.usage.span_counts()
        statuses = opened.usage.status_counts()
        annotators = sorted({a for a, _ in spans} | {a for a, _ in statuses})
        labels = [lab.name for lab in opened.schema.labels]
        labels += sorted({lab for _, lab in spans} - set(labels))
        status_names = ["todo", "in_progress", "done", "skipped"]
        header = ["annotator", *labels, *status_names]
        rows = [
            [
                a,
                *(str(spans[(a, lab)]) for lab in labels),
                *(str(statuses[(a, s)]) for s in status_names),
            ]
            for a in annotators
        ]
        if not rows:
            click.echo("no annotations yet")
            return
        _print_table(header, rows)
        _print_suggestion_reviews(opened, [a for a in annotators if not a.startswith("suggest:")])


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


def _print_suggestion_reviews(project: Project, annotators: list[str]) -> None:
    """Each annotator's accepted, rejected and still open suggestions, when there are any."""
    from annotator.suggest import ANNOTATOR

    total, reviews = project.suggestions.totals(ANNOTATOR, annotators)
    if not total and not any(r.accepted or r.rejected for r in reviews):
        return
    click.echo("")
    click.echo(f"suggestions ({ANNOTATOR}): {total}")
    rows = [[r.annotator, str(r.accepted), str(r.rejected), str(r.open)] for r in reviews]
    if rows:
        _print_table(["reviewed by", "accepted", "rejected", "open"], rows)


@click.command()
@PROJECT
@click.option("--annotator", "annotator_name", help="Only this annotator's layer.")
@user_errors
def check(project: Path, annotator_name: str | None) -> None:
    """Check PROJECT's integrity and every annotation set's consistency.

    Integrity: SQLite's full check of the file, and every document's text against its stored
    checksum. Consistency: missing required attributes and links, quotes without a speaker,
    unlinked cues and stances without a target. Reads only; a damaged file is reported, as
    far as it can be read. Exit status 1 when anything is found.
    """
    count = 0
    damage: list[Damage] = []
    with Project.open(project, recovery=True) as opened:
        try:
            integrity = opened.integrity()
        except DamagedProjectError as exc:
            integrity = [str(exc).removeprefix(f"{project}: checking it: ")]
        if integrity != ["ok"]:
            for finding in integrity:
                click.echo(f"{project}: the file is damaged: {finding}")
            count += len(integrity)
        try:
            schema: Schema | None = opened.schema
        except DamagedProjectError:
            schema = None
            damage.append(Damage(None, "the schema is unreadable; consistency not checked"))
        for document, sets in iter_documents_with_sets(
            opened, annotator_name, damage, thorough=True
        ):
            for annotation in sets if schema is not None else []:
                assert schema is not None
                for problem in problems(annotation, schema, document.text):
                    click.echo(f"{document.id} ({annotation.annotator}): {problem.message}")
                    count += 1
    for found in damage:
        click.echo(f"{project}: {found.message()}")
    count += len(damage)
    if count:
        click.echo(plural(count, "problem"), err=True)
        sys.exit(1)
    click.echo("no problems", err=True)
