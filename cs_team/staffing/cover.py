"""The cheapest cover of every channel's hours, week by week, as one mixed-integer program.

People are counted once: each role's productive hours (tenured people after attrition, plus the
classes the program opens, at their ramp) form one capacity that may be spent on any channel the
role staffs. Overtime, temporary agents and hires are alternatives priced against each other, so a
one-week peak is bought by the hour and a lasting rise with people. Hours no lever can reach in time
are left uncovered at a prohibitive price, so the program always has an answer and the plan says
where it falls short.

Variables, in this order: a[r,c,w] hours role r gives channel c in week w; o[r,w] overtime hours;
t[s,c,w] temp hours; u[c,w] uncovered hours; h[k] hires in candidate class k; y[k] class opened
(only when a class has a minimum size above one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

INF = float("inf")
SEARCHED = 60  # candidate classes up to which the integer search runs; above, the relaxation is rounded
NODES = 100  # branch-and-bound nodes before the best plan found so far is taken
SOLVER_NOISE = 1e-6  # a relaxation's 3.0000004 hires are 3, not 4
PREFERENCE = 1e-3  # per hour and rank: enough to order channels, too little to buy anything


@dataclass
class Candidate:
    role: str
    gives: np.ndarray
    """Productive share of one hire in each week (survival x ramp x the week's length)."""
    live: np.ndarray
    """People of one hire answering customers in each week (survival after go-live), for overtime."""
    cost: float
    employed: np.ndarray
    """People of one hire on the payroll in each week (from the first day of training)."""
    start: object = None
    """The class's first day (candidates of one day are rounded together)."""
    paid: float = 0.0
    """Wages of one hire from the end of training to the end of the forecast (part of ``cost``)."""


@dataclass
class Temp:
    id: str
    channels: list[str]
    first_week: int
    cost_per_hour: float
    max_hours_per_week: float | None


@dataclass
class Problem:
    channels: list[str]
    roles: list[str]
    staffs: dict[str, list[str]]
    """Channels each role may answer, most preferred first."""
    need: np.ndarray
    """Hours [week, channel] the floor needs."""
    tenured: np.ndarray
    """People [week, role] of today's roster still there."""
    week_share: np.ndarray
    """Each week's length over seven days (a forecast's last week may be short)."""
    productive_hours: float
    """Hours one person gives the floor in a full week, after shrinkage."""
    candidates: list[Candidate]
    class_min: int = 1
    class_max: int = 20
    overtime_hours: float = 0.0
    overtime_cost: float = 0.0
    temps: list[Temp] = field(default_factory=list)
    max_share: dict[tuple[str, str], float] = field(default_factory=dict)
    uncovered_cost: float = 1e6
    own_week: int | None = None
    """A week the plan's own people cover in their paid hours (no overtime, no temps): the last
    full week of a long forecast, so the plan hands over a floor staffed for lasting need instead
    of letting attrition run down into overtime because hires pay off after the forecast ends."""


@dataclass
class Cover:
    status: str
    seconds: float
    mip_gap: float
    hours: dict[tuple[str, str], np.ndarray]
    """(role, channel) -> hours per week."""
    overtime: dict[str, np.ndarray]
    temps: dict[tuple[str, str], np.ndarray]
    uncovered: np.ndarray
    """[week, channel] hours no one covers."""
    hires: list[int]
    """Per candidate class."""


def solve(problem: Problem, time_limit: float = 20.0) -> Cover:
    p = problem
    weeks, channel_at = len(p.need), {c: i for i, c in enumerate(p.channels)}
    cost: list[float] = []
    integer: list[bool] = []
    upper: list[float] = []

    def add(price: float, count: int = 1, whole: bool = False, top: float = INF) -> int:
        start = len(cost)
        cost.extend([price] * count)
        integer.extend([whole] * count)
        upper.extend([top] * count)
        return start

    a = {(r, c): add(PREFERENCE * (rank + 1), weeks) for r in p.roles for rank, c in enumerate(p.staffs[r])}
    o = {r: add(p.overtime_cost, weeks) for r in p.roles} if p.overtime_hours > 0 else {}
    t = {(s.id, c): add(s.cost_per_hour, weeks) for s in p.temps for c in s.channels if c in channel_at}
    u = {c: add(p.uncovered_cost, weeks) for c in p.channels}
    opened = p.class_min > 1
    h = [add(k.cost, whole=True, top=INF if opened else p.class_max) for k in p.candidates]
    y = [add(0.0, whole=True, top=1) for _ in p.candidates] if opened else []
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    lower: list[float] = []
    upper_row: list[float] = []

    def row(entries: list[tuple[int, float]], low: float, high: float) -> None:
        index = len(lower)
        for col, val in entries:
            rows.append(index)
            cols.append(col)
            vals.append(val)
        lower.append(low)
        upper_row.append(high)

    hours = p.productive_hours * p.week_share
    for w in range(weeks):
        for r_at, r in enumerate(p.roles):
            gives = [(h[k], -cand.gives[w] * p.productive_hours) for k, cand in enumerate(p.candidates)
                     if cand.role == r and cand.gives[w] > 0]
            extra = [(o[r] + w, -1.0)] if o else []
            base = p.tenured[w, r_at] * hours[w]
            row([(a[r, c] + w, 1.0) for c in p.staffs[r]] + extra + gives, -INF, base)
            for c in p.staffs[r]:
                share = p.max_share.get((r, c))
                if share is not None and share < 1:
                    row([(a[r, c] + w, 1.0)] + [(col, share * v) for col, v in extra + gives],
                        -INF, share * base)
            if o:
                live = [(h[k], -cand.live[w] * p.overtime_hours * p.week_share[w])
                        for k, cand in enumerate(p.candidates) if cand.role == r and cand.live[w] > 0]
                row([(o[r] + w, 1.0), *live], -INF, p.tenured[w, r_at] * p.overtime_hours * p.week_share[w])
        for c in p.channels:
            covering = [(a[r, c] + w, 1.0) for r in p.roles if c in p.staffs[r]]
            covering += [(t[s.id, c] + w, 1.0) for s in p.temps if (s.id, c) in t]
            row([*covering, (u[c] + w, 1.0)], float(p.need[w, channel_at[c]]), INF)
        for s in p.temps:
            mine = [(t[s.id, c] + w, 1.0) for c in s.channels if (s.id, c) in t]
            if w < s.first_week:  # ordered on as-of, they arrive after the lead time
                for col, _ in mine:
                    upper[col] = 0.0
            elif s.max_hours_per_week is not None and mine:
                row(mine, -INF, s.max_hours_per_week * p.week_share[w])
    for k in range(len(p.candidates)):
        if opened:
            row([(h[k], 1.0), (y[k], -float(p.class_max))], -INF, 0.0)
            row([(h[k], 1.0), (y[k], -float(p.class_min))], 0.0, INF)
    if p.own_week is not None:
        for start in [*o.values(), *t.values()]:
            upper[start + p.own_week] = 0.0
    args = (np.array(cost), rows, cols, vals, lower, upper_row)
    result = _search(args, upper, integer, h, y, p, time_limit)
    x = result.x if result.x.size else np.zeros(len(cost))
    x = np.where(np.abs(x) < 1e-7, 0.0, x)
    return Cover(
        result.status, result.seconds, result.mip_gap,
        hours={key: x[start:start + weeks] for key, start in a.items()},
        overtime={r: x[start:start + weeks] for r, start in o.items()},
        temps={key: x[start:start + weeks] for key, start in t.items()},
        uncovered=np.column_stack([x[u[c]:u[c] + weeks] for c in p.channels]) if p.channels
        else np.zeros((weeks, 0)),
        hires=[round(float(x[col])) for col in h])


def _search(args: tuple, upper: list[float], integer: list[bool], h: list[int], y: list[int],
            p: Problem, time_limit: float):
    """Whole classes. Few candidates: the integer search, started from the relaxation rounded up
    (always a plan: more hires only add capacity) and stopped after a fixed number of nodes, so
    every run gives the same answer. Many: the classes are rounded date by date, each date's
    choice (round its classes up, or drop those under half the minimum) kept by the relaxation of
    the rest, which stays fast and deterministic."""
    from cs_team.staffing.solver import MilpResult, solve_milp

    relaxed = solve_milp(*args, var_upper=upper, time_limit=time_limit)
    if relaxed.status != "optimal" or not h:
        return relaxed
    if len(h) <= SEARCHED:
        start = relaxed.x.copy()
        start[h] = _rounded(start[h], p.class_min, up=True)
        if y:
            start[y] = start[h] > 0
        found = solve_milp(*args, var_upper=upper, integer=integer, time_limit=time_limit, start=start,
                           node_limit=NODES)
        return MilpResult(found.status, found.x, found.objective, found.mip_gap,
                          relaxed.seconds + found.seconds)
    low, high = np.zeros(len(upper)), np.array(upper)
    current, seconds = relaxed, relaxed.seconds
    for day in sorted({c.start for c in p.candidates}):
        mine = [k for k, c in enumerate(p.candidates) if c.start == day]
        now = current.x[[h[k] for k in mine]]
        options = {tuple(_rounded(now, p.class_min, up)) for up in (False, True)}
        if options == {tuple(now)}:  # already whole: fixing them changes nothing, no solve needed
            low[[h[k] for k in mine]] = high[[h[k] for k in mine]] = now
            if y:
                low[[y[k] for k in mine]] = high[[y[k] for k in mine]] = now > 0
            continue
        best = None
        for option in sorted(options):
            trial_low, trial_high = low.copy(), high.copy()
            hires = np.array(option)
            for k, count in zip(mine, hires, strict=True):
                trial_low[h[k]] = trial_high[h[k]] = count
                if y:
                    trial_low[y[k]] = trial_high[y[k]] = float(count > 0)
            trial = solve_milp(*args, var_lower=trial_low, var_upper=trial_high, time_limit=time_limit)
            seconds += trial.seconds
            if trial.status == "optimal" and (best is None or trial.objective < best[0].objective - 1e-6):
                best = (trial, trial_low, trial_high)
        current, low, high = best
    gap = max((current.objective - relaxed.objective) / max(abs(current.objective), 1e-9), 0.0)
    return MilpResult("optimal" if gap <= 1e-6 else "feasible", current.x, current.objective, gap, seconds)


def _rounded(values: np.ndarray, smallest: int, up: bool) -> np.ndarray:
    """Whole classes: up to at least ``smallest``; or, when not ``up``, classes under half of it dropped."""
    from cs_team.staffing.batch import ceil_tolerant

    whole = ceil_tolerant(values, SOLVER_NOISE).clip(min=0).astype(float)
    if not up:
        whole = np.where(values < max(smallest / 2, 0.5), 0.0, whole)
    return np.where(whole > 0, np.maximum(whole, smallest), 0.0)
