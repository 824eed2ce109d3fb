"""The figures a hiring-plan report shows, derived from the plan: peak day, typical week, timeline."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from cs_team.staffing.plan_model import HiringPlan, TrainingClass

WEEKDAYS = 7
HOURS = 24


@dataclass
class HourSeries:
    channel: str
    values: list[int]
    """Agents needed at the busiest moment of each hour."""


@dataclass
class Summary:
    plan: HiringPlan
    peak_day: dt.date
    peak_hours: list[HourSeries]
    """The 24 hours of the busiest day, per channel."""
    week: list[list[int]]
    """Typical week: [weekday][hour] -> agents on the floor, all channels, averaged over weeks."""
    week_shade: list[list[int]]
    """0 (quiet) to 4 (busiest) per cell, for the heat-map's colours."""
    timeline: list[TrainingClass]
    hires_by_role: dict[str, int]
    over_budget: bool


def summarise(plan: HiringPlan) -> Summary:
    hourly: dict[str, dict[dt.datetime, int]] = {}
    hour_of: dict[dt.datetime, dt.datetime] = {}  # channels share their interval starts
    for channel in plan.channels:
        peaks: dict[dt.datetime, int] = defaultdict(int)
        for start, agents in zip(channel.starts, channel.agents, strict=True):
            hour = hour_of.get(start) or hour_of.setdefault(start, start.replace(minute=0, second=0,
                                                                                  microsecond=0))
            if agents > peaks[hour]:
                peaks[hour] = agents
        hourly[channel.channel] = peaks
    totals: dict[dt.date, int] = defaultdict(int)
    for peaks in hourly.values():
        for hour, agents in peaks.items():
            totals[hour.date()] += agents
    peak_day = max(sorted(totals), key=lambda day: totals[day])
    peak_hours = [HourSeries(name, [peaks.get(dt.datetime.combine(peak_day, dt.time(h)), 0)
                                    for h in range(HOURS)])
                  for name, peaks in hourly.items()]
    sums = [[0] * HOURS for _ in range(WEEKDAYS)]
    counts = [[0] * HOURS for _ in range(WEEKDAYS)]
    all_hours = sorted({hour for peaks in hourly.values() for hour in peaks})
    for hour in all_hours:
        sums[hour.weekday()][hour.hour] += sum(peaks.get(hour, 0) for peaks in hourly.values())
        counts[hour.weekday()][hour.hour] += 1
    week = [[round(s / c) if c else 0 for s, c in zip(srow, crow, strict=True)]
            for srow, crow in zip(sums, counts, strict=True)]
    top = max((v for row in week for v in row), default=0)
    shade = [[0 if not top else min(4, int(5 * v / (top + 1e-9))) for v in row] for row in week]
    hires: dict[str, int] = defaultdict(int)
    for training in plan.classes:
        hires[training.role] += training.hires
    timeline = sorted(plan.classes, key=lambda c: (c.open_by, c.role))
    return Summary(plan, peak_day, peak_hours, week, shade, timeline, dict(sorted(hires.items())),
                   plan.costs.over_budget)
