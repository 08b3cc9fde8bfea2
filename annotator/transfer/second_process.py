"""A part of an output written by a second process, beside the one that writes the rest.

A large JSONL export spends about half its time reading SQLite and half encoding lines,
both in Python, under one GIL: threads cannot share that work, but a second process can
take the second half of the documents, writing their lines into a file of its own, while
this one writes the first half; the part is copied in after it (docs/benchmarks.md).

The second process is an accelerator, never a second source of truth or of errors:
- it reads the project through its own read-only connection (a reader beside the writer);
- whatever goes wrong there (it cannot start, it fails, it dies), :meth:`PartProcess.result`
  answers None and the caller writes that part itself, so the output and the errors are
  those of the one-process export;
- its file is unlinked as soon as both processes hold it open, so nothing is left on disk
  whatever happens to either (on a system that cannot unlink an open file, at the end);
- leaving the block (at the end, on an error, on a cancel) stops it and waits for it.

It is started by ``spawn`` (a fresh interpreter), never ``fork``: the window's process runs
Qt's threads, and a fork copies no threads but every lock they held.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar, cast

from annotator.transfer.read_ahead import usable_cpus

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess
    from multiprocessing.sharedctypes import Synchronized

R = TypeVar("R")
#: What the second process runs: ``target(part, tick, *args)`` writes its lines to ``part``,
#: calls ``tick()`` for each document it reads, and returns what the caller needs with them.
Target = Callable[..., R]

#: How long the caller waits for news of the second process between looks at its progress
#: (seconds): the progress shown moves at least this often while it waits.
_POLL = 0.05
#: How long a second process that was told to stop gets to end before it is killed.
_STOP_WAIT = 2.0


def available() -> bool:
    """Whether a second process can help here: two CPUs to run on, and a Python that can
    start one. A frozen bundle cannot: its executable is the app, not an interpreter."""
    return usable_cpus() >= 2 and not getattr(sys, "frozen", False)


class PartProcess(Generic[R]):
    """A second process writing one part of an output; see the module's docstring."""

    def __init__(
        self,
        process: BaseProcess,
        news: Connection,
        progress: Synchronized[int],
        part: IO[bytes],
        path: str,
    ) -> None:
        self._process = process
        self._news = news
        self._progress = progress
        self._part = part
        self._path: str | None = path
        self._ticked = 0

    @classmethod
    @contextmanager
    def started(cls, target: Target[R], *args: Any) -> Iterator[PartProcess[R] | None]:
        """``target(part, tick, *args)`` running in a second process, for the block; None
        if none could be started (the caller writes the part itself)."""
        # Imported here: multiprocessing (and ctypes, for the shared count) cost the window's
        # start about 15 ms, and only a large export needs them.
        import multiprocessing

        try:
            context = multiprocessing.get_context("spawn")
            fd, path = tempfile.mkstemp(prefix="annotator-part-", suffix=".jsonl")
        except (OSError, ValueError):
            yield None
            return
        part = os.fdopen(fd, "rb")
        receive, send = context.Pipe(duplex=False)
        progress: Synchronized[int] = context.Value("q", 0, lock=False)
        process = context.Process(
            target=_run,
            args=(target, args, path, send, progress),
            name="annotator-second-half",
            daemon=True,
        )
        try:
            process.start()
        except OSError:
            part.close()
            _unlink(path)
            yield None
            return
        finally:
            send.close()  # the child's end: when it ends, reading says so (EOFError)
        one = cls(process, receive, progress, part, path)
        try:
            yield one
        finally:
            one._stop()

    def result(self, tick: Callable[[], None] | None = None) -> tuple[R, IO[bytes]] | None:
        """Wait for the second process; its answer and the part it wrote (to be read from
        its start), or None if it failed. ``tick`` is called once for each document it has
        read, as it reads them (it may raise to cancel: the block then stops the process)."""
        while True:
            try:
                ready = self._news.poll(_POLL)
                kind, value = self._news.recv() if ready else ("", None)
            except (EOFError, OSError):
                return None
            if not ready:
                # Ticked only with no news waiting: the part's name is gone by the first of
                # its reads (it says "opened" before it reads).
                self._tick(tick)
                if not self._process.is_alive() and not self._news.poll():
                    return None  # died without a word
                continue
            if kind == "opened":
                # Both ends hold the file open: nothing is left on disk from here on.
                if self._path is not None and _unlink(self._path):
                    self._path = None
                continue
            self._tick(tick)
            if kind != "done":
                return None
            self._part.seek(0)
            return cast(R, value), self._part

    def _tick(self, tick: Callable[[], None] | None) -> None:
        if tick is None:
            return
        read = self._progress.value
        while self._ticked < read:
            self._ticked += 1
            tick()

    def _stop(self) -> None:
        process = self._process
        if process.is_alive():
            process.terminate()
            process.join(_STOP_WAIT)
            if process.is_alive():
                process.kill()
        process.join()
        self._news.close()
        self._part.close()
        if self._path is not None:
            _unlink(self._path)


def _unlink(path: str) -> bool:
    """Remove the part's name; False where the system keeps open files' names (Windows)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _run(
    target: Target[Any],
    args: tuple[Any, ...],
    path: str,
    news: Connection,
    progress: Synchronized[int],
) -> None:
    """The second process: write the part, say how it went (a failure is said, not raised:
    the caller writes the part again itself, and its errors are the ones shown)."""

    def tick() -> None:
        progress.value += 1

    try:
        with open(path, "wb") as part:
            news.send(("opened", None))
            value = target(part, tick, *args)
        news.send(("done", value))
    except BaseException as exc:  # handed on as a failure: the caller redoes the part
        with suppress(OSError):
            news.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        news.close()
