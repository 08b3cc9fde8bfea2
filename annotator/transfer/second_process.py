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

It is a fresh interpreter running this module (``python -m``), told what to do through its
stdin and answering through its stdout, one pickled message at a time. Not a fork: the
window's process runs Qt's threads, and a fork copies no threads but every lock they held.
Not multiprocessing's ``spawn`` either: that runs the caller's main script again in the
child, so a script calling the export without a ``__main__`` guard would run twice.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from queue import Queue
from typing import IO, Any, Generic, TypeVar, cast

from annotator.transfer.read_ahead import usable_cpus

R = TypeVar("R")
#: What the second process runs: ``target(part, tick, *args)`` writes its lines to ``part``,
#: calls ``tick()`` for each document it reads, and returns what the caller needs with them.
#: A module-level function, as pickle sends it by name.
Target = Callable[..., R]
#: A message of the second process: ("opened" | "read" | "done" | "failed", value).
_Message = tuple[str, Any]

#: The second process says how many documents it has read every this many.
_READ_EVERY = 256
#: How long a second process that was told to stop gets to end before it is killed.
_STOP_WAIT = 2.0


def available() -> bool:
    """Whether a second process can help here: two CPUs to run on, and a Python that can
    start one. A frozen bundle cannot: its executable is the app, not an interpreter."""
    return usable_cpus() >= 2 and not getattr(sys, "frozen", False) and bool(sys.executable)


class PartProcess(Generic[R]):
    """A second process writing one part of an output; see the module's docstring."""

    def __init__(self, process: subprocess.Popen[bytes], part: IO[bytes], path: str) -> None:
        self._process = process
        self._part = part
        self._path: str | None = path
        self._news: Queue[_Message | None] = Queue()
        self._ticked = 0
        self._listener = threading.Thread(
            target=self._listen, name="annotator-second-process", daemon=True
        )

    @classmethod
    @contextmanager
    def started(cls, target: Target[R], *args: Any) -> Iterator[PartProcess[R] | None]:
        """``target(part, tick, *args)`` running in a second process, for the block; None
        if none could be started (the caller writes the part itself)."""
        try:
            fd, path = tempfile.mkstemp(prefix="annotator-part-", suffix=".jsonl")
        except OSError:
            yield None
            return
        part = os.fdopen(fd, "rb")
        # The child finds what this process finds: the package, and a target's module.
        here = [entry or os.getcwd() for entry in sys.path]
        environment = dict(os.environ, PYTHONPATH=os.pathsep.join(here))
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=environment,
            )
        except (OSError, ValueError):
            part.close()
            _unlink(path)
            yield None
            return
        one = cls(process, part, path)
        try:
            one._listener.start()
            if not one._send((target, args, path)):
                one._process.kill()
            yield one
        finally:
            one._stop()

    def result(self, tick: Callable[[], None] | None = None) -> tuple[R, IO[bytes]] | None:
        """Wait for the second process; its answer and the part it wrote (to be read from
        its start), or None if it failed. ``tick`` is called once for each document it has
        read, as it reads them (it may raise to cancel: the block then stops the process)."""
        while True:
            # The listener always ends with None: at the process's end, whatever it was.
            message = self._news.get()
            if message is None:
                return None  # it ended without a word, or its words made no sense
            kind, value = message
            if kind == "opened":
                # Both ends hold the file open: nothing is left on disk from here on.
                if self._path is not None and _unlink(self._path):
                    self._path = None
            elif kind == "read":
                self._tick(tick, int(value))
            elif kind == "done":
                answer, read = value
                self._tick(tick, int(read))
                self._part.seek(0)
                return cast(R, answer), self._part
            else:
                return None

    @property
    def ticked(self) -> int:
        """How many of its documents' reads have been ticked so far."""
        return self._ticked

    def _tick(self, tick: Callable[[], None] | None, read: int) -> None:
        while self._ticked < read:
            self._ticked += 1
            if tick is not None:
                tick()

    def _send(self, task: tuple[Target[R], tuple[Any, ...], str]) -> bool:
        """Hand the task to the second process; False if it could not be sent."""
        stdin = self._process.stdin
        assert stdin is not None
        try:
            with stdin:
                pickle.dump(task, stdin, protocol=pickle.HIGHEST_PROTOCOL)
        except (OSError, pickle.PicklingError, AttributeError, TypeError):
            return False
        return True

    def _listen(self) -> None:
        """The second process's messages, put in the queue as they come; None at the end."""
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while True:
                self._news.put(pickle.load(stdout))
        except Exception:  # its end (EOFError), or a message cut short by its death
            self._news.put(None)

    def _stop(self) -> None:
        process = self._process
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(_STOP_WAIT)
            except subprocess.TimeoutExpired:
                process.kill()
        process.wait()
        self._listener.join()
        if process.stdout is not None:
            process.stdout.close()
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


def _serve() -> None:
    """The second process: read the task, write the part, say how it went. A failure is
    said, not raised: the caller writes the part again itself, and its errors are the ones
    shown."""
    # The messages go through the stdout this process was given; anything printed goes to
    # stderr instead, never among them.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    read = 0

    def say(kind: str, value: Any) -> None:
        pickle.dump((kind, value), channel, protocol=pickle.HIGHEST_PROTOCOL)
        channel.flush()

    def tick() -> None:
        nonlocal read
        read += 1
        if read % _READ_EVERY == 0:
            say("read", read)

    try:
        target, args, path = pickle.load(sys.stdin.buffer)
        with open(path, "wb") as part:
            say("opened", None)
            answer = target(part, tick, *args)
        say("done", (answer, read))
    except BaseException as exc:  # said as a failure: the caller redoes the part
        with suppress(OSError):
            say("failed", f"{type(exc).__name__}: {exc}")
    finally:
        with suppress(OSError):
            channel.close()


if __name__ == "__main__":
    _serve()
