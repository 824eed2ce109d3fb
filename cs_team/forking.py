"""Work done in a forked child process and its result sent back, pickled: a second core for a lint.

The child starts as a copy of the parent (its memory shared until written, so nothing is copied
to give it its input) and returns its result through a pipe. It may then stay as a worker: the
parent asks it for more pure work (a function of plain data, such as comparing every question's
text) and goes on with its own while the worker computes. Any failure of the child, or of sending
a result either way, comes back as None, and the caller then does the work itself: forking never
changes a result, only when it is ready.

Only on Linux (fork without exec is unsafe on macOS and absent on Windows), never from a process
with other threads (a fork copies only the calling thread, and a lock another thread held stays
held in the child), and only when a second CPU is free now: a child that waits for a core adds
its cost (pickling, memory pages copied on write) to the CPU time and saves no time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

_LENGTH_BYTES = 8


def can_fork(only_to_a_free_cpu: bool = True) -> bool:
    """Whether a child may be forked (``only_to_a_free_cpu``: and a CPU is free for it now)."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    if not only_to_a_free_cpu:
        return True
    cpus = len(os.sched_getaffinity(0))
    return cpus >= 2 and others_running() <= cpus - 2 and os.getloadavg()[0] < cpus


def others_running() -> int:
    """How many other tasks are running or waiting for a CPU at this moment (/proc/loadavg).

    The load average is a minute's mean and counts this lint's own recent past (a benchmark
    running lints back to back keeps it near one on an idle machine); this count is the present.
    """
    try:
        with open("/proc/loadavg", encoding="ascii") as file:
            running = int(file.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return len(os.sched_getaffinity(0))  # unknown: assume busy
    return max(running - 1, 0)  # this process is one of them


class Reply:
    """The answer to one request of a worker; ``result()`` reads it once (None on any failure)."""

    def __init__(self, child: Child | None, number: int = 0) -> None:
        self.child, self.number = child, number

    def result(self) -> Any | None:
        child, self.child = self.child, None
        return child._frame(self.number) if child is not None else None


class Child:
    """A child at work; ``result()`` (or ``close()``) must be called once, to reap it.

    A worker (started with ``serve=True``) is reaped by ``close()`` only; in between, ``ask()``
    sends it more work, answered in the order asked.
    """

    def __init__(self, pid: int, responses: int, requests: int | None = None) -> None:
        self.pid, self.responses, self.requests = pid, responses, requests
        self.done = False
        self.broken = False
        self.asked = 0
        self.received = -1
        """Frames read: -1 before the first work's result, then the number of answers read."""
        self.frames: dict[int, Any] = {}
        """Frames read (while looking for a later one) and not yet taken: 0 is the first result."""

    def result(self) -> Any | None:
        """What the first work returned, or None when the child failed (or it was taken)."""
        answer = self._frame(0)
        if self.requests is None:
            self.close()
        return answer

    def ask(self, function: Callable[..., Any], *args: Any) -> Reply:
        """``function(*args)`` computed by the worker; ``function`` must be importable by name."""
        if self.done or self.broken or self.requests is None:
            return Reply(None)
        try:
            _send(self.requests, pickle.dumps((function, args), pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, AttributeError, TypeError):
            self.broken = True
            return Reply(None)
        self.asked += 1
        return Reply(self, self.asked)

    def _frame(self, number: int) -> Any | None:
        while self.received < number and not (self.done or self.broken):
            self.received += 1
            self.frames[self.received] = self._read()
        return self.frames.pop(number, None)

    def _read(self) -> Any | None:
        payload = _read_frame(self.responses)
        if not payload:
            self.broken = True
            return None
        try:
            return pickle.loads(payload)  # our own child's bytes
        except Exception:
            self.broken = True
            return None

    def close(self) -> None:
        """Reap the child without waiting for its work (the parent is done with it)."""
        if self.done:
            return
        self.done = True
        if self.received < self.asked:
            os.kill(self.pid, signal.SIGKILL)  # still at work the parent no longer wants: don't wait
        for pipe in (self.requests, self.responses):  # a child reading sees the end, one writing EPIPE
            if pipe is not None:
                os.close(pipe)
        os.waitpid(self.pid, 0)


def start(work: Callable[[], Any], serve: bool = False, meanwhile: Callable[[], None] | None = None
          ) -> Child | None:
    """``work()`` running in a forked child, or None when no child could be started.

    ``serve``: after sending its result the child stays and answers ``ask()`` until closed, first
    running ``meanwhile()`` (work that makes later answers quicker; its failure is ignored).
    """
    responses, response_end = os.pipe()
    requests, request_end = os.pipe() if serve else (None, None)
    try:
        pid = os.fork()
    except OSError:
        for pipe in (responses, response_end, requests, request_end):
            if pipe is not None:
                os.close(pipe)
        return None
    if pid:
        os.close(response_end)
        if requests is not None:
            os.close(requests)
        return Child(pid, responses, request_end)
    # The child: whatever happens, it never returns into the caller's code.
    status = 1
    try:
        os.close(responses)
        if request_end is not None:
            os.close(request_end)
        _send(response_end, pickle.dumps(work(), pickle.HIGHEST_PROTOCOL))
        if requests is not None:
            if meanwhile is not None:
                with contextlib.suppress(Exception):
                    meanwhile()
            _serve(requests, response_end)
        status = 0
    finally:
        os._exit(status)


def _serve(requests: int, responses: int) -> None:
    """Answer each request until the parent closes its end; a failed request gets an empty frame."""
    while True:
        payload = _read_frame(requests)
        if not payload:
            return
        try:
            function, args = pickle.loads(payload)  # our own parent's bytes
            answer = pickle.dumps(function(*args), pickle.HIGHEST_PROTOCOL)
        except Exception:
            answer = b""
        _send(responses, answer)


def _send(pipe: int, payload: bytes) -> None:
    data = memoryview(len(payload).to_bytes(_LENGTH_BYTES, "little") + payload)
    while data:
        data = data[os.write(pipe, data):]


def _read_frame(pipe: int) -> bytes:
    """One frame's payload; empty at the end of the pipe or for a failed answer."""
    header = _read_exactly(pipe, _LENGTH_BYTES)
    if len(header) < _LENGTH_BYTES:
        return b""
    return _read_exactly(pipe, int.from_bytes(header, "little"))


def _read_exactly(pipe: int, size: int) -> bytes:
    chunks, missing = [], size
    while missing:
        chunk = os.read(pipe, min(missing, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        missing -= len(chunk)
    return b"".join(chunks)
