"""`cs-team --help` against a bare two-command Typer app's `--help`, in one run.

Both run as fresh processes in this environment, alternately, many times; the medians
are compared. Target: cs-team no slower than 1.3x the bare app (heavy modules such as
pydantic models, yaml, jinja2 and rich tables are imported only by the commands that
use them).

    python benchmarks/startup_bench.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = '''
import typer

app = typer.Typer(no_args_is_help=True, rich_markup_mode="rich")


@app.command()
def hello(name: str) -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


@app.command()
def bye(name: str) -> None:
    """Say goodbye."""
    typer.echo(f"bye {name}")


if __name__ == "__main__":
    app()
'''


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_app.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        commands = {"bare typer app": [sys.executable, str(bare), "--help"],
                    "cs-team": [sys.executable, "-m", "cs_team", "--help"]}
        for command in commands.values():  # warm the file cache and bytecode
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(options.runs):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:16s} {value * 1000:7.1f} ms (median of {options.runs})")
    ratio = medians["cs-team"] / medians["bare typer app"]
    print(f"ratio            {ratio:.2f}x  (target <= 1.30x)")


if __name__ == "__main__":
    main()
