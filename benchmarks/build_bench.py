"""`cs-team build` of the bundled repository, end to end from the command line.

Prints the median wall time of fresh `cs-team build` processes (start-up, loading, planning every
kit, rendering every document in HTML and Markdown, writing) and how many files they write.
Target: well under 10 s.

    python benchmarks/build_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cs_team.repo import bundled_root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(options.runs):
            out = Path(folder) / f"site-{run}"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cs_team", "build", "--repo", str(bundled_root()),
                            "--out", str(out), "--lang", "zh-en"], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        files = sum(1 for p in out.rglob("*") if p.is_file())
    print(f"files written     {files} (bundled department, zh-en)")
    median = statistics.median(times)
    print(f"cs-team build     {median:.2f} s (median of {options.runs}; target well under 10 s)")


if __name__ == "__main__":
    main()
