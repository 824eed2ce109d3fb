"""Lay an onboarding template's modules onto a new hire's real working days.

The plan is single-track (a new hire is in one session at a time) and stage by stage: a stage
starts on the working day after the previous one ends, and ``StageLayout`` fits its work into
its days. A stage whose work does not fit runs long, by as many working days as it needs: on
real dates a holiday week can bring a second Monday, with its blocked morning, into a stage
that fits plain weeks.

Two entry points: ``plan_onboarding`` lays a hire's plan (and refuses a template it cannot
use); ``template_shortfalls`` is how lint judges a template: missing modules are skipped, and at
the standard pace each stage that runs long is a ``StageShortfall``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate, Stage, minutes_of
from cs_team.schedule.calendar import WorkDays, official_years
from cs_team.schedule.daybook import DayBook
from cs_team.schedule.notices import Notice, stage_longer, start_moved, unpublished_holidays
from cs_team.schedule.order import one_to_one_days, stage_order
from cs_team.schedule.pacing import PlanError, pace_factor, stage_days
from cs_team.schedule.plan import OnboardingPlan, StageDays, StageShortfall
from cs_team.schedule.sessions import Session
from cs_team.schedule.stage import Busy, StageFailed, StageLayout
from cs_team.schedule.stage_work import lay, needed
from cs_team.wording import phrase

MAX_EXTRA_DAYS = 60
MAX_WAIT_DAYS = 130
"""How long a cohort's stage may wait for a trainer, a room or a mentor: half a year of working days."""


@dataclass
class _Laid:
    stage: StageDays
    layout: StageLayout
    fitted: bool
    shortfall: StageShortfall | None
    retake_days: bool
    """The stage grew only to give its last retakes a day of revision."""


def _lay_stages(template: OnboardingTemplate, modules: dict[str, Module], first_day: dt.date,
                pace: str, calendar: WorkDays, strict: bool, busy: Busy | None = None,
                slots: int = 1) -> list[_Laid]:
    """Each stage on the working days after the one before, grown until its work fits."""
    factor = pace_factor(template, pace)
    laid: list[_Laid] = []
    day, carried = first_day, ()
    for index, stage in enumerate(template.stages):
        last = index == len(template.stages) - 1
        order = stage_order(template, modules, index, strict)
        planned = stage_days(stage.days, pace, factor)
        count, fitted, first_failure, retake_days, fits_at = planned, None, None, False, None

        attempt_at = partial(_attempt, template, factor, stage, day, calendar, first_day, last, busy, slots,
                             order, carried)
        if busy is not None:
            fitted = _waited(attempt_at, planned)
            if fitted is None:
                raise PlanError(phrase("onboarding.waits_too_long", template=template.id, stage=stage.id,
                                       days=MAX_WAIT_DAYS))
        while busy is None and count <= planned + MAX_EXTRA_DAYS:
            attempt, meetings, fits = attempt_at(count)
            if fits is False:
                if first_failure is None:
                    first_failure = (attempt, meetings)
                count += 1
                continue
            fits_at = fits_at or count
            if fits is None:
                # no stage follows to hold the last retakes: the stage takes a day more for them,
                # which is the plan's reading of the template, not a template that does not fit
                retake_days = True
                count += 1
                continue
            fitted = attempt
            break
        shortfall = None
        if first_failure is not None:
            failed, meetings = first_failure
            shortfall = StageShortfall(index, stage, planned, fits_at - planned if fits_at else None,
                                       needed(failed, order, meetings),
                                       sum(DayBook(template, d).capacity for d in failed.days))
        # a stage that never fits: lint goes on to judge the later ones
        layout = fitted or (first_failure[0] if first_failure else attempt)
        laid.append(_Laid(StageDays(stage, tuple(layout.days), planned), layout, fitted is not None,
                          shortfall, retake_days and shortfall is None))
        day, carried = layout.days[-1] + dt.timedelta(days=1), tuple(layout.carry)
    return laid


def _attempt(template: OnboardingTemplate, factor: float, stage: Stage, day: dt.date, calendar: WorkDays,
             first_day: dt.date, last: bool, busy: Busy | None, slots: int, order: list[Module],
             carried: tuple, count: int) -> tuple[StageLayout, int, bool | None]:
    """The stage laid on ``count`` working days from ``day``: True when it fits, None when only
    its last retakes do not (no stage follows), False when its work does not."""
    days = calendar.working_days(day, count)
    meetings = one_to_one_days(template, calendar.is_working, first_day, days, last)
    attempt = StageLayout(template, factor, stage, days, busy, slots)
    try:
        lay(attempt, order, meetings, carried)
    except StageFailed:
        return attempt, len(meetings), False
    return attempt, len(meetings), None if last and attempt.carry else True


def _waited(attempt_at: Callable, planned: int) -> StageLayout | None:
    """A cohort's stage that waits for others' resources: the fewest days that hold it, found by
    doubling the wait and then halving back (weeks of waiting, laid a few times, not daily)."""
    low, high = planned - 1, planned
    found = None
    while high <= planned + MAX_WAIT_DAYS:
        attempt, _, fits = attempt_at(high)
        if fits:
            found = attempt
            break
        low, high = high, planned + 2 * (high - planned) + 1
    if found is None:
        return None
    while high - low > 1:
        middle = (low + high) // 2
        attempt, _, fits = attempt_at(middle)
        if fits:
            found, high = attempt, middle
        else:
            low = middle
    return found


def template_shortfalls(template: OnboardingTemplate, modules: dict[str, Module], start: dt.date,
                        calendar: WorkDays) -> list[StageShortfall]:
    """The stages that do not fit their days at the standard pace from ``start`` (lint's view:
    modules missing from the curriculum are skipped, not refused)."""
    first_day = calendar.next_working(start)
    laid = _lay_stages(template, modules, first_day, "standard", calendar, strict=False)
    return [x.shortfall for x in laid if x.shortfall is not None]


def plan_onboarding(template: OnboardingTemplate, modules: dict[str, Module], start: dt.date,
                    pace: str = "standard", calendar: WorkDays | None = None, *,
                    first_day: dt.date | None = None, busy: Busy | None = None,
                    meetings: int = 1) -> OnboardingPlan:
    """The dated plan of ``template`` for a hire starting on ``start`` (the next working day if
    that is off); PlanError when a stage cannot be laid at all. A cohort's group passes its own
    ``first_day``, what others have ``busy``, and how many one-to-ones a mentor holds in a row."""
    calendar = calendar or WorkDays()
    factor = pace_factor(template, pace)
    first_day = first_day or calendar.next_working(start)
    laid = _lay_stages(template, modules, first_day, pace, calendar, True, busy, meetings)
    sessions: list[Session] = []
    notices: list[Notice] = []
    if not calendar.is_working(start):
        notices.append(start_moved(start, calendar.next_working(start), calendar.info(start).reason))
    for x in laid:
        if not x.fitted:
            raise PlanError(phrase("onboarding.cannot_schedule", template=template.id, stage=x.stage.stage.id,
                                   days=MAX_EXTRA_DAYS))
        if len(x.stage.days) > x.stage.planned_days:
            notices.append(stage_longer(x.stage.stage.title, len(x.stage.days), x.stage.planned_days,
                                        x.retake_days))
        sessions += x.layout.sessions

    go_live = calendar.next_working(laid[-1].stage.days[-1] + dt.timedelta(days=1))
    go_start = DayBook(template, go_live).first_slot(template.review_minutes)
    if go_start is None:
        go_start = minutes_of(template.day_start)
    sessions.append(Session(go_live, go_start, go_start + template.review_minutes, "go-live", None,
                            "go-live"))
    sessions.sort(key=lambda s: (s.day, s.start))
    unusual, unpublished = [], set()
    cursor = min(start, first_day)  # a start on a day off says why the plan begins later
    while cursor <= go_live:
        info = calendar.info(cursor)
        if info.working != (cursor.weekday() < 5):
            unusual.append(info)
        if not info.official:
            unpublished.add(cursor.year)
        cursor += dt.timedelta(days=1)
    if unpublished:
        notices.insert(0, unpublished_holidays(sorted(unpublished), official_years()))
    return OnboardingPlan(template, modules, start, first_day, pace, factor, [x.stage for x in laid],
                          sessions, go_live, unusual, notices)
