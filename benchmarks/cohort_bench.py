"""A cohort of fifty hires, planned together and printed, from the command line.

Fifty hires of two roles (two onboarding templates), three paces and six mentors, starting over
three weeks, planned as one cohort on the bundled department. Prints the wall time of
`cs-team onboarding-plan --cohort` writing Markdown (planning and rendering 51 files) and
writing PDF (the same, printed in one browser session), each as a ratio of its target: planned
in under 5 s, printed in under 20 s (issue 17). Then where the PDF's time goes: rendering the
HTML, making the CJK fonts' TrueType subsets, and the browser's printing of the 51 pages with
and without them (wall time and the processor time of all the browser's processes, which a
loaded machine stretches less). Measured in one run; needs Chromium for PDF.

    python benchmarks/cohort_bench.py [--hires 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cs_team.render import pdf_batch
from cs_team.render.pdf import find_browser
from cs_team.render.print_fonts import fontconfig_env
from cs_team.repo import bundled_root

MENTORS = ("李静", "赵磊", "陈晨", "周杰", "吴敏", "郑浩")
PACES = ("standard", "fast", "standard", "extended")


def cohort_csv(hires: int) -> str:
    first = dt.date(2027, 3, 1)
    rows = ["name,start,mentor,role,pace"]
    for n in range(hires):
        start = first + dt.timedelta(days=(n * 3) % 19)
        role = "tech-support" if n % 5 == 4 else "agent-1"
        mentor, pace = MENTORS[n % len(MENTORS)], PACES[n % len(PACES)]
        rows.append(f"新员工{n:02d},{start.isoformat()},{mentor},{role},{pace}")
    return "\n".join(rows) + "\n"


def timed(folder: Path, output: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cs_team", "onboarding-plan", "agent-1", "--repo",
                    str(bundled_root()), "--cohort", str(folder / "hires.csv"), "--format", output, "--out",
                    str(folder / output)], check=True, capture_output=True)
    return time.perf_counter() - start


def browser_seconds(session: int) -> float:
    """Processor time of every process in the browser's session (Linux's /proc), so far."""
    ticks = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            ticks += sum(int(f) for f in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def printing(pages: list[str], subsets: bool) -> tuple[float, float, int]:
    """Wall seconds, browser processor seconds and bytes of printing ``pages`` as the cohort does."""
    spent, stop, keep = {}, pdf_batch._end, pdf_batch.fontconfig_env

    def end(process: subprocess.Popen) -> None:
        spent["cpu"] = browser_seconds(process.pid)
        stop(process)

    pdf_batch._end = end
    if not subsets:
        pdf_batch.fontconfig_env = lambda pages, folder: None
    try:
        start = time.perf_counter()
        printed = pdf_batch.print_pdfs(pages, tagged=[True] * (len(pages) - 1) + [False])
        return time.perf_counter() - start, spent["cpu"], sum(map(len, printed))
    finally:
        pdf_batch._end, pdf_batch.fontconfig_env = stop, keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hires", type=int, default=50)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "hires.csv").write_text(cohort_csv(options.hires), encoding="utf-8")
        planned = timed(folder, "md")
        files = sum(1 for _ in (folder / "md").iterdir())
        print(f"cohort of {options.hires}, md   {planned:6.2f} s  {files} files  ratio to the 5 s target  "
              f"{planned / 5:.2f}")
        if find_browser() is None:
            print("cohort as PDF      skipped: no Chromium on PATH")
            return
        printed = timed(folder, "pdf")
        print(f"cohort of {options.hires}, pdf  {printed:6.2f} s  one browser session  ratio to the 20 s "
              f"target {printed / 20:.2f}")
        print("where the PDF's time goes:")
        rendered = timed(folder, "html")
        print(f"  plan and render the HTML (html run)   {rendered:6.2f} s")
        pages = [path.read_text(encoding="utf-8") for path in sorted((folder / "html").iterdir())]
        start = time.perf_counter()
        fontconfig_env(pages, Path(tempfile.mkdtemp(dir=folder)))
        print(f"  CJK TrueType subsets                  {time.perf_counter() - start:6.2f} s")
        for subsets in (True, False):
            wall, cpu, size = printing(pages, subsets)
            print(f"  print {len(pages)} pages, {'with' if subsets else 'without'} subsets "
                  f"{wall:6.2f} s wall  {cpu:6.2f} s browser processor  {size / 1e6:5.1f} MB")


if __name__ == "__main__":
    main()
