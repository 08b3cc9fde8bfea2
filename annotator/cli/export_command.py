"""The ``export`` command: documents and annotations out to files, for trainers and other tools."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.common import PROJECT, fail, user_errors
from annotator.cli.progress import progress_bar
from annotator.model import Status
from annotator.model.snippet import plural
from annotator.store import Project
from annotator.store.recovery import Damage
from annotator.transfer.export_job import EXPORT_FORMATS, ExportRequest, check_request, run_export


@click.command()
@PROJECT
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="Output file, or folder (parquet, brat, xmi, citron, and any --split); default: "
    "standard output, for the formats that are one stream.",
)
@click.option(
    "--annotator",
    "annotator_name",
    help="The layer: an annotator's name, or gold. Default: every layer for jsonl, gold for "
    "the other formats.",
)
@click.option(
    "--all-layers",
    is_flag=True,
    help="label-studio: every layer, each annotator's as its own annotation of the task "
    "(gold marked as ground truth, suggest:* layers as predictions).",
)
@click.option(
    "--status",
    type=click.Choice([s.value for s in Status]),
    help="Only the documents whose set in the layer has this status (e.g. done).",
)
@click.option(
    "--split",
    "split_text",
    metavar="NAME=FRACTION,...",
    help="Split by document, e.g. train=0.8,dev=0.1,test=0.1: one file per part in --out DIR.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option(
    "--spans-key", default="sc", show_default=True, help="spaCy: the doc.spans key to fill."
)
@click.option("--lang", help="spaCy: the language of spacy.blank (default: the project's, or en).")
@click.option(
    "--skip-damaged",
    is_flag=True,
    help="Of a damaged project, export what is readable and list on stderr what was left "
    "out (exit status 1 when anything was).",
)
@user_errors
def export(
    project: Path,
    fmt: str,
    out: Path | None,
    annotator_name: str | None,
    all_layers: bool,
    status: str | None,
    split_text: str | None,
    seed: int,
    spans_key: str,
    lang: str | None,
    skip_damaged: bool,
) -> None:
    """Export PROJECT's documents and annotations.

    Ends with a summary on stderr: documents, spans, relations, and everything the format
    could not carry, counted by reason. Reads only: works while the project is open in the
    app, and on read-only files. A document whose text no longer matches its stored
    checksum is damage: the export stops with exit status 1 (use --skip-damaged to save the
    rest). Outputs appear whole or not at all.
    """
    from annotator.formats.split import parse_split

    request = ExportRequest(
        format=fmt,
        out=out,
        annotator=annotator_name,
        status=Status(status) if status else None,
        split=parse_split(split_text) if split_text else None,
        seed=seed,
        spans_key=spans_key,
        lang=lang,
        all_layers=all_layers,
    )
    check_request(request)
    damage: list[Damage] | None = [] if skip_damaged else None
    with (
        Project.open(project, read_only=True, recovery=skip_damaged) as opened,
        progress_bar(f"export {fmt}") as progress,
    ):
        result = run_export(
            opened, request, stream=sys.stdout.buffer, progress=progress, damage=damage
        )
        sys.stdout.buffer.flush()
    for line in result.lines():
        click.echo(line, err=True)
    if damage:
        for found in damage:
            click.echo(f"left out: {found.message()}", err=True)
        fail(
            f"{project}: the file is damaged; {plural(len(damage), 'part')} "
            f"{'was' if len(damage) == 1 else 'were'} left out of the export"
        )
