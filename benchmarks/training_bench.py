"""`cs-team training-results` grows linearly with the rows: time for N and 5N rows, and the ratio.

Each hire has two attempts at the minimal fixture's assessed module (a retake, then a pass), in
three cohorts. A linear command gives a ratio near 5 (start-up makes it a little less); the
grouping that compared every hire with every row gave 20-25 (40,000 rows took 175 s).

    python benchmarks/training_bench.py [--rows 8000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "minimal"


def _rows(count: int) -> str:
    lines = ["hire,cohort,module,attempt,simulation"]
    for hire in range(count // 2):
        lines += [f"h{hire},c{hire % 3},m-calls,1,70", f"h{hire},c{hire % 3},m-calls,2,85"]
    return "\n".join(lines) + "\n"


def _timed(repo: Path, results: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cs_team", "training-results", str(results), "--format", "json",
                    "--repo", str(repo)], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(FIXTURE, repo)
        times = []
        for count in (options.rows, 5 * options.rows):
            results = Path(folder) / f"results-{count}.csv"
            results.write_text(_rows(count), encoding="utf-8")
            times.append(_timed(repo, results))
            print(f"{count:>8,} rows   {times[-1]:.2f} s")
    print(f"ratio 5x rows    {times[1] / times[0]:.1f} (linear: about 5)")


if __name__ == "__main__":
    main()
