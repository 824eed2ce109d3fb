"""Numbers no one should type: every numeric option gets an answer or a one-line error, never a
hang or a traceback.

All cases run in one interpreter (a driver calling the entry point); the subprocess timeout only
guards against a hang, it measures nothing.
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINIMAL, position

EXTREMES = ["0", "-0.0", "5e-324", "2.2250738585072014e-308", "1e-300", "1e308", "inf", "-inf", "nan",
            "-1"]
BASE = {"--volume": "100", "--aht": "180", "--interval": "1800", "--target": "0.8", "--within": "20",
        "--max-occupancy": "0.85"}
ASA_BASE = {"--volume": "100", "--aht": "180", "--interval": "1800", "--asa": "30"}
PATIENCE_BASE = {"--volume": "100", "--aht": "180", "--interval": "15m", "--target": "80", "--within": "20",
                 "--patience": "120", "--abandon": "5"}

DRIVER = r"""
import contextlib, functools, io, json, sys, traceback
import typer.main
from cs_team.cli import main

# Building the click command tree costs more than any case: build it once for the whole run.
typer.main.get_command = functools.lru_cache(typer.main.get_command)

results = []
for argv in json.loads(sys.stdin.read()):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except BaseException:
            code, err = "traceback", io.StringIO(traceback.format_exc())
    results.append([argv, code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def _cases() -> list[list[str]]:
    cases = []
    for base in (BASE, ASA_BASE, PATIENCE_BASE):
        for option, value in itertools.product(base, EXTREMES):
            arguments = {**base, option: value}
            argv = ["erlang", *itertools.chain.from_iterable(arguments.items()), "--table"]
            cases += [argv, [*argv, "--format", "json"]]
    cases.append(["erlang", "--volume", "1e308", "--aht", "1e308", "--interval", "900", "--asa", "30"])
    cases.append(["erlang", "--volume", "1e15", "--aht", "300", "--interval", "3600", "--asa", "30"])
    cases.append(["erlang", "--volume", "499000", "--aht", "3600", "--interval", "3600", "--asa", "1e-300"])
    return cases


def test_erlang_answers_or_refuses_every_extreme(tmp_path: Path) -> None:
    cases = _cases()
    done = subprocess.run([sys.executable, "-c", DRIVER], input=json.dumps(cases), capture_output=True,
                          text=True, cwd=tmp_path, timeout=len(cases) * 5, check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == len(cases)
    refused = 0
    for argv, code, out, err in results:
        assert code in (0, 2), (argv, code, err)
        if code == 2:
            refused += 1
            assert out == "" and err.count("\n") == 1 and err.startswith("cs-team: error: "), (argv, err)
            continue
        assert err == "", (argv, err)
        if "json" in argv:
            figures = json.loads(out)
            assert figures["agents"] >= 0 and "NaN" not in out and "Infinity" not in out, (argv, out)
        else:
            assert "nan" not in out.lower(), (argv, out)
    # NaN and infinity are refused on every option; so is a negative anything.
    for argv, code, _, err in results:
        values = argv[2:argv.index("--table") if "--table" in argv else None:2]
        if any(v in ("nan", "inf", "-inf", "-1") for v in values):
            assert code == 2, (argv, err)
    assert refused < len(results)


def test_the_answer_past_the_bound_says_so(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cs_team", "erlang", "--volume", "1e9", "--aht", "3600",
                           "--interval", "3600", "--target", "0.8", "--within", "20"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == ("cs-team: error: the traffic is 1e+09 Erlangs: it needs more than 500,000 agents, "
                           "past what cs-team computes; check the units (volume per interval, handle time "
                           "and interval in seconds) or split the queue\n")


def test_a_5000_digit_number_is_a_finding_at_its_line(tmp_path: Path) -> None:
    """Python refuses int("9" * 5000): a finding at the number, in lint and every command."""
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo)
    text = (repo / "role.yaml").read_text(encoding="utf-8")
    line, column = position(text, "40", before="weight: ")
    (repo / "role.yaml").write_text(text.replace("weight: 40", "weight: " + "9" * 5000, 1), encoding="utf-8")
    for argv in (["lint", "--format", "parsable", "--lang", "en"], ["interview-kit", "agent"], ["trace"]):
        done = subprocess.run([sys.executable, "-m", "cs_team", *argv], capture_output=True, text=True,
                              cwd=repo, timeout=120, check=False)
        assert "Traceback" not in done.stderr, (argv, done.stderr)
        if argv[0] == "lint":
            assert done.returncode == 1
            assert (
                f"role.yaml:{line}:{column}: error CS013 this number has 5,000 digits, far out of any "
                "range (at most 100 are read); write the value the field needs\n") in done.stdout


HIRING_NUMBERS = {
    "shrinkage": "shrinkage: 30",
    "attrition": "attrition_percent_per_month: 4",
    "training_weeks": "training_weeks: 2",
    "service level": "percent: 80",
    "answer time": "within_seconds: 20",
    "days to fill": "days_to_fill: 30",
    "screened": "screened_percent: 50",
    "accepted": "accepted_percent: 80",
    "share": "share_percent: 100",
}
WEEK = "interval_start,channel,volume,aht_seconds\n" + "".join(
    f"2027-03-{1 + day:02d}T{hour:02d}:00,voice,{60 + 10 * (hour % 5)},300\n" for day in range(7) for hour in range(24))
"""A week of hourly voice volumes: the least a plan is made from."""
YAML_EXTREMES = [".nan", ".inf", "-.inf", "0", "-1", "1.0e+20", "1.0e+308", "5.0e-324", "100000000000000000000"]


def test_hiring_inputs_with_extreme_numbers_lint_or_plan_never_crash_or_stall(tmp_path: Path) -> None:
    """Every numeric hiring input at every extreme: lint finds it at its line, or plan-hiring
    answers; never a traceback or a stall (one interpreter for all; the timeout is a hang guard)."""
    cases = []
    for n, ((name, written), value) in enumerate(itertools.product(HIRING_NUMBERS.items(), YAML_EXTREMES)):
        repo = tmp_path / f"r{n}"
        shutil.copytree(MINIMAL, repo)
        text = (repo / "hiring.yaml").read_text(encoding="utf-8")
        key = written.split(":")[0]
        (repo / "hiring.yaml").write_text(text.replace(written, f"{key}: {value}", 1), encoding="utf-8")
        (repo / "demand.csv").write_text(WEEK, encoding="utf-8")
        line = text[:text.index(written)].count("\n") + 1
        cases.append((name, value, str(repo), line))
    script = DRIVER.replace("for argv in json.loads(sys.stdin.read()):", "import os\nfor cwd, argv in json.loads(sys.stdin.read()):\n    os.chdir(cwd)")
    runs = [[repo, argv] for _, _, repo, _ in cases
            for argv in (["lint", "--format", "parsable", "--no-cache", "--lang", "en"],
                         ["plan-hiring", "--forecast", "demand.csv", "--as-of", "2026-12-01"])]
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(runs), capture_output=True, text=True,
                          cwd=tmp_path, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout)
    for (name, value, _, line), lint, plan in zip(cases, results[::2], results[1::2], strict=True):
        _, lint_code, lint_out, _ = lint
        _, plan_code, plan_out, plan_err = plan
        assert plan_code != "traceback", (name, value, plan_err)
        assert plan_code in (0, 1, 2), (name, value, plan_code)
        if plan_code != 0:
            assert plan_err.strip().split("\n")[-1].startswith("cs-team: error: "), (name, value, plan_err)
        if lint_code == 0:  # a value lint lets pass must plan, with finite figures
            assert plan_code == 0 and "NaN" not in plan_out and "Infinity" not in plan_out, (name, value)
        else:
            assert f"hiring.yaml:{line}:" in lint_out, (name, value, lint_out)
        if value in (".nan", ".inf", "-.inf", "1.0e+308", "100000000000000000000"):
            assert lint_code == 1, (name, value)


PLAN_FLAG_EXTREMES = ["0", "-0", "5e-324", "1e-300", "+1e308%", "1e308", "inf", "-inf", "nan", "-100", "-99.9999999",
                      "+1000%"]


def test_plan_hiring_flags_answer_or_refuse_every_extreme(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo)
    (repo / "demand.csv").write_text(WEEK, encoding="utf-8")
    script = DRIVER.replace("for argv in json.loads(sys.stdin.read()):",
                            f"import os\nos.chdir({str(repo)!r})\nfor argv in json.loads(sys.stdin.read()):")
    runs = [["plan-hiring", "--forecast", "demand.csv", "--as-of", "2026-12-01", flag, value]
            for flag in ("--volume", "--aht", "--attrition") for value in PLAN_FLAG_EXTREMES]
    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(runs), capture_output=True, text=True,
                          cwd=tmp_path, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    for argv, code, out, err in json.loads(done.stdout):
        assert code in (0, 2), (argv, code, err)
        if code == 2:
            assert out == "" and err.strip().split("\n")[-1].startswith("cs-team: error: "), (argv, err)
        else:
            assert "NaN" not in out and "Infinity" not in out, argv
        if argv[-1] in ("inf", "-inf", "nan", "-100"):
            assert code == 2, (argv, err)
