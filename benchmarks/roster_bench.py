"""The roster integer program: its size and time on a week, and against pyworkforce, in one run.

1. The bundled week (15-minute intervals, every channel in one pool) under the default shift
   rules on a 15-minute grid: about 300 patterns (template x start x days off) with lunch
   placement; target: proven optimal or a stated gap <= 1 % in under 10 s.
2. The same requirement against pyworkforce's ``MinRequiredResources`` (a benchmark-only
   dependency: pip install pyworkforce), on the problem both can state: shifts that do not
   cross midnight, no lunch, and each day staffed on its own (cs-team: one working day a week,
   days off anywhere, so people are person-days). Printed side by side: person-days, intervals
   short, seconds.

    python benchmarks/roster_bench.py
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import numpy as np

from cs_team.inputs.forecasts import read_forecast
from cs_team.model.shifts import ShiftRules
from cs_team.playbook import Playbook
from cs_team.staffing import roster
from cs_team.staffing import shift_patterns as sp
from cs_team.staffing.plan import plan
from cs_team.workspace import open_repository

ROOT = Path(__file__).resolve().parent.parent / "playbooks"


def bundled_week() -> np.ndarray:
    playbook = Playbook(open_repository(ROOT).repo)
    inputs = next(iter(playbook.hiring.values()))
    forecast = read_forecast(ROOT / "forecasts" / "week.csv", "week.csv", "en", [])
    week = plan(inputs, forecast, dt.date(2026, 12, 1))
    return np.sum([np.asarray(c.agents, dtype=float) for c in week.channels], axis=0)


def full_model(required: np.ndarray) -> None:
    rules = ShiftRules(grid_minutes=15)
    count = len(sp.patterns(rules, rules.templates))
    started, cpu = time.perf_counter(), time.process_time()
    solved = roster.solve(rules, rules.templates, required, 15, time_limit=60.0, mip_gap=0.01)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    short = int(np.sum(solved.covered < required - 1e-9))
    print(f"full model: {count} patterns, {solved.headcount} people, {solved.status}, gap "
          f"{solved.gap:.2%}, {short} intervals short, efficiency {solved.efficiency:.1%}, {took:.2f} s "
          f"({cpu:.2f} s of CPU: more wall time means a busy machine)")
    met = solved.gap <= 0.01 and took < 10
    print(f"target: optimal or gap <= 1 % in under 10 s: {'met' if met else 'NOT met'}")


DAY_SHIFTS = [("night", "00:00", "00:00"), ("early", "07:00", "09:00"), ("middle", "10:00", "12:00"),
              ("late", "13:00", "16:00")]


def against_pyworkforce(required: np.ndarray) -> None:
    rules = ShiftRules.model_validate({
        "grid_minutes": 30, "days_per_week": 1, "days_off_together": False, "templates": [
            {"id": name, "name": name, "earliest_start": first, "latest_start": last, "hours": 8}
            for name, first, last in DAY_SHIFTS]})
    started = time.perf_counter()
    ours = roster.solve(rules, rules.templates, required, 15, time_limit=240.0, mip_gap=0.0)
    ours_seconds = time.perf_counter() - started
    ours_short = int(np.sum(ours.covered < required - 1e-9))
    try:
        from pyworkforce.scheduling import MinRequiredResources
    except ImportError:
        print("pyworkforce: not installed (pip install pyworkforce); cs-team alone:")
        print(f"cs-team      {ours.headcount:>6} person-days  {ours_short} short  {ours_seconds:.2f} s  "
              f"{ours.status}")
        return
    coverage = {}
    for start in (s for t in rules.templates for s in sp.starts(rules, t)):
        shape = sp.presence(start.minute, round(start.template.hours * 60), 15)[:96]
        coverage[f"{start.name}-{start.clock}"] = [int(v) for v in shape]
    days = required.reshape(7, 96).astype(int).tolist()
    started = time.perf_counter()
    theirs = MinRequiredResources(num_days=7, periods=96, shifts_coverage=coverage, required_resources=days,
                                  max_period_concurrency=500, max_shift_concurrency=200,
                                  max_search_time=240.0, num_search_workers=1).solve()
    their_seconds = time.perf_counter() - started
    scheduled = np.zeros((7, 96))
    for row in theirs["resources_shifts"]:
        scheduled[row["day"]] += np.array(coverage[row["shift"]]) * row["resources"]
    their_short = int(np.sum(scheduled < required.reshape(7, 96)))
    print("             person-days  short  seconds  status")
    print(f"cs-team      {ours.headcount:>11}  {ours_short:>5}  {ours_seconds:>7.2f}  {ours.status}")
    print(f"pyworkforce  {int(theirs['cost']):>11}  {their_short:>5}  {their_seconds:>7.2f}  "
          f"{theirs['status']}")
    print(f"speed-up: {their_seconds / ours_seconds:.1f}x; head-count equal or lower: "
          f"{ours.headcount <= theirs['cost']}")


if __name__ == "__main__":
    week = bundled_week()
    full_model(week)
    against_pyworkforce(week)
