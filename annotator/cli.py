"""The ``annotator`` command line: everything the window does, scriptable."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from contextlib import nullcontext
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from annotator import __version__
from annotator.errors import AnnotatorError, DamagedProjectError
from annotator.model.checks import problems
from annotator.model.schema import Schema, load_schema
from annotator.model.snippet import plural
from annotator.paths import default_schema_path
from annotator.store import Project
from annotator.store.faults import sqlite_errors
from annotator.store.project import sqlite_version
from annotator.store.recovery import Damage
from annotator.transfer.exporting import EXPORT_FORMATS, export_jsonl, iter_documents_with_sets
from annotator.transfer.importing import IMPORT_FORMATS, import_paths

F = TypeVar("F", bound=Callable[..., Any])


def _qt_version() -> str:
    # Read from package metadata: the command line never imports Qt.
    try:
        return version("PySide6-Essentials")
    except PackageNotFoundError:
        return "not installed"


def _version_text() -> str:
    return f"annotator {__version__} (Qt {_qt_version()}, SQLite {sqlite_version()})"


def user_errors(func: F) -> F:
    """Turn a user's mistake into one sentence on stderr and exit status 1, never a traceback.

    The one place where the commands' storage failures become sentences too: whatever SQLite
    or the file system raised that the store did not already turn into a StorageError (a
    read outside a transaction, an output file) is sorted by ``store.faults``; only what it
    does not recognise (a bug of ours) still ends in a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        project = kwargs.get("project")
        try:
            with sqlite_errors(Path(project)) if project is not None else nullcontext():
                return func(*args, **kwargs)
        except AnnotatorError as exc:
            _fail(str(exc))
        except OSError as exc:
            # An output or input file of the command (the project's own are mapped above).
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{(exc.strerror or str(exc)).lower()}")

    return wrapper  # type: ignore[return-value]


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


PROJECT = click.argument("project", type=click.Path(path_type=Path, dir_okay=False))


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=_version_text())
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate quotes, speakers, cues and stances in news articles.

    Run without a command to open the desktop app on the default project.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command()
@click.argument("project", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--annotator", "annotator_name", help="Annotate as NAME without being asked.")
@user_errors
def gui(project: Path | None, annotator_name: str | None) -> None:
    """Open the desktop app on PROJECT (default: the demo project in your data folder)."""
    from annotator.app import run

    sys.exit(run(project, annotator_name))


@cli.command()
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


@cli.command(name="import")
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


@cli.command()
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
        _fail(f"{project}: the file is damaged; {len(damage)} parts were left out of the export")


@cli.command()
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
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


@cli.command()
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
    from annotator.agreement import agreement_report, render_table
    from annotator.transfer.agreement_input import load_agreement_inputs

    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    wanted = [n.strip() for n in labels.split(",") if n.strip()] if labels else None
    with Project.open(project, read_only=True) as opened:
        given = load_agreement_inputs(opened, names, include_unfinished, wanted)
    report = agreement_report(
        given.sets,
        given.schema,
        annotators=given.annotators,
        include_unfinished=given.include_unfinished,
        lengths=given.lengths,
        texts=given.texts,
    )
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(report))


@cli.command()
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
        for document, sets in iter_documents_with_sets(opened, annotator_name, damage):
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


@cli.command()
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

    with Project.open(project) as opened:
        report = merge_projects(opened, others, lambda message: click.echo(message, err=True))
    for line in report.conflict_lines():
        click.echo(line)
    click.echo(report.summary(), err=True)
    if report.conflicts:
        sys.exit(1)


@cli.command()
@PROJECT
@click.option("--list", "listing", is_flag=True, help="List PROJECT's backups, newest first.")
@click.option("--check", is_flag=True, help="With --list: run quick_check on each backup.")
@user_errors
def backup(project: Path, listing: bool, check: bool) -> None:
    """Write a checked copy of PROJECT into PROJECT.backups/, or list the backups there.

    Older backups are thinned as they age: all of today's are kept, then the newest of each
    day for a week, of each week for a month, of each month beyond; the backups taken before a
    migration or a restore stay until a later release's migration. A backup is refused when it
    would leave less than twice the project's size (at least 50 MB) free on the disk.
    """
    from annotator.store.backup import backup_problem, list_backups
    from annotator.store.filesystem import human_size

    if check and not listing:
        raise click.UsageError("--check goes with --list")
    if not listing:
        with Project.open(project) as opened:
            made = opened.backup("manual")
        click.echo(str(made))
        return
    found = list_backups(project)
    if not found:
        click.echo(f"no backups of {project}", err=True)
        return
    failed = 0
    for info in found:
        cells = [f"{info.created:%Y-%m-%d %H:%M:%S}", f"{info.reason:<8}", human_size(info.bytes)]
        if check:
            problem = backup_problem(info.path)
            failed += problem is not None
            cells.append(problem or "ok")
        click.echo("  ".join([*cells, str(info.path)]))
    if failed:
        click.echo(f"{failed} of {len(found)} backups failed their check", err=True)
        sys.exit(1)


@cli.command()
@PROJECT
@click.argument("backup_file", metavar="BACKUP", type=click.Path(path_type=Path, dir_okay=False))
@user_errors
def restore(project: Path, backup_file: Path) -> None:
    """Replace PROJECT by a copy of BACKUP (see: annotator backup PROJECT --list).

    BACKUP is checked first (an Annotator project, quick_check ok, not from a newer version)
    and PROJECT must not be open in a window or command. Nothing is deleted: the replaced
    file is kept beside PROJECT as PROJECT.replaced-<time>.db, with its -wal if it had one,
    and backed up into PROJECT.backups/ when it is readable. Works when PROJECT is missing
    or damaged.
    """
    from annotator.store.restore import restore as restore_backup

    report = restore_backup(project, backup_file)
    click.echo(report.summary(), err=True)


def main() -> None:
    cli(prog_name="annotator")
