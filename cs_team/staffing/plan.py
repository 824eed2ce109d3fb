"""From a forecast and the hiring inputs to people, classes, overtime, temps and their cost.

1. Agents on the floor per interval and channel (``channels.floor_agents``), summed per week into
   the hours each channel needs (``floor_hours``: the one step a roster replaces). Deferred work
   (email, tickets) counts as its hours of work, done while the floor is staffed.
2. Time passes from ``as_of``: today's roster shrinks by attrition and moves up the ladder each
   quarter (``workforce.tenured``); a class may start on the class weekday every few weeks once a
   requisition can be filled, and gives its ramp after training and nesting.
3. One mixed-integer program (``cover.solve``) spends every role's productive hours across the
   channels it staffs and buys what is missing at least cost: hires, overtime, temps.
4. ``plan_tables`` turns the answer into the pivot, the classes, requisitions and the budget.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from cs_team.collector import collector_paused
from cs_team.model.hiring import HiringInputs
from cs_team.staffing import workforce
from cs_team.staffing.channels import deferred, floor_agents, on_grid, window_intervals, work
from cs_team.staffing.cover import Candidate, Problem, Temp, solve
from cs_team.staffing.forecast import Forecast, ForecastError, evenly
from cs_team.staffing.forecast_checks import check
from cs_team.staffing.plan_model import ChannelStaffing, HiringPlan, Note
from cs_team.staffing.plan_tables import tabulate
from cs_team.wording import phrase

__all__ = ["HiringPlan", "plan", "shrinkage_percent", "split"]

FLEXIBLE = 5.0
"""What a hire answering one channel fewer costs extra, in money: a tie-breaker, not a price."""


def shrinkage_percent(inputs: HiringInputs) -> float:
    return float(inputs.shrinkage) if isinstance(inputs.shrinkage, int | float) else inputs.shrinkage.total()


def productive_hours(inputs: HiringInputs) -> float:
    """Hours one person gives the floor in a full week: paid hours less shrinkage."""
    return inputs.hours_per_fte_week * (1 - shrinkage_percent(inputs) / 100)


def split(total: int, shares: list[float]) -> list[int]:
    """``total`` whole hires in proportion to ``shares``, by largest remainder (ties: first)."""
    import math

    exact = [total * s / sum(shares) for s in shares] if sum(shares) else [0.0] * len(shares)
    parts = [math.floor(x + 1e-9) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def week_starts(forecast: Forecast) -> tuple[list[dt.datetime], np.ndarray]:
    """Seven-day blocks from the forecast's first day, and each block's share of a full week."""
    first = dt.datetime.combine(forecast.first.date(), dt.time())
    end = forecast.last + dt.timedelta(seconds=forecast.interval_seconds)
    starts, shares = [], []
    while first < end:
        starts.append(first)
        shares.append(min((end - first).total_seconds(), 7 * 86400) / (7 * 86400))
        first += dt.timedelta(days=7)
    return starts, np.array(shares)


def floor_hours(staffing: list[ChannelStaffing], weeks: list[dt.datetime], step: int) -> np.ndarray:
    """Hours [week, channel] of agents on the floor: the required agents of every interval, summed
    (a deferred channel: its hours of work, which the staffed hours absorb without rounding).

    The one step between 'agents per interval' and 'people': a roster built from shift rules
    replaces it with the hours of the people it rosters."""
    need = np.zeros((len(weeks), len(staffing)))
    for c, channel in enumerate(staffing):
        week = _week_of(channel.starts, weeks[0], step)
        agents = channel.agents if channel.work is None else channel.work
        np.add.at(need[:, c], week, np.asarray(agents, dtype=float) * step / 3600)
    return need


def _week_of(starts: list[dt.datetime], first: dt.datetime, step: int) -> np.ndarray:
    """The seven-day block from ``first`` of each start (on the plan's grid: ``step`` apart)."""
    if evenly(starts, step):
        seconds = (starts[0] - first).total_seconds() + np.arange(len(starts), dtype=float) * step
    else:
        seconds = np.array([(s - first).total_seconds() for s in starts])
    return (seconds // (7 * 86400)).astype(np.int64)


def staffed(inputs: HiringInputs, channels: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Roles that answer a forecast channel, and each one's channels, preferred first."""
    roles: list[str] = []
    for channel in inputs.channels:
        if channel.id in channels:
            roles += [r for r in channel.roles if r not in roles]
    order = {e.role: e.channel_order for e in inputs.roster}
    staffs = {}
    for role in roles:
        mine = [c.id for c in inputs.channels if c.id in channels and role in c.roles]
        preferred = [c for c in order.get(role, []) if c in mine]
        staffs[role] = preferred + [c for c in mine if c not in preferred]
    return roles, staffs


def channel_staffing(inputs: HiringInputs, forecast: Forecast) -> list[ChannelStaffing]:
    """Agents on the floor per interval of each forecast channel, on one grid (the roster's too)."""
    known = {c.id: c for c in inputs.channels}
    unknown = sorted(set(forecast.channels) - set(known))
    if unknown:
        raise ForecastError(phrase("forecast.unknown_channel", where=forecast.path,
                                   channels=", ".join(unknown), inputs=inputs.id, known=", ".join(known)))
    check(forecast)
    step, first = forecast.interval_seconds, forecast.first
    count = int((forecast.last - first).total_seconds()) // step + 1
    starts = _grid(first, count, step)
    grid = {name: on_grid(found, first, count, step) for name, found in forecast.channels.items()}
    live = {name: floor_agents(known[name], *grid[name], step) for name in grid if not deferred(known[name])}
    # deferred work is done while a live channel is staffed (around the clock only when none is)
    staffed = np.sum(list(live.values()), axis=0) > 0 if live else None
    staffing = []
    for name, (volume, aht) in grid.items():
        if name in live:
            staffing.append(ChannelStaffing(name, starts, volume.tolist(), aht.tolist(), live[name].tolist()))
            continue
        channel = known[name]
        agents = floor_agents(channel, volume, aht, step, staffed)
        staffing.append(ChannelStaffing(name, starts, volume.tolist(), aht.tolist(), agents.tolist(),
                                        work(channel, volume, aht, step).tolist(),
                                        window_intervals(channel, step)))
    return staffing


def _grid(first: dt.datetime, count: int, step: int) -> list[dt.datetime]:
    """``count`` starts ``step`` seconds apart from ``first`` (numpy lays out a year's 35,040
    quarter-hours several times faster than a loop of additions)."""
    if first.tzinfo is not None:
        return [first + dt.timedelta(seconds=i * step) for i in range(count)]
    steps = np.arange(count, dtype=np.int64) * np.timedelta64(step, "s")
    return (np.datetime64(first, "us") + steps).tolist()


def plan(inputs: HiringInputs, forecast: Forecast, as_of: dt.date) -> HiringPlan:
    # A year's grid is a few hundred thousand long-lived objects, none in a cycle: with the
    # collector on, its passes walked them again and again (0.1-0.2 s of a year plan's CPU).
    with collector_paused():
        return _plan(inputs, forecast, as_of)


def _plan(inputs: HiringInputs, forecast: Forecast, as_of: dt.date) -> HiringPlan:
    staffing = channel_staffing(inputs, forecast)
    step, known = forecast.interval_seconds, [c.id for c in inputs.channels]
    weeks, shares = week_starts(forecast)
    need = floor_hours(staffing, weeks, step)
    notes = [Note("plan_note.no_forecast", {"channel": c}) for c in known if c not in forecast.channels]
    if inputs.shifts is not None:  # people from a roster of the shifts, not hours ÷ hours per person
        from cs_team.staffing.rostering import rostered_hours

        need, rostered = rostered_hours(inputs, staffing, need, step)
        notes += [Note("plan_note.rostered", values) for values in rostered]
    if shares[-1] < 1:
        notes.append(Note("plan_note.short_week",
                          {"week": weeks[-1].date(), "days": round(float(shares[-1]) * 7, 2)}))
    if len(weeks) < 13:
        notes.append(Note("plan_note.short_horizon", {"weeks": round(float(shares.sum()), 2)}))
    problem, dates = _problem(inputs, [s.channel for s in staffing], need, weeks, shares, as_of)
    cover = solve(problem)
    if cover.status not in ("optimal", "feasible"):
        raise ForecastError(phrase("forecast.unsolved", status=cover.status))
    result = tabulate(inputs, forecast.path, as_of, staffing, [w.date() for w in weeks], problem, dates,
                      cover, notes, shrinkage_percent(inputs))
    from cs_team.staffing.reference import reference

    result.reference = reference(inputs, problem.roles, as_of, forecast.last.date(), need, shares,
                                 productive_hours(inputs))
    return result


HANDOVER_WEEKS = 13
"""A forecast of a quarter or more hands over a floor its own people cover (``cover.Problem.own_week``)."""


def _handover_week(shares: np.ndarray) -> int | None:
    full = np.flatnonzero(shares >= 1)
    return int(full[-1]) if len(shares) >= HANDOVER_WEEKS and full.size else None


def _timeline(inputs: HiringInputs, start: dt.date, days: list[dt.date], weeks: float) -> tuple:
    """A class of ``start`` whose role trains ``weeks``: its dates, and per week whether training is
    over, the ramp, whether it is live, and the weeks of wages to the forecast's end."""
    when = workforce.class_dates(inputs, start, weeks)
    trained = np.array([d >= when.training_ends for d in days])
    ramp = np.array([workforce.productivity(inputs, when, d) for d in days])
    live = np.array([d >= when.go_live for d in days])
    # wages from the end of training (the trainees' pay in class is part of the training cost)
    # to the end of the forecast, as long as they stay
    paid_weeks = sum(workforce.hire_kept(inputs, 7 * i) for i in range((days[-1] - start).days // 7 + 1)
                     if start + dt.timedelta(weeks=i) >= when.training_ends)
    return when, trained, ramp, live, paid_weeks


def _problem(inputs: HiringInputs, channels: list[str], need: np.ndarray, weeks: list[dt.datetime],
             shares: np.ndarray, as_of: dt.date) -> tuple[Problem, list[workforce.ClassDates]]:
    days = [max(w.date(), as_of) for w in weeks]
    roles, staffs = staffed(inputs, channels)
    stock = workforce.tenured(inputs, as_of, days)
    tenured = np.array([[stock.get(r, [0.0] * len(days))[w] for r in roles] for w in range(len(days))])
    sources = [s for s in inputs.sourcing if s.share_percent > 0] or inputs.sourcing
    earliest = as_of + dt.timedelta(days=min(s.days_to_fill for s in sources))
    wage_week = (inputs.wage_per_hour or 0.0) * inputs.hours_per_fte_week
    candidates, dates = [], []
    for start in workforce.class_starts(inputs, earliest, days[-1]):
        kept = np.array([workforce.hire_kept(inputs, (d - start).days) if d >= start else 0.0 for d in days])
        timed = {weeks: _timeline(inputs, start, days, weeks) for weeks in
                 {inputs.training_weeks_of(role) for role in roles}}
        for role in roles:
            fitting = workforce.fitting_sources(inputs, role, start, as_of)
            if not fitting:  # no source fills this role's class in time (or in the graduates' season)
                continue
            when, trained, ramp, live, paid_weeks = timed[inputs.training_weeks_of(role)]
            weight = sum(s.share_percent for s in fitting)
            recruiting = sum(s.cost_per_hire * s.share_percent for s in fitting) / weight
            passing = sum(s.funnel.trained_percent * s.share_percent for s in fitting) / weight / 100
            # those who fail training leave when it ends
            stays = kept * np.where(trained, passing, 1.0)
            paid = wage_week * paid_weeks * passing
            training = inputs.training_cost(role) * passing
            # at equal cost the hire who answers more channels is worth more to the floor: the
            # margin outweighs the hours' channel preference (a year of one person's hours at
            # PREFERENCE), so chat is not hired for in a one-channel role because chat is its first
            # channel; then the earlier class (equal-cost answers make the search slow and arbitrary)
            tie = FLEXIBLE * (len(channels) - len(staffs[role])) + 0.001 * len(dates) / max(len(roles), 1)
            cost = recruiting + training + paid + 1.0 + tie
            candidates.append(Candidate(role, stays * ramp * shares, stays * live, cost, stays, start,
                                        paid=paid))
            dates.append(when)
    def arrives(lead_days: int) -> int:  # the first week a temp ordered on as-of can work
        return next((i for i, d in enumerate(days) if d >= as_of + dt.timedelta(days=lead_days)), len(days))

    temps = [Temp(t.id, [c for c in t.channels if c in channels], arrives(t.lead_days), t.cost_per_hour,
                  t.max_hours_per_week) for t in inputs.temps]
    share_of = {(e.role, c): p / 100 for e in inputs.roster for c, p in e.max_share_percent.items()}
    overtime = inputs.overtime
    # an uncovered hour must cost more than any lever buying it, hires included
    top = max([inputs.wage_per_hour or 0.0] + [t.cost_per_hour for t in inputs.temps]) + max(
        s.cost_per_hire for s in inputs.sourcing) / 10
    problem = Problem(
        channels, roles, staffs, need, tenured, shares, productive_hours(inputs), candidates,
        inputs.class_size.min, inputs.class_size.max,
        overtime.max_hours_per_person_week if overtime else 0.0,
        (inputs.wage_per_hour or 0.0) * overtime.cost_factor if overtime else 0.0,
        temps, share_of, uncovered_cost=50.0 * (top + 1.0), own_week=_handover_week(shares))
    return problem, dates
