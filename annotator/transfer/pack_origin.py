"""Where a pack came from: the project it was made from, for whom, and with which schema."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.model import AnnotatorName
from annotator.store import Project

#: Meta keys of a pack; a project file without ``ANNOTATOR`` is no pack.
ANNOTATOR = "pack_annotator"
SCHEMA_VERSION = "pack_schema_version"
SOURCE = "pack_source"
PACKED_AT = "packed_at"
#: Every project's own id (migration 0004); a pack keeps its project's.
PROJECT_ID = "project_id"


@dataclass(frozen=True, slots=True)
class PackOrigin:
    path: Path
    annotator: AnnotatorName
    project_id: str
    schema_version: int

    def check_fits(self, project: Project) -> None:
        """Refuse a pack made from another project, or with a schema newer than ``project``'s."""
        ours = project.meta(PROJECT_ID) or ""
        if self.project_id != ours:
            raise AnnotatorError(
                f"{self.path}: this pack was made from another project (id {self.project_id}, "
                f"{project.path} has {ours}); nothing was merged"
            )
        version = project.schema.version
        if self.schema_version > version:
            raise AnnotatorError(
                f"{self.path}: this pack has schema version {self.schema_version}, newer than "
                f"version {version} of {project.path}; update the project's schema first; "
                "nothing was merged"
            )

    def schema_refusal(self, problem: str) -> AnnotatorError:
        """A set of the pack that this project's schema cannot hold refuses the whole pack."""
        return AnnotatorError(
            f"{self.path}: {self.annotator}'s work, packed with schema version "
            f"{self.schema_version}, does not fit this project's schema ({problem}); "
            "nothing was merged"
        )


def pack_origin(project: Project) -> PackOrigin | None:
    """The origin of ``project`` if it is a pack, else None."""
    annotator = project.meta(ANNOTATOR)
    if not annotator:
        return None
    # The pack's schema as it is now: its annotator may have been given a newer one.
    return PackOrigin(
        project.path,
        AnnotatorName(annotator),
        project.meta(PROJECT_ID) or "",
        project.schema.version,
    )
