"""Projects on network file systems are refused: SQLite cannot lock them safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import ProjectFileError
from annotator.model.schema import Schema
from annotator.store import Project, filesystem
from annotator.store.filesystem import filesystem_type

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/share/local rw shared:21 - ext4 /dev/sdb1 rw
42 22 0:37 / /mnt/my\\040drive rw shared:22 - cifs //host/drive rw
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/alice/p.db", "ext4"),
        ("/mnt/share/p.db", "nfs4"),
        ("/mnt/share/local/p.db", "ext4"),  # the deepest mount point wins
        ("/mnt/my drive/p.db", "cifs"),
        ("/mnt/shared/p.db", "ext4"),  # a sibling with a common prefix is not inside
    ],
)
def test_the_deepest_mount_point_names_the_file_system(path: str, expected: str) -> None:
    assert filesystem_type(Path(path), MOUNTINFO) == expected


def test_a_project_on_nfs_is_refused_with_the_reason(
    tmp_path: Path, schema: Schema, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "mountinfo"
    fake.write_text(
        f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:35 / {tmp_path} rw - nfs server:/x rw\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(filesystem, "MOUNTINFO", fake)
    with pytest.raises(ProjectFileError, match=r"network file system \(nfs\)"):
        Project.create(tmp_path / "p.db", schema)
    assert not (tmp_path / "p.db").exists()
