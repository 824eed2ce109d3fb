"""`cs-team training-effect`: the four levels from files, figures by hand on a small case, the
planted effect of the synthetic quarter found and the null module not claimed, goldens, and bad
input named by its place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, RepoCopy, assert_golden
from tests.test_cli import invoke

QUARTER = Path(__file__).parent.parent / "examples" / "quarter"
BUNDLED = Path(__file__).parent.parent / "playbooks"

# m-calls (competencies calm, listening) taught on Wednesday 2026-03-11, week 2026-W11, which
# counts on neither side. CSAT before (W09, W10) and after (W12, W13):
KPIS = """agent,role,period,contacts,csat_percent,aht_seconds
甲,agent,2026-W09,100,80,400
甲,agent,2026-W10,100,82,400
甲,agent,2026-W11,100,50,400
甲,agent,2026-W12,100,88,400
甲,agent,2026-W13,100,90,400
乙,agent,2026-W09,100,85,400
乙,agent,2026-W10,100,85,400
乙,agent,2026-W12,100,87,400
乙,agent,2026-W13,100,89,400
丙,agent,2026-W09,100,90,400
丙,agent,2026-W10,100,88,400
丙,agent,2026-W12,100,92,400
丙,agent,2026-W13,100,92,400
丁,agent,2026-W09,100,84,400
丁,agent,2026-W10,100,86,400
丁,agent,2026-W12,100,85,400
丁,agent,2026-W13,100,85,400
戊,agent,2026-W09,100,80,400
戊,agent,2026-W10,100,80,400
戊,agent,2026-W12,100,82,400
戊,agent,2026-W13,100,82,400
己,agent,2026-W09,100,90,400
己,agent,2026-W10,100,90,400
己,agent,2026-W12,100,89,400
己,agent,2026-W13,100,89,400
"""
# QA: greeting (40) and patience (60) both evidence m-calls' competencies: all 100 points count.
# 甲's W12 contact is scored by two evaluators (100 and 80): it counts once, as 90.
QA = """甲,李,2026-03-04,V1,20,40,no,
甲,李,2026-03-17,V2,40,60,no,
甲,王,2026-03-17,V2,40,40,no,
乙,李,2026-03-04,V3,40,40,no,
乙,李,2026-03-17,V4,40,40,no,
丙,李,2026-03-04,V5,20,40,no,
丙,李,2026-03-17,V6,40,40,no,
丁,李,2026-03-04,V7,40,40,no,
丁,李,2026-03-17,V8,40,40,no,
戊,李,2026-03-04,V9,40,60,no,
戊,李,2026-03-17,V10,40,40,no,
己,李,2026-03-04,V11,20,40,no,
己,李,2026-03-17,V12,40,40,no,
"""
RESULTS = """hire,cohort,module,attempt,date,simulation
甲,A,m-calls,1,2026-03-11,85
乙,A,m-calls,1,2026-03-11,75
乙,A,m-calls,2,2026-03-18,85
丙,A,m-calls,1,2026-03-11,90
"""
SURVEY = "m-calls,A,2026-03-11,甲,5,4,\nm-calls,A,2026-03-11,,4,4,多练习\n"


@pytest.fixture
def team(repo: RepoCopy) -> RepoCopy:
    for folder in ("qa", "surveys"):
        for path in (MINIMAL.parent / folder).glob("*.yaml"):
            repo.write(f"{folder}/{path.name}", path.read_text(encoding="utf-8"))
    for name, args in (("qa.csv", ("qa", "--channel", "voice")), ("survey.csv", ("survey", "--survey", "reaction"))):
        code, blank, err = invoke(repo, "eval-sheet", *args, "--format", "csv", "--lang", "en")
        assert code == 0, err
        repo.write(name, blank + (QA if name == "qa.csv" else SURVEY))
    repo.write("kpi.csv", KPIS)
    repo.write("results.csv", RESULTS)
    return repo


ARGS = ("training-effect", "--results", "results.csv", "--kpi", "kpi.csv", "--qa", "qa.csv",
        "--survey", "survey.csv", "--cost", "m-calls=13000")


def test_the_four_levels_by_hand(team: RepoCopy) -> None:
    """Reaction: respondents' means 4.5 and 4 give 4.25, every rating 4 or 5. Learning: first
    attempts 85, 75, 90 average 83.33; two of three passed first time. Behaviour: trained 甲
    60 -> 90 (+30), 乙 0, 丙 +20, mean 16.667; untrained 丁 0, 戊 -20, 己 +20, mean 0: +16.667.
    Results: CSAT trained +8, +3, +3 (4.667), untrained 0, +2, -1 (0.333): +4.333; every resample
    of three and three stays above 1, so it rose; 13000 / 4.333 = 3000 yuan a point. AHT is not a
    KPI of calm or listening: it is not reported."""
    code, out, err = invoke(team, *ARGS, "--format", "json")
    assert code == 0, err
    (m,) = json.loads(out)["modules"]
    assert (m["module"], m["cohort"], m["trained_on"], m["agents"]) == ("m-calls", "A", ["2026-03-11"],
                                                                        ["丙", "乙", "甲"])
    assert {k: m["reaction"][k] for k in ("respondents", "overall", "favourable_percent")} == {
        "respondents": 2, "overall": 4.25, "favourable_percent": 100.0}
    assert m["learning"] == {"sat": 3, "mean_score": 83.33, "first_time_pass_rate": 66.67}
    b = m["behaviour"]
    assert (b["trained_change"], b["untrained_change"], b["difference"], b["trained"], b["untrained"]) == (
        16.67, 0.0, 16.67, 3, 3)
    (csat,) = m["results"]
    assert (csat["measure"], csat["trained_change"], csat["untrained_change"], csat["difference"]) == (
        "csat_percent", 4.67, 0.33, 4.33)
    assert csat["low"] >= 1 and csat["verdict"] == "up" and csat["better"] is True
    assert csat["figures"] == 25  # every week of the six agents, the training week included in the count
    assert (m["cost"], m["cost_cohorts"], m["cost_per_csat_point"]) == (13000.0, 1, 3000.0)


def test_a_cohort_has_its_own_cost(team: RepoCopy) -> None:
    # Cohort A alone cost 6500: 6500 / 4.333 CSAT points = 1500 yuan a point.
    code, out, err = invoke(team, *ARGS[:-1], "A=6500", "--format", "json")
    assert code == 0, err
    (m,) = json.loads(out)["modules"]
    assert (m["cost"], m["cost_cohorts"], m["cost_per_csat_point"]) == (6500.0, 1, 1500.0)
    code, out, _ = invoke(team, *ARGS[:-1], "A=6500", "--lang", "zh")
    assert "培训成本 6,500 元（本批次）；受训者的满意度比未受训者多提高 1 个百分点，花费 1,500 元" in out.splitlines()
    code, _, err = invoke(team, *ARGS[:-1], "A=6500", "--format", "xlsx", "--lang", "zh", "--out", "e.xlsx")
    assert code == 0, err
    import openpyxl

    sheet = openpyxl.load_workbook(team.path("e.xlsx")).worksheets[1]
    assert list(sheet.iter_rows(values_only=True)) == [
        ("课程模块", "批次", "培训成本（元）", "成本范围", "满意度多提高（个百分点）", "每个百分点的成本（元）"),
        ("接听电话", "A", 6500, "本批次", 4.33, 1500)]


def test_what_trainees_wrote_is_tallied_under_its_question(team: RepoCopy) -> None:
    team.write("survey.csv", team.read("survey.csv") + "m-calls,A,2026-03-11,丙,4,5,多练习\n"
                                                        "m-calls,A,2026-03-11,,4,5,讲慢一点\n")
    code, out, err = invoke(team, *ARGS, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["modules"][0]["reaction"]["comments"] == {
        "improve": [{"text": "多练习", "count": 2}, {"text": "讲慢一点", "count": 1}]}
    code, out, _ = invoke(team, *ARGS, "--lang", "zh")
    assert "*哪些地方需要改进？*\n\n- 多练习（2 人）\n- 讲慢一点\n" in out


def test_what_a_cost_covers() -> None:
    from cs_team.effect.levels import _cost

    both = ["A", "B"]
    assert _cost({"A": 100, "B": 50}, "m", ["A"], both) == (100, 1)  # a cohort's own
    assert _cost({"m": 300}, "m", ["A"], both) == (None, 0)  # the module's is not shared out by guess
    assert _cost({"m": 300}, "m", ["A"], ["A"]) == (300, 1)  # unless the module had one cohort
    assert _cost({"m": 300, "A": 100, "B": 50}, "m", both, both) == (300, 2)  # pooled: the module's
    assert _cost({"A": 100, "B": 50}, "m", both, both) == (150, 2)  # else the cohorts' together
    assert _cost({"A": 100}, "m", both, both) == (None, 0)


@pytest.mark.parametrize(("lang", "output"), [("zh", "md"), ("en", "md"), ("zh-en", "md"), ("zh", "html"),
                                              ("en", "csv")])
def test_training_effect_golden(team: RepoCopy, lang: str, output: str) -> None:
    code, out, err = invoke(team, *ARGS, "--format", output, "--lang", lang)
    assert code == 0, err
    assert_golden(f"results/training-effect.{lang}.{output}", out)


def test_the_xlsx_holds_the_csv_rows(team: RepoCopy) -> None:
    import openpyxl

    code, _, err = invoke(team, *ARGS, "--format", "xlsx", "--lang", "en", "--out", "e.xlsx")
    assert code == 0, err
    sheet = openpyxl.load_workbook(team.path("e.xlsx")).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Module", "Cohort", "Level", "Measure") and len(rows) == 1 + 4
    assert rows[3][3:7] == ("QA points on the tied items", 16.67, 0, 16.67)


def test_the_planted_effect_is_found_and_the_null_module_not_claimed() -> None:
    """The synthetic quarter: complaint handling adds 4 QA points on its items and 3 CSAT points
    from the week after training; product foundations adds nothing (examples/quarter/README.md)."""
    code, out, err = invoke(QUARTER, "training-effect", "--repo", str(BUNDLED), "--results", "training-results.csv",
                            "--kpi", "kpi-export.csv", "--qa", "qa", "--survey", "survey.csv", "--format", "json")
    assert code == 0, err
    rows = {(m["module"], m["cohort"]): m for m in json.loads(out)["modules"]}
    assert list(rows) == [("product-foundations", "PF-2026-11"), ("complaint-handling", "CH-2026-10"),
                          ("complaint-handling", "CH-2026-11"), ("complaint-handling", None)]
    works = rows["complaint-handling", None]
    csat = next(x for x in works["results"] if x["measure"] == "csat_percent")
    assert works["behaviour"]["low"] > 0 and works["behaviour"]["low"] <= 4 <= works["behaviour"]["high"]
    assert csat["low"] > 0 and csat["low"] <= 3 <= csat["high"]
    assert (works["behaviour"]["trained"], works["behaviour"]["untrained"]) == (14, 18)
    null = rows["product-foundations", "PF-2026-11"]
    assert null["behaviour"]["verdict"] == "unclear"
    assert [x["verdict"] for x in null["results"]] == ["unclear"] * len(null["results"])
    code, out, err = invoke(QUARTER, "training-effect", "--repo", str(BUNDLED), "--results", "training-results.csv",
                            "--kpi", "kpi-export.csv", "--qa", "qa", "--lang", "zh")
    assert code == 0, err
    assert "未培训组 +0.0" in out and "-0.0" not in out  # a change that rounds to nothing has no sign to show


def test_a_training_without_its_day_is_named_by_its_row(team: RepoCopy) -> None:
    team.write("results.csv", RESULTS.replace("1,2026-03-11,90", "1,,90"))
    code, out, err = invoke(team, *ARGS, "--lang", "en")
    assert (code, out) == (1, "")
    assert "results.csv:5: 丙: training-effect needs the day of the training (a date column)" in err


def test_bad_costs_and_bad_qa_cells_are_refused(team: RepoCopy) -> None:
    code, _, err = invoke(team, *ARGS[:-1], "m-cals=13000")
    assert code == 2 and "--cost 'm-cals=13000': write MODULE=AMOUNT" in err and "COHORT=AMOUNT" in err
    code, _, err = invoke(team, *ARGS[:-1], "m-calls=lots")
    assert code == 2
    filled = team.path("qa.csv").read_text(encoding="utf-8")
    team.write("qa.csv", filled.replace("甲,李,2026-03-04,V1,20,", "甲,李,2026-03-04,V1,70,"))
    code, out, err = invoke(team, *ARGS, "--lang", "en")
    assert (code, out) == (1, "") and "qa.csv:2:5:" in err
