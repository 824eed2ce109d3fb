"""Bounds on one render: its time and its output, so that a template cannot hang or flood.

Jinja's sandbox keeps a template away from Python's internals, not from loops, recursion or
``"x" * 10**10``. Here a render stops, naming the template and line, when it runs longer than
``SECONDS``, writes more than ``LARGEST_OUTPUT`` characters, or makes a string or list larger
than that by multiplication or by one padding, joining or formatting call (``growth``).
Time is checked at every call and every piece of output, and, in
the main thread of a POSIX process, by a timer as well (a loop that neither calls nor writes).
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Any

from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

from cs_team.render import growth
from cs_team.wording import phrase

SECONDS = 20.0
LARGEST_OUTPUT = 32 * 2**20
"""Characters: a kit of every question in a large bank is well under a megabyte."""


class RenderLimit(Exception):
    """A render went over a bound; the message says which, ``place`` where when it is known."""

    def __init__(self, message: str, place: str | None = None) -> None:
        super().__init__(message)
        self.place = place


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with multiplication capped and a deadline every call checks."""

    intercepted_binops = frozenset({"*", "**", "%"})
    _renders = threading.local()  # one environment serves every thread: each render has its deadline

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.globals["lipsum"]  # n paragraphs of filler on request: nothing a document needs
        for name, estimate in growth.FILTERS.items():
            self.filters[name] = _bounded(self.filters[name], estimate, f"the {name} filter")

    @property
    def deadline(self) -> float:
        return getattr(self._renders, "deadline", float("inf"))

    @deadline.setter
    def deadline(self, value: float) -> None:
        self._renders.deadline = value

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        sized = [v for v in (left, right) if isinstance(v, (str, list, tuple))]
        counts = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if operator == "*" and sized and counts and len(sized[0]) * max(counts[0], 0) > LARGEST_OUTPUT:
            raise RenderLimit(phrase("template.multiplied", limit=f"{LARGEST_OUTPUT:,}"))
        if operator == "**" and len(counts) == 2 and abs(left) > 1 and right > 256:
            raise RenderLimit(phrase("template.power", left=left, right=right))
        if operator == "%" and isinstance(left, str):
            _check_size(growth.percent(left, right), phrase("template.percent_format"))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_time(__self.deadline)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._guarded(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._guarded(obj, argument, super().getitem(obj, argument))

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template = value.__self__
        return _bounded(wrapper, lambda *args, **kwargs: growth.braces(template, args, kwargs), "a format")

    @staticmethod
    def _guarded(obj: Any, name: Any, value: Any) -> Any:
        """A str method that can grow its string, checked before it runs."""
        if isinstance(obj, str) and name in growth.STRING_METHODS and callable(value):
            estimate = growth.STRING_METHODS[name]
            return _bounded(value, lambda *args, **kwargs: estimate(obj, *args, **kwargs), f"str.{name}")
        return value


def _bounded(function: Any, estimate: Any, what: str) -> Any:
    """``function``, refusing a call whose estimated result is larger than a document may be."""
    # Jinja hands a filter marked with pass_arg its context or environment first
    passed = 1 if getattr(function, "jinja_pass_arg", None) else 0

    def checked(*args: Any, **kwargs: Any) -> Any:
        try:
            size = estimate(*args[passed:], **kwargs)
        except TypeError:
            size = 0  # arguments the call itself will refuse, with Python's own message
        _check_size(size, what)
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(function, attribute):
            setattr(checked, attribute, getattr(function, attribute))
    return checked


def _check_size(size: int, what: object) -> None:
    if size > LARGEST_OUTPUT:
        raise RenderLimit(phrase("template.asked", what=what, limit=f"{LARGEST_OUTPUT:,}"))


def _check_time(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise RenderLimit(phrase("template.slow", seconds=float(SECONDS)))


def render(env: BoundedSandbox, template: Template, context: dict) -> str:
    """``template`` rendered within the bounds (RenderLimit names where it went over)."""
    env.deadline = time.monotonic() + SECONDS
    pieces: list[str] = []
    size = 0
    try:
        with _timer():
            stream = template.generate(**context)
            for piece in stream:
                size += len(piece)
                if size > LARGEST_OUTPUT:
                    raise RenderLimit(phrase("template.output", limit=f"{LARGEST_OUTPUT:,}"), _place(stream))
                _check_time(env.deadline)
                pieces.append(piece)
    finally:
        env.deadline = float("inf")
    return "".join(pieces)


def _place(stream: Any) -> str | None:
    """``template:line`` where a paused render stands (the innermost template it is in)."""
    while getattr(stream, "gi_yieldfrom", None) is not None and stream.gi_yieldfrom.gi_frame:
        stream = stream.gi_yieldfrom
    frame = getattr(stream, "gi_frame", None)
    template = frame.f_globals.get("__jinja_template__") if frame is not None else None
    if template is None:
        return None
    return f"{template.filename or template.name}:{template.get_corresponding_lineno(frame.f_lineno)}"


@contextmanager
def _timer():
    """SIGALRM after SECONDS, where it can be used and nothing else uses it."""
    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
    if not usable or sys.platform == "win32":
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise RenderLimit(phrase("template.slow", seconds=float(SECONDS)))

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, SECONDS + 1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
