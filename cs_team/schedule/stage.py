"""Placing sessions on one stage's working days: a fixed point at the end of its day, an
assessment where it fits whole, a module split over open time and days (never into pieces
shorter than ``MIN_PART`` minutes), a micro-lesson a day; everything against the daily training
cap and out of what others hold (a cohort). In what order the stage's work is placed is
``stage_work``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate, Stage
from cs_team.schedule.daybook import DayBook
from cs_team.schedule.pacing import QUARTER, lesson_sizes, paced_minutes
from cs_team.schedule.sessions import Session

Busy = Callable[[dt.date, str, Module | None], list[tuple[int, int]]]
"""What others have taken on a day of what a session of this kind (and module) needs."""

MIN_PART = 30
"""A module part shorter than this is not worth starting; gaps shorter stay free."""


@dataclass
class Cursor:
    index: int = 0
    minute: int = 0


@dataclass(frozen=True)
class Retake:
    """The retake slots still to lay for an assessment: from the ``number``-th, after ``previous``."""

    module: Module
    previous: Session
    number: int


class StageFailed(Exception):
    """The work does not fit the days given: the caller tries one more day."""


class StageLayout:
    """One attempt at fitting a stage's work into a given list of days."""

    def __init__(self, template: OnboardingTemplate, factor: float, stage: Stage,
                 days: list[dt.date], busy: Busy | None = None, meetings: int = 1) -> None:
        self.template, self.factor, self.stage, self.days = template, factor, stage, days
        self.busy, self.meetings = busy, meetings
        """When others share the trainer, rooms and mentors: their taken times; and how many
        one-to-ones one mentor holds back to back (a cohort's hires sharing a mentor)."""
        self.books = [DayBook(template, d) for d in days]
        self.sessions: list[Session] = []
        self.carry: list[Retake] = []
        """Retakes this stage has no later day for: the next stage takes them."""

    def minutes(self, module: Module) -> int:
        return paced_minutes(module, self.factor)

    def add(self, index: int, start: int, minutes: int, kind: str, key: str, module: str | None = None,
            part: int = 1, parts: int = 1) -> Session:
        self.books[index].take(start, start + minutes)
        session = Session(self.days[index], start, start + minutes, kind, self.stage.id, key, module,
                          part, parts)
        self.sessions.append(session)
        return session

    def blocked(self, index: int, kind: str, module: Module | None) -> list[tuple[int, int]]:
        return [] if self.busy is None else self.busy(self.days[index], kind, module)

    def reserve_at_end(self, index: int, minutes: int, kind: str, key: str) -> None:
        start = self.books[index].last_slot(minutes, self.blocked(index, kind, None))
        if start is None:
            raise StageFailed
        self.add(index, start, minutes, kind, key)

    def one_to_one(self, index: int, minutes: int, key: str) -> None:
        """The week's one-to-one at the end of its day; when others hold the mentor then (a
        cohort), the nearest earlier day of the stage in that week, else the nearest later."""
        week = self.days[index].isocalendar()[:2]
        same_week = [i for i, day in enumerate(self.days) if day.isocalendar()[:2] == week]
        order = [i for i in reversed(same_week) if i <= index] + [i for i in same_week if i > index]
        for candidate in order if self.busy is not None else [index]:
            start = self.books[candidate].last_slot(minutes, self.blocked(candidate, "one-to-one", None))
            if start is not None:
                self.add(candidate, start, minutes, "one-to-one", key)
                return
        raise StageFailed

    def atomic(self, cursor: Cursor, minutes: int, kind: str = "assessment",
               module: Module | None = None) -> tuple[int, int]:
        """First (day, start) from ``cursor`` with ``minutes`` uninterrupted and under the cap."""
        for index in range(cursor.index, len(self.books)):
            start = self.books[index].first_slot(minutes, cursor.minute if index == cursor.index else 0,
                                                 self.blocked(index, kind, module))
            if start is not None:
                return index, start
        raise StageFailed

    def module(self, cursor: Cursor, module: Module, minutes: int) -> Cursor:
        """Split ``minutes`` of ``module`` over free time from ``cursor``; the cursor after it."""
        first = len(self.sessions)
        remaining, index, after = minutes, cursor.index, cursor.minute
        while remaining > 0:
            if index >= len(self.books):
                raise StageFailed
            book = self.books[index]
            for a, b in book.unblocked(self.blocked(index, "module", module)):
                a = max(a, after)
                room = min(b - a, book.left)
                chunk = remaining if room >= remaining else self._part(room, remaining, self.step)
                if chunk is not None:
                    part = len(self.sessions) - first + 1
                    self.add(index, a, chunk, "module", f"{module.id}/{part}", module.id, part)
                    remaining -= chunk
                    after = a + chunk
                    break
            else:
                index, after = index + 1, 0
        parts = len(self.sessions) - first
        self.sessions[first:] = [replace(s, parts=parts) for s in self.sessions[first:]]
        return Cursor(index, after)

    @property
    def step(self) -> int:
        """What a split part is a multiple of: a quarter hour at a fast or extended pace, whose
        modules last whole quarters; a minute at the standard pace, which lint's capacity check
        (CS207) plans at, so a template that fits keeps fitting."""
        return 1 if self.factor == 1 else QUARTER

    @staticmethod
    def _part(room: int, remaining: int, step: int = 1) -> int | None:
        """How much of a module to put in ``room`` minutes when it will not all fit: whole
        ``step`` minutes, never a part under MIN_PART, never a remainder under MIN_PART for later."""
        part = min(room, remaining - MIN_PART) // step * step
        return part if part >= MIN_PART else None

    def micro_lessons(self, module: Module, minutes: int, from_index: int, after: int) -> None:
        template = self.template
        sizes = lesson_sizes(minutes, template.micro_lesson_minutes)
        quiz = template.quiz_minutes if template.quiz_after_micro_lessons else 0
        index = from_index
        for n, size in enumerate(sizes, 1):
            while True:
                if index >= len(self.books):
                    raise StageFailed
                start = self.books[index].first_slot(size + quiz, after if index == from_index else 0)
                if start is not None:
                    break
                index += 1
            self.add(index, start, size, "micro-lesson", f"{module.id}/{n}", module.id, n, len(sizes))
            if quiz:
                self.add(index, start + size, quiz, "quiz", f"{module.id}/{n}/quiz", module.id, n,
                         len(sizes))
            index += 1  # one lesson a day
