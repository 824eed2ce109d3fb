"""The hires a planner expects before any solver runs: attrition backfill plus the gap to the need.

Printed beside the plan so a reader can tell a plan that hires for lasting need from one that hires
for peaks: today's people in the planned roles lose ``attrition_percent_per_month`` until the
forecast ends; a typical week of the forecast (the median week) needs some number of people; a
class yields, per starter, the sources' training pass rate times the share still there when the
forecast ends, for a class starting halfway (leavers are replaced as they go, so on average a
replacement starts mid-way). Hires ≈ (leavers + the gap) ÷ that yield. Internal moves change no
total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from cs_team.model.hiring import HiringInputs
from cs_team.staffing import workforce


@dataclass
class Reference:
    today: float
    """People in the roles the plan staffs, on the as-of day."""
    leavers: float
    """Of them, expected to leave by the forecast's last day."""
    needed: float
    """People a typical (median) full week of the forecast needs on the payroll."""
    gap: float
    """needed - today, or 0 when today's people are enough."""
    passing: float
    """Share of starters who pass training (the planned sources, by share)."""
    kept: float
    """Share of a class starting halfway through still there at the forecast's end."""
    hires: int
    """(leavers + gap) ÷ (passing x kept), rounded to the nearest person."""


def reference(inputs: HiringInputs, roles: list[str], as_of: dt.date, last_day: dt.date,
              need_hours: np.ndarray, shares: np.ndarray, productive_hours: float) -> Reference:
    today = float(sum(e.headcount for e in inputs.roster if e.role in roles))
    leavers = today * (1 - workforce.kept(inputs.attrition_percent_per_month, (last_day - as_of).days))
    full = need_hours.sum(axis=1)[shares >= 1]
    needed = float(np.median(full)) / productive_hours if full.size else 0.0
    sources = [s for s in inputs.sourcing if s.share_percent > 0] or inputs.sourcing
    passing = sum(s.funnel.trained_percent * s.share_percent for s in sources) / sum(
        s.share_percent for s in sources) / 100
    kept = workforce.hire_kept(inputs, (last_day - as_of).days / 2)
    gap = max(needed - today, 0.0)
    return Reference(round(today, 2), round(leavers, 2), round(needed, 2), round(gap, 2), round(passing, 4),
                     round(kept, 4), round((leavers + gap) / (passing * kept)))
