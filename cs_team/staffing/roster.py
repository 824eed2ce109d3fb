"""The roster problem: how many people on each shift pattern so that every interval is covered.

An integer program over a week of intervals (a cycle):

- ``x_p``: people on pattern ``p`` (template, start, days off);
- ``y_{s,d,k}``: of those working start ``s`` on day ``d``, how many lunch at option ``k``;
  the lunches of a start and day add up to the people working it;
- every interval ``i``: the people on site, less those at lunch, times the share of their time
  not on a paid break, reach the agents required;
- part-timers are at most their allowed share of the people;
- deferred work (email, tickets) has no requirement per interval: ``e_i`` agents work it in
  interval ``i``, and over the week (a cycle, in steady state) no work is done before it arrives
  and every piece is done within its window, so it fills the troughs of the live channels;
- minimise people, or cost: paid hours with the night and weekend premiums.

Solved by HiGHS through ``solver.solve_milp``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cs_team.model.shifts import ShiftRules, ShiftTemplate
from cs_team.staffing import shift_patterns as sp
from cs_team.staffing.erlang import StaffingError
from cs_team.wording import phrase

TIME_LIMIT = 10.0
MIP_GAP = 0.01


@dataclass
class Roster:
    patterns: list[sp.Pattern]
    people: np.ndarray  # per pattern
    lunches: dict[tuple[int, int, int], int]  # (start index, day, lunch offset minutes) -> people
    required: np.ndarray  # agents per interval of the week (deferred work: as the roster schedules it)
    covered: np.ndarray  # agents on the floor per interval, after lunch and breaks
    step: int  # minutes per interval
    status: str
    gap: float
    seconds: float
    cost: float  # paid hours a week with premiums

    @property
    def headcount(self) -> int:
        return int(self.people.sum())

    @property
    def efficiency(self) -> float:
        """Required agent-hours over the hours the rostered people are on the floor."""
        floor = float(self.covered.sum())
        return float(self.required.sum()) / floor if floor else 1.0

    def working(self, day: int) -> dict[sp.Start, int]:
        """People working each start on ``day`` (0 = Monday)."""
        counts: dict[sp.Start, int] = {}
        for pattern, people in zip(self.patterns, self.people, strict=True):
            if people and day not in pattern.off:
                counts[pattern.start] = counts.get(pattern.start, 0) + int(people)
        return counts


def paid_hours(pattern: sp.Pattern) -> float:
    """Paid hours a week of one person on ``pattern``: time on site less the unpaid lunch."""
    template = pattern.start.template
    lunch = template.lunch.minutes if template.lunch else 0
    return (template.hours * 60 - lunch) * (7 - len(pattern.off)) / 60


def weekly_cost(rules: ShiftRules, pattern: sp.Pattern) -> float:
    """Paid hours a week of one person on ``pattern``, night and weekend hours at their premium."""
    template = pattern.start.template
    length = round(template.hours * 60)
    lunch = template.lunch.minutes if template.lunch else 0
    paid = length - lunch
    night = sp.night_minutes(rules, pattern.start.minute, length) * paid / length
    total = 0.0
    for day in range(7):
        if day in pattern.off:
            continue
        weekend = rules.weekend_premium_percent / 100 if day >= 5 else 0.0
        total += (paid * (1 + weekend) + night * rules.night_premium_percent / 100) / 60
    return total


def solve(rules: ShiftRules, templates: list[ShiftTemplate], required: np.ndarray, step: int, *,
          time_limit: float = TIME_LIMIT, mip_gap: float = MIP_GAP,
          deferred: tuple[tuple[np.ndarray, int], ...] = ()) -> Roster:
    """The cheapest roster covering ``required`` (agents per ``step``-minute interval of a week) and
    the ``deferred`` work: (agent-intervals arriving in each interval, the intervals it may wait)."""
    from cs_team.staffing.solver import solve_milp

    required = np.asarray(required, dtype=float)
    if len(required) * step != sp.WEEK:
        raise StaffingError(phrase("staffing.roster_week", step=step, count=len(required)))
    patterns = sp.patterns(rules, templates)
    starts = list(dict.fromkeys(p.start for p in patterns))
    index = {start: i for i, start in enumerate(starts)}
    rows, cols, vals = [], [], []
    weeks = len(required)
    shapes = {}  # (start, day) -> on-floor share per interval, lunch not taken off
    for s, start in enumerate(starts):
        share = sp.on_floor_share(start.template)
        for day in range(7):
            length = round(start.template.hours * 60)
            shapes[s, day] = sp.presence(day * sp.DAY + start.minute, length, step) * share
    for p, pattern in enumerate(patterns):
        s = index[pattern.start]
        for day in range(7):
            if day in pattern.off:
                continue
            nonzero = np.flatnonzero(shapes[s, day])
            rows.extend(nonzero.tolist())
            cols.extend([p] * len(nonzero))
            vals.extend(shapes[s, day][nonzero].tolist())
    lunch_vars = []
    for s, start in enumerate(starts):
        template = start.template
        for day in range(7):
            for offset in sp.lunch_offsets(rules, template):
                lunch_vars.append((s, day, offset))
    balance_rows = {}
    for v, (s, day, offset) in enumerate(lunch_vars):
        column = len(patterns) + v
        template = starts[s].template
        away = sp.presence(day * sp.DAY + starts[s].minute + offset, template.lunch.minutes, step)
        away *= sp.on_floor_share(template)
        nonzero = np.flatnonzero(away)
        rows.extend(nonzero.tolist())
        cols.extend([column] * len(nonzero))
        vals.extend((-away[nonzero]).tolist())
        row = balance_rows.setdefault((s, day), weeks + len(balance_rows))
        rows.append(row)
        cols.append(column)
        vals.append(1.0)
    for p, pattern in enumerate(patterns):  # lunches of a start and day = the people working it
        s = index[pattern.start]
        for day in range(7):
            if day not in pattern.off and (s, day) in balance_rows:
                rows.append(balance_rows[s, day])
                cols.append(p)
                vals.append(-1.0)
    lower = list(required) + [0.0] * len(balance_rows)
    upper = [np.inf] * weeks + [0.0] * len(balance_rows)
    share = rules.part_time_max_percent / 100
    if any(p.start.template.part_time for p in patterns):
        row = len(lower)
        for p, pattern in enumerate(patterns):
            rows.append(row)
            cols.append(p)
            vals.append((1.0 if pattern.start.template.part_time else 0.0) - share)
        lower.append(-np.inf)
        upper.append(0.0)
    first_deferred = len(patterns) + len(lunch_vars)
    tops = [np.full(first_deferred, np.inf)]
    for k, (arriving, window) in enumerate(deferred):
        backlog = _deferred_rows(np.asarray(arriving, dtype=float), window, first_deferred + k * 2 * weeks,
                                 rows, cols, vals, lower, upper)
        tops += [np.full(weeks, np.inf), backlog]
    costs = np.array([weekly_cost(rules, p) for p in patterns])
    objective = costs if rules.minimise == "cost" else np.ones(len(patterns))
    extra = len(deferred) * 2 * weeks
    c = np.concatenate([objective, np.zeros(len(lunch_vars) + extra)])
    whole = np.concatenate([np.ones(first_deferred, dtype=bool), np.zeros(extra, dtype=bool)])
    result = solve_milp(c, rows, cols, vals, lower, upper, var_upper=np.concatenate(tops), integer=whole,
                        time_limit=time_limit, mip_gap=mip_gap)
    if result.status not in ("optimal", "feasible"):
        raise StaffingError(phrase("staffing.uncovered"))
    x = np.rint(result.x).astype(np.int64)
    people = x[: len(patterns)]
    lunches = {key: int(n) for key, n in zip(lunch_vars, x[len(patterns):first_deferred], strict=True) if n}
    covered = np.zeros(weeks)
    for (s, day), shape in shapes.items():
        working = sum(int(n) for pattern, n in zip(patterns, people, strict=True)
                      if index[pattern.start] == s and day not in pattern.off)
        covered += shape * working
    for (s, day, offset), n in lunches.items():
        template = starts[s].template
        away = sp.presence(day * sp.DAY + starts[s].minute + offset, template.lunch.minutes, step)
        covered -= away * sp.on_floor_share(template) * n
    scheduled = required.copy()
    for k in range(len(deferred)):
        at = first_deferred + k * 2 * weeks
        scheduled += np.clip(result.x[at:at + weeks], 0.0, None)
    return Roster(patterns, people, lunches, scheduled, covered, step, result.status, result.mip_gap,
                  result.seconds, float(costs @ people))


def _deferred_rows(arriving: np.ndarray, window: int, first: int, rows: list, cols: list, vals: list,
                   lower: list, upper: list) -> np.ndarray:
    """Columns ``first .. first + n - 1``: agents on the work in each interval (they leave that
    interval's cover, row i); ``first + n .. first + 2n - 1``: the backlog after each interval.

    The backlog grows by what arrives and shrinks by what is done (B_t = B_t-1 + a_t - e_t, the
    week a cycle: B_0 is B_n), is never negative (nothing is done before it arrives) and never
    holds more than the last W intervals' arrivals (each piece is done within its window).
    Returns the backlog columns' upper bounds."""
    n = len(arriving)
    window = min(window, n)
    arrived = np.concatenate([[0.0], np.cumsum(arriving)])
    backlog = first + n
    tops = np.empty(n)
    for i in range(n):
        rows.append(i)  # agents on deferred work are not on the live channels
        cols.append(first + i)
        vals.append(-1.0)
        row = len(lower)
        rows.extend([row, row, row])
        cols.extend([backlog + i, backlog + (i - 1) % n, first + i])
        vals.extend([1.0, -1.0, 1.0])
        lower.append(float(arriving[i]))
        upper.append(float(arriving[i]))
        t = i + 1  # arrivals in the last W intervals up to t, the week before included
        tops[i] = arrived[t] - arrived[t - window] if t >= window else \
            arrived[t] + arrived[n] - arrived[n + t - window]
    return tops
