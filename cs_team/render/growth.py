"""How long a string will be after a padding, joining or formatting call, before it is made.

A template can grow a string in one call as surely as by multiplication: ``'x'.center(10**10)``,
``'%.999999999f' % 1``, ``range(10**5)|join(big)``. Each estimate here is an upper bound worked
from the arguments alone, so a render can refuse the call instead of filling the memory.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any

# %-formatting: an optional mapping key, flags, a width and a precision (either may be "*")
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBER = re.compile(r"\d+")


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str) else len(str(value)) if isinstance(value, (int, float)) else 0


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def percent(template: str, values: Any) -> int:
    """``template % values``: the template, each argument, and every width and precision it asks for."""
    arguments = list(values) if isinstance(values, tuple) else [values]
    if isinstance(values, Mapping):
        arguments = list(values.values())
    stars = sum(_whole(v) for v in arguments)
    asked = 0
    for match in _PERCENT_SPEC.finditer(template):
        for part in match.groups():
            asked += stars if part == "*" else int(part) if part else 0
    return len(template) + asked + sum(_length(v) for v in arguments)


def braces(template: str, args: Iterable[Any] = (), kwargs: Mapping[str, Any] | None = None) -> int:
    """``template.format(...)``: every number in a format spec counts as characters asked for."""
    asked = 0
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return len(template)  # str.format raises the same error itself
    for _, _, spec, _ in parsed:
        asked += sum(int(n) for n in _NUMBER.findall(spec or ""))
    values = [*args, *(kwargs or {}).values()]
    return len(template) + asked + sum(_length(v) for v in values)


def padded(text: str, width: Any = 0, *_: Any) -> int:
    return max(len(text), _whole(width))


def tabs(text: str, tabsize: Any = 8) -> int:
    return len(text) + text.count("\t") * _whole(tabsize)


def replaced(text: str, old: Any = "", new: Any = "", count: Any = -1) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    times = len(text) + 1 if old == "" else text.count(old)
    if isinstance(count, int) and count >= 0:
        times = min(times, count)
    return len(text) + times * max(len(new) - len(old), 0)


def joined(separator: Any, items: Any) -> int:
    count = len(items) if hasattr(items, "__len__") else 0
    parts = items if isinstance(items, (list, tuple)) else ()
    return sum(_length(p) for p in parts) + max(count - 1, 0) * _length(separator)


def indented(text: Any, width: Any = 4, *_: Any, **__: Any) -> int:
    text = str(text)
    step = len(width) if isinstance(width, str) else _whole(width)
    return len(text) + (text.count("\n") + 1) * step


def wrapped(text: Any, width: Any = 79, break_long_words: Any = True, wrapstring: Any = None, *_: Any,
            **kwargs: Any) -> int:
    text = str(text)
    separator = kwargs.get("wrapstring", wrapstring)
    return len(text) * (1 + (len(separator) if isinstance(separator, str) else 1))


def as_json(value: Any, indent: Any = None, *_: Any) -> int:
    # every nested level can add ``indent`` spaces to every line; a document never needs more than a few
    return _whole(indent) * 1000


STRING_METHODS: dict[str, Callable[..., int]] = {
    "center": padded, "ljust": padded, "rjust": padded, "zfill": padded,
    "expandtabs": tabs, "replace": replaced,
    "join": lambda separator, items=(), *_: joined(separator, items),
}
"""str methods by name: the estimate takes the string first, then the call's arguments."""

FILTERS: dict[str, Callable[..., int]] = {
    "center": lambda value, width=80, *_: padded(str(value), width),
    "indent": indented,
    "replace": lambda value, old="", new="", count=None, *_: replaced(
        str(value), old, new, -1 if count is None else count),
    "join": lambda value, d="", attribute=None, *_: joined(d, value),
    "format": lambda value, *args, **kwargs: percent(str(value), kwargs if kwargs else tuple(args)),
    "wordwrap": wrapped,
    "tojson": as_json,
}
"""Jinja's filters that can grow a string, by name: the estimate takes the filter's arguments."""
