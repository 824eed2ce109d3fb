"""`cs-team qa-results`: filled QA evaluations back into averages, red lines, lost items and
calibration."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cs_team.commands.base import DocLang, LangOption, OutOption, RepoOption, app, open_playbook, say

if TYPE_CHECKING:
    from collections.abc import Callable

    from cs_team.export.workbook import Table
    from cs_team.playbook import Playbook
    from cs_team.render.language import Language


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


FormatOption = Annotated[ReportFormat, typer.Option(
    "--format", "-f", help="md, html, pdf (printed by a Chromium, Chrome or Edge on the machine), json, csv "
                           "(the first table) or xlsx (every table).")]


class Channel(str, Enum):
    voice = "voice"
    chat = "chat"
    email = "email"


def files_given(paths: list[Path]) -> list[tuple[Path, str]]:
    """The files (folders expanded to their CSV and xlsx files), each with the name problems show."""
    from cs_team.results.records import display_name, files_in

    cwd = Path.cwd()
    return [(path, display_name(path, cwd)) for path in files_in(paths)
            if path.suffix.lower() not in (".yaml", ".yml")]


def problems_for(playbook: Playbook, lang: DocLang | None) -> object:
    """The input layer's collector in the user's language, printing its notes (GB18030) as they come."""
    from cs_team.commands.results import _notes
    from cs_team.inputs.problems import Problems, language_of

    return Problems(language_of(lang and lang.value, playbook.default_language), notes=_notes())


def deliver_report(playbook: Playbook, template: str, output_format: ReportFormat, lang: DocLang | None,
                   out: Path | None, data: Callable[[Language], dict],
                   tables: Callable[[dict, Language], list[Table]], **context: object) -> None:
    """The report in ``output_format``: a document (md, html, pdf) through the renderer, the data as
    JSON, the tables as csv (the first) or xlsx (all)."""
    from cs_team.commands.documents import DocFormat, deliver, deliver_bytes
    from cs_team.documents.output import language

    chosen = language(playbook, lang.value if lang else None)
    if output_format is ReportFormat.json:
        import json

        deliver(json.dumps(data(chosen), ensure_ascii=False, indent=2) + "\n", out)
    elif output_format is ReportFormat.csv:
        from cs_team.export.csvfile import csv_text

        first = tables(data(chosen), chosen)[0]
        deliver(csv_text([[c.title for c in first.columns], *first.rows]), out)
    elif output_format is ReportFormat.xlsx:
        from cs_team.export.workbook import workbook_bytes

        deliver_bytes(workbook_bytes(tables(data(chosen), chosen)), out)
    else:
        from cs_team.documents.common import stamp
        from cs_team.documents.output import render

        document = "html" if output_format is ReportFormat.pdf else output_format.value
        deliver(render(playbook, template, document, chosen.mode, stamp=stamp(playbook), **context), out,
                DocFormat(output_format.value))


@app.command("qa-results")
def qa_results(
    paths: Annotated[list[Path], typer.Argument(
        exists=True, help="Filled QA evaluations (CSV or xlsx, one per QA person), or folders of them.")],
    channel: Annotated[Channel | None, typer.Option(
        help="The channel's form (default: the form whose items the header names).")] = None,
    output_format: FormatOption = ReportFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """QA results: per agent and team, the average score, red-line hits, the items most often lost,
    and calibration between evaluators who scored the same contact.

    Each file has the columns of the blank table `cs-team eval-sheet qa --channel CHANNEL --format csv`
    writes (headed in zh, en or both): one evaluated contact a row. Every problem in every file is
    reported at its file:row:column before anything is computed.

    [bold]Examples[/bold]

      cs-team qa-results qa/2026-10-li-jing.csv qa/2026-10-zhao-lei.xlsx

      cs-team qa-results qa/ --format html --out qa-results.html
    """
    from cs_team.inputs.qa_results import read_evaluations
    from cs_team.results.qa_results import as_dict, report
    from cs_team.results.qa_tables import tables

    playbook = open_playbook(repo)
    problems = problems_for(playbook, lang)
    found = read_evaluations(files_given(paths), problems, playbook.qa_forms, playbook.default_language,  # type: ignore[arg-type]
                             channel and channel.value)
    problems.raise_any()  # type: ignore[attr-defined]
    if not found:
        say("cs-team: the files hold no evaluation")
    result = report(found)
    deliver_report(playbook, "qa-results", output_format, lang, out, lambda chosen: as_dict(result, chosen),
                   tables,
                   agents=result.agents, team=result.team, evaluators=result.evaluators,
                   disagreements=result.disagreements, shared=result.shared_contacts,
                   threshold=result.threshold,
                   red_lines=result.red_lines, top=10)
