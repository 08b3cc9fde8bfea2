"""Where things live: bundled resources and seeds, and the per-user data directory (no Qt here)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Annotator"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # An installed wheel carries the folder inside the package; a source checkout has it beside.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _bundled("resources")


def seeds_dir() -> Path:
    return _bundled("seeds")


def default_schema_path() -> Path:
    return resources_dir() / "schemas" / "quotes.toml"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_state_dir() -> Path:
    """Per-user state that may be lost without harm (the clean-close stamps of projects)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def default_project_path() -> Path:
    override = os.environ.get("ANNOTATOR_DEFAULT_PROJECT")
    return Path(override) if override else user_data_dir() / "demo.annotator.db"
