"""The Chinese hiring funnel, 90-day attrition, campus season and the training line: by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from cs_team.inputs.forecasts import read_forecast as read
from cs_team.model.hiring import Funnel, HiringInputs
from cs_team.staffing import workforce
from cs_team.staffing.funnel import funnel, resumes_per_qualified
from cs_team.staffing.plan import plan
from tests.test_cli import cs_team
from tests.test_plan import INPUTS, week_csv

BUNDLED_INPUTS = yaml.safe_load((Path(__file__).parent.parent / "playbooks/hiring/inputs.yaml").read_text(
    encoding="utf-8"))
JOB_BOARD = Funnel(screened_percent=30, interviewed_percent=45, offered_percent=35, accepted_percent=75,
                   joined_percent=70, trained_percent=85)


def test_a_requisition_worked_back_stage_by_stage() -> None:
    # 10 must come on day one at a 70 % show-up: 10 / 0.7 = 14.3, so 15 must accept; 15 / 0.75 = 20
    # offers; 20 / 0.35 = 57.1, so 58 interviewed; 58 / 0.45 = 128.9, so 129 invited; 129 / 0.3 = 430
    # résumés. 85 % pass training: 8.5 qualified, 430 / 8.5 = 50.6 résumés for each.
    counted = funnel(10, JOB_BOARD)
    assert (counted.resumes, counted.screened, counted.interviewed, counted.offered, counted.accepted,
            counted.joined) == (430, 129, 58, 20, 15, 10)
    assert (counted.qualified, counted.resumes_per_qualified) == (8.5, 50.6)
    # before rounding: 1 / (0.3 x 0.45 x 0.35 x 0.75 x 0.7 x 0.85) = 47.43
    assert resumes_per_qualified(JOB_BOARD) == 47.4


def test_a_funnel_without_the_day_one_and_training_rates_keeps_everyone() -> None:
    counted = funnel(9, Funnel(screened_percent=50, interviewed_percent=50, offered_percent=50,
                               accepted_percent=80))
    # 9 accept (all come, all pass); 9 / 0.8 = 11.25, so 12 offers; 24 came; 48 invited; 96 résumés
    assert (counted.resumes, counted.screened, counted.interviewed, counted.offered, counted.accepted,
            counted.qualified) == (96, 48, 24, 12, 9, 9.0)


def test_ninety_day_attrition_is_its_own_rate() -> None:
    inputs = HiringInputs.model_validate({**INPUTS, "attrition_percent_per_month": 3,
                                          "new_hire_90_day_attrition_percent": 30})
    # 30 % gone in 90 days: 70 % there on day 90, the square root of it on day 45, then 3 % a month
    assert workforce.hire_kept(inputs, 90) == pytest.approx(0.7)
    assert workforce.hire_kept(inputs, 45) == pytest.approx(0.7 ** 0.5)
    assert workforce.hire_kept(inputs, 90 + 365.25 / 12) == pytest.approx(0.7 * 0.97)
    assert workforce.early_rate(inputs) == pytest.approx(100 * (1 - 0.7 ** (365.25 / 12 / 90)))
    with pytest.raises(ValueError, match="give new-hire attrition once"):
        HiringInputs.model_validate({**INPUTS, "new_hire_90_day_attrition_percent": 30,
                                     "new_hire_attrition_percent_per_month": 10})


def test_campus_fills_classes_from_july_and_only_its_roles() -> None:
    campus = {**INPUTS["sourcing"][0], "id": "campus", "campus": True, "roles": ["agent"], "days_to_fill": 45}
    inputs = HiringInputs.model_validate({**INPUTS, "sourcing": [INPUTS["sourcing"][0], campus]})
    as_of = dt.date(2027, 1, 1)
    june, july = dt.date(2027, 6, 28), dt.date(2027, 7, 5)
    assert [s.id for s in workforce.fitting_sources(inputs, "agent", june, as_of)] == ["referral"]
    assert [s.id for s in workforce.fitting_sources(inputs, "agent", july, as_of)] == ["referral", "campus"]
    assert [s.id for s in workforce.fitting_sources(inputs, "senior", july, as_of)] == ["referral"]
    # opened on as-of at the latest: a class 44 days out is too soon for the campus's 45
    assert [s.id for s in workforce.fitting_sources(inputs, "agent", july, july - dt.timedelta(days=44))
            ] == ["referral"]


def test_training_and_salaries_in_the_budget_by_hand(tmp_path: Path) -> None:
    """The small case of test_plan (9 hires on 1 February) with no attrition, a wage, 80 % passing
    training at 5,000 a qualified agent."""
    source = {**INPUTS["sourcing"][0], "funnel": {**INPUTS["sourcing"][0]["funnel"], "trained_percent": 80}}
    inputs = HiringInputs.model_validate({**INPUTS, "attrition_percent_per_month": 0, "wage_per_hour": 50,
                                          "training_cost_per_qualified": 5000, "sourcing": [source]})
    result = plan(inputs, read(week_csv(tmp_path / "week.csv")), as_of=dt.date(2027, 1, 1))
    (training,) = result.classes
    # 10 people give 320 h of the 503.25 needed; a hire gives 32 h, but only 80 % pass:
    # 183.25 / (32 x 0.8) = 7.16, so 8 start
    assert (training.hires, training.training_starts) == (8, dt.date(2027, 2, 1))
    assert training.qualified == 6.4 and training.after_90_days == 6.4  # nobody leaves
    assert training.training_cost == 32000 and result.costs.training == 32000  # 6.4 x 5,000
    # wages from the end of training (15 February) to the forecast's last week (1 March): three
    # weeks of 40 h at 50, for the 6.4 who passed
    assert result.costs.salaries == pytest.approx(6.4 * 3 * 40 * 50)
    assert result.costs.hiring == 8500  # 8 x 1,000 plus the fixed 500
    assert result.costs.total == pytest.approx(8500 + 32000 + 6.4 * 3 * 40 * 50)

    # the channel's totals split what it charges per hire from its fixed fee, and add up
    (total,) = result.sourcing
    assert (total.per_hire_cost, total.fixed_cost, total.cost) == (8000, 500, 8500)
    assert total.per_hire_cost == sum(r.cost for r in training.requisitions)
    # résumés per qualified agent from the plan's own rows: its résumés over the 6.4 expected to pass
    applicants = sum(r.applicants for r in training.requisitions)
    assert total.resumes_per_qualified == round(applicants / 6.4, 1)


DOUBLE = ("--volume", "+100%")


def test_every_format_carries_the_funnel(tmp_path: Path) -> None:
    """The bundled week at twice its volume (more than overtime and temps can cover, so people are
    hired): JSON, xlsx, Markdown and HTML show each requisition's funnel."""
    import openpyxl

    data = json.loads(cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "json", *DOUBLE, cwd=tmp_path).stdout)
    requisition = data["classes"][0]["requisitions"][0]
    stages = requisition["funnel"]
    assert stages["joined"] == requisition["hires"] and stages["resumes"] == requisition["applicants"]
    source = next(s for s in BUNDLED_INPUTS["sourcing"] if s["id"] == requisition["sourcing"])
    expected = funnel(requisition["hires"], Funnel.model_validate(source["funnel"]))
    assert stages == {k: getattr(expected, k) for k in stages}
    assert data["costs"]["total"] == pytest.approx(sum(data["costs"][k] for k in (
        "hiring", "training", "salaries", "overtime", "temps")))
    assert cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "xlsx", "--lang", "en", "--out", "p.xlsx", *DOUBLE,
                   cwd=tmp_path).returncode == 0
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx")["Hiring funnel"].iter_rows(values_only=True))
    assert rows[0][3:] == ("Résumés", "Screened and invited", "Came to interview", "Passed the interview",
                           "Accepted the offer", "Came on day one", "Expected to pass training",
                           "Résumés per qualified agent")
    order = ("resumes", "screened", "interviewed", "offered", "accepted", "joined", "qualified",
             "resumes_per_qualified")
    assert rows[1][3:] == tuple(stages[k] for k in order)
    markdown = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "md", "--lang", "zh", *DOUBLE,
                       cwd=tmp_path).stdout
    row = " | ".join(f"{stages[k]:g}" for k in order)
    assert "## 招聘漏斗" in markdown and f"| {row} |" in markdown
    html = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "html", "--lang", "en", *DOUBLE,
                   cwd=tmp_path).stdout
    assert '<h2>Hiring funnel</h2>' in html
    assert "".join(f'<td class="num">{stages[k]:g}</td>' for k in order) in html


def test_the_plan_prints_as_pdf(tmp_path: Path) -> None:
    result = cs_team("plan-hiring", "--as-of", "2026-09-01", "--format", "pdf", "--out", "plan.pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF-")
