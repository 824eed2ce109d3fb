"""The cover program against exhaustive search, peaks against lasting rises, time passing, forecast
checks, and properties: more volume never fewer people, more attrition never fewer hires, no hour
covered by anyone outside the roster, the classes or the temps."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import numpy as np
import pytest
import yaml

from cs_team.inputs.forecasts import read_forecast as read
from cs_team.model.hiring import HiringInputs
from cs_team.staffing import workforce
from cs_team.staffing.cover import Candidate, Problem, Temp, solve
from cs_team.staffing.forecast import ForecastError
from cs_team.staffing.forecast_checks import check
from cs_team.staffing.plan import plan
from tests.test_plan import INPUTS, week_csv

BUNDLED = Path(__file__).parent.parent / "playbooks"


def two_roles(need: list[list[float]], tenured: list[list[float]], weeks: int = 1) -> Problem:
    """Role 'multi' answers chat and voice, role 'voice' only voice; one class each, live at once."""
    ones = np.ones(weeks)
    return Problem(
        ["chat", "voice"], ["multi", "voice"], {"multi": ["chat", "voice"], "voice": ["voice"]},
        np.array(need, dtype=float), np.array(tenured, dtype=float), ones, 30.0,
        [Candidate("multi", ones, ones, 100.0, ones), Candidate("voice", ones, ones, 100.0, ones)])


@pytest.mark.parametrize("need", [[[40, 100]], [[95, 10]], [[0, 200]], [[61, 59]], [[150, 150]]])
def test_fewest_people_equal_exhaustive_search(need: list[list[float]]) -> None:
    problem = two_roles(need, [[1, 1]])
    cover = solve(problem)
    chat, voice = need[0]

    def enough(multi: int, only_voice: int) -> bool:
        # multi's hours go to chat first; what is left and the voice role's hours must cover voice
        multi_hours, voice_hours = 30 * (1 + multi), 30 * (1 + only_voice)
        return multi_hours >= chat and multi_hours - chat + voice_hours >= voice

    fewest = min(m + v for m, v in itertools.product(range(12), repeat=2) if enough(m, v))
    assert sum(cover.hires) == fewest
    assert cover.uncovered.sum() == pytest.approx(0, abs=1e-6)


def test_hours_are_spent_where_the_role_may_go() -> None:
    cover = solve(two_roles([[50, 10]], [[2, 2]]))
    # chat can only be answered by 'multi' (60 h): 50 h there; voice by whoever has hours left
    assert cover.hours["multi", "chat"][0] == pytest.approx(50)
    assert sum(cover.hires) == 0


def peak_problem(need: list[float]) -> Problem:
    """Eight weeks, 10 people of 30 h; a hire costs 3,000 + 1,200 a week to the end (live in week 1),
    overtime up to 5 h a person at 60 an hour, temps 70 an hour."""
    weeks = len(need)
    ones = np.ones(weeks)
    candidates = []
    for start in range(1, weeks):
        live = (np.arange(weeks) >= start).astype(float)
        candidates.append(Candidate("agent", live, live, 3000 + 1200 * (weeks - start), live))
    return Problem(["voice"], ["agent"], {"agent": ["voice"]}, np.array(need, dtype=float)[:, None],
                   np.full((weeks, 1), 10.0), ones, 30.0, candidates, overtime_hours=5, overtime_cost=60,
                   temps=[Temp("bpo", ["voice"], 1, 70.0, None)])


def test_a_one_week_peak_is_bought_by_the_hour() -> None:
    cover = solve(peak_problem([300] * 5 + [420] + [300] * 2))
    assert sum(cover.hires) == 0
    # 120 h over: 50 h of overtime (10 people x 5 h) at 60, the other 70 h from temps at 70
    assert cover.overtime["agent"][5] == pytest.approx(50)
    assert cover.temps["bpo", "voice"][5] == pytest.approx(70)


def test_a_lasting_rise_is_met_with_hires() -> None:
    cover = solve(peak_problem([300] * 2 + [420] * 6))
    # 120 h a week from week 2 on: 4 hires (the first class that can be live then) cost
    # 4 x (3,000 + 1,200 x 6) = 40,800; the hours instead: 6 x (50 x 60 + 70 x 70) = 47,400
    assert cover.hires[1] == 4 and sum(cover.hires) == 4
    assert cover.overtime["agent"][2:].sum() == pytest.approx(0, abs=1e-6)


def test_a_class_ramps_at_50_75_100() -> None:
    inputs = HiringInputs.model_validate({**INPUTS, "ramp_percent": [50, 75, 100], "training_weeks": 2,
                                          "nesting_weeks": 1})
    dates = workforce.class_dates(inputs, dt.date(2027, 3, 1))
    assert (dates.go_live, dates.fully_productive) == (dt.date(2027, 3, 22), dt.date(2027, 4, 5))
    days = [dt.date(2027, 3, 21), dt.date(2027, 3, 22), dt.date(2027, 3, 29), dt.date(2027, 4, 5),
            dt.date(2027, 6, 1)]
    assert [workforce.productivity(inputs, dates, d) for d in days] == [0.0, 0.5, 0.75, 1.0, 1.0]


def test_new_hires_leave_faster_for_90_days() -> None:
    inputs = HiringInputs.model_validate({**INPUTS, "new_hire_attrition_percent_per_month": 20})
    month = 365.25 / 12
    assert workforce.hire_kept(inputs, 60) == pytest.approx(0.8 ** (60 / month))
    assert workforce.hire_kept(inputs, 120) == pytest.approx(0.8 ** (90 / month) * 0.9 ** (30 / month))


def test_internal_moves_each_quarter() -> None:
    inputs = HiringInputs.model_validate({
        **INPUTS, "attrition_percent_per_month": 0,
        "roster": [{"role": "agent", "headcount": 100}, {"role": "senior", "headcount": 0}],
        "moves": [{"from_role": "agent", "to_role": "senior", "percent_per_quarter": 10}]})
    stock = workforce.tenured(inputs, dt.date(2027, 2, 15), [dt.date(2027, 3, 31), dt.date(2027, 4, 1),
                                                             dt.date(2027, 7, 2)])
    assert stock["agent"] == pytest.approx([100, 90, 81])
    assert stock["senior"] == pytest.approx([0, 10, 19])


def test_the_bundled_week_hires_no_one_while_people_can_move() -> None:
    """92 people in the roles that answer channels against 83 people's worth of need: with no
    attrition nobody is hired, whichever channels the single-channel roles are stuck on."""
    data = yaml.safe_load((BUNDLED / "hiring" / "inputs.yaml").read_text(encoding="utf-8"))
    data.update(attrition_percent_per_month=0, new_hire_attrition_percent_per_month=None, moves=[], shifts=None)
    for channel in data["channels"]:  # Erlang C's hours, as counted by hand below
        channel.pop("patience_seconds", None), channel.pop("abandon_percent", None)
    result = plan(HiringInputs.model_validate(data), read(BUNDLED / "forecasts" / "week.csv"), dt.date(2026, 9, 1))
    assert result.total_hires == 0 and result.costs.total == 0
    need = sum(m.need for m in result.months)
    # voice 1,013 and chat 848.75 agent-hours by Erlang C; email is its hours of work, read off the CSV
    rows = (line.split(",") for line in (BUNDLED / "forecasts" / "week.csv").read_text().splitlines()[1:])
    email = sum(float(r[2]) * float(r[3]) for r in rows if r[1] == "email") / 3600
    assert round(email, 2) == 367.73
    assert need == pytest.approx((1013 + 848.75 + email) / (40 * 0.67), abs=0.05)  # 26.8 h a person
    assert sum(m.surplus for m in result.months) == pytest.approx(92 - need, abs=0.05)


def test_missing_interval_is_an_error_naming_it(tmp_path: Path) -> None:
    path = week_csv(tmp_path / "week.csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    del lines[1 + 34]  # 2027-03-01 08:30
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ForecastError, match=r"channel email has no row for 1 interval inside the "
                                            r"forecast \(2027-03-01 08:30\)"):
        check(read(path, "week.csv"))


def test_a_forecast_shorter_than_a_week_is_refused(tmp_path: Path) -> None:
    path = week_csv(tmp_path / "week.csv")
    lines = path.read_text(encoding="utf-8").splitlines()[: 1 + 2 * 96]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ForecastError, match=r"covers 2 days \(2027-03-01 to 2027-03-02\); a plan needs "
                                            r"at least one whole week, and Wed, Thu, Fri, Sat, Sun would be guessed"):
        plan(HiringInputs.model_validate(INPUTS), read(path, "week.csv"), dt.date(2027, 1, 1))


def random_problem(rng: random.Random) -> Problem:
    weeks = rng.randint(2, 4)
    problem = two_roles([[rng.uniform(0, 150), rng.uniform(0, 150)] for _ in range(weeks)],
                        [[rng.uniform(0, 3), rng.uniform(0, 3)] for _ in range(weeks)], weeks)
    problem.overtime_hours, problem.overtime_cost = rng.choice([(0, 0), (4, 80)])
    return problem


@pytest.mark.parametrize("seed", range(6))
def test_more_volume_never_fewer_people(seed: int) -> None:
    rng = random.Random(seed)
    problem = random_problem(rng)
    before = sum(solve(problem).hires)
    problem.need = problem.need * rng.uniform(1.0, 1.6)
    assert sum(solve(problem).hires) >= before


@pytest.mark.parametrize("seed", range(6))
def test_no_hour_is_covered_by_people_who_are_not_there(seed: int) -> None:
    problem = random_problem(random.Random(seed))
    cover = solve(problem)
    hires = np.array(cover.hires, dtype=float)
    for r_at, role in enumerate(problem.roles):
        given = sum(cover.hours[role, c] for c in problem.staffs[role])
        ours = sum(h * k.gives for h, k in zip(hires, problem.candidates, strict=True) if k.role == role)
        overtime = cover.overtime.get(role, 0)
        capacity = (problem.tenured[:, r_at] + ours) * problem.productive_hours + overtime
        assert np.all(given <= capacity + 1e-6)
    for c_at, channel in enumerate(problem.channels):
        covered = sum(cover.hours[r, channel] for r in problem.roles if channel in problem.staffs[r])
        assert np.all(covered + cover.uncovered[:, c_at] >= problem.need[:, c_at] - 1e-6)


@pytest.mark.parametrize("rates", [(0, 5), (5, 10), (10, 20)])
def test_more_attrition_never_fewer_hires(tmp_path: Path, rates: tuple[int, int]) -> None:
    forecast = read(week_csv(tmp_path / "week.csv"))
    hires = [plan(HiringInputs.model_validate({**INPUTS, "attrition_percent_per_month": rate}), forecast,
                  dt.date(2026, 11, 1)).total_hires for rate in rates]
    assert hires[0] <= hires[1]
