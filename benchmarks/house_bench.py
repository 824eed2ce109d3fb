"""The four start-up and lint ratios of issue #14, measured from the command line in one run.

Each figure is the median of fresh processes run alternately with the process it is compared
with, so both see the same machine load; CPU time (user + system, of the process and its
children) is printed beside wall time, since on a shared machine it is the steadier of the two.

1. `cs-team lint` of an unchanged 2,000-file repository (a cache hit)
   <= 1.5x the `--help` of a bare one-command Typer app;
2. `cs-team lint --no-cache` of that repository <= 2.0x a Python process that only parses the
   same files with CSafeLoader; measured with a worker on the second CPU (`-j 2`, what the default
   `-j auto` chooses when a CPU is free as the lint starts) and in one process (`-j 1`);
3. the same for a repository whose bank holds 15,000 questions in the bundled house style
   (mutated copies of the bundled questions, so CS209 has real work) <= 2.5x its bare parse;
4. `cs-team lint --help` <= 1.3x the bare app's `--help`.

Python's bytecode is cached for every process (in the benchmark's temporary folder), as it is for
an installed cs-team. With PYTHONDONTWRITEBYTECODE set, as on the shared development machine, a
checkout's cs-team compiles the 130 modules a cold lint imports in every process, while the
baselines import only packages compiled when installed; `--no-bytecode` measures that way.

    python benchmarks/house_bench.py [--runs 7] [--help-runs 21] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.house_style import bank_yaml, house_texts
from benchmarks.lint_bench import build

BARE_APP = '''
import typer

app = typer.Typer()


@app.command()
def lint(paths: list[str] | None = None, strict: bool = False) -> None:
    """Check files."""
    typer.echo(f"{paths} {strict}")


if __name__ == "__main__":
    app()
'''

BARE_PARSE = '''
import pathlib, yaml
for path in sorted(pathlib.Path(".").rglob("*.yaml")):
    if ".cs-team-cache" not in path.parts:
        yaml.load(path.read_bytes().decode("utf-8-sig"), Loader=yaml.CSafeLoader)
'''

CS_TEAM = [sys.executable, "-m", "cs_team"]


ENVIRONMENT = dict(os.environ)
"""The measured processes' environment (main() sets where their bytecode is cached)."""


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process (its children included)."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENVIRONMENT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def compare(name: str, target: float, measured: list[str], baseline: list[str], cwd: Path,
            runs: int) -> None:
    timed(measured, cwd), timed(baseline, cwd)  # warm the file cache, bytecode and lint cache
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for k, command in enumerate((measured, baseline)):
            wall, cpu = timed(command, cwd)
            walls[k].append(wall)
            cpus[k].append(cpu)
    wall_m, wall_b = map(statistics.median, walls)
    cpu_m, cpu_b = map(statistics.median, cpus)
    print(f"{name}\n  wall {wall_m:.3f} s vs {wall_b:.3f} s: {wall_m / wall_b:.2f}x   "
          f"cpu {cpu_m:.3f} s vs {cpu_b:.3f} s: {cpu_m / cpu_b:.2f}x   (target <= {target:.1f}x)")


def files_repository(root: Path, files: int) -> None:
    """lint_bench's repository of ``files`` files, its 5,000 questions in the house style."""
    build(root, files)
    banks = sorted((root / "questions").glob("bank-*.yaml"))
    per_bank = -(-5000 // len(banks))
    texts = house_texts(per_bank * len(banks))
    for n, bank in enumerate(banks):
        start = n * per_bank
        bank.write_text(bank_yaml(bank.stem, texts[start:start + per_bank], start), encoding="utf-8")


def house_repository(root: Path, questions: int) -> None:
    """The bundled department with ``questions`` house-style questions in banks of 500."""
    from cs_team.repo import bundled_root

    shutil.copytree(bundled_root(), root)
    texts = house_texts(questions)
    for start in range(0, questions, 500):
        bank = f"house-{start // 500:03d}"
        (root / "questions" / f"{bank}.yaml").write_text(
            bank_yaml(bank, texts[start:start + 500], start), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--help-runs", type=int, default=21)
    parser.add_argument("--no-bytecode", action="store_true", help="compile every module in every process")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        if options.no_bytecode:
            ENVIRONMENT["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            ENVIRONMENT.pop("PYTHONDONTWRITEBYTECODE", None)
            ENVIRONMENT["PYTHONPYCACHEPREFIX"] = str(base / "bytecode")
        bare = base / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        bare_help = [sys.executable, str(bare), "--help"]
        parse = [sys.executable, "-c", BARE_PARSE]
        large = base / "files-2000"
        files_repository(large, 2000)
        house = base / "house-15000"
        house_repository(house, 15000)
        print(f"{sys.executable}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, bytecode "
              f"{'compiled in every process' if options.no_bytecode else 'cached'}")
        compare("1. cached lint, 2,000 files / bare Typer app --help", 1.5,
                [*CS_TEAM, "lint"], bare_help, large, options.help_runs)
        for jobs, how in (("2", "with a worker on the second CPU"), ("1", "in one process")):
            compare(f"2. cold lint, 2,000 files, {how} (-j {jobs}) / bare CSafeLoader parse", 2.0,
                    [*CS_TEAM, "lint", "--no-cache", "-j", jobs], parse, large, options.runs)
        for jobs, how in (("2", "with a worker on the second CPU"), ("1", "in one process")):
            compare(f"3. cold lint, 15,000 house-style questions, {how} (-j {jobs}) / bare CSafeLoader "
                    "parse", 2.5, [*CS_TEAM, "lint", "--no-cache", "-j", jobs], parse, house, options.runs)
        compare("4. cs-team lint --help / bare Typer app --help", 1.3,
                [*CS_TEAM, "lint", "--help"], bare_help, base, options.help_runs)


if __name__ == "__main__":
    main()
