"""Time passing from the as-of day: who is still there, who has moved up, what a class gives.

Everything here is a pure function of dates. Attrition is a monthly rate (a month is 365.25 / 12
days); a hire leaves at the higher new-hire rate for the first 90 days from the class's first day,
then at the tenured rate. A class trains, nests, goes live and gives ``ramp_percent`` of an agent
week by week; before go-live it answers nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cs_team.model.hiring import HiringInputs, SourcingChannel

MONTH_DAYS = 365.25 / 12
NEW_HIRE_DAYS = 90
QUARTER_MONTHS = (1, 4, 7, 10)
GRADUATION_MONTH = 7  # graduates arrive in July (秋招 offers the autumn before)


def kept(rate_percent: float, days: float) -> float:
    """Share still there after ``days`` at a monthly attrition of ``rate_percent``."""
    return (1 - rate_percent / 100) ** (max(days, 0.0) / MONTH_DAYS)


def early_rate(inputs: HiringInputs) -> float | None:
    """Monthly attrition in a hire's first 90 days: as given, or the monthly rate that loses the
    given 90-day share (30 % in 90 days is 11.2 % a month), or None for the tenured rate."""
    share = inputs.new_hire_90_day_attrition_percent
    if share is None:
        return inputs.new_hire_attrition_percent_per_month
    return 100 * (1 - (1 - share / 100) ** (MONTH_DAYS / NEW_HIRE_DAYS))


def hire_kept(inputs: HiringInputs, days: float) -> float:
    """Share of a class still there ``days`` after its first day."""
    early = early_rate(inputs)
    if early is None:
        return kept(inputs.attrition_percent_per_month, days)
    first = min(max(days, 0.0), NEW_HIRE_DAYS)
    return kept(early, first) * kept(inputs.attrition_percent_per_month, days - first)


def quarter_starts(after: dt.date, until: dt.date) -> list[dt.date]:
    """First days of calendar quarters in (after, until]: when internal moves happen."""
    days, year = [], after.year
    while dt.date(year, 1, 1) <= until:
        days += [d for m in QUARTER_MONTHS if after < (d := dt.date(year, m, 1)) <= until]
        year += 1
    return days


def tenured(inputs: HiringInputs, as_of: dt.date, dates: list[dt.date]) -> dict[str, list[float]]:
    """Today's roster on each of ``dates`` (sorted): attrition from as-of, moves at quarter starts."""
    stock = {entry.role: float(entry.headcount) for entry in inputs.roster}
    for move in inputs.moves:
        stock.setdefault(move.to_role, 0.0)
        stock.setdefault(move.from_role, 0.0)
    rate = inputs.attrition_percent_per_month
    shown: dict[str, list[float]] = {role: [] for role in stock}
    clock = as_of
    for day in dates:
        for boundary in quarter_starts(clock, day):
            _age(stock, rate, (boundary - clock).days)
            clock = boundary
            moving = [(m, stock[m.from_role] * m.percent_per_quarter / 100) for m in inputs.moves]
            for move, people in moving:
                stock[move.from_role] -= people
                stock[move.to_role] += people
        if day > clock:
            _age(stock, rate, (day - clock).days)
            clock = day
        for role, people in stock.items():
            shown[role].append(people)
    return shown


def _age(stock: dict[str, float], rate: float, days: int) -> None:
    factor = kept(rate, days)
    for role in stock:
        stock[role] *= factor


@dataclass(frozen=True)
class ClassDates:
    training_starts: dt.date
    training_ends: dt.date
    """Those who fail or drop out of training leave here (培训通过率)."""
    go_live: dt.date
    """After training and nesting: the first day the class answers customers."""
    fully_productive: dt.date


def graduates_from(start: dt.date) -> dt.date:
    """The first day the year's graduates can start: 1 July (they graduate in June)."""
    return dt.date(start.year, GRADUATION_MONTH, 1)


def fitting_sources(inputs: HiringInputs, role: str, start: dt.date,
                    as_of: dt.date) -> list[SourcingChannel]:
    """Sources that can fill a class of ``role`` starting on ``start``: planned (a share above 0, or
    all when none is), filling the role, opened no earlier than as-of, and, for campus hiring, in
    the graduates' season."""
    planned = [s for s in inputs.sourcing if s.share_percent > 0] or inputs.sourcing
    return [s for s in planned if s.fills(role) and start - dt.timedelta(days=s.days_to_fill) >= as_of
            and (not s.campus or start >= graduates_from(start))]


def class_dates(inputs: HiringInputs, start: dt.date, training_weeks: float | None = None) -> ClassDates:
    """A class's dates; ``training_weeks`` its role's (default: the inputs' ``training_weeks``)."""
    weeks = inputs.training_weeks if training_weeks is None else training_weeks
    go_live = start + dt.timedelta(weeks=weeks + inputs.nesting_weeks)
    ramp_weeks = next((i for i, p in enumerate(inputs.ramp_percent) if p >= 100), len(inputs.ramp_percent))
    return ClassDates(start, start + dt.timedelta(weeks=weeks), go_live,
                      go_live + dt.timedelta(weeks=ramp_weeks))


def productivity(inputs: HiringInputs, dates: ClassDates, day: dt.date) -> float:
    """What one hire of the class gives on ``day``, as a share of a tenured agent (0 before go-live)."""
    if day < dates.go_live:
        return 0.0
    week = (day - dates.go_live).days // 7
    ramp = inputs.ramp_percent
    return (ramp[week] if week < len(ramp) else 100.0) / 100


def class_starts(inputs: HiringInputs, earliest: dt.date, until: dt.date) -> list[dt.date]:
    """The days a class may start: the class weekday from ``earliest``, every ``class_every_weeks``."""
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(inputs.class_weekday)
    day = earliest + dt.timedelta(days=(weekday - earliest.weekday()) % 7)
    starts = []
    while day <= until:
        starts.append(day)
        day += dt.timedelta(weeks=inputs.class_every_weeks)
    return starts
