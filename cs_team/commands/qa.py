"""`cs-team qa-results`: filled QA evaluations back into averages, red lines, lost items and
calibration."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cs_team.commands.base import (
    DocLang,
    LangOption,
    OutOption,
    RepoOption,
    app,
    date_option,
    note,
    open_playbook,
)
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver_report
from cs_team.wording import phrase

if TYPE_CHECKING:

    from cs_team.playbook import Playbook


ReportFormat = formats("ReportFormat", "md", "html", "pdf", "json", "csv", "xlsx")
FormatOption = format_option(ReportFormat, "md, html, pdf (printed by a Chromium, Chrome or Edge on the "
                                           "machine), json, csv (the first table) or xlsx (every table).")


class Channel(str, Enum):
    voice = "voice"
    chat = "chat"
    email = "email"


def files_given(paths: list[Path]) -> list[tuple[Path, str]]:
    """The files given, folders expanded to their CSV and xlsx files (sorted), each with the name
    problems show; a file given by name is read whatever its suffix (the reader says what it is)."""
    from cs_team.inputs.tables import is_table
    from cs_team.repo import display_path

    files: list[Path] = []
    for path in paths:
        inside = sorted(p for p in path.rglob("*") if is_table(p) and p.is_file()) if path.is_dir() else None
        files += [path] if inside is None else inside
    return [(path, display_path(path)) for path in files]


def problems_for(playbook: Playbook, lang: DocLang | None) -> object:
    """The input layer's collector in the user's language, printing its notes (GB18030) as they come."""
    from cs_team.commands.output import printed_notes
    from cs_team.inputs.problems import Problems, language_of

    return Problems(language_of(lang and lang.value, playbook.default_language), notes=printed_notes())


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
        note(phrase("done.no_evaluation"))
    result = report(found)
    deliver_report(playbook, "qa-results", output_format, lang, out, lambda chosen: as_dict(result, chosen),
                   tables,
                   agents=result.agents, team=result.team, evaluators=result.evaluators,
                   disagreements=result.disagreements, shared=result.shared_contacts,
                   threshold=result.threshold, lenient=result.lenient,
                   red_lines=result.red_lines, top=10)


@app.command("training-needs")
def training_needs(
    kpi: Annotated[list[Path], typer.Option(
        "--kpi", exists=True,
        help="A KPI export (CSV or xlsx): agent, role, period, contacts, KPIs. Repeatable.")],
    qa: Annotated[list[Path] | None, typer.Option(
        "--qa", exists=True,
        help="Filled QA evaluations (CSV or xlsx), or a folder of them. Repeatable.")] = None,
    training: Annotated[list[Path] | None, typer.Option(
        "--training", exists=True,
        help="Training results (as `training-results` reads them): a failed assessment shows the module's "
             "competencies. Repeatable.")] = None,
    start: Annotated[str | None, typer.Option(
        help="First day of the refresher plan, YYYY-MM-DD (default: the day after the data ends).")] = None,
    min_periods: Annotated[int, typer.Option(min=1, help="Periods a judgement needs.")] = 3,
    min_contacts: Annotated[int, typer.Option(min=0, help="Contacts a KPI judgement needs.")] = 200,
    min_evaluations: Annotated[int, typer.Option(
        min=1, help="QA evaluations a QA-item judgement needs.")] = 5,
    min_gap: Annotated[float, typer.Option(
        min=0, max=100, help="Percent of the target a measure must fall short by.")] = 2,
    refresher: Annotated[float, typer.Option(
        min=10, max=100, help="Percent of a module's hours a refresher takes.")] = 50,
    output_format: FormatOption = ReportFormat.md,
    lang: LangOption = None,
    out: OutOption = None,
    repo: RepoOption = None,
) -> None:
    """Training needs: per agent the competencies below target, with the evidence (which KPI or QA
    items, by how much, over how many periods and contacts); the team's heat map and the gaps many
    share; the modules that train each gap and a refresher plan on working days outside peak hours.

    KPI targets come from each agent's role and level; KPIs map to competencies through the
    competencies' `kpis`, QA items through the form. Noise is not a need: a measure counts only over
    --min-periods periods, most of them below target, --min-gap percent short on average, and
    --min-contacts contacts or --min-evaluations evaluations; a competency the role asks for is a need
    when most of its measures fall short. The report prints the rule it applied.

    [bold]Examples[/bold]

      cs-team training-needs --kpi kpi/2026-q4.csv --qa qa/

      cs-team training-needs --kpi kpi.xlsx --qa qa/ --start 2027-01-04 --format html --out needs.html
    """
    from cs_team.inputs.kpi_export import read_kpi_exports
    from cs_team.inputs.qa_results import read_evaluations
    from cs_team.needs.evidence import Settings
    from cs_team.needs.output import as_dict, tables
    from cs_team.needs.report import report
    from cs_team.schedule.calendar import WorkDays

    first_day = date_option(start, "--start")
    playbook = open_playbook(repo)
    problems = problems_for(playbook, lang)
    rows = read_kpi_exports(files_given(kpi), problems, set(playbook.roles))  # type: ignore[arg-type]
    found = read_evaluations(files_given(qa or []), problems, playbook.qa_forms,  # type: ignore[arg-type]
                             playbook.default_language)
    attempts = _attempts(playbook, training or [], problems)
    problems.raise_any()  # type: ignore[attr-defined]
    settings = Settings(min_periods, min_contacts, min_evaluations, min_gap=min_gap)
    result = report(playbook, rows, found, settings, WorkDays(playbook.calendars), first_day, refresher,
                    attempts)  # type: ignore[arg-type]
    names = {c: playbook.competencies[c].name for c in result.competencies if c in playbook.competencies}
    deliver_report(playbook, "training-needs", output_format, lang, out,
                   lambda chosen: as_dict(result, playbook, chosen), tables,
                   agents=result.agents, competencies=result.competencies, names=names, shared=result.shared,
                   sessions=result.sessions, start=result.start, settings=settings,
                   refresher_share=result.refresher_share, roles=playbook.roles, modules=playbook.modules,
                   template_title=result.template.title if result.template is not None else "")


def _attempts(playbook: Playbook, paths: list[Path], problems: object) -> list:
    """The training results' attempts, their problems added to the others'."""
    if not paths:
        return []
    from cs_team.inputs.problems import ProblemsFound
    from cs_team.results.training_files import read_results

    try:
        return read_results(playbook, paths, Path.cwd(), problems.lang)  # type: ignore[attr-defined]
    except ProblemsFound as error:
        for line in error.details:
            where, _, message = line.partition(": ")
            problems.add(where, message)  # type: ignore[attr-defined]
        return []
