"""What the German translation costs the window: reading the catalogue, and building it.

    python benchmarks/bench_language.py [--repeat 5]

Offscreen, on a project made from the seed article: the median time to read
``annotator_de.ts`` into the translator (done once at start), and to build, show and paint
the main window in German, beside the same window in English (no translator installed: the
baseline) measured in the same run. Each ``tr()`` in German is a dict lookup in Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtWidgets import QApplication

from annotator.model.schema import load_schema
from annotator.paths import default_schema_path, seeds_dir
from annotator.store import Project
from annotator.transfer.importing import create_project
from annotator.ui.main_window import MainWindow
from annotator.ui.session import Session
from annotator.ui.shell import make_application
from annotator.ui.translation import (
    SOURCE_LANGUAGE,
    catalogue_path,
    install_language,
    read_catalogue,
)


def open_window(path: Path) -> float:
    start = time.perf_counter()
    window = MainWindow(Session(Project.open(path), "alice"))
    window.show()
    window.repaint()
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    window.close()
    window.session.project.close()
    QApplication.processEvents()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    make_application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.db"
        create_project(path, load_schema(default_schema_path()), seeds_dir()).close()
        reads = []
        for _ in range(repeat):
            start = time.perf_counter()
            catalogue = read_catalogue(catalogue_path("de"))
            reads.append(time.perf_counter() - start)
        open_window(path)  # warm-up: fonts, icons, the first QSettings read
        times: dict[str, list[float]] = {"en": [], "de": []}
        for _ in range(repeat):
            for language in ("en", "de"):
                install_language(language)
                times[language].append(open_window(path))
        install_language(SOURCE_LANGUAGE)
    print(
        f"read annotator_de.ts ({len(catalogue)} strings): {statistics.median(reads) * 1e3:.1f} ms"
    )
    for language, label in (("en", "English (baseline)"), ("de", "German")):
        print(f"window open, {label}: {statistics.median(times[language]) * 1e3:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
