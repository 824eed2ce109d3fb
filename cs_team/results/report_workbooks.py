"""The results reports as xlsx: one sheet per table, the figures the JSON carries, headings and
words in the report's language. Laid out by the one xlsx writer (``export.workbook``)."""

from __future__ import annotations

from cs_team.export.workbook import Column, Table
from cs_team.render.language import Language
from cs_team.results.blank_workbooks import recommendation_label, words


def _columns(lang: Language, *titles: tuple[str, str]) -> list[Column]:
    return [Column(words(lang, zh, en)) for zh, en in titles]


def _yes_no(lang: Language, value: bool) -> str:
    return words(lang, "是", "yes") if value else words(lang, "否", "no")


def score(data: dict, lang: Language) -> list[Table]:
    """Ranking, each candidate's competencies, the interviewers' calibration, the disagreements."""
    ranking, competencies, calibration, disagreements = [], [], [], []
    for role in data["roles"]:
        for c in role["candidates"]:
            votes = ", ".join(f"{' / '.join(recommendation_label(word, code) for code in lang.languages)} {n}"
                              for word, n in c["recommendations"].items())
            ranking.append([role["role"], c["rank"], c["candidate"], ", ".join(c["interviewers"]), c["total"],
                            c["out_of"], c["percent"], ", ".join(c["below_minimum"]), votes,
                            _yes_no(lang, c["eligible"]), ", ".join(
                                k["question"] for k in c["knock_outs"] if "fail" in k["results"].values())])
            competencies += [[role["role"], c["candidate"], s["competency"], s["weight"], s["minimum"],
                              s["mean"], s["weighted"], _yes_no(lang, s["below_minimum"])]
                             for s in c["competencies"]]
        calibration += [[role["role"], i["interviewer"], i["ratings"], i["compared"], i["leniency"]]
                        for i in role["calibration"]["interviewers"]]
        disagreements += [[role["role"], d["candidate"], d["competency"],
                           *[part for pair in d["ratings"].items() for part in pair]]
                          for d in role["calibration"]["disagreements"]]
    rater = ("面试官", "Interviewer")
    return [
        Table(words(lang, "排名", "Ranking"), _columns(
            lang, ("岗位", "Role"), ("名次", "Rank"), ("候选人", "Candidate"), ("面试官", "Interviewers"),
            ("加权总分", "Weighted score"), ("满分", "Out of"), ("百分比", "Percent"),
            ("低于最低分", "Below the minimum"), ("录用建议", "Recommendations"),
            ("符合资格", "Eligible"), ("未通过的淘汰项", "Failed knock-outs")), ranking),
        Table(words(lang, "能力项", "Competencies"), _columns(
            lang, ("岗位", "Role"), ("候选人", "Candidate"), ("能力项", "Competency"), ("权重", "Weight"),
            ("最低分", "Minimum"), ("平均分", "Mean"), ("加权分", "Weighted"),
            ("低于最低分", "Below the minimum")), competencies),
        Table(words(lang, "面试官校准", "Calibration"), _columns(
            lang, ("岗位", "Role"), rater, ("评分数", "Ratings"), ("可比较", "Compared"),
            ("宽严度", "Leniency")), calibration),
        Table(words(lang, "评分分歧", "Disagreements"), _columns(
            lang, ("岗位", "Role"), ("候选人", "Candidate"), ("能力项", "Competency"), rater,
            ("评分", "Rating"), rater, ("评分", "Rating")), disagreements),
    ]


def training(data: dict, lang: Language) -> list[Table]:
    """Every attempt with its decision, the rates per module, the rate per cohort."""
    attempts, modules, cohorts = [], [], []
    for c in data["cohorts"]:
        cohorts.append([c["cohort"], len(c["hires"]), c["completion_rate"]])
        modules += [[c["cohort"], m["module"], m["hires"], m["sat"], m["first_time_pass_rate"],
                     m["completion_rate"]] for m in c["modules"]]
        for o in c["outcomes"]:
            for i, a in enumerate(o["attempts"]):
                last = i == len(o["attempts"]) - 1
                attempts.append([c["cohort"], o["hire"], o["module"], a["attempt"],
                                 *[a["scores"].get(m) for m in ("theory", "simulation", "practical")],
                                 a["score"], lang.label(f"decisions.{o['decision']}") if last else None])
    return [
        Table(words(lang, "考核结果", "Outcomes"), _columns(
            lang, ("批次", "Cohort"), ("学员", "Hire"), ("课程模块", "Module"), ("第几次", "Attempt"),
            ("理论", "Theory"), ("模拟", "Simulation"), ("实操", "Practical"), ("得分", "Score"),
            ("处理决定", "Decision")), attempts),
        Table(words(lang, "模块", "Modules"), _columns(
            lang, ("批次", "Cohort"), ("课程模块", "Module"), ("人数", "Hires"), ("参加考核", "Sat"),
            ("一次通过率（%）", "First-time pass rate (%)"), ("完成率（%）", "Completion rate (%)")),
              modules),
        Table(words(lang, "批次", "Cohorts"), _columns(
            lang, ("批次", "Cohort"), ("人数", "Hires"), ("完成率（%）", "Completion rate (%)")), cohorts),
    ]


def promotion(ranking, data: dict, lang: Language) -> list[Table]:
    """The ranked candidates, every component's score and the reasons of those not eligible."""
    components = [c.id for c in ranking.promotion.final_model]
    split = "places" in data
    rows = []
    for standing, c in zip(ranking.standings, data["candidates"], strict=True):
        scores = {part["component"]: part["score"] for part in c["components"]}
        reasons = ("；" if lang.primary == "zh" else "; ").join(
            lang.label(f"ineligible.{r.code}", **r.values) for r in standing.reasons)
        line = [c["line"], None if c["selected"] is None else _yes_no(lang, c["selected"])] if split else []
        rows.append([c["rank"], c["name"], *line[:1], c["special_track"], _yes_no(lang, c["eligible"]),
                     *[scores.get(component) for component in components], c["final"],
                     None if c["passes"] is None else _yes_no(lang, c["passes"]), *line[1:], reasons or None])
    columns = [*_columns(lang, ("名次", "Rank"), ("姓名", "Name"), *([("条线", "Line")] if split else []),
                         ("特殊通道", "Special track"), ("符合资格", "Eligible")),
               *[Column(component) for component in components],
               *_columns(lang, ("最终得分", "Final score"), ("进入下一轮", "Goes forward"),
                         *([("入选", "Wins a place")] if split else []),
                         ("不符合资格的原因", "Why not eligible"))]
    tables = [Table(ranking.promotion.id, columns, rows)]
    if split:  # the places each line gets, as the document shows them
        columns = _columns(lang, ("条线", "Line"), ("人数", "Head-count"), ("按比例应得", "Exact share"),
                           ("名额", "Places"))
        tables.append(Table(words(lang, "各条线名额", "Places by line"), columns,
                            [[p["line"], p["headcount"], p["quota"], p["places"]] for p in data["places"]]))
    return tables
