"""The ``suggest`` command: machine pre-annotation into ``suggest:rules``, and its scores."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from annotator.cli.common import PROJECT, name_list, user_errors
from annotator.cli.progress import progress_bar
from annotator.store import Project


@click.command()
@PROJECT
@click.option("--documents", help="Only these documents, comma-separated ids (default: all).")
@click.option(
    "--evaluate",
    "gold",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Score the suggester against the gold sets of this JSONL file; writes nothing.",
)
@click.option(
    "--against",
    "layer",
    help="Score the suggester against this layer of the project (gold, an annotator); "
    "writes nothing.",
)
@click.option(
    "--reviewed",
    is_flag=True,
    help="List the accepted and rejected suggestions per document and annotator.",
)
@click.option("--workers", type=click.IntRange(1), help="Processes to use (default: every core).")
@user_errors
def suggest(
    project: Path,
    documents: str | None,
    gold: Path | None,
    layer: str | None,
    reviewed: bool,
    workers: int | None,
) -> None:
    """Suggest quotes, speakers and cues into the layer suggest:rules.

    Replaces that layer's earlier suggestions of the documents (all by default); annotators'
    layers and their accept and reject decisions stay. With --evaluate or --against, print
    precision, recall and F1 per quote type, speaker and cue accuracy instead.
    """
    from annotator.suggest.evaluate import render
    from annotator.transfer.suggesting import evaluate_against, evaluate_gold, suggest_documents

    if gold is not None and layer is not None:
        raise click.UsageError("give --evaluate or --against, not both")
    wanted = name_list(documents)
    if gold is not None or layer is not None or reviewed:
        with Project.open(project, read_only=True) as opened:
            if reviewed:
                _print_reviews(opened, wanted)
                return
            if gold is not None:
                evaluation = evaluate_gold(opened, gold, workers)
            else:
                evaluation = evaluate_against(opened, str(layer), wanted, workers)
        click.echo(render(evaluation), nl=False)
        return
    with Project.open(project) as opened:
        with progress_bar("suggesting") as bar:
            summary = suggest_documents(opened, wanted, workers=workers, progress=bar)
        click.echo(summary.line())
        _print_review_totals(opened)


def _print_review_totals(project: Project) -> None:
    from annotator.suggest import ANNOTATOR

    accepted: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    for count in project.suggestions.counts(ANNOTATOR):
        accepted[count.annotator] += count.accepted
        rejected[count.annotator] += count.rejected
    for who in sorted(accepted.keys() | rejected.keys()):
        click.echo(f"reviewed by {who}: {accepted[who]} accepted, {rejected[who]} rejected")


def _print_reviews(project: Project, documents: list[str] | None) -> None:
    from annotator.suggest import ANNOTATOR

    rows = [
        [c.document, c.annotator, str(c.accepted), str(c.rejected)]
        for c in project.suggestions.counts(ANNOTATOR)
        if documents is None or c.document in documents
    ]
    if not rows:
        click.echo("no suggestions accepted or rejected yet")
        return
    header = ["document", "annotator", "accepted", "rejected"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
