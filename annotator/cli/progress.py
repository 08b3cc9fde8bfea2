"""A progress bar on stderr for command-line work that runs for more than a second."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm

from annotator.model.progress import Progress


@contextmanager
def progress_bar(description: str, unit: str = "documents") -> Iterator[Progress]:
    """Yield a Progress that draws a tqdm bar on stderr once the work has run for a second.

    Quick work shows nothing (tqdm's ``delay``), and nothing is drawn when stderr is not a
    terminal, so scripts reading stderr see only the summary line.
    """
    bar = tqdm(
        desc=description,
        unit=f" {unit}",
        delay=1.0,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
    )

    def report(done: int, total: int | None) -> None:
        if total is not None and bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield report
    finally:
        bar.close()
