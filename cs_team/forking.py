"""Work done in a forked child process and its result sent back, pickled: a second core for a lint.

The child starts as a copy of the parent (its memory shared until written, so nothing is copied
to give it its input) and returns its result through a pipe. Any failure of the child, or of
sending its result, comes back as None, and the caller then does the work itself: forking never
changes a result, only when it is ready.

Only on Linux (fork without exec is unsafe on macOS and absent on Windows), never from a process
with other threads (a fork copies only the calling thread, and a lock another thread held stays
held in the child), and only when a second CPU is likely to be free: with the load average at or
above the CPUs this process may use less one, a child waits for a core, and forking would only add its
cost (pickling, memory pages copied on write) to the CPU time.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    cpus = len(os.sched_getaffinity(0))
    # a whole core idle, not merely less load than cores: measured on the 2-core reference
    # machine, a parse-ahead child at load 1.5-2 waited for a core and only added its cost
    return cpus >= 2 and os.getloadavg()[0] < cpus - 1


class Child:
    """A child at work; ``result()`` (or ``close()``) must be called once, to reap it."""

    def __init__(self, pid: int, pipe: int) -> None:
        self.pid, self.pipe = pid, pipe
        self.done = False

    def result(self) -> Any | None:
        """What the work returned, or None when the child failed."""
        if self.done:
            return None
        self.done = True
        with os.fdopen(self.pipe, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not payload or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        try:
            return pickle.loads(payload)  # our own child's bytes
        except Exception:
            return None

    def close(self) -> None:
        """Reap the child without waiting for its work (the parent is leaving early)."""
        if not self.done:
            self.done = True
            os.close(self.pipe)  # a child still writing gets EPIPE and exits
            os.waitpid(self.pid, 0)


def start(work: Callable[[], Any]) -> Child | None:
    """``work()`` running in a forked child, or None when no child could be started."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid:
        os.close(write)
        return Child(pid, read)
    # The child: whatever happens, it never returns into the caller's code.
    status = 1
    try:
        os.close(read)
        payload = pickle.dumps(work(), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)
