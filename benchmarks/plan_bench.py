"""`cs-team plan-hiring` for a year of 15-minute intervals, end to end from the command line.

Three channels x 365 days x 96 intervals = 105,120 intervals, written by benchmarks/forecasts.py,
planned in fresh processes for each output format. Target: under 1 s.

    python benchmarks/plan_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
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
        for output in ("json", "csv", "md", "html"):
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                command = [sys.executable, "-m", "cs_team", "plan-hiring", "--repo", str(bundled_root()),
                           "--forecast", str(forecast), "--format", output, "--as-of", "2026-06-01",
                           "--out", str(Path(folder) / f"plan.{output}")]
                subprocess.run(command, check=True, capture_output=True)
                times.append(time.perf_counter() - start)
            print(f"plan-hiring {output:<5} {statistics.median(times):.2f} s (median of {options.runs}; "
                  "target < 1 s)")


if __name__ == "__main__":
    main()
