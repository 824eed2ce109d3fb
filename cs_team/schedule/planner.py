"""Lay an onboarding template's modules onto a new hire's real working days.

The plan is single-track (a new hire is in one session at a time) and stage by stage: a stage
starts on the working day after the previous one ends. Within a stage:

1. Fixed points are reserved first, at the end of their day: the weekly mentor one-to-one and
   the stage's checkpoint review on its last day.
2. Micro-lessons run as a daily opener, one lesson a day (with its quiz when the template asks),
   never split.
3. The other modules follow in the template's order (prerequisites inside the stage first), each
   followed by its assessment. A module is split across open time and days, never into pieces
   shorter than ``MIN_PART`` minutes.
4. Retake slots for the stage's assessments come last, from the day after the assessment.

Everything counts against the daily training cap. At the standard pace a stage has exactly the
template's days, and work that does not fit is reported as a shortfall; at another pace its
days scale with the module hours and grow until the work fits.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace

from cs_team.errors import InputError
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import WEEKDAYS, OnboardingTemplate, Stage, minutes_of
from cs_team.schedule.calendar import DayInfo, WorkDays
from cs_team.schedule.daybook import DayBook

PACES = ("fast", "standard", "extended")
MIN_PART = 30
"""A module part shorter than this is not worth starting; gaps shorter stay free."""
MAX_EXTRA_DAYS = 60
MENTOR_FORMATS = frozenset({"shadowing", "mentoring"})
SELF_STUDY_FORMATS = frozenset({"e-learning", "micro-lesson"})


@dataclass(frozen=True)
class Session:
    day: dt.date
    start: int
    """Minutes after midnight, local time."""
    end: int
    kind: str
    """module, micro-lesson, quiz, assessment, retake, one-to-one, review or go-live."""
    stage: str | None
    key: str
    """Stable identity within a plan (module/part, review/stage ...): the base of calendar UIDs."""
    module: str | None = None
    part: int = 1
    parts: int = 1

    @property
    def minutes(self) -> int:
        return self.end - self.start


LED_BY = {"quiz": "self", "one-to-one": "mentor", "review": "panel", "go-live": "supervisor",
          "micro-lesson": "self"}


def led_by(session: Session, module: Module | None) -> str:
    """Who runs a session: trainer, mentor, self (study alone), panel (mentor and supervisor) or
    supervisor; a module's own sessions by its format."""
    if session.kind == "module" and module is not None:
        if module.format in MENTOR_FORMATS:
            return "mentor"
        return "self" if module.format in SELF_STUDY_FORMATS else "trainer"
    return LED_BY.get(session.kind, "trainer")


@dataclass(frozen=True)
class StagePlan:
    stage: Stage
    days: tuple[dt.date, ...]
    planned_days: int
    """The days the template gives the stage at this pace (the plan may need more)."""


@dataclass(frozen=True)
class Shortfall:
    stage_index: int
    stage: Stage
    days: int
    extra_days: int | None
    """Working days to add for the stage to fit; None when even many more would not do."""
    needed: int
    available: int
    """Minutes of work, and minutes the stage's days hold after windows and the daily cap."""


@dataclass
class OnboardingPlan:
    template: OnboardingTemplate
    modules: dict[str, Module]
    start: dt.date
    first_day: dt.date
    pace: str
    factor: float
    stages: list[StagePlan]
    sessions: list[Session]
    go_live: dt.date
    calendar_days: list[DayInfo]
    """Days between the first day and go-live that are off on a weekday or worked on a weekend."""
    shortfalls: list[Shortfall] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def module_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions if s.kind in ("module", "micro-lesson"))


class PlanError(InputError):
    pass


def pace_factor(template: OnboardingTemplate, pace: str) -> float:
    if pace not in PACES:
        raise PlanError(f"--pace {pace!r}: use one of {', '.join(PACES)}")
    return 1.0 if pace == "standard" else getattr(template.pace, pace)


def paced_minutes(module: Module, factor: float) -> int:
    """Minutes a learner at this pace spends on ``module``: the hours scaled, to 5 minutes."""
    minutes = module.hours * 60
    if factor == 1:
        return max(1, round(minutes))
    return max(5, round(minutes * factor / 5) * 5)


def lesson_sizes(total: int, longest: int) -> list[int]:
    """``total`` minutes as the fewest lessons of at most ``longest``, as even as possible."""
    count = max(1, math.ceil(total / longest))
    base, extra = divmod(total, count)
    return [base + 1 if i < extra else base for i in range(count)]


# -- the stage scheduler ------------------------------------------------------------------

@dataclass
class _Cursor:
    index: int = 0
    minute: int = 0


class _StageFailed(Exception):
    pass


class _Stage:
    """One attempt at fitting a stage's work into a given list of days."""

    def __init__(self, planner: _Planner, stage: Stage, days: list[dt.date]) -> None:
        self.planner, self.stage, self.days = planner, stage, days
        self.books = [DayBook(planner.template, d) for d in days]
        self.sessions: list[Session] = []

    def add(self, index: int, start: int, minutes: int, kind: str, key: str, module: str | None = None,
            part: int = 1, parts: int = 1) -> Session:
        self.books[index].take(start, start + minutes)
        session = Session(self.days[index], start, start + minutes, kind, self.stage.id, key, module,
                          part, parts)
        self.sessions.append(session)
        return session

    def reserve_at_end(self, index: int, minutes: int, kind: str, key: str) -> None:
        start = self.books[index].last_slot(minutes)
        if start is None:
            raise _StageFailed
        self.add(index, start, minutes, kind, key)

    def atomic(self, cursor: _Cursor, minutes: int) -> tuple[int, int]:
        """First (day, start) from ``cursor`` with ``minutes`` uninterrupted and under the cap."""
        for index in range(cursor.index, len(self.books)):
            start = self.books[index].first_slot(minutes, cursor.minute if index == cursor.index else 0)
            if start is not None:
                return index, start
        raise _StageFailed

    def module(self, cursor: _Cursor, module: Module, minutes: int) -> _Cursor:
        """Split ``minutes`` of ``module`` over free time from ``cursor``; the cursor after it."""
        first = len(self.sessions)
        remaining, index, after = minutes, cursor.index, cursor.minute
        while remaining > 0:
            if index >= len(self.books):
                raise _StageFailed
            book = self.books[index]
            for a, b in book.free:
                a = max(a, after)
                room = min(b - a, book.left)
                chunk = remaining if room >= remaining else self._part(room, remaining)
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
        return _Cursor(index, after)

    @staticmethod
    def _part(room: int, remaining: int) -> int | None:
        """How much of a module to put in ``room`` minutes when it will not all fit: never a
        part under MIN_PART, and never leave a remainder under MIN_PART for later."""
        if room < MIN_PART:
            return None
        if remaining - room < MIN_PART:
            room = remaining - MIN_PART
        return room if room >= MIN_PART else None

    def micro_lessons(self, module: Module, minutes: int, from_index: int, after: int) -> None:
        template = self.planner.template
        sizes = lesson_sizes(minutes, template.micro_lesson_minutes)
        quiz = template.quiz_minutes if template.quiz_after_micro_lessons else 0
        index = from_index
        for n, size in enumerate(sizes, 1):
            while True:
                if index >= len(self.books):
                    raise _StageFailed
                start = self.books[index].first_slot(size + quiz, after if index == from_index else 0)
                if start is not None:
                    break
                index += 1
            self.add(index, start, size, "micro-lesson", f"{module.id}/{n}", module.id, n, len(sizes))
            if quiz:
                self.add(index, start + size, quiz, "quiz", f"{module.id}/{n}/quiz", module.id, n,
                         len(sizes))
            index += 1  # one lesson a day

    def run(self, order: list[Module], one_to_ones: dict[dt.date, int]) -> None:
        planner, template = self.planner, self.planner.template
        for index, day in enumerate(self.days):
            if day in one_to_ones:
                self.reserve_at_end(index, template.one_to_one.minutes, "one-to-one",
                                    f"one-to-one/{one_to_ones[day]}")
        if self.stage.checkpoint is not None:
            self.reserve_at_end(len(self.days) - 1, template.review_minutes, "review",
                                f"review/{self.stage.id}")
        inside = {m.id for m in order}
        done: dict[str, _Cursor] = {}
        for module in order:
            if module.format == "micro-lesson" and not set(module.prerequisites) & inside:
                self.micro_lessons(module, planner.minutes(module), 0, 0)
                done[module.id] = _Cursor()
        cursor = _Cursor()
        assessments: list[tuple[Module, Session]] = []
        for module in order:
            if module.id in done:
                continue
            if module.format == "micro-lesson":
                self.micro_lessons(module, planner.minutes(module), cursor.index, cursor.minute)
                continue
            cursor = self.module(cursor, module, planner.minutes(module))
            if module.assessment is not None:
                index, start = self.atomic(cursor, module.assessment.minutes)
                session = self.add(index, start, module.assessment.minutes, "assessment",
                                   f"{module.id}/assessment", module.id)
                assessments.append((module, session))
                cursor = _Cursor(index, start + module.assessment.minutes)
        for module, session in assessments:
            previous = session
            for r in range(1, module.assessment.retakes + 1):
                index, start = self.atomic(self._day_after(previous), module.assessment.minutes)
                previous = self.add(index, start, module.assessment.minutes, "retake",
                                    f"{module.id}/retake-{r}", module.id, r, module.assessment.retakes)

    def _day_after(self, session: Session) -> _Cursor:
        """Where a retake may go: from the next day (time to revise), or later the same day when
        the stage has no next day."""
        index = self.days.index(session.day) + 1
        return _Cursor(index, 0) if index < len(self.days) else _Cursor(index - 1, session.end)

    def needed(self, order: list[Module], one_to_ones: int) -> int:
        template, planner = self.planner.template, self.planner
        total = sum(planner.minutes(m) for m in order)
        for m in order:
            if m.format == "micro-lesson" and template.quiz_after_micro_lessons:
                total += template.quiz_minutes * len(lesson_sizes(planner.minutes(m),
                                                                   template.micro_lesson_minutes))
            if m.assessment is not None:
                total += m.assessment.minutes * (1 + m.assessment.retakes)
        if self.stage.checkpoint is not None:
            total += template.review_minutes
        if template.one_to_one is not None:
            total += template.one_to_one.minutes * one_to_ones
        return total


class _Planner:
    def __init__(self, template: OnboardingTemplate, modules: dict[str, Module], calendar: WorkDays,
                 factor: float, strict_references: bool) -> None:
        self.template, self.modules, self.calendar, self.factor = template, modules, calendar, factor
        self.strict = strict_references

    def minutes(self, module: Module) -> int:
        return paced_minutes(module, self.factor)

    def order(self, stage_index: int) -> list[Module]:
        """The stage's modules in template order, prerequisites inside the stage first."""
        stage = self.template.stages[stage_index]
        later = {m: s.id for s in self.template.stages[stage_index + 1:] for m in s.modules}
        present = []
        for module_id in stage.modules:
            module = self.modules.get(module_id)
            if module is None:
                if self.strict:
                    raise PlanError(f"onboarding template '{self.template.id}', stage '{stage.id}': no "
                                    f"module '{module_id}' in its curriculum (`cs-team lint` says more)")
                continue
            for needed in module.prerequisites:
                if needed in later and self.strict:
                    raise PlanError(
                        f"onboarding template '{self.template.id}': module '{module_id}' in stage "
                        f"'{stage.id}' needs '{needed}', which comes later, in stage '{later[needed]}'; "
                        "move one of them (lint rule CS213)")
            if module not in present:
                present.append(module)
        ids = [m.id for m in present]
        ordered: list[Module] = []
        placed: set[str] = set()
        while len(ordered) < len(present):
            for module in present:
                waiting = [p for p in module.prerequisites if p in ids and p not in placed]
                if module.id not in placed and not waiting:
                    ordered.append(module)
                    placed.add(module.id)
                    break
            else:  # a cycle (lint CS206): keep the template's order for the rest
                ordered += [m for m in present if m.id not in placed]
                break
        return ordered

    def one_to_ones(self, first_day: dt.date, days: list[dt.date]) -> dict[dt.date, int]:
        """The one-to-one day of each ISO week among ``days``: the template's weekday, else the
        nearest earlier working day of that week in the plan, else the nearest later one."""
        setting = self.template.one_to_one
        if setting is None:
            return {}
        wanted = WEEKDAYS.index(setting.weekday)
        by_week: dict[tuple[int, int], list[dt.date]] = {}
        for day in days:
            by_week.setdefault(day.isocalendar()[:2], []).append(day)
        first_week = first_day - dt.timedelta(days=first_day.weekday())
        chosen: dict[dt.date, int] = {}
        for week_days in by_week.values():
            monday = week_days[0] - dt.timedelta(days=week_days[0].weekday())
            number = (monday - first_week).days // 7
            if number % setting.every_weeks:
                continue
            earlier = [d for d in week_days if d.weekday() <= wanted]
            day = earlier[-1] if earlier else week_days[0]
            chosen[day] = number // setting.every_weeks + 1
        return chosen


def plan_onboarding(template: OnboardingTemplate, modules: dict[str, Module], start: dt.date,
                    pace: str = "standard", calendar: WorkDays | None = None,
                    check: bool = False) -> OnboardingPlan:
    """The dated plan of ``template`` for a hire starting on ``start`` (the next working day if
    that is off).

    A stage whose work does not fit its days runs long, by as many working days as it needs:
    on real dates a holiday week can bring a second Monday, with its blocked morning, into a
    stage that fits plain weeks. ``check`` is how lint judges a template: missing modules are
    skipped instead of refused, and at the standard pace each stage that runs long is a
    ``Shortfall``."""
    calendar = calendar or WorkDays()
    factor = pace_factor(template, pace)
    planner = _Planner(template, modules, calendar, factor, strict_references=not check)
    first_day = calendar.next_working(start)
    orders = [planner.order(i) for i in range(len(template.stages))]

    # The plan's working days are needed up front for the weekly one-to-ones; compute stage by
    # stage, re-deriving the week choice over all days laid so far plus the stage's own.
    stages: list[StagePlan] = []
    sessions: list[Session] = []
    shortfalls: list[Shortfall] = []
    notices: list[str] = []
    day = first_day
    laid: list[dt.date] = []
    for index, stage in enumerate(template.stages):
        planned = stage.days if pace == "standard" else max(1, math.ceil(stage.days * factor - 1e-9))
        count, attempt = planned, None
        first_failure: tuple[_Stage, int] | None = None
        while count <= planned + MAX_EXTRA_DAYS:
            days = calendar.working_days(day, count)
            one_to_ones = {d: n for d, n in planner.one_to_ones(first_day, laid + days).items() if d in days}
            attempt = _Stage(planner, stage, days)
            try:
                attempt.run(orders[index], one_to_ones)
                break
            except _StageFailed:
                if first_failure is None:
                    first_failure = (attempt, len(one_to_ones))
                attempt = None
                count += 1
        if first_failure is not None and check and pace == "standard":
            failed, meetings = first_failure
            shortfalls.append(Shortfall(
                index, stage, planned, count - planned if attempt else None,
                failed.needed(orders[index], meetings),
                sum(DayBook(template, d).capacity for d in failed.days)))
        if attempt is None:
            if not check:
                raise PlanError(f"onboarding template '{template.id}': stage '{stage.id}' cannot be "
                                f"scheduled even in {MAX_EXTRA_DAYS} more working days; `cs-team lint` "
                                "says why (CS207)")
            attempt = first_failure[0]  # lint goes on to judge the later stages
        elif len(attempt.days) > planned and not check:
            notices.append(f"stage '{stage.id}' takes {len(attempt.days)} working days instead of "
                           f"{planned}: on these dates its days hold less training time than plain "
                           "weeks (a holiday, a second Monday or a worked weekend day)")
        stages.append(StagePlan(stage, tuple(attempt.days), planned))
        sessions += attempt.sessions
        laid += attempt.days
        day = attempt.days[-1] + dt.timedelta(days=1)

    go_live = calendar.next_working(day)
    book = DayBook(template, go_live)
    go_start = book.first_slot(template.review_minutes)
    if go_start is None:
        go_start = minutes_of(template.day_start)
    sessions.append(Session(go_live, go_start, go_start + template.review_minutes, "go-live", None,
                            "go-live"))
    sessions.sort(key=lambda s: (s.day, s.start))
    unusual = []
    cursor = min(start, first_day)  # a start on a day off says why the plan begins later
    while cursor <= go_live:
        info = calendar.info(cursor)
        if info.working != (cursor.weekday() < 5):
            unusual.append(info)
        cursor += dt.timedelta(days=1)
    return OnboardingPlan(template, modules, start, first_day, pace, factor, stages, sessions, go_live,
                          unusual, shortfalls, calendar.notices() + notices)
