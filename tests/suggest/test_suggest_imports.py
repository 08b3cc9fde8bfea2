"""annotator.suggest stays pure: only the model, errors, formats and the standard library."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "annotator" / "suggest"
ALLOWED = ("annotator.model", "annotator.errors", "annotator.formats", "annotator.suggest")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_suggest_imports_only_the_core_and_the_standard_library() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        for name in imported(module):
            top = name.split(".")[0]
            if top == "annotator":
                assert name.startswith(ALLOWED), f"{module.name} imports {name}"
            else:
                assert top == "__future__" or top in sys.stdlib_module_names, (
                    f"{module.name} imports {name}, which is not in the standard library"
                )
