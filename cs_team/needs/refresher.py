"""Refresher sessions for the modules that train the gaps, dated on real working days (the work
calendars and official holidays: ``schedule.calendar.WorkDays``) in the training hours an
onboarding template leaves free (its lunch and blocked peak windows excluded, its daily cap kept:
``schedule.daybook.DayBook``). One session series per module, attended by every agent who needs
it; the modules most agents need come first."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.calendar import WorkDays
from cs_team.schedule.daybook import DayBook

SHORTEST = 30
"""Minutes: a free stretch shorter than this is not worth a session."""


@dataclass
class Session:
    module: Module
    day: dt.date
    start: int
    end: int
    """Minutes from midnight."""
    agents: list[str]

    @property
    def hours(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}-{self.end // 60:02d}:{self.end % 60:02d}"


def refresher_minutes(module: Module, share: float) -> int:
    """``share`` percent of the module's hours, rounded up to half an hour."""
    return max(SHORTEST, math.ceil(module.hours * 60 * share / 100 / SHORTEST) * SHORTEST)


def plan(needs: list[tuple[Module, list[str]]], template: OnboardingTemplate, days: WorkDays, start: dt.date,
         share: float) -> list[Session]:
    """Sessions for each (module, agents), one module after another from ``start``."""
    books: dict[dt.date, DayBook] = {}
    sessions: list[Session] = []
    day, after = days.next_working(start), 0
    for module, agents in sorted(needs, key=lambda n: (-len(n[1]), n[0].id)):
        left = refresher_minutes(module, share)
        while left > 0:
            book = books.setdefault(day, DayBook(template, day))
            piece = next(((max(a, after), b) for a, b in book.free
                          if b - max(a, after) >= min(SHORTEST, left)), None)
            if piece is None or book.left < min(SHORTEST, left):
                day, after = days.next_working(day + dt.timedelta(days=1)), 0
                continue
            length = min(left, piece[1] - piece[0], book.left)
            book.take(piece[0], piece[0] + length)
            sessions.append(Session(module, day, piece[0], piece[0] + length, sorted(agents)))
            left -= length
            after = piece[0] + length
    return sessions
