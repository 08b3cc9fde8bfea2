"""The ``annotator`` command line: everything the window does, scriptable.

Wiring only: each command parses its options, opens the project and calls one function of
``transfer``, ``edits``, ``agreement`` or the store. One module per command (or family).
"""

from __future__ import annotations

import click

from annotator import __version__
from annotator.cli.agreement_command import agreement
from annotator.cli.assign_command import assign
from annotator.cli.backup_commands import backup, restore
from annotator.cli.common import version_text
from annotator.cli.export_command import export
from annotator.cli.import_command import import_
from annotator.cli.merge_command import merge
from annotator.cli.pack_command import pack
from annotator.cli.progress_command import progress as progress_command
from annotator.cli.project_commands import check, gui, init, stats
from annotator.cli.suggest_command import suggest


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, message=version_text())
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate quotes, speakers, cues and stances in news articles.

    Run without a command to open the desktop app on the default project.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


for command in (gui, init, import_, export, stats, agreement, check, merge, backup, restore):
    cli.add_command(command)
cli.add_command(suggest)
for command in (assign, pack, progress_command):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="annotator")
