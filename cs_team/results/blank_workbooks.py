"""Blank forms as xlsx workbooks, to fill in Excel or WPS and feed back to cs-team.

Each form's first sheet is what the results commands read back (the header names its columns in
the form's language; either language's labels, or the column names, are read); the cells carry
drop-downs for ratings, recommendations and yes/no, date cells, and ranges for scores. A second
sheet holds what the filler needs to know (the anchored scale, the pass marks, the weights).
"""

from __future__ import annotations

from collections.abc import Callable

from cs_team.export.workbook import Column, Table
from cs_team.inputs.kinds import KINDS
from cs_team.inputs.labels import RECOMMENDATION_LABELS
from cs_team.interview import asked_knock_outs as knock_out_questions
from cs_team.model.role import Role
from cs_team.playbook import Playbook
from cs_team.render.language import Language

BLANK_ROWS = 30
"""Empty rows with the columns' validation, for forms filled one person a row."""
SCORE = {"kind": "decimal", "low": 0, "high": 100}


def _both(lang: Language, pick: Callable[[str], str]) -> str:
    """One label in the form's language(s): "候选人 / Candidate" for zh-en."""
    return " / ".join(dict.fromkeys(pick(code) for code in lang.languages))


def words(lang: Language, zh: str, en: str) -> str:
    return _both(lang, lambda code: zh if code == "zh" else en)


def _headings(kind: str, lang: Language) -> Callable[[str], str]:
    return lambda column: _both(lang, lambda code: KINDS[kind].label(column, code))


def recommendation_label(word: str, code: str) -> str:
    """A recommendation as printed: 录用 / Yes."""
    labels = RECOMMENDATION_LABELS[word]
    return labels[0] if code == "zh" else labels[-1].capitalize()


def scorecard(playbook: Playbook, role: Role, lang: Language, candidate: str | None = None,
              interviewer: str | None = None, date: str | None = None) -> list[Table]:
    """One row per competency of the role's hiring criteria; the rubric on a second sheet."""
    h = _headings("scorecard", lang)
    rows, rubric, points = [], [], set()
    for criterion in role.hiring_criteria:
        competency = playbook.competencies.get(criterion.competency)
        if competency is None:
            continue
        name, anchors = lang.plain(competency.name), competency.anchors or {}
        rows.append([role.id, candidate, interviewer, date, criterion.competency, name, criterion.weight,
                     criterion.minimum, None, None, None])
        for point in playbook.scale_points(competency):
            points.add(point.value)
            anchor = anchors.get(point.value, point.anchor)
            rubric.append([name, point.value, " ".join(lang.plain(anchor or point.label).split())])
    recommendations = tuple(_both(lang, lambda code, w=word: recommendation_label(w, code))
                            for word in RECOMMENDATION_LABELS)
    columns = [Column(h("role")), Column(h("candidate")), Column(h("interviewer")),
               Column(h("date"), kind="date"), Column(h("competency")),
               Column(h("competency_name"), width=24),
               Column(h("weight")), Column(h("minimum")),
               Column(h("rating"), choices=tuple(map(str, sorted(points)))), Column(h("evidence"), width=40),
               Column(h("recommendation"), choices=recommendations, width=24)]
    checks = knock_out_questions(playbook, role)
    if checks:  # a row each, passed or failed instead of rated
        rows = [[*row, None, None, None] for row in rows]
        rows += [[role.id, candidate, interviewer, date, *[None] * 7, question.id,
                  " ".join(lang.plain(question.passes).split()) if question.passes else None, None]
                 for question in checks]
        columns += [Column(h("knock_out"), width=20), Column(h("passes"), width=40),
                    Column(h("result"), choices=(words(lang, "符合", "pass"), words(lang, "不符合", "fail")))]
    return [Table(_both(lang, KINDS["scorecard"].name), columns, rows,
                  note=lang.label("scorecard_form.evidence")),
            Table(words(lang, "评分标准", "Rubric"),
                  [Column(h("competency_name"), width=24), Column(h("rating")),
                   Column(words(lang, "行为描述", "Anchor"), width=80)], rubric)]


def training(playbook: Playbook, role: Role, lang: Language) -> list[Table]:
    """One row per module of the role's curriculum (copy them for each hire); pass marks beside."""
    from cs_team.documents.sheets import training as modules_of

    h = _headings("training-results", lang)
    yes_no = (words(lang, "是", "yes"), words(lang, "否", "no"))
    columns = [Column(h("hire")), Column(h("cohort")), Column(h("module"), width=20),
               Column(h("module_name"), width=24), Column(h("attempt"), kind="whole", low=1, high=99),
               Column(h("date"), kind="date"), Column(h("attended"), choices=yes_no),
               *[Column(h(method), **SCORE) for method in ("theory", "simulation", "practical")]]
    rows, marks = [], []
    for module in modules_of(playbook, role):
        title, test = lang.plain(module.title), module.assessment
        rows.append([None, None, module.id, title, 1, None, None, None, None, None])
        methods = (", ".join(lang.label(f"methods.{m}") for m in test.methods) if test
                   else words(lang, "出勤", "Attendance"))
        marks.append([module.id, title, methods, test and test.pass_mark, test and test.retakes])
    return [Table(lang.label("training_sheet"), columns, rows, blank_rows=BLANK_ROWS),
            Table(words(lang, "考核方式", "Assessment"),
                  [Column(h("module"), width=20), Column(h("module_name"), width=24),
                   Column(words(lang, "考核方式", "Methods"), width=30), Column(lang.label("pass_mark")),
                   Column(lang.label("retakes"))], marks)]


def promotion(playbook: Playbook, role: Role, lang: Language) -> list[Table]:
    """One row per candidate of the first competition leading to ``role``; the model beside."""
    from cs_team.documents.sheets import promotions

    sheet = promotions(playbook, role)[0]
    h = _headings("promotion-records", lang)
    months = {"kind": "decimal", "low": 0, "high": 600}
    # a competition split by line asks each candidate's line (its id; names are read back too)
    lines = [Column(h("line"), choices=tuple(line.id for line in sheet.promotion.lines))] \
        if sheet.promotion.lines else []
    columns = [Column(h("name")), *lines, Column(h("grade"), choices=tuple(sorted(playbook.grades))),
               Column(h("tenure_months"), **months), Column(h("performance"), width=20),
               Column(h("months_since_major_incident"), **months),
               Column(h("complaint_rate_percent"), **SCORE), Column(h("special_track")),
               *[Column(c.id, **SCORE) for c in sheet.promotion.final_model]]
    example = "|".join(sheet.ratings[:2])
    note = words(lang, f"绩效：最近的评级在前，用 | 分隔（{example}）",
                 f"performance: the latest rating first, separated by | ({example})")
    model = [[c.id, lang.plain(c.title), c.weight] for c in sheet.promotion.final_model]
    return [Table(sheet.promotion.id, columns, [], blank_rows=BLANK_ROWS, note=note),
            Table(words(lang, "最终评分模型", "Final model"),
                  [Column(words(lang, "编号", "ID"), width=20), Column(words(lang, "名称", "Name"), width=30),
                   Column(_headings("scorecard", lang)("weight"))], model)]


def probation(playbook: Playbook, role: Role, lang: Language) -> list[Table]:
    """One row per KPI: the target, what to expect at each review, cells for the actual figures."""
    from cs_team.documents.sheets import probation as review_of

    review = review_of(playbook, role)
    months = [lang.label("month_n", n=r.month) for r in review.reviews]
    columns = [Column(lang.label("kpi"), width=28), Column(lang.label("target")),
               *[Column(f"{m} {lang.label('expected')}") for m in months],
               *[Column(f"{m} {lang.label('actual')}", kind="decimal") for m in months],
               Column(lang.label("mentor_comments"), width=30),
               Column(lang.label("supervisor_comments"), width=30)]
    rows = [[lang.label(f"kpis.{line.name}"), line.target, *line.expected, *[None] * len(months), None, None]
            for line in review.kpis]
    decisions = tuple(lang.plain(d.label) for d in review.decisions)
    return [Table(lang.label("probation_sheet"), columns, rows),
            Table(lang.label("decision"), [Column(lang.label("employee")),
                                           Column(lang.label("decision"), choices=decisions, width=24)],
                  [[None, None]])]
