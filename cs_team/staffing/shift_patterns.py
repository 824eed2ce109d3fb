"""Every way a person can be rostered for a week, and where on the floor each way puts them.

A pattern is a template, a start time on the grid (the same every working day), and the days off.
The week is a cycle: a night shift that starts on Sunday ends on Monday morning. A person counts
in an interval for the share of it they are on site and not at lunch, times the share of their
time not taken by paid breaks, so a half-covered 15-minute interval counts half.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from cs_team.model.shifts import ShiftRules, ShiftTemplate, minutes

DAY = 1440
WEEK = 7 * DAY


@dataclass(frozen=True)
class Start:
    name: str  # the template's id
    minute: int  # after midnight, 0 .. 1439
    template: ShiftTemplate = field(compare=False, hash=False, repr=False)

    @property
    def clock(self) -> str:
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"


@dataclass(frozen=True)
class Pattern:
    start: Start
    off: tuple[int, ...]  # weekdays off, 0 = Monday


def starts(rules: ShiftRules, template: ShiftTemplate) -> list[Start]:
    first, last = minutes(template.earliest_start), minutes(template.latest_start)
    if last < first:  # a window across midnight, 23:00 to 01:00
        last += DAY
    grid = range(first, last + 1, rules.grid_minutes)
    return [Start(template.id, minute % DAY, template) for minute in grid]


def days_off(rules: ShiftRules) -> list[tuple[int, ...]]:
    count = 7 - rules.days_per_week
    if count == 0:
        return [()]
    if rules.days_off_together:
        return [tuple(sorted((first + k) % 7 for k in range(count))) for first in range(7)]
    return list(itertools.combinations(range(7), count))


def patterns(rules: ShiftRules, templates: list[ShiftTemplate]) -> list[Pattern]:
    return [Pattern(start, off) for template in templates for start in starts(rules, template)
            for off in days_off(rules)]


def lunch_offsets(rules: ShiftRules, template: ShiftTemplate) -> list[int]:
    """Minutes after the start at which lunch may begin (none when the template has no lunch)."""
    lunch = template.lunch
    if lunch is None or lunch.minutes == 0:
        return []
    first, last = round(lunch.earliest_hours * 60), round(lunch.latest_hours * 60)
    last = min(last, round(template.hours * 60) - lunch.minutes)
    return list(range(first, last + 1, max(30, rules.grid_minutes))) if last >= first else []


def presence(begin: int, length: int, step: int) -> np.ndarray:
    """Share of each interval of the week (``step`` minutes) covered by ``[begin, begin + length)``,
    wrapping at the week's end."""
    cover = np.zeros(WEEK // step)
    for lo, hi in _pieces(begin % WEEK, length):
        first, last = lo // step, (hi - 1) // step
        for i in range(first, last + 1):
            cover[i] += (min(hi, (i + 1) * step) - max(lo, i * step)) / step
    return cover


def _pieces(begin: int, length: int) -> list[tuple[int, int]]:
    end = begin + length
    return [(begin, end)] if end <= WEEK else [(begin, WEEK), (0, end - WEEK)]


def on_floor_share(template: ShiftTemplate) -> float:
    """The share of time off lunch that is not a paid break."""
    lunch = template.lunch.minutes if template.lunch else 0
    worked = template.hours * 60 - lunch
    return max(0.0, 1.0 - template.breaks_minutes / worked) if worked > 0 else 0.0


def night_minutes(rules: ShiftRules, begin: int, length: int) -> int:
    """Minutes of ``[begin, begin + length)`` (from a day's midnight) in the night window."""
    lo, hi = minutes(rules.night_start), minutes(rules.night_end)
    windows = [(lo, hi)] if lo < hi else [(lo, DAY), (0, hi)]
    total = 0
    for day in (0, DAY):
        for a, b in windows:
            total += max(0, min(begin + length, b + day) - max(begin, a + day))
    return total
