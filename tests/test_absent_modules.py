"""Modules kept out of one import are refused in the thread that keeps them out only: another
thread importing one of them meanwhile (the window's, a job's) gets it."""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.absent_modules import marked_absent

#: Importable modules not imported yet (as pandas before pyarrow's first look).
NAMES = ("annotator_absent_probe", "annotator_absent_probe_too")


@pytest.fixture
def probes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    for name in NAMES:
        (tmp_path / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield NAMES
    for name in NAMES:
        sys.modules.pop(name, None)


def test_the_block_refuses_the_modules_and_they_import_again_after(
    probes: tuple[str, str],
) -> None:
    with marked_absent(probes), pytest.raises(ModuleNotFoundError):
        importlib.import_module(probes[0])
    module = importlib.import_module(probes[0])
    assert module.__name__ == probes[0]


def test_another_thread_imports_a_module_while_one_thread_keeps_it_out(
    probes: tuple[str, str],
) -> None:
    first, second = probes
    inside, imported = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def keeping_out() -> None:
        with marked_absent(probes):
            inside.set()
            imported.wait(10)  # the other thread imports while this one is in the block
            try:
                importlib.import_module(second)
            except ModuleNotFoundError:
                seen["keeping out"] = "refused"

    def importing() -> None:
        inside.wait(10)
        try:
            seen["other thread"] = importlib.import_module(first).NAME
        except ModuleNotFoundError:
            seen["other thread"] = "refused"
        imported.set()

    threads = [threading.Thread(target=keeping_out), threading.Thread(target=importing)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"other thread": first, "keeping out": "refused"}
    module = importlib.import_module(second)  # allowed again after the block
    assert module.__name__ == second
