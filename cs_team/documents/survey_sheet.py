"""A post-training survey (课后反馈问卷) as a sheet to fill: printed (md, html, pdf), or a blank
table of answers, one trainee a row, for Excel, WPS or a survey tool's export (csv, xlsx).

The table's columns are what ``cs-team training-effect --survey`` reads back: the module, the
cohort, the date, the trainee (may be left blank), then one column per question.
"""

from __future__ import annotations

from cs_team.errors import UsageError
from cs_team.export.csvfile import csv_text
from cs_team.export.workbook import Column, Table
from cs_team.model.survey import Survey, SurveyQuestion
from cs_team.playbook import Playbook
from cs_team.render.language import Language
from cs_team.wording import phrase

BLANK_ROWS = 30
FIXED = ("survey_module", "survey_cohort", "date", "survey_respondent")
"""The label keys of the columns before the questions."""


def find_survey(playbook: Playbook, survey_id: str | None) -> Survey:
    """The survey asked for, or the repository's only one."""
    ids = ", ".join(s.id for s in playbook.surveys) or phrase("document.none")
    if not playbook.surveys:
        raise UsageError(phrase("document.no_survey"))
    if survey_id is None:
        if len(playbook.surveys) == 1:
            return playbook.surveys[0]
        raise UsageError(phrase("document.which_survey", count=len(playbook.surveys), ids=ids))
    for survey in playbook.surveys:
        if survey.id == survey_id:
            return survey
    raise UsageError(phrase("document.unknown_survey", survey=survey_id, ids=ids))


def question_column(question: SurveyQuestion, survey: Survey, lang: Language) -> str:
    """A question's column title: its text, with the scale for a rating."""
    if question.type == "rating":
        return lang.label("survey_rating_column", text=question.text, points=survey.scale.points)
    return lang.plain(question.text)


def header(survey: Survey, lang: Language) -> list[str]:
    return [lang.label(key) for key in FIXED] + [question_column(q, survey, lang) for q in survey.questions]


def module_names(playbook: Playbook, survey: Survey, lang: Language) -> list[str]:
    return [lang.plain(playbook.modules[m].title) if m in playbook.modules else m for m in survey.modules]


def tables(playbook: Playbook, survey: Survey, lang: Language) -> list[Table]:
    """Answers to fill (modules from a drop-down, ratings whole numbers on the scale); the scale
    and the questions beside."""
    titles, points = header(survey, lang), survey.scale.points
    questions = [Column(title, kind="whole", low=1, high=points, width=16) if q.type == "rating"
                 else Column(title, width=40) for title, q in zip(titles[4:], survey.questions, strict=True)]
    columns = [Column(titles[0], choices=tuple(module_names(playbook, survey, lang)), width=24),
               Column(titles[1]), Column(titles[2], kind="date"), Column(titles[3], width=16), *questions]
    legend = [[point, lang.plain(survey.scale.labels.get(point))] for point in range(1, points + 1)]
    asked = [[q.id, lang.label(f"survey_types.{q.type}"), lang.plain(q.text)] for q in survey.questions]
    return [Table(lang.plain(survey.title), columns, [], blank_rows=BLANK_ROWS,
                  note=lang.label("survey_fill_note", points=points)),
            Table(lang.label("survey_scale"), [Column(lang.label("survey_point")),
                                               Column(lang.label("survey_meaning"), width=30)], legend),
            Table(lang.label("survey_questions"), [Column("id", width=16), Column(lang.label("survey_type")),
                                                   Column(lang.label("survey_question"), width=60)], asked)]


def sheet(playbook: Playbook, survey_id: str | None, output: str, mode: str | None) -> str | bytes:
    """The survey as ``output`` (md, html, csv; xlsx as bytes) in ``mode``'s language(s)."""
    from cs_team.documents.common import stamp
    from cs_team.documents.output import language, render

    survey, lang = find_survey(playbook, survey_id), language(playbook, mode)
    if output == "xlsx":
        from cs_team.export.workbook import workbook_bytes

        return workbook_bytes(tables(playbook, survey, lang))
    if output == "csv":
        return csv_text([header(survey, lang)])
    modules = [playbook.modules[m].title if m in playbook.modules else m for m in survey.modules]
    return render(playbook, "survey", output, lang.mode, survey=survey, modules=modules,
                  stamp=stamp(playbook))
