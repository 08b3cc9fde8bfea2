"""The layering of docs/design.md is checked by tools, not hoped for, and the tools bite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN))
    assert found, f"{name} is part of the dev extra"
    return found


def lint_imports(root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """lint-imports on the ``annotator`` package found in ``root`` (it puts its working
    directory first on the path), with the project's own contracts."""
    env = dict(os.environ, PYTHONPATH=str(root))
    return subprocess.run(
        [tool("lint-imports"), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_import_contracts_hold() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


#: A throwaway module per contract, each breaking exactly that one; the contracts name
#: packages, so modules (and packages) nobody listed are caught too.
PROBES = {
    "Qt outside ui": ("model/probe.py", "import PySide6.QtCore\n", "Qt only in annotator.ui"),
    # A new root module is also outside every layer, so it breaks both.
    "Qt in a new root module": (
        "probe.py",
        "import PySide6\n",
        "Qt only in annotator.ui|Layers point downward",
    ),
    "SQL outside store": ("transfer/probe.py", "import sqlite3\n", "SQLite only in"),
    "adjudication reaching up into the store": (
        "adjudication/probe.py",
        "from annotator.store import Project\n",
        "Layers point downward",
    ),
    "a new package nobody placed in a layer": (
        "newpackage/__init__.py",
        '"""Not in any layer."""\n',
        "Layers point downward",
    ),
}


@pytest.mark.parametrize("probe", list(PROBES))
def test_each_contract_fails_on_a_module_that_breaks_it(tmp_path: Path, probe: str) -> None:
    where, source, contract = PROBES[probe]
    copy = tmp_path / "annotator"
    shutil.copytree(ROOT / "annotator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / where).parent.mkdir(parents=True, exist_ok=True)
    (copy / where).write_text(source)
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    expected = contract.split("|")
    assert len(broken) == len(expected), result.stdout
    assert all(any(line.startswith(c) for line in broken) for c in expected), result.stdout


def test_no_import_cycles() -> None:
    """Every module's imports point one way: a helper that imports its window back is a cycle."""
    graph = grimp.build_graph("annotator")
    cycles = sorted(
        (module, imported)
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.find_shortest_chain(importer=imported, imported=module)
    )
    assert cycles == []


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_code_is_formatted() -> None:
    result = subprocess.run(
        [tool("ruff"), "format", "--check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_mypy_finds_no_type_errors() -> None:
    result = subprocess.run(
        [tool("mypy"), "annotator"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
