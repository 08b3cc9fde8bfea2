"""The ``import`` command: documents and annotations in from our files and other tools'."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import PROJECT, user_errors
from annotator.cli.progress import progress_bar
from annotator.formats.label_map import LabelMapping, load_mapping, parse_pairs
from annotator.store import Project
from annotator.transfer.import_sources import FORMATS, ImportOptions
from annotator.transfer.peer_import import import_files


@click.command(name="import")
@PROJECT
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Input format; detected from the content when not given.",
)
@click.option(
    "--annotator",
    "annotator_name",
    help="Layer name: for JSONL lines that name none; for other tools' files, every layer's.",
)
@click.option(
    "--map",
    "pairs",
    multiple=True,
    metavar="PEER=OURS",
    help="Map a peer label, relation or attribute onto the schema's (PEER= drops it); "
    "label:, relation:, attr: and value:ATTRIBUTE: prefixes make it precise. Repeatable.",
)
@click.option(
    "--mapping",
    "mapping_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A mapping file: TOML ([labels], [relations], [attributes], [values.NAME]) or "
    "one PEER=OURS pair a line.",
)
@click.option(
    "--add-labels",
    is_flag=True,
    help="Add the labels, relations, attributes and values the schema lacks, instead of stopping.",
)
@click.option(
    "--text-column",
    default="text",
    show_default=True,
    help="CSV: the column holding the text; Label Studio: the data field holding it.",
)
@user_errors
def import_(
    project: Path,
    paths: tuple[Path, ...],
    fmt: str | None,
    annotator_name: str | None,
    pairs: tuple[str, ...],
    mapping_file: Path | None,
    add_labels: bool,
    text_column: str,
) -> None:
    """Import documents and annotations from PATHS: texts, JSONL, or the files of brat,
    INCEpTION (XMI, UIMA JSON, WebAnno TSV), doccano, Label Studio, Prodigy, CITRON, CoNLL,
    CSV tables and saved web pages.

    Everything is imported in one transaction: on any error nothing is. What could not be
    carried and how the labels mapped are reported on stderr.
    """
    mapping = LabelMapping()
    if mapping_file is not None:
        load_mapping(mapping_file, mapping)
    parse_pairs(pairs, mapping)
    options = ImportOptions(fmt, annotator_name, mapping, add_labels, text_column)
    with Project.open(project) as opened, progress_bar("importing") as progress:
        report = import_files(opened, paths, options, progress)
    for line in report.lines():
        click.echo(line, err=True)
