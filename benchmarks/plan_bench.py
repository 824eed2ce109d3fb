"""`cs-team plan-hiring` for a year of 15-minute intervals, end to end from the command line.

Three channels x 365 days x 96 intervals = 105,120 intervals, written by benchmarks/forecasts.py,
staffed by the bundled department's seven channel roles, planned in fresh processes for each output
format. Target: under 2 s. The optimisation's share is the solver's time, measured in-process on the
same plan, over the end-to-end median.

    python benchmarks/plan_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from forecasts import write

from cs_team.repo import bundled_root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        forecast = Path(folder) / "year-15min.csv"
        rows = write(forecast, dt.datetime(2027, 1, 1), 365, 15)
        print(f"forecast          {rows:,} intervals ({forecast.stat().st_size / 1e6:.1f} MB)")
        solver = _solver_seconds(forecast)
        for output in ("json", "csv", "md", "html"):
            times, cpu = [], []
            for _ in range(options.runs):
                used = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                command = [sys.executable, "-m", "cs_team", "plan-hiring", "--repo", str(bundled_root()),
                           "--forecast", str(forecast), "--format", output, "--as-of", "2026-06-01",
                           "--out", str(Path(folder) / f"plan.{output}")]
                subprocess.run(command, check=True, capture_output=True)
                times.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
            median = statistics.median(times)
            # CPU seconds too: on a shared machine the wall clock also counts other people's work
            spent = statistics.median(cpu)
            print(f"plan-hiring {output:<5} {median:.2f} s wall, {spent:.2f} s CPU "
                  f"(median of {options.runs}; target < 2 s); optimisation {solver:.2f} s: "
                  f"{solver / median:.0%} of the wall time, {min(solver / spent, 1):.0%} of the CPU time")


def _solver_seconds(forecast: Path) -> float:
    """The solver's seconds for the plan the command makes (its JSON leaves them out: not reproducible)."""
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.playbook import Playbook
    from cs_team.staffing.plan import plan
    from cs_team.workspace import open_repository

    inputs = next(iter(Playbook(open_repository(bundled_root()).repo).hiring.values()))
    result = plan(inputs, read_forecast(forecast), dt.date(2026, 6, 1))
    print(f"program           {result.optimisation.variables} variables, {result.optimisation.status}, "
          f"gap {result.optimisation.mip_gap:.2%}, {len(result.classes)} classes, {result.total_hires} hires")
    return result.optimisation.seconds


if __name__ == "__main__":
    main()
