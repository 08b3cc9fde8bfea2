"""Pure work on a second thread, a few items ahead of the thread that consumes them.

An import's connection must stay on one thread (one transaction, so its SQLite work is
serial), and SQLite releases the GIL while it runs a statement: reading, checking and
building the rows of the next batch on another thread lets both cores work. The reader
thread must touch nothing but its own items (never the connection, never a Qt object).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from queue import Empty, Queue
from typing import TypeVar

T = TypeVar("T")
U = TypeVar("U")

#: Items ready ahead of the consumer: one, while the reader makes the next and the consumer
#: stores one, keeps both busy (the reader is the faster); memory stays three batches.
DEPTH = 1
#: How long a thread that wants the GIL waits for the one running Python (CPython's default
#: is 5 ms). The consumer asks for it back after every statement and between its Python
#: steps, while the reader runs Python without pause; each wait is up to this long. 200,000
#: short records, best of 3 on two free cores: 3.27x the baseline at 200 us, 3.28x at
#: 50 us, 2.60x at 20 us, 2.65x at 10 us. Set for the length of the work, then set back.
SWITCH_INTERVAL = 0.00002
#: The reader thread's name, so that a test (or a stack dump) can find it.
THREAD_NAME = "annotator-read-ahead"


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system (macOS)
        return os.cpu_count() or 1


class _Failed:
    """An exception the reader met, handed on in its place among the items."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


_END = object()


@contextmanager
def read_ahead(
    items: Iterable[T], prepare: Callable[[T], U], depth: int = DEPTH
) -> Iterator[Iterator[U]]:
    """``prepare(item)`` of each of ``items``, in order, done on a reader thread up to
    ``depth`` items ahead. An exception of the reader (iterating ``items`` or preparing one)
    is raised to the consumer at the place of the item it stopped at, so what came before
    it is consumed first, as without the thread. Leaving the block, however (at the end,
    on an error of either side, on a cancel), stops the reader and waits for it to end."""
    if usable_cpus() < 2:
        # One CPU: the threads would only take turns and pay for it (100,000 short records:
        # 8% more CPU with the thread on a machine that ran one core's work); same order,
        # same errors, without the thread.
        yield map(prepare, items)
        return
    queue: Queue[object] = Queue(depth)
    stop = threading.Event()

    def put(value: object) -> bool:
        """Whether the consumer still wants more (it drains the queue when it stops)."""
        if stop.is_set():
            return False
        queue.put(value)
        return not stop.is_set()

    def read() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not put(prepare(item)):
                    return
        except BaseException as exc:  # handed on: the consumer raises it in its place
            put(_Failed(exc))
            return
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()  # a generator's file is closed by the thread that ran it
        put(_END)

    def consume() -> Iterator[U]:
        while True:
            value = queue.get()
            if value is _END:
                return
            if isinstance(value, _Failed):
                raise value.error
            yield value  # type: ignore[misc]
            del value  # not kept alive while the next is awaited

    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    reader = threading.Thread(target=read, name=THREAD_NAME, daemon=True)
    reader.start()
    try:
        yield consume()
    finally:
        stop.set()
        # A reader blocked on a full queue wakes up, sees the stop and ends.
        while reader.is_alive():
            with suppress(Empty):
                queue.get(timeout=0.01)
        reader.join()
        sys.setswitchinterval(interval)
