"""``--out`` special files: devices, FIFOs and ``-`` are written in place, never renamed over;
a symlink is followed (its target replaced atomically), not replaced."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from annotator.transfer.atomic import atomic_output


def test_dev_null_stays_a_device(tmp_path: Path) -> None:
    with atomic_output(Path("/dev/null")) as handle:
        handle.write(b"{}\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_streamed_to_its_reader_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    with atomic_output(fifo) as handle:
        handle.write(b"line\n")
    reader.join(5)
    assert got == [b"line\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    with atomic_output(link) as handle:
        handle.write(b"new\n")
    assert link.is_symlink() and target.read_text() == "new\n"


def test_dash_is_stdout(tmp_path: Path, capfdbinary) -> None:
    with atomic_output(Path("-")) as handle:
        handle.write(b"to stdout\n")
    assert capfdbinary.readouterr().out == b"to stdout\n"
    assert not Path("-").exists()
