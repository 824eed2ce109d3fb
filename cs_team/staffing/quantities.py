"""Durations and percentages as people type them on a command line: ``15m``, ``900s``, ``80``.

A percentage is read the way a YAML document writes it: ``80`` (or ``80%``) is 80 %, and so is
``0.8``; anything at or below 1 is taken as a fraction. Every value must be a finite number.
"""

from __future__ import annotations

import math
import re

from cs_team.staffing.erlang import StaffingError

_UNITS = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "hr": 3600.0}
_DURATION = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


def duration_seconds(text: str, what: str) -> float:
    """``900``, ``900s``, ``15m``, ``15min``, ``0.25h`` -> seconds (a bare number is seconds)."""
    match = _DURATION.match(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise StaffingError(f"{what} {text!r} is not a duration: write seconds (900, 900s), minutes "
                            f"(15m) or hours (1h)")
    seconds = float(match.group(1)) * _UNITS[unit]
    if not 0 < seconds < math.inf:
        raise StaffingError(f"{what} must be positive and finite, got {text}")
    return seconds


def fraction(text: str, what: str) -> float:
    """``80``, ``80%`` or ``0.8`` -> 0.8."""
    body = text.strip()
    percent = body.endswith("%")
    try:
        value = float(body.rstrip("%").strip())
    except ValueError:
        raise StaffingError(f"{what} {text!r} is not a number: write 80 or 0.8 for 80 %") from None
    if not math.isfinite(value) or value < 0:
        raise StaffingError(f"{what} must be a finite number, not negative, got {text}")
    if value > 100:
        raise StaffingError(f"{what} {text} is more than 100 %")
    return value / 100 if percent or value > 1 else value
