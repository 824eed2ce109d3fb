"""From a hiring plan's agents per interval to rosters: the weeks, the pools, the head-count.

Templates that staff the same channels form a pool; a pool's requirement in each interval is the
sum of its channels' agents. The forecast is cut into whole weeks from Monday 00:00; the typical
week is the median one by agent-hours (the lower of the two middle ones), the peak week the
busiest. The hiring plan takes a pool's people ÷ (1 − the shrinkage the roster does not hold
already: everything but the paid breaks, which the shifts carry).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from cs_team.model.hiring import HiringInputs
from cs_team.model.shifts import ShiftRules, ShiftTemplate
from cs_team.staffing import roster as program
from cs_team.staffing.erlang import StaffingError, ceil_tolerant
from cs_team.staffing.plan_model import ChannelStaffing
from cs_team.staffing.shift_patterns import WEEK
from cs_team.wording import phrase


@dataclass(frozen=True)
class Pool:
    channels: tuple[str, ...]
    templates: tuple[ShiftTemplate, ...]


@dataclass
class PoolRoster:
    pool: Pool
    week: str  # "typical" or "peak"
    monday: dt.date
    roster: program.Roster


def pools(inputs: HiringInputs, rules: ShiftRules) -> list[Pool]:
    everyone = tuple(c.id for c in inputs.channels)
    grouped: dict[tuple[str, ...], list[ShiftTemplate]] = {}
    for template in rules.templates:
        key = tuple(c for c in everyone if c in template.channels) if template.channels else everyone
        grouped.setdefault(key, []).append(template)
    seen: dict[str, tuple[str, ...]] = {}
    for key in grouped:
        for channel in key:
            if channel in seen:
                raise StaffingError(phrase("staffing.two_channel_sets", channel=channel,
                                           first=", ".join(seen[channel]), second=", ".join(key)))
            seen[channel] = key
    return [Pool(key, tuple(templates)) for key, templates in grouped.items()]


def weeks(starts: list[dt.datetime], step: int) -> list[tuple[dt.date, slice]]:
    """Each whole Monday-to-Sunday week in the grid: its Monday and the slice of its intervals."""
    per_week = WEEK * 60 // step
    found = []
    for i, start in enumerate(starts):
        if start.weekday() == 0 and start.time() == dt.time() and i + per_week <= len(starts):
            found.append((start.date(), slice(i, i + per_week)))
    return found


def requirement(staffing: list[ChannelStaffing], channels: tuple[str, ...]) -> np.ndarray:
    """Agents per interval the pool's live channels need (deferred work is scheduled by the roster)."""
    agents = [np.asarray(c.agents, dtype=float) for c in staffing if c.channel in channels and c.work is None]
    return np.sum(agents, axis=0) if agents else np.zeros(len(staffing[0].starts))


def deferred_work(staffing: list[ChannelStaffing], channels: tuple[str, ...]) -> list[tuple[np.ndarray, int]]:
    """The pool's deferred channels: agent-intervals arriving per interval, and the window."""
    return [(np.asarray(c.work, dtype=float), c.window) for c in staffing
            if c.channel in channels and c.work is not None]


def solve_weeks(staffing: list[ChannelStaffing], step: int, inputs: HiringInputs, rules: ShiftRules,
                which: tuple[str, ...] = ("typical", "peak"), *,
                time_limit: float = 60.0) -> list[PoolRoster]:
    """The roster of each pool for the typical and the peak week (one solve when they are the same)."""
    if not staffing:
        return []
    if (24 * 3600) % step:
        raise StaffingError(phrase("staffing.day_not_divided", minutes=step // 60))
    whole = weeks(staffing[0].starts, step)
    if not whole:
        raise StaffingError(phrase("staffing.no_whole_week"))
    results = []
    for pool in pools(inputs, rules):
        need, later = requirement(staffing, pool.channels), deferred_work(staffing, pool.channels)
        hours = [float(need[span].sum() + sum(w[span].sum() for w, _ in later)) for _, span in whole]
        order = sorted(range(len(whole)), key=lambda k: (hours[k], k))
        chosen = {"typical": order[(len(order) - 1) // 2], "peak": order[-1]}
        solved: dict[int, program.Roster] = {}
        for name in which:
            k = chosen[name]
            if k not in solved:
                span = whole[k][1]
                solved[k] = program.solve(rules, list(pool.templates), need[span], step // 60,
                                          time_limit=time_limit,
                                          deferred=tuple((w[span], window) for w, window in later))
            present = Pool(tuple(c for c in pool.channels if any(s.channel == c for s in staffing)),
                           pool.templates)
            results.append(PoolRoster(present, name, whole[k][0], solved[k]))
    return results


def shrinkage_outside(inputs: HiringInputs) -> float:
    """The shrinkage, as a fraction, that a roster does not already hold (all but paid breaks)."""
    shrinkage = inputs.shrinkage
    if isinstance(shrinkage, int | float):
        return float(shrinkage) / 100
    return (shrinkage.total() - shrinkage.breaks) / 100


def hired_headcount(rostered: int, inputs: HiringInputs) -> int:
    """People to employ so that ``rostered`` are available: rostered ÷ (1 − shrinkage outside)."""
    return ceil_tolerant(rostered / (1 - shrinkage_outside(inputs)))


def rostered_hours(inputs: HiringInputs, staffing: list[ChannelStaffing], need: np.ndarray,
                   step: int) -> tuple[np.ndarray, list[dict]]:
    """The plan's hours [week, channel] when shift rules are given: each pool's hours scaled so that
    its typical week asks for the people its roster needs (rostered paid hours ÷ the hours of a
    full-time week, ÷ (1 − the shrinkage the shifts do not hold)), every week in the same proportion;
    with what to tell the reader about each pool."""
    scaled, told = need.copy(), []
    shrink = (float(inputs.shrinkage) if isinstance(inputs.shrinkage, int | float)
              else inputs.shrinkage.total()) / 100
    for result in solve_weeks(staffing, step, inputs, inputs.shifts, ("typical",)):
        roster = result.roster
        required = float(roster.required.sum()) * step / 3600
        paid = sum(int(n) * program.paid_hours(pattern)
                   for pattern, n in zip(roster.patterns, roster.people, strict=True))
        columns = [c for c, s in enumerate(staffing) if s.channel in result.pool.channels]
        if required > 0:
            scaled[:, columns] *= paid * (1 - shrink) / (1 - shrinkage_outside(inputs)) / required
        fte = paid / inputs.hours_per_fte_week
        told.append({"week": result.monday, "people": roster.headcount,
                     "employed": ceil_tolerant(fte / (1 - shrinkage_outside(inputs))),
                     "efficiency": round(roster.efficiency * 100, 1)})
    return scaled, told
