"""`cs-team plan-hiring`: head-count, hires, requisitions and budget from a demand forecast."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, date_option, open_playbook, say
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver, printed_notes
from cs_team.errors import UsageError
from cs_team.wording import did_you_mean, phrase, said

# plan-hiring's and roster's first two parameters: which hiring inputs, and their demand.
PlanArgument = Annotated[str | None, typer.Argument(
    metavar="PLAN", help="The hiring-inputs id (default: the repository's only one).")]
ForecastOption = Annotated[Path | None, typer.Option(
    exists=True, help="Demand: a CSV or xlsx of interval_start, channel, volume, aht_seconds, or a "
                      "weekly demand pattern in YAML (default: the one the hiring inputs name).")]

HiringFormat = formats("HiringFormat", "md", "html", "pdf", "json", "csv", "xlsx")


@app.command("plan-hiring")
def plan_hiring(
    plan_id: PlanArgument = None,
    forecast: ForecastOption = None,
    output_format: format_option(HiringFormat) = HiringFormat.json,
    out: OutOption = None,
    as_of: Annotated[str | None, typer.Option(
        help="The day the plan is made, YYYY-MM-DD (default: today): earlier open dates are late.")]
        = None,
    scenario: Annotated[list[str] | None, typer.Option(
        help="A hiring-scenario document's id; give two or more (or one and the flags below) to "
             "compare them side by side with the inputs as they are.")] = None,
    volume: Annotated[str | None, typer.Option(help="Change every channel's volume, e.g. +10%.")] = None,
    aht: Annotated[str | None, typer.Option(help="Change every handle time, e.g. +5%.")] = None,
    attrition: Annotated[str | None, typer.Option(help="Monthly attrition in percent, e.g. 5.")] = None,
    lang: LangOption = None,
    repo: RepoOption = None,
) -> None:
    """The hiring plan from a demand forecast: head-count, hires, requisitions, budget.

    Agents per interval and channel, FTE and hires per role and month, requisition dates,
    applicants and cost per sourcing channel.

    The report (md, html) leads with the summary, then the busiest day with a chart (inline SVG
    in HTML, Mermaid in Markdown), a heat map of a typical week, the requisition timeline and the
    sourcing plan with the budget. JSON carries every figure; CSV the staffing of every interval.

    [bold]Examples[/bold]

      cs-team plan-hiring

      cs-team plan-hiring service-centre-2027 --forecast forecasts/year.csv --as-of 2026-12-01

      cs-team plan-hiring --format csv --out staffing.csv

      cs-team plan-hiring --format html --lang zh-en --out plan.html

      cs-team plan-hiring --volume +10% --aht +5% --attrition 5

      cs-team plan-hiring --scenario growth --scenario high-attrition --format md
    """
    import datetime as dt

    from cs_team.errors import InputError
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.inputs.problems import language_of
    from cs_team.staffing import forecast as demand
    from cs_team.staffing.erlang import StaffingError
    from cs_team.staffing.plan import plan
    from cs_team.staffing.report import as_csv, as_json

    day = date_option(as_of, "--as-of") or dt.date.today()
    playbook = open_playbook(repo)
    inputs, forecast, shown = inputs_and_forecast(playbook, plan_id, forecast)
    from cs_team.staffing import scenario as what_if

    unknown = [name for name in scenario or [] if name not in playbook.scenarios]
    if unknown:
        raise UsageError(phrase("command.unknown_scenario", name=unknown[0],
                                hint=did_you_mean(unknown[0], playbook.scenarios)))
    try:
        flags = what_if.from_flags(volume, aht, attrition)
    except what_if.ScenarioError as error:  # the flags are options: a bad value is a usage error
        raise UsageError(said(error)) from error
    try:
        loaded = read_forecast(forecast, shown, language_of(lang, playbook.default_language),
                               printed_notes())
        if scenario:
            chosen = [playbook.scenarios[name] for name in scenario] + ([flags] if flags else [])
            plans = what_if.plan_each(inputs, loaded, day, chosen)
        else:
            result = what_if.plan_under(flags, inputs, loaded, day) if flags else plan(inputs, loaded, day)
    except (demand.ForecastError, StaffingError, what_if.ScenarioError) as error:
        raise InputError(said(error)) from error
    if scenario:
        _write_comparison(playbook, plans, chosen, output_format, out, lang)
        return
    from cs_team.documents.output import language

    if output_format is HiringFormat.xlsx:
        from cs_team.documents.plan_workbook import plan_tables
        from cs_team.export.workbook import workbook_bytes

        _say_notes(playbook, inputs, result, lang)
        deliver(workbook_bytes(plan_tables(playbook, result, language(playbook, lang.value if lang
                                                                               else None))), out)
        return
    if output_format in (HiringFormat.md, HiringFormat.html, HiringFormat.pdf):
        from cs_team.documents.output import hiring_plan

        printed = "html" if output_format is HiringFormat.pdf else output_format.value  # pdf: printed html
        text = hiring_plan(playbook, result, printed, lang.value if lang else None,
                           flags.title if flags else None)
    else:
        text = as_json(result) if output_format is HiringFormat.json else as_csv(result)
    _say_notes(playbook, inputs, result, lang)
    deliver(text, out, output_format.value)


def _say_notes(playbook, inputs, result, lang) -> None:
    """The plan's notes on stderr, in the reader's language (--lang zh-en reads zh)."""
    from cs_team.documents.output import language, plan_names, plan_sentence
    from cs_team.reader import current_language

    reader = current_language()
    words = language(playbook, reader)
    names = plan_names(playbook, inputs, words)
    for note in result.notes:
        say(phrase("cli.noted", message=plan_sentence(note, names, words)).word(reader))


def _write_comparison(playbook, plans, chosen, output_format: HiringFormat, out, lang) -> None:
    """Scenarios side by side (md, html, pdf or json); CSV has no comparison."""
    from cs_team.staffing.report import comparison_json

    if output_format in (HiringFormat.csv, HiringFormat.xlsx):
        raise UsageError(phrase("command.scenario_formats"))
    if output_format is HiringFormat.json:
        text = comparison_json(plans)
    else:
        from cs_team.documents.output import scenario_comparison

        printed = "html" if output_format is HiringFormat.pdf else output_format.value
        text = scenario_comparison(playbook, plans, chosen, printed, lang.value if lang else None)
    deliver(text, out, output_format.value)


def inputs_and_forecast(playbook, plan_id: str | None, forecast: Path | None):
    """The hiring inputs chosen, the forecast's path, and that path as the user gave it."""
    from cs_team.errors import InputError

    if not playbook.hiring:
        raise InputError(phrase("command.no_hiring_inputs"))
    if plan_id is None:
        inputs = next(iter(playbook.hiring.values()))
    elif plan_id in playbook.hiring:
        inputs = playbook.hiring[plan_id]
    else:
        raise UsageError(phrase("command.unknown_hiring_inputs", name=plan_id,
                                hint=did_you_mean(plan_id, playbook.hiring)))
    shown = str(forecast) if forecast is not None else inputs.forecast  # as given: same on every machine
    if forecast is None:
        if inputs.forecast is None:
            raise UsageError(phrase("command.no_forecast", name=inputs.id))
        forecast = playbook.repo.root / inputs.forecast
    return inputs, forecast, shown
