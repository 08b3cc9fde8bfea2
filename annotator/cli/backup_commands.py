"""The ``backup`` and ``restore`` commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.store import Project


@click.command()
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


@click.command()
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
