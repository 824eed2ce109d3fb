"""Durations and percentages as people type them on a command line: ``15m``, ``900s``, ``80``.

A percentage is read the way a YAML document writes it: ``80`` (or ``80%``) is 80 %, and so is
``0.8``; anything at or below 1 is taken as a fraction. Every value must be a finite number.
"""

from __future__ import annotations

import math
import re

from cs_team.staffing.erlang import StaffingError
from cs_team.wording import phrase, quoted

_UNITS = {"": 1.0, "s": 1.0, "sec": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "hr": 3600.0}
_DURATION = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$", re.IGNORECASE)


def duration_seconds(text: str, what: str) -> float:
    """``900``, ``900s``, ``15m``, ``15min``, ``0.25h`` -> seconds (a bare number is seconds)."""
    match = _DURATION.match(text)
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise StaffingError(phrase("staffing.not_a_duration", what=what, text=quoted(text)))
    seconds = float(match.group(1)) * _UNITS[unit]
    if not 0 < seconds < math.inf:
        raise StaffingError(phrase("staffing.duration_positive", what=what, text=text))
    return seconds


def fraction(text: str, what: str) -> float:
    """``80``, ``80%`` or ``0.8`` -> 0.8."""
    body = text.strip()
    percent = body.endswith("%")
    try:
        value = float(body.rstrip("%").strip())
    except ValueError:
        raise StaffingError(phrase("staffing.not_a_fraction", what=what, text=quoted(text))) from None
    if not math.isfinite(value) or value < 0:
        raise StaffingError(phrase("staffing.fraction_negative", what=what, text=text))
    if value > 100:
        raise StaffingError(phrase("staffing.over_100", what=what, text=text))
    return value / 100 if percent or value > 1 else value
