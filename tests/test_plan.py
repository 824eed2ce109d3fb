"""The hiring plan: figures checked by hand on a small case, and forecast errors with their rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cs_team.inputs.forecasts import read_forecast as read
from cs_team.model.hiring import HiringInputs
from cs_team.staffing.forecast import ForecastError
from cs_team.staffing.plan import plan, split
from tests.test_cli import cs_team

INPUTS = {
    "kind": "hiring-inputs", "format": 1, "id": "small", "title": "small",
    "shrinkage": 20, "attrition_percent_per_month": 10, "hours_per_fte_week": 40,
    "training_weeks": 2, "nesting_weeks": 1, "ramp_percent": [50, 100],
    "channels": [{"id": "email", "name": "Email", "type": "email", "roles": ["agent"], "response_hours": 1}],
    "roster": [{"role": "agent", "headcount": 10}],
    "sourcing": [{"id": "referral", "name": "Referral", "days_to_fill": 28, "share_percent": 100,
                  "funnel": {"screened_percent": 50, "interviewed_percent": 50, "offered_percent": 50,
                             "accepted_percent": 80},
                  "cost_per_hire": 1000, "fixed_cost": 500}],
    "budget": 1000,
}


def week_csv(path: Path, volume: int = 3, aht: int = 900) -> Path:
    start = dt.datetime(2027, 3, 1)
    lines = ["interval_start,channel,volume,aht_seconds"]
    lines += [f"{(start + dt.timedelta(minutes=15 * i)).isoformat(timespec='minutes')},email,{volume},{aht}"
              for i in range(7 * 96)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_small_case_by_hand(tmp_path: Path) -> None:
    inputs = HiringInputs.model_validate(INPUTS)
    result = plan(inputs, read(week_csv(tmp_path / "week.csv")), as_of=dt.date(2027, 3, 1))
    # Email with a 1-hour response target: the floor clears each hour's work within the hour.
    # Work per 15 min = 3 x 900 s; trailing one-hour sums need 0.75, 1.5, 2.25, then 3 agents.
    (email,) = result.channels
    assert email.agents[:5] == [1, 2, 3, 3, 3] and len(email.agents) == 672
    # Deferred work is planned as its hours, not as the rounded agents: 672 intervals x 3 x 900 s = 504 h;
    # one person gives 40 h x (1 - 20 %) = 32 h a week.
    # Planned on the forecast's first day, no class can arrive: 10 people give 320 h, 184 h stay open.
    (channel,) = result.channel_months
    assert (channel.need_hours, channel.by_role, channel.uncovered_hours) == (504.0, {"agent": 320.0}, 184.0)
    (month,) = result.months
    assert (month.need, month.roster, month.new_hires, month.surplus) == (10.0, 10.0, 0.0, 0.0)
    assert result.total_hires == 0 and result.costs.total == 0
    assert [n.key for n in result.notes] == ["plan_note.short_horizon", "plan_note.uncovered"]
    assert result.notes[1].values == {"channel": "email", "hours": 184.0, "weeks": 1, "first": dt.date(2027, 3, 1)}


def test_attrition_is_aged_from_as_of_and_hires_arrive_as_a_class(tmp_path: Path) -> None:
    inputs = HiringInputs.model_validate(INPUTS)
    result = plan(inputs, read(week_csv(tmp_path / "week.csv")), as_of=dt.date(2027, 1, 1))
    month_days = 365.25 / 12
    tenured = 10 * 0.9 ** (59 / month_days)  # 1 January to 1 March at 10 % a month: 8.15 people
    (month,) = result.months
    assert month.roster == round(tenured, 2)
    # Requisitions take 28 days: the first Monday after 29 January is 1 February. Two weeks of
    # training and one of nesting: live on 22 February, at the ramp's second week (100 %) on 1 March,
    # with 0.9 ** (28 days) of the class still there.
    kept = 0.9 ** (28 / month_days)
    needed = 504 / 32 - tenured
    fewest = next(h for h in range(50) if h * kept >= needed - 1e-9)
    assert fewest == 9
    (training,) = result.classes
    assert (training.hires, training.training_starts, training.go_live) == (9, dt.date(2027, 2, 1),
                                                                              dt.date(2027, 2, 22))
    assert training.open_by == dt.date(2027, 1, 4)  # 28 days before training starts
    (requisition,) = training.requisitions
    # worked back stage by stage, each rounded up: 9 accept, 9 / 0.8 = 11.25 so 12 offers, 24
    # interviewed, 48 invited, 96 résumés
    assert requisition.applicants == 96
    assert result.costs.hiring == 9500  # 9 x 1,000 plus the channel's fixed 500
    assert result.channel_months[0].uncovered_hours == 0
    (mix,) = result.mix  # the class went live in February: the first month counts it
    assert (mix.need_hours, mix.going_live, mix.uncovered_hours, mix.overtime_hours) == (504, 9, 0, 0)
    assert mix.people_hours == 504
    assert [n.key for n in result.notes] == ["plan_note.short_horizon", "plan_note.urgent",
                                             "plan_note.over_budget"]


def test_shrinkage_that_lands_on_a_whole_number(tmp_path: Path) -> None:
    """144 agent-hours a week at 28 % shrinkage and 40-hour weeks is exactly 5 people, but
    144 / (40 x 0.72) is 5.000000000000001 in floats: a plain ceiling would hire a sixth."""
    assert 144 / (40 * (1 - 28 / 100)) > 5
    inputs = HiringInputs.model_validate({
        **INPUTS, "shrinkage": 28, "attrition_percent_per_month": 0, "roster": [{"role": "agent", "headcount": 0}],
        "channels": [{**INPUTS["channels"][0], "response_hours": 0.25}]})
    start = dt.datetime(2027, 3, 1)
    # a 15-minute response window: 576 emails of 900 s in one interval need 576 agents for
    # 15 minutes, 144 agent-hours; the rest of the week is quiet
    lines = ["interval_start,channel,volume,aht_seconds", f"{start.isoformat(timespec='minutes')},email,576,900"]
    lines += [f"{(start + dt.timedelta(minutes=15 * i)).isoformat(timespec='minutes')},email,0,900"
              for i in range(1, 7 * 96)]
    (tmp_path / "f.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = plan(inputs, read(tmp_path / "f.csv"), dt.date(2026, 1, 1))
    assert result.total_hires == 5 and result.months[0].need == 5.0


def test_hires_split_by_largest_remainder() -> None:
    assert split(7, [30, 45, 15, 10]) == [2, 3, 1, 1]
    assert split(1, [30, 45, 15, 10]) == [0, 1, 0, 0]
    assert split(0, [50, 50]) == [0, 0]
    assert sum(split(23, [33.3, 33.3, 33.4])) == 23


@pytest.mark.parametrize(("text", "message"), [
    ("start,channel,volume,aht_seconds\n", "f.csv:1: missing column interval_start"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3,900\nyesterday,email,3,900\n",
     "f.csv:3:1: interval_start 'yesterday' is not a date and time"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,-3,900\n", "f.csv:2:3: volume -3 is negative"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,x,900\n", "f.csv:2:3: volume 'x' is not a number"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,inf,900\n",
     "f.csv:2:3: volume 'inf' is not a finite number"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3,nan\n",
     "f.csv:2:4: aht_seconds 'nan' is not a finite number"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,,3,900\n", "f.csv:2:2: channel is empty"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3,0\n",
     "f.csv:2:4: aht_seconds must be positive where there is volume"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3\n", "f.csv:2: the row has 3 fields"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3,900\n2027-03-01T09:00,email,3,900\n",
     "f.csv:3: interval 2027-03-01 09:00 of this channel appears twice"),
    ("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,email,3,900\n2027-03-01T09:30,email,3,900\n"
     "2027-03-01T09:50,email,3,900\n", "f.csv:4: intervals must be evenly spaced"),
])
def test_forecast_errors_name_file_and_row(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "f.csv").write_text(text, encoding="utf-8")
    with pytest.raises(ForecastError) as caught:
        read(tmp_path / "f.csv", "f.csv")
    assert str(caught.value).startswith(message)


def test_a_bad_date_on_row_5213(tmp_path: Path) -> None:
    start = dt.datetime(2027, 3, 1)
    lines = ["interval_start,channel,volume,aht_seconds"]
    lines += [f"{(start + dt.timedelta(minutes=15 * i)).isoformat(timespec='minutes')},email,3,900"
              for i in range(6000)]
    lines[5212] = "2027-13-01T00:00,email,3,900"  # row 5,213 of the file, counting the header
    (tmp_path / "f.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ForecastError, match=r"^f.csv:5213:1: interval_start '2027-13-01T00:00'"):
        read(tmp_path / "f.csv", "f.csv")


def test_unknown_channel(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,fax,3,900\n", encoding="utf-8")
    with pytest.raises(ForecastError, match="channel fax is not in hiring inputs 'small'"):
        plan(HiringInputs.model_validate(INPUTS), read(path, "f.csv"), dt.date(2027, 1, 1))


def test_cli_runs_on_the_bundled_department(tmp_path: Path) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["forecast"] == "forecasts/week.csv" and data["as_of"] == "2026-09-01"
    # every role that staffs a channel, none that does not (team leads, trainers, managers)
    assert {m["role"] for m in data["months"]} == {
        "call-centre-agent", "agent-1", "agent-2", "agent-3", "sales-service", "complaints-specialist",
        "tech-support"}
    assert data["total_hires"] == sum(c["hires"] for c in data["classes"])
    again = cs_team("plan-hiring", "--as-of", "2026-09-01", cwd=tmp_path)
    assert again.stdout == result.stdout  # deterministic


def test_cli_csv_to_a_file(tmp_path: Path) -> None:
    result = cs_team("plan-hiring", "--format", "csv", "--out", "staffing.csv", "--as-of", "2026-09-01", cwd=tmp_path)
    assert result.returncode == 0
    lines = (tmp_path / "staffing.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "\ufeffinterval_start,channel,volume,aht_seconds,agents"
    assert len(lines) == 1 + 3 * 7 * 96


def test_cli_bad_forecast_exits_1_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "bad.csv").write_text("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,voice,-1,300\n",
                                      encoding="utf-8")
    result = cs_team("plan-hiring", "--forecast", "bad.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "cs-team: error: bad.csv:2:3: volume -1 is negative"


@pytest.mark.parametrize("output", ["md", "html"])
def test_report_golden(tmp_path: Path, output: str) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", output, "--lang", "zh-en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    from tests.conftest import assert_golden

    assert_golden(f"plan/bundled-week.zh-en.{output}", result.stdout)


def test_report_charts(tmp_path: Path) -> None:
    html = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "html", cwd=tmp_path).stdout
    assert html.count("<svg") == 1 and html.count("<polyline") == 3  # one line per channel, inline
    assert "<script" not in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    markdown = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "md", cwd=tmp_path).stdout
    assert "```mermaid\nxychart-beta" in markdown and markdown.count("    line [") == 3


def test_the_bundled_year_follows_the_seasons(tmp_path: Path) -> None:
    """Singles' Day makes November's busiest week the busiest of the year, and 618 (its presale and
    尾款 in late May, the peak in June) lifts May's and June's over April's (the Spring Festival and
    the other seasons are test_forecasts.py's)."""
    result = cs_team("plan-hiring", "--forecast", str(Path(__file__).parent.parent / "playbooks/forecasts/year.csv"),
                     "--as-of", "2026-06-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    need: dict[str, float] = {}
    for week in json.loads(result.stdout)["week_cover"]:
        month = week["week"][5:7]
        need[month] = max(need.get(month, 0.0), week["need_hours"])
    assert len(need) == 12
    assert max(need, key=need.get) == "11"
    assert min(need["05"], need["06"]) > need["04"]  # the 618 promotion


PATTERN = """kind: demand-pattern
format: 1
id: quiet-week
interval_minutes: 60
start: 2027-03-01
weeks: 1
channels:
  email:
    aht_seconds: 900
    default: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]
    sun: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
"""


def test_a_weekly_pattern_in_yaml(tmp_path: Path) -> None:
    (tmp_path / "week.yaml").write_text(PATTERN, encoding="utf-8")
    forecast = read(tmp_path / "week.yaml", "week.yaml")
    (email,) = forecast.channels.values()
    assert forecast.interval_seconds == 3600 and len(email.starts) == 7 * 24
    assert sum(email.volume) == 6 * 24 * 3  # Monday to Saturday; Sunday is quiet
    inputs = HiringInputs.model_validate(INPUTS)
    result = plan(inputs, forecast, dt.date(2027, 1, 1))
    # 3 emails x 900 s an hour for 144 hours: 108 hours of work (not 144 hours of one rounded-up agent)
    assert result.channel_months[0].need_hours == 108.0
    (email,) = result.channels  # shown per interval as the level that clears each hour's work
    assert email.agents[:24] == [1] * 24 and email.agents[-24:] == [0] * 24


def test_a_weekly_pattern_error_names_the_line(tmp_path: Path) -> None:
    from cs_team.inputs.problems import ProblemsFound

    (tmp_path / "week.yaml").write_text(PATTERN.replace("    sun: [0, 0, 0,", "    sun: [0, 0,")
                                        .replace("    default: [3,", "    mon: [3, 3]\n    default: [3,"),
                                        encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        read(tmp_path / "week.yaml", "week.yaml")
    # every incomplete day is reported, each at its own line and column
    assert caught.value.details == (
        "week.yaml:10:10: channel email, mon: give 24 volumes, one per interval of the day (got 2)",
        "week.yaml:12:10: channel email, sun: give 24 volumes, one per interval of the day (got 23)")


def test_cli_takes_a_yaml_pattern(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PATTERN.replace("email", "voice"), encoding="utf-8")
    result = cs_team("plan-hiring", "--forecast", "p.yaml", "--as-of", "2026-06-01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["channels"][0]["channel"] == "voice"


def test_the_budget_is_weighed_against_the_lines_it_covers(tmp_path: Path) -> None:
    """A bare amount covers recruiting and training (a 招聘预算); wages count only when listed."""
    forecast = read(week_csv(tmp_path / "week.csv"))
    bare = plan(HiringInputs.model_validate({**INPUTS, "wage_per_hour": 50}), forecast, as_of=dt.date(2027, 1, 1))
    costs = bare.costs
    assert costs.covers == ["recruiting", "training"] and costs.budget == 1000
    assert costs.salaries > 0 and costs.budgeted == costs.hiring + costs.training == 9500
    note = next(n for n in bare.notes if n.key == "plan_note.over_budget")
    assert note.values["cost"] == 9500 and note.values["over"] == 8500  # like with like: no wages
    scoped = {**INPUTS, "wage_per_hour": 50, "budget": {"amount": 1000, "covers": ["recruiting", "wages"]}}
    wide = plan(HiringInputs.model_validate(scoped), forecast, as_of=dt.date(2027, 1, 1)).costs
    assert wide.covers == ["recruiting", "wages"] and wide.budgeted == pytest.approx(wide.hiring + wide.salaries)


def test_a_role_that_trains_longer_goes_live_later(tmp_path: Path) -> None:
    from cs_team.staffing import workforce

    inputs = HiringInputs.model_validate({**INPUTS, "training_weeks_by_role": {"agent": 4}})
    assert inputs.training_weeks_of("agent") == 4 and inputs.training_weeks_of("other") == 2
    result = plan(inputs, read(week_csv(tmp_path / "week.csv")), as_of=dt.date(2026, 12, 1))
    (training,) = result.classes
    # four weeks in class and one nesting: live five weeks after the first day, not three
    assert training.go_live - training.training_starts == dt.timedelta(weeks=5)
    assert workforce.class_dates(inputs, dt.date(2027, 1, 4)).go_live == dt.date(2027, 1, 25)
