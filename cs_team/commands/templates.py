"""`cs-team template`: blank side files to fill in a spreadsheet (a cohort, a demand forecast)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, open_playbook
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver


class TemplateKind(str, Enum):
    cohort = "cohort"
    forecast = "forecast"


TemplateFormat = formats("TemplateFormat", "csv", "xlsx")


KindArgument = Annotated[TemplateKind, typer.Argument(
    help="cohort (hires for onboarding-plan --cohort) or forecast (demand for plan-hiring --forecast).")]
FormatOption = format_option(TemplateFormat)


@app.command("template")
def template(
    kind: KindArgument,
    output_format: FormatOption = TemplateFormat.xlsx,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """A blank cohort or forecast to fill in Excel or WPS and hand back to cs-team.

    The header is in the language chosen (either language, or the column names, is read back);
    the workbook has drop-downs for the repository's roles, paces and channels, and date cells.

    [bold]Examples[/bold]

      cs-team template cohort --out march-hires.xlsx

      cs-team template forecast --format csv --lang en --out forecast.csv
    """
    from cs_team.documents.output import language
    from cs_team.inputs import templates

    playbook = open_playbook(repo)
    languages = language(playbook, lang.value if lang else None).languages
    table = getattr(templates, kind.value)(playbook, languages)
    if output_format is TemplateFormat.csv:
        from cs_team.export.csvfile import csv_text

        deliver(csv_text([[column.title for column in table.columns]]), out)
        return
    from cs_team.export.workbook import workbook_bytes

    deliver(workbook_bytes([table]), out)
