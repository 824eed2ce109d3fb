"""One working day's open time for training: the day's hours less lunch and blocked windows,
and the training minutes the daily cap leaves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cs_team.model.onboarding import WEEKDAYS, OnboardingTemplate, Window, minutes_of


def _windows_on(template: OnboardingTemplate, day: dt.date) -> list[Window]:
    """Lunch and blocked windows on ``day``. A worked weekend day (调休) follows the rules every
    ordinary weekday shares, plus any window that names that weekend day."""
    weekday = WEEKDAYS[day.weekday()]
    windows = [*template.blocked, *([template.lunch] if template.lunch else [])]
    if day.weekday() < 5:
        return [w for w in windows if weekday in w.days]
    return [w for w in windows if weekday in w.days or set(WEEKDAYS[:5]) <= set(w.days)]


class DayBook:
    """The free intervals and the training minutes left on one working day."""

    def __init__(self, template: OnboardingTemplate, day: dt.date) -> None:
        self.day = day
        self.free = [(minutes_of(template.day_start), minutes_of(template.day_end))]
        for window in _windows_on(template, day):
            self._cut(minutes_of(window.start), minutes_of(window.end))
        self.left = round(template.max_training_hours_per_day * 60)
        self.capacity = min(self.left, sum(b - a for a, b in self.free))

    def _cut(self, start: int, end: int) -> None:
        self.free = [piece for a, b in self.free
                     for piece in ((a, min(b, start)), (max(a, end), b)) if piece[1] > piece[0]]

    def take(self, start: int, end: int) -> None:
        self._cut(start, end)
        self.left -= end - start

    def unblocked(self, blocked: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
        """The free intervals less ``blocked`` ones (a trainer, room or mentor taken elsewhere)."""
        free = self.free
        for start, end in blocked:
            free = [piece for a, b in free
                    for piece in ((a, min(b, start)), (max(a, end), b)) if piece[1] > piece[0]]
        return free

    def first_slot(self, minutes: int, after: int = 0,
                   blocked: Sequence[tuple[int, int]] = ()) -> int | None:
        """Earliest start of ``minutes`` uninterrupted at or after ``after``."""
        if minutes > self.left:
            return None
        for a, b in self.unblocked(blocked):
            a = max(a, after)
            if b - a >= minutes:
                return a
        return None

    def last_slot(self, minutes: int, blocked: Sequence[tuple[int, int]] = ()) -> int | None:
        """Latest start of ``minutes`` uninterrupted: for reviews that close a day."""
        if minutes > self.left:
            return None
        for a, b in reversed(self.unblocked(blocked)):
            if b - a >= minutes:
                return b - minutes
        return None
