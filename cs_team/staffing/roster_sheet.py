"""The 排班 sheet's figures, in no language: shift counts per day, coverage per interval, and one
row per person to put a name on. Documents lay these out; they compute nothing.

Coverage is "short" below the requirement, "met" up to one agent above it, "over" beyond.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cs_team.model.common import Text
from cs_team.model.hiring import HiringInputs
from cs_team.model.shifts import ShiftRules
from cs_team.staffing.forecast import Forecast
from cs_team.staffing.roster import Roster
from cs_team.staffing.rostering import PoolRoster
from cs_team.staffing.shift_patterns import DAY, Start

SLACK = 1e-9


@dataclass(frozen=True)
class ShiftRow:
    template: str
    name: Text
    clock: str
    end: str
    days: tuple[int, ...]  # people working, Monday first

    @property
    def total(self) -> int:
        return sum(self.days)


@dataclass(frozen=True)
class Cell:
    covered: float
    required: float

    @property
    def state(self) -> str:
        if self.covered < self.required - SLACK:
            return "short"
        return "met" if self.covered < self.required + 1 - SLACK else "over"


@dataclass(frozen=True)
class PersonRow:
    number: int
    template: str
    name: Text
    clock: str
    end: str
    off: tuple[int, ...]


@dataclass(frozen=True)
class Sheet:
    week: str
    monday: dt.date
    channels: tuple[str, ...]
    headcount: int
    part_time: int
    efficiency: float
    required_hours: float
    floor_hours: float
    status: str
    gap: float
    shifts: list[ShiftRow]
    day_totals: tuple[int, ...]
    clocks: list[str]
    coverage: list[list[Cell]]  # [interval of the day][day]
    people: list[PersonRow]

    @property
    def short_intervals(self) -> int:
        return sum(cell.state == "short" for row in self.coverage for cell in row)


def _end(start: Start) -> str:
    end = (start.minute + round(start.template.hours * 60)) % DAY
    return f"{end // 60:02d}:{end % 60:02d}"


def build(result: PoolRoster) -> Sheet:
    roster: Roster = result.roster
    starts = sorted({p.start for p in roster.patterns}, key=lambda s: (s.minute, s.name))
    rows = []
    for start in starts:
        days = tuple(roster.working(day).get(start, 0) for day in range(7))
        if any(days):
            rows.append(ShiftRow(start.name, start.template.name, start.clock, _end(start), days))
    per_day = DAY // roster.step
    clocks = [f"{i * roster.step // 60:02d}:{i * roster.step % 60:02d}" for i in range(per_day)]
    covered, required = roster.covered.reshape(7, per_day), roster.required.reshape(7, per_day)
    coverage = [[Cell(round(float(covered[d, i]), 2), float(required[d, i])) for d in range(7)]
                for i in range(per_day)]
    people = []
    chosen = sorted(((p, int(n)) for p, n in zip(roster.patterns, roster.people, strict=True) if n),
                    key=lambda item: (item[0].start.minute, item[0].start.name, item[0].off))
    for pattern, count in chosen:
        for _ in range(count):
            people.append(PersonRow(len(people) + 1, pattern.start.name, pattern.start.template.name,
                                    pattern.start.clock, _end(pattern.start), pattern.off))
    part = sum(int(n) for p, n in zip(roster.patterns, roster.people, strict=True)
               if p.start.template.part_time)
    hours = roster.step / 60
    return Sheet(result.week, result.monday, result.pool.channels, roster.headcount, part,
                 roster.efficiency, float(roster.required.sum()) * hours, float(roster.covered.sum()) * hours,
                 roster.status, roster.gap, rows, tuple(sum(r.days[d] for r in rows) for d in range(7)),
                 clocks, coverage, people)


def sheets(inputs: HiringInputs, forecast: Forecast, rules: ShiftRules,
           which: tuple[str, ...]) -> list[Sheet]:
    """The roster of each week asked for (``typical``, ``peak``) from the forecast's staffing."""
    from cs_team.staffing.plan import channel_staffing
    from cs_team.staffing.rostering import solve_weeks

    staffing = channel_staffing(inputs, forecast)
    return [build(r) for r in solve_weeks(staffing, forecast.interval_seconds, inputs, rules, which)]
