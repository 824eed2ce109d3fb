"""The bundled year plan is one a workforce planner would sign: its headline figures checked against
a calculation from the inputs alone (by hand and by a week-by-week simulation of the people), not
against what the code printed before."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from cs_team.inputs.forecasts import read_forecast
from cs_team.model.hiring import HiringInputs
from cs_team.staffing.plan import plan

ROOT = Path(__file__).parent.parent / "playbooks"
AS_OF = dt.date(2026, 12, 1)
MONTH = 365.25 / 12


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load((ROOT / "hiring" / "inputs.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def year(data: dict):
    return plan(HiringInputs.model_validate(data), read_forecast(ROOT / "forecasts" / "year.csv"), AS_OF)


def _hire_kept(data: dict, days: float) -> float:
    """30 % of hires gone in their first 90 days (a constant monthly rate), then the tenured rate."""
    early = 1 - (1 - data["new_hire_90_day_attrition_percent"] / 100) ** (MONTH / 90)
    tenured = data["attrition_percent_per_month"] / 100
    return (1 - early) ** (min(days, 90) / MONTH) * (1 - tenured) ** (max(days - 90, 0) / MONTH)


def test_hires_are_the_backfill_of_attrition_and_the_gap(data: dict, year) -> None:
    """By hand: the 92 people of the roles that answer channels lose 3.5 % a month for the 395 days
    to 31 December 2027; a typical week needs about 105 on the payroll (the roster's note). Each
    starter yields the sources' pass rate (by share) times the share of a class that starts halfway
    through still there at the end."""
    staffed = {r for c in data["channels"] for r in c["roles"]}
    today = sum(e["headcount"] for e in data["roster"] if e["role"] in staffed)
    assert today == 92
    days = (dt.date(2027, 12, 31) - AS_OF).days
    leavers = today * (1 - (1 - 0.035) ** (days / MONTH))
    (rostered,) = [n.values for n in year.notes if n.key == "plan_note.rostered"]
    gap = rostered["employed"] - today
    passing = sum(s["funnel"]["trained_percent"] * s["share_percent"] for s in data["sourcing"]) / sum(
        s["share_percent"] for s in data["sourcing"]) / 100
    expected = (leavers + gap) / (passing * _hire_kept(data, days / 2))
    assert round(leavers, 1) == 34.1 and gap == 13 and passing == pytest.approx(0.8575)
    assert year.total_hires == pytest.approx(expected, rel=0.10)  # 91 against 89 by hand
    assert abs(year.reference.hires - expected) <= 3  # the figure printed beside the plan


def test_the_recruiting_budget_holds_and_compares_like_with_like(data: dict, year) -> None:
    """The budget covers recruiting and training only; recruiting is worked out again from the
    requisitions and the sources' prices, training from the classes expected to qualify."""
    price = {s["id"]: s for s in data["sourcing"]}
    used = {r.sourcing for r in year.requisitions}
    recruiting = sum(r.hires * price[r.sourcing]["cost_per_hire"] for r in year.requisitions) + sum(
        price[s].get("fixed_cost", 0) for s in used)
    by_role = data["training_cost_by_role"]
    training = sum(c.qualified * by_role.get(c.role, data["training_cost_per_qualified"]) for c in year.classes)
    assert year.costs.hiring == pytest.approx(recruiting) and year.costs.training == pytest.approx(training, abs=1)
    assert year.costs.covers == ["recruiting", "training"] and year.costs.budget == 600_000
    assert year.costs.budgeted == pytest.approx(recruiting + training, abs=1)
    assert year.costs.budgeted <= 600_000
    assert year.costs.total > 3 * year.costs.budget  # wages, overtime and temps shown, not weighed
    assert not any(n.key == "plan_note.over_budget" for n in year.notes)


def test_a_simulation_of_the_people_covers_every_week(data: dict, year) -> None:
    """Week by week from the inputs: today's 92 age at 3.5 % a month, every class keeps its
    starters by the 90-day rule, loses those failing training when it ends, and gives its ramp
    after training and nesting. What people give in paid hours never exceeds that, and with
    overtime, temps and the hours left open it meets the need; no role sits idle a month, and
    the last full week needs no overtime or temps."""
    productive = data["hours_per_fte_week"] * (1 - sum(data["shrinkage"].values()) / 100)
    by_role = data["training_weeks_by_role"]
    first = dt.date(2027, 1, 1)
    for week in year.week_cover:
        day = max(week.week, AS_OF)
        share = min((dt.date(2028, 1, 1) - week.week).days, 7) / 7
        people = 92 * (1 - 0.035) ** ((day - AS_OF).days / MONTH)
        for c in year.classes:
            trains = by_role.get(c.role, data["training_weeks"])
            ends = c.training_starts + dt.timedelta(weeks=trains)
            live = ends + dt.timedelta(weeks=data["nesting_weeks"])
            if day < live:
                continue
            ramp = data["ramp_percent"]
            weeks_live = (day - live).days // 7
            staying = _hire_kept(data, (day - c.training_starts).days) * c.qualified / c.hires
            people += c.hires * staying * (ramp[weeks_live] if weeks_live < len(ramp) else 100) / 100
        assert week.people_hours <= people * productive * share * 1.01 + 1e-6, week.week
        covered = week.people_hours + week.overtime_hours + week.temp_hours + week.uncovered_hours
        assert covered >= week.need_hours - 0.05, week.week
        assert (week.week - first).days % 7 == 0
    assert sum(w.uncovered_hours for w in year.week_cover) == 0
    assert max(m.surplus for m in year.months) < 1  # nobody idle
    last_full = [w for w in year.week_cover if (dt.date(2028, 1, 1) - w.week).days >= 7][-1]
    assert last_full.overtime_hours == 0 and last_full.temp_hours == 0


def test_peaks_are_bought_by_the_hour(year) -> None:
    """双十一 and the Spring Festival: November and January are the year's busiest months, and their
    extra hours come from overtime and temps, not from classes opened for them."""
    by_month = {m.month.month: m for m in year.mix}
    quiet = by_month[8]
    for month in (1, 11):
        peak = by_month[month]
        assert peak.overtime_hours + peak.temp_hours > 0.2 * (peak.need_hours - quiet.need_hours)
    assert by_month[11].going_live == 0 and by_month[12].going_live == 0
    assert math.isclose(sum(m.going_live for m in year.mix), year.total_hires)
    bought = sum(m.overtime_hours + m.temp_hours for m in year.mix)
    (note,) = [n.values for n in year.notes if n.key == "plan_note.peaks"]  # the reader is told why
    assert note["hours"] == round(bought) and "2027-11" in note["months"] and "2027-01" in note["months"]
    assert any(n.key == "plan_note.handover" for n in year.notes)
