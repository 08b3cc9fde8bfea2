"""Shared fixtures: an isolated home for every test, the default schema, fresh projects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# GUI tests must never need a display; a developer may still set another platform to watch.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.model.schema import Schema, load_schema
from annotator.paths import default_schema_path, seeds_dir
from annotator.store import Project
from annotator.transfer.importing import import_paths


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("ANNOTATOR_DEFAULT_PROJECT", raising=False)
    return home


@pytest.fixture(scope="session")
def schema() -> Schema:
    return load_schema(default_schema_path())


@pytest.fixture
def project(tmp_path: Path, schema: Schema) -> Iterator[Project]:
    opened = Project.create(tmp_path / "p.db", schema)
    yield opened
    opened.close()


@pytest.fixture
def seeded(project: Project) -> Project:
    import_paths(project, [seeds_dir()])
    return project
