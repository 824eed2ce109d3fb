"""Lint a synthetic repository of 2,000 playbook files and compare with a bare libyaml parse.

Prints, from one run on one machine (so the ratio is meaningful even on a noisy host):
the time to parse every file with yaml.load(CSafeLoader) alone, and the time cs-team
takes to load, validate and run every rule. Target: lint <= 2x the bare parse.

    python benchmarks/lint_bench.py [--files 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from cs_team.lint.cache import CACHE_FOLDER
from cs_team.repo import bundled_root, playbook_files
from cs_team.workspace import lint_paths

COMPETENCIES = ["communication", "problem-solving", "emotion-management", "service-mindset",
                "teamwork", "product-knowledge"]
TYPES = ["behavioural", "situational", "teamwork", "closed", "open", "skills-test", "case"]
ENGLISH = [
    "customer", "order", "refund", "parcel", "member", "invoice", "points", "coupon", "complaint",
    "escalation", "system", "outage", "account", "password", "lock", "fryer", "courier", "warranty",
    "exchange", "callback", "ticket", "quality", "roster", "peak", "emotion", "colleague", "mentor",
    "newcomer", "procedure",
]


def _text(rng: random.Random) -> tuple[str, str]:
    """Distinct wording for every question, as real banks have (no near-duplicates)."""
    chinese = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(24))
    english = " ".join(rng.choice(ENGLISH) for _ in range(12))
    return chinese, english


def _question(n: int, rng: random.Random) -> str:
    chinese, english = _text(rng)
    kind = TYPES[n % len(TYPES)]
    competency = COMPETENCIES[n % len(COMPETENCIES)]
    return f"""  - id: q{n:05d}
    type: {kind}
    text: {{zh: "{chinese}", en: "{english}"}}
    competencies: [{competency}]
    minutes: 5
    probes:
      - {{zh: 追问{n}：结果如何？, en: "Probe {n}: what was the result?"}}
    rubric:
      poor: {{zh: 没有例子{n}, en: No example {n}}}
      fair: {{zh: 有例子{n}, en: An example {n}}}
      strong: {{zh: 有例子和结果{n}, en: An example with a result {n}}}
"""


def _module(n: int, prerequisite: int | None) -> str:
    prerequisites = f"\n    prerequisites: [m{prerequisite:04d}]" if prerequisite is not None else ""
    return f"""  - id: m{n:04d}
    title: {{zh: 课程{n}, en: Module {n}}}
    area: process
    format: classroom
    hours: 2{prerequisites}
    assessment: {{methods: [theory], pass_mark: 80}}
"""


def _role(n: int) -> str:
    weights = [20, 20, 20, 20, 10, 10]
    pairs = zip(COMPETENCIES, weights, strict=True)
    criteria = "\n".join(f"  - {{competency: {c}, weight: {w}}}" for c, w in pairs)
    return f"""kind: role
format: 1
id: role-{n:03d}
title: {{zh: 岗位{n}, en: Role {n}}}
family: frontline
grade: cs-{1 + n % 2}
summary: {{zh: 岗位{n}的职责概述, en: What role {n} does}}
responsibilities:
  - {{zh: 解答客户咨询, en: Answers customer questions}}
requirements: {{experience_years: {n % 4}}}
hiring_criteria:
{criteria}
interview:
  - id: structured
    type: structured-interview
    minutes: 60
    competencies: [communication, problem-solving, teamwork]
    questions:
      - {{type: behavioural, per_competency: 1}}
      - {{type: situational, count: 2}}
kpi_targets: {{csat_percent: 88, fcr_percent: 75, aht_seconds: 400}}
"""


def build(root: Path, files: int) -> None:
    """``files`` playbook files: the bundled department plus roles to 50, 200 modules, banks."""
    rng = random.Random(20261122)
    shutil.copytree(bundled_root(), root)
    for n in range(50 - len(list((root / "roles").glob("*.yaml")))):
        (root / "roles" / f"role-{n:03d}.yaml").write_text(_role(n), encoding="utf-8")
    module = 0
    for c in range(38):  # 190 modules, with the bundled curriculum's 10: 200
        body = "".join(_module(module + k, module + k - 1 if k else None) for k in range(5))
        module += 5
        (root / "curriculum" / f"c{c:02d}.yaml").write_text(
            f"kind: curriculum\nformat: 1\nid: c{c:02d}\ntitle: {{zh: 课程体系{c}, en: Curriculum {c}}}\n"
            f"modules:\n{body}", encoding="utf-8")
    existing = len(playbook_files(root, [], []))
    banks = files - existing
    per_bank = -(-5000 // banks)
    question = 0
    for b in range(banks):
        body = "".join(_question(question + k, rng) for k in range(per_bank))
        question += per_bank
        (root / "questions" / f"bank-{b:04d}.yaml").write_text(
            f"kind: question-bank\nformat: 1\nid: bank-{b:04d}\nquestions:\n{body}", encoding="utf-8")


def bare_parse(paths: list[Path]) -> None:
    for path in paths:
        yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)


def lint(root: Path, cold: bool = True) -> int:
    """What `cs-team lint` does in the repository, without printing.

    Cold: the cache is deleted first, so the run pays for what a first run pays
    (hashing every file for the cache key, linting, writing the cache).
    """
    if cold:
        shutil.rmtree(root / CACHE_FOLDER, ignore_errors=True)
    return len(lint_paths([], None, set(), cwd=root, use_cache=True).findings)  # on even where CI is set


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


# VmHWM: this process's own high-water mark (ru_maxrss would carry over the parent's through exec).
_PEAK = "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"


def peak_memory(code: str, root: Path) -> float:
    """Peak resident memory (MB) of a fresh Python process running ``code`` in ``root``."""
    script = f"{code}\n{_PEAK}"
    result = subprocess.run([sys.executable, "-c", script], cwd=root, check=True, capture_output=True,
                            text=True)
    return int(result.stdout.split()[-1]) / 1024  # in KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        build(root, options.files)
        paths = [*playbook_files(root, [], []), root / "cs-team.yaml"]
        size = sum(p.stat().st_size for p in paths)
        findings = lint(root)
        bare_memory = peak_memory(
            "import yaml, pathlib\n"
            "for p in sorted(pathlib.Path('.').rglob('*.yaml')):\n"
            "    yaml.load(p.read_bytes().decode('utf-8-sig'), Loader=yaml.CSafeLoader)", root)
        lint_memory = peak_memory(
            "from cs_team.workspace import lint_paths\nlint_paths([], None, set(), use_cache=False)", root)
        parse_times = [timed(bare_parse, paths) for _ in range(options.repeat)]
        lint_times = [timed(lint, root) for _ in range(options.repeat)]
        warm_times = [timed(lint, root, False) for _ in range(options.repeat)]  # the last cold run filled it
        # Worst case for positions: a finding in every question bank, so each one's node tree,
        # let go after parsing, is composed again to say where.
        banks = sorted((root / "questions").glob("bank-*.yaml"))
        for bank in banks:  # the first question's text loses its English: CS208
            text = bank.read_text(encoding="utf-8")
            bank.write_text(re.sub(r', en: "[^"]*"\}', "}", text, count=1), encoding="utf-8")
        flagged = lint(root)
        flagged_times = [timed(lint, root) for _ in range(options.repeat)]
    parse, linted = statistics.median(parse_times), statistics.median(lint_times)
    warm, worst = statistics.median(warm_times), statistics.median(flagged_times)
    print(f"repository        {len(paths)} files, {size / 1e6:.1f} MB, {findings} findings")
    print(f"bare CSafeLoader  {parse:.3f} s   ({size / 1e6 / parse:.1f} MB/s)")
    print(f"cs-team lint      {linted:.3f} s   (cold: no cache)")
    print(f"ratio             {linted / parse:.2f}x  (target <= 2.00x)")
    print(f"unchanged, cached {warm:.3f} s   ({warm / parse:.2f}x the bare parse)")
    print(f"peak memory       {lint_memory:.0f} MB for a cold lint in a fresh process, "
          f"{bare_memory:.0f} MB for the bare parse (which keeps nothing)")
    print(f"{flagged:,} findings in {len(banks):,} files: {worst:.3f} s   ({worst / parse:.2f}x; "
          "each of those files is composed again for positions)")
    sys.exit(0)


if __name__ == "__main__":
    main()
