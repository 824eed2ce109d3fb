"""`cs-team interview-kit`, `eval-sheet` and `build`: the documents people use on the day."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import (
    DocLang,
    LangOption,
    NameOption,
    OutOption,
    RepoOption,
    app,
    date_option,
    open_playbook,
)
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver
from cs_team.errors import UsageError
from cs_team.wording import phrase

DocFormat = formats("DocFormat", "md", "html", "pdf")


def template_format(output_format: Enum) -> str:
    """The template a format renders from: a PDF is printed from the HTML."""
    return "html" if output_format == "pdf" else output_format.value


def kits_header(candidate: str | None, interviewer: str | None, date: str | None) -> object:
    from cs_team.documents.kit import Header

    return Header(candidate, interviewer, date_option(date, "--date"))


def _document(repo: Path | None, role_id: str, name: str, header: object, lang: DocLang | None,
              output_format: Enum, out: Path | None, stage: str | None = None) -> None:
    """Render one document of one role and deliver it: the common path of both commands."""
    from cs_team.documents.contexts import context
    from cs_team.documents.kit import find_role
    from cs_team.documents.output import render

    playbook = open_playbook(repo)
    variables = context(playbook, find_role(playbook, role_id), name, header, stage)
    deliver(render(playbook, name, template_format(output_format), lang.value if lang else None,
                   **variables), out, output_format)


@app.command("interview-kit")
def interview_kit(
    role: Annotated[str, typer.Argument(help="The role id, e.g. agent-1.")],
    stage: Annotated[str | None, typer.Option(help="Only this interview stage.")] = None,
    candidate: NameOption = None,
    interviewer: NameOption = None,
    date: Annotated[str | None, typer.Option(help="Printed on the header, YYYY-MM-DD.")] = None,
    lang: LangOption = None,
    output_format: format_option(DocFormat, "md, html, or pdf (printed by a Chromium, Chrome or Edge on "
                                            "the machine).") = DocFormat.md,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """The interviewer's kit for a role, with its scorecard.

    Agenda with timings, opening and closing scripts, the same questions for every candidate with
    probes and rubric anchors, role-play cards, space for notes, and the scorecard.

    [bold]Examples[/bold]

      cs-team interview-kit agent-1 --format html --out kit.html

      cs-team interview-kit agent-2 --stage role-play --lang zh-en --candidate 王芳 --date 2026-12-01
    """
    _document(repo, role, "interview-kit", kits_header(candidate, interviewer, date), lang,
              output_format, out, stage)


SheetFormat = formats("SheetFormat", "md", "html", "pdf", "yaml", "csv", "xlsx")


class SheetKind(str, Enum):
    scorecard = "scorecard"
    training = "training"
    probation = "probation"
    promotion = "promotion"
    qa = "qa"
    survey = "survey"


class Channel(str, Enum):
    voice = "voice"
    chat = "chat"
    email = "email"


def _form_sheet(kind: SheetKind, repo: Path | None, choice: str | None, lang: DocLang | None,
                output_format: SheetFormat, out: Path | None) -> None:
    """A QA form or a survey: printed (md, html, pdf) or a blank table to fill (csv, xlsx)."""
    if kind is SheetKind.qa:
        from cs_team.documents.qa_sheet import sheet
    else:
        from cs_team.documents.survey_sheet import sheet

    if output_format is SheetFormat.yaml:
        raise UsageError(phrase("command.sheet_not_yaml", kind=kind.value))
    made = sheet(open_playbook(repo), choice, template_format(output_format), lang.value if lang else None)
    deliver(made, out, output_format)


@app.command("eval-sheet")
def eval_sheet(
    kind: Annotated[SheetKind, typer.Argument(
        help="scorecard (interview), training (assessment per module), probation (KPI review), "
             "promotion (internal competition), qa (a QA form, 质检评分表) or survey (课后反馈问卷).")],
    role: Annotated[str | None, typer.Option(
        help="The role id, e.g. agent-1 (every sheet but qa and survey).")] = None,
    channel: Annotated[Channel, typer.Option(help="qa: the channel whose form to render.")] = Channel.voice,
    survey: Annotated[str | None, typer.Option(
        help="survey: the survey id (needed when the repository has more than one).")] = None,
    candidate: NameOption = None,
    interviewer: NameOption = None,
    date: Annotated[str | None, typer.Option(help="Printed on the header, YYYY-MM-DD.")] = None,
    lang: LangOption = None,
    output_format: format_option(SheetFormat, "md, html, pdf (printed by a Chromium, Chrome or Edge on the "
                                              "machine); xlsx: a blank form with drop-downs to fill in Excel "
                                              "or WPS (and read back); for a scorecard also yaml or csv.")
        = SheetFormat.md,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """An evaluation sheet to print or fill.

    scorecard: every competency's weight, anchored scale, rating boxes, evidence lines and the
    weighted formula.

    training: per module theory / simulation / practical, pass mark, result,
    retrain-or-reassign, trainer sign-off.

    probation: the role's KPI targets for its level with what to expect at each review,
    comments and the decision.

    promotion: the competition's eligibility checklist, special track, stages and weighted
    final model.

    qa: the channel's QA form, its items with points and what earns and loses them, and the
    red lines (csv and xlsx: a blank table of evaluations, one contact a row).

    survey: a post-training survey, its scale and questions (csv and xlsx: a blank table of
    answers, one trainee a row, that training-effect reads).

    [bold]Examples[/bold]

      cs-team eval-sheet scorecard --role agent-1 --format html --out scorecard.html

      cs-team eval-sheet probation --role agent-2 --lang zh-en

      cs-team eval-sheet promotion --role team-lead

      cs-team eval-sheet scorecard --role agent-1 --format csv --candidate 王芳 --out wangfang-li.csv

      cs-team eval-sheet qa --channel voice --format xlsx --out qa-voice.xlsx

      cs-team eval-sheet survey --format xlsx --out survey.xlsx
    """
    if kind in (SheetKind.qa, SheetKind.survey):
        _form_sheet(kind, repo, channel.value if kind is SheetKind.qa else survey, lang, output_format, out)
        return
    if role is None:
        raise UsageError(phrase("command.sheet_needs_role", kind=kind.value))
    if output_format is SheetFormat.xlsx:
        from cs_team.documents.kit import find_role
        from cs_team.documents.output import language
        from cs_team.export.workbook import workbook_bytes
        from cs_team.results import blank_workbooks

        playbook = open_playbook(repo)
        chosen, sheet = language(playbook, lang.value if lang else None), find_role(playbook, role)
        date_option(date, "--date")
        if kind is SheetKind.scorecard:
            tables = blank_workbooks.scorecard(playbook, sheet, chosen, candidate, interviewer, date)
        else:
            tables = getattr(blank_workbooks, kind.value)(playbook, sheet, chosen)
        deliver(workbook_bytes(tables), out)
        return
    if output_format in (SheetFormat.yaml, SheetFormat.csv):
        if kind is not SheetKind.scorecard:
            raise UsageError(phrase("command.blank_scorecard_only", format=output_format.value,
                                    kind=kind.value))
        from cs_team.documents.kit import find_role
        from cs_team.documents.output import language
        from cs_team.results.forms import blank_csv, blank_yaml

        playbook = open_playbook(repo)
        form = blank_yaml if output_format is SheetFormat.yaml else blank_csv
        date_option(date, "--date")  # refuse a malformed date here too
        deliver(form(playbook, find_role(playbook, role), language(playbook, lang.value if lang else None),
                     candidate, interviewer, date), out)
        return
    _document(repo, role, kind.value, kits_header(candidate, interviewer, date), lang,
              output_format, out)
