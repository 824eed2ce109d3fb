"""Scenarios: flags and documents change the plan's inputs, and plans are compared side by side."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from cs_team.inputs.forecasts import read_forecast
from cs_team.model.hiring import HiringInputs
from cs_team.staffing.scenario import ScenarioError, apply, from_flags, percent_change
from tests.test_cli import cs_team
from tests.test_plan import INPUTS, week_csv
from tests.test_roster_sheet import erlang_c_without_shifts

BUNDLED = Path(__file__).parent.parent / "playbooks"
SCENARIOS = {
    "busy.yaml": "kind: hiring-scenario\nformat: 1\nid: busy\ntitle: {zh: 业务量增长, en: Busier}\n"
                 "volume_percent: 30\naht_percent: 10\n",
    "churn.yaml": "kind: hiring-scenario\nformat: 1\nid: churn\ntitle: {zh: 高流失, en: High attrition}\n"
                  "attrition_percent_per_month: 8\n",
}


@pytest.mark.parametrize(("text", "value"), [("+10%", 10.0), ("-5", -5.0), ("7.5 %", 7.5), ("0", 0.0)])
def test_percent_changes(text: str, value: float) -> None:
    assert percent_change(text, "--volume") == value


@pytest.mark.parametrize(("text", "message"), [
    ("ten", "--volume 'ten' is not a change in percent: write it as +10% or -5%"),
    ("-100%", "--volume -100%: a change of -100% or less leaves nothing to plan"),
])
def test_bad_percent_changes(text: str, message: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        percent_change(text, "--volume")
    assert str(caught.value) == message


def test_flags_change_volume_handle_time_and_attrition(tmp_path: Path) -> None:
    scenario = from_flags("+50%", "-10%", "7")
    inputs, forecast = apply(scenario, HiringInputs.model_validate(INPUTS),
                             read_forecast(week_csv(tmp_path / "w.csv", volume=4, aht=1000)))
    (email,) = forecast.channels.values()
    assert (email.volume[0], email.aht_seconds[0]) == (6.0, 900.0)
    assert inputs.attrition_percent_per_month == 7
    assert scenario.title.get("zh", "zh") == "话务量 +50%，处理时长 -10%，月流失率 7%"
    assert scenario.title.get("en", "zh") == "volume +50%, handle time -10%, attrition 7% a month"
    assert from_flags(None, None, None) is None


@pytest.fixture
def department(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(BUNDLED, root)
    # people from hours (Erlang C, no roster): the comparisons below are about the levers, and a
    # roster's efficiency, better at higher volume, would blur them
    inputs = root / "hiring" / "inputs.yaml"
    inputs.write_text(erlang_c_without_shifts(inputs.read_text(encoding="utf-8")), encoding="utf-8")
    for name, text in SCENARIOS.items():
        (root / "hiring" / name).write_text(text, encoding="utf-8")
    return root


def test_scenarios_side_by_side(department: Path) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--scenario", "busy", "--scenario", "churn",
                     "--volume", "+5%", "--format", "json", cwd=department)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    rows = {row["scenario"]: row for row in data["comparison"]}
    assert list(rows) == ["baseline", "busy", "churn", "flags"]
    assert data["plans"]["busy"]["scenario"]["volume_percent"] == 30
    base, busy, churn = rows["baseline"], rows["busy"], rows["churn"]
    # more contacts and more leavers cost more and leave the busiest week less covered by own people
    assert busy["total_cost"] > base["total_cost"] and churn["total_cost"] > base["total_cost"]
    assert busy["peak_coverage_percent"] < base["peak_coverage_percent"]
    assert base["total_cost"] == data["plans"]["baseline"]["costs"]["total"]


def test_comparison_reads_in_one_language(department: Path) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--scenario", "churn", "--format", "md",
                     "--lang", "zh", cwd=department)
    assert result.returncode == 0, result.stderr
    table = result.stdout.split("\n---\n")[0]
    assert "| 高流失 |" in table and "| 现行参数 |" in table
    assert not any(word in table for word in ("Busier", "High attrition", "baseline", "Scenario"))


def test_unknown_scenario_and_csv_comparison_are_refused(department: Path) -> None:
    unknown = cs_team("plan-hiring", "--scenario", "chrun", cwd=department)
    assert unknown.returncode == 2 and "no hiring scenario 'chrun'" in unknown.stderr
    csv = cs_team("plan-hiring", "--scenario", "churn", "--format", "csv", "--as-of", "2026-09-01", cwd=department)
    assert csv.returncode == 2 and "--scenario compares plans: use --format md, html, pdf or json" in csv.stderr


def test_flags_alone_make_one_plan_that_says_so(department: Path) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--attrition", "6", "--format", "md", "--lang", "en",
                     cwd=department)
    assert result.returncode == 0, result.stderr
    assert "Scenario: attrition 6% a month" in result.stdout


def test_a_plan_under_flags_carries_them(tmp_path: Path) -> None:
    from cs_team.staffing.scenario import plan_under

    result = plan_under(from_flags(None, None, "6"), HiringInputs.model_validate(INPUTS),
                        read_forecast(week_csv(tmp_path / "w.csv")), dt.date(2027, 1, 1))
    assert result.as_dict()["scenario"] == {"id": "flags", "volume_percent": 0.0, "aht_percent": 0.0,
                                            "attrition_percent_per_month": 6.0,
                                            "new_hire_attrition_percent_per_month": None}


def test_the_plan_as_a_workbook(department: Path) -> None:
    import openpyxl

    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "xlsx", "--lang", "en", "--out", "p.xlsx",
                     cwd=department)
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(department / "p.xlsx")
    assert book.sheetnames == ["Summary", "Monthly mix", "People by role and month",
                               "Who covers each channel's hours", "Training classes", "Sourcing and budget",
                               "Sourcing totals", "Hiring funnel"]
    # the requisitions' sheet holds requisitions only; each channel's totals add up to its rows
    rows = list(book["Sourcing and budget"].iter_rows(min_row=2, values_only=True))
    for channel, hires, applicants, _, per_hire, fixed, total in book["Sourcing totals"].iter_rows(
            min_row=2, values_only=True):
        mine = [r for r in rows if r[2] == channel]
        assert hires == sum(r[3] for r in mine) and applicants == sum(r[5] for r in mine)
        assert per_hire == sum(r[6] for r in mine) and total == per_hire + fixed
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    plan = json.loads(cs_team("plan-hiring", "--as-of", "2026-09-01", cwd=department).stdout)
    assert summary["People to hire"] == plan["total_hires"]
    assert summary["Overtime"] == plan["costs"]["overtime"] and summary["Total cost"] == plan["costs"]["total"]
    assert (summary["Recruiting"], summary["Training"], summary["New hires' wages after training"]) == (
        plan["costs"]["hiring"], plan["costs"]["training"], plan["costs"]["salaries"])
    pivot = list(book["People by role and month"].iter_rows(values_only=True))
    assert pivot[0] == ("Role", None, "2027-03")
    first = plan["months"][0]
    assert pivot[1][1:] == ("Needed", first["need"])
