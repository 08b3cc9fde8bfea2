"""The Linux desktop files validate, install per user, and claim project files by content."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app import main
from annotator.store import Project

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
INSTALL = ROOT / "packaging" / "install-desktop.sh"
DESKTOP = LINUX / "org.annotator.Annotator.desktop"
METAINFO = LINUX / "org.annotator.Annotator.metainfo.xml"


def validator(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install {package}; .ci/run does)")
    return found


def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(
        [validator("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_the_appstream_metainfo_validates_with_release_notes_and_no_made_up_address() -> None:
    result = subprocess.run(
        [validator("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert "<release version=" in text
    # No placeholder addresses: a homepage or screenshot URL is added with a real address.
    assert "example." not in re.sub(r"<!--.*?-->", "", text, flags=re.S)
    # Each screenshot it names (once it has an address) is one the screenshot script makes.
    names = re.findall(r"<image>[^<]*/([^/<]+)</image>", text)
    for name in names:
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name


@pytest.fixture
def installed(tmp_path: Path) -> dict[str, str]:
    """install-desktop.sh run for a user whose data folder is under tmp_path."""
    gui = tmp_path / "bin" / "annotator-gui"
    gui.parent.mkdir()
    gui.write_text("#!/bin/sh\n")
    gui.chmod(0o755)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run(
        ["bash", str(INSTALL), str(gui)], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return env


def test_install_puts_each_file_in_its_freedesktop_place(
    installed: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    entry = (data / "applications" / "org.annotator.Annotator.desktop").read_text()
    # The menu starts the very executable it was given, with the double-clicked file.
    assert f'Exec="{tmp_path}/bin/annotator-gui" %f' in entry
    assert "MimeType=application/x-annotator-project;" in entry
    installed_icon = data / "icons/hicolor/scalable/apps/org.annotator.Annotator.svg"
    # The menu, the taskbar and the About box show one icon.
    assert installed_icon.read_bytes() == (ROOT / "resources/icons/app.svg").read_bytes()
    assert (data / "metainfo/org.annotator.Annotator.metainfo.xml").is_file()
    assert (data / "mime/packages/org.annotator.Annotator.xml").is_file()
    if shutil.which("update-desktop-database"):
        # What file managers read to offer the app for a double-clicked project.
        cache = (data / "applications" / "mimeinfo.cache").read_text()
        assert "application/x-annotator-project=org.annotator.Annotator.desktop;" in cache

    subprocess.run(["bash", str(INSTALL), "--uninstall"], env=installed, check=True)
    assert not (data / "applications" / "org.annotator.Annotator.desktop").exists()


def test_a_project_file_is_known_by_its_application_id_whatever_its_name(
    installed: dict[str, str], tmp_path: Path, schema
) -> None:
    if not shutil.which("update-mime-database"):
        pytest.skip("update-mime-database is not installed (apt-get install shared-mime-info)")
    Project.create(tmp_path / "study.db", schema).close()
    shutil.copy(tmp_path / "study.db", tmp_path / "renamed.sqlite")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    probe = (
        "import sys; from PySide6.QtCore import QMimeDatabase; db = QMimeDatabase(); "
        "print(*(db.mimeTypeForFile(p).name() for p in sys.argv[1:]))"
    )
    names = ["study.db", "renamed.sqlite", "other.db", "new.annotator.db"]
    result = subprocess.run(
        [sys.executable, "-c", probe, *(str(tmp_path / n) for n in names)],
        env={**installed, "XDG_DATA_DIRS": "/usr/share", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "application/x-annotator-project",
        "application/x-annotator-project",
        "application/vnd.sqlite3",
        "application/x-annotator-project",
    ]


def test_annotator_gui_prints_its_versions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("annotator ") and "(Qt 6." in out and "SQLite 3." in out


def test_annotator_gui_refuses_a_command_instead_of_ignoring_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["init", str(tmp_path / "x.db")])
    assert exited.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()
