"""Each lint rule's CPU on the 2,000-file benchmark repository, as a share of its bare parse.

Issue #14's cold lint must stay within 2.0x a process that only parses the files with
CSafeLoader; this prints, measured in one process, what that parse costs and what each rule
(and the rules other than CS209 together, whose budget is 0.12 s there) adds to it. The rules
run as lint runs them, in the table's order on a fresh playbook, so a walk shared by several
rules is charged to the first that asks for it. Each figure is the median of ``--runs`` runs.

    python benchmarks/rule_bench.py [--runs 5] [--repo DIR] [--top 15]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from benchmarks.house_bench import files_repository
from cs_team.lint.rules import CHECKS
from cs_team.loader import load_repository
from cs_team.playbook import Playbook


def bare_parse(root: Path) -> float:
    """CPU seconds of parsing every file of ``root`` with CSafeLoader, as house_bench's baseline."""
    start = time.process_time()
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
    return time.process_time() - start


def rule_times(root: Path) -> dict[str, float]:
    """CPU seconds of each rule, run in the table's order on a fresh playbook of ``root``."""
    repo = load_repository(root, cwd=root)
    gc.collect()
    gc.disable()  # lint runs its rules with the cyclic collector paused
    try:
        playbook = Playbook(repo)
        times = {}
        for code, check in CHECKS.items():
            start = time.process_time()
            for _ in check(playbook):
                pass
            times[code] = time.process_time() - start
        return times
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repo", type=Path, help="a repository to measure instead of a new 2,000-file one")
    parser.add_argument("--top", type=int, default=15, help="how many of the costliest rules to list")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = options.repo
        if root is None:
            root = Path(folder) / "files-2000"
            files_repository(root, 2000)
        parses = [bare_parse(root) for _ in range(options.runs)]
        runs = [rule_times(root) for _ in range(options.runs)]
    parse = statistics.median(parses)
    each = {code: statistics.median(run[code] for run in runs) for code in CHECKS}
    others = statistics.median(sum(t for code, t in run.items() if code != "CS209") for run in runs)
    print(f"bare CSafeLoader parse {parse:.3f} s CPU (median of {options.runs})")
    print(f"rules other than CS209 {others:.3f} s: {others / parse:.3f}x the parse (budget 0.12 s)")
    print(f"CS209 {each['CS209']:.3f} s: {each['CS209'] / parse:.3f}x")
    for code, seconds in sorted(each.items(), key=lambda item: -item[1])[:options.top]:
        print(f"  {code} {seconds * 1000:7.1f} ms  {seconds / parse:.3f}x")


if __name__ == "__main__":
    main()
