"""`cs-team erlang` and `plan-hiring`: agents, people and hires from contact volume."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, date_option, open_playbook, say
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver
from cs_team.errors import UsageError

ErlangFormat = formats("ErlangFormat", "text", "json")


@app.command()
def erlang(
    volume: Annotated[float, typer.Option(help="Contacts arriving in the interval.")],
    aht: Annotated[float, typer.Option(help="Average handle time, seconds.")],
    interval: Annotated[str, typer.Option(
        help="Length of the interval: 900 or 900s, 15m, 1h (a bare number is seconds).")],
    target: Annotated[str | None, typer.Option(
        help="Service-level target: 80 (percent, as YAML writes it) or 0.8 (with --within).")] = None,
    within: Annotated[float | None, typer.Option(help="Answer-time of the service level, seconds.")]
        = None,
    asa: Annotated[float | None, typer.Option(help="Average speed of answer target, seconds.")] = None,
    max_occupancy: Annotated[str | None, typer.Option(
        help="Highest occupancy allowed: 85 or 0.85.")] = None,
    patience: Annotated[float | None, typer.Option(
        help="Callers' average patience, seconds: Erlang A, with abandonment.")] = None,
    abandon: Annotated[str | None, typer.Option(
        help="Highest abandonment allowed (with --patience): 5 or 0.05.")] = None,
    show_table: Annotated[bool, typer.Option(
        "--table", help="Also show service level, ASA and occupancy for n-3 ... n+3 agents.")] = False,
    output_format: format_option(ErlangFormat) = ErlangFormat.text,
) -> None:
    """Agents needed for a queue of calls (Erlang C, or Erlang A with --patience): the calculator
    people use web pages for.

    With --patience, callers hang up after that long on average (M/M/n+M): the service level is
    the share of all calls answered within --within (a call that hangs up is a miss), ASA is the
    wait of the calls answered, and the abandon rate is printed; --abandon staffs to a cap on it.

    [bold]Examples[/bold]

      cs-team erlang --volume 100 --aht 180 --interval 30m --target 80 --within 20

      cs-team erlang --volume 100 --aht 180 --interval 30m --target 80 --within 20 --patience 120

      cs-team erlang --volume 400 --aht 300 --interval 1h --asa 30 --max-occupancy 85 --table

      cs-team erlang --volume 100 --aht 180 --interval 1800 --target 0.8 --within 20 --format json
    """
    import json
    import math

    from cs_team.staffing import erlang_a
    from cs_team.staffing.erlang import StaffingError, required_agents
    from cs_team.staffing.erlang import table as around
    from cs_team.staffing.quantities import duration_seconds, fraction

    # Every option's reading and bounds in one place.
    try:
        seconds = duration_seconds(interval, "--interval")
        level_target = fraction(target, "--target") if target is not None else None
        cap = fraction(max_occupancy, "--max-occupancy") if max_occupancy is not None else None
        abandon_cap = fraction(abandon, "--abandon") if abandon is not None else None
        if abandon_cap is not None and patience is None:
            raise UsageError("--abandon needs --patience: without it nobody hangs up")
        if patience is None:
            result = required_agents(volume, aht, seconds, target=level_target, within_seconds=within,
                                     asa_seconds=asa, max_occupancy=cap)
            rows = around(volume, aht, seconds, result.agents, within) if show_table else []
        else:
            result = erlang_a.required_agents(volume, aht, seconds, patience, target=level_target,
                                              within_seconds=within, asa_seconds=asa,
                                              abandon_rate=abandon_cap, max_occupancy=cap)
            rows = (erlang_a.table(volume, aht, seconds, patience, result.agents, within)
                    if show_table else [])
    except StaffingError as error:  # every input is an option: a bad value is a usage error
        raise UsageError(str(error)) from error
    if seconds < aht:
        say(f"cs-team: warning: the interval ({seconds:g} s) is shorter than the average handle time "
            f"({aht:g} s): most contacts outlast it, so the figures are rough; plan on 15 minutes or more")

    def finite(value: float | None) -> float | None:
        return None if value is None or math.isinf(value) else value

    if output_format is ErlangFormat.json:
        data = {k: finite(v) if isinstance(v, float) else v for k, v in result.as_dict().items()}
        if show_table:
            data["table"] = [{k: finite(v) if isinstance(v, float) else v for k, v in r.as_dict().items()}
                             for r in rows]
        deliver(json.dumps(data, indent=2) + "\n", None)
        return

    def level(value: float | None) -> str:
        return "-" if value is None else f"{value:.1%}"

    def wait(value: float) -> str:
        return "never (queue grows)" if math.isinf(value) else f"{value:.1f} s"

    typer.echo(f"agents            {result.agents}")
    typer.echo(f"traffic           {result.traffic_erlangs:.2f} Erlangs")
    if within is not None:
        typer.echo(f"service level     {level(result.service_level)} answered within {within:g} s")
    typer.echo(f"ASA               {wait(result.asa_seconds)}")
    if patience is not None:
        typer.echo(f"abandon rate      {result.abandon_rate:.1%} hang up (patience {patience:g} s)")
    typer.echo(f"occupancy         {result.occupancy:.1%}")
    typer.echo(f"wait probability  {result.wait_probability:.1%}")
    if rows:
        abandons = patience is not None
        typer.echo("\nagents  service level  ASA          occupancy" + ("  abandon rate" if abandons else ""))
        for row in rows:
            mark = "  <- required" if row.agents == result.agents else ""
            extra = f"  {row.abandon_rate:>12.1%}" if abandons else ""
            typer.echo(f"{row.agents:>6}  {level(row.service_level):>13}  {wait(row.asa_seconds):<11}  "
                       f"{min(row.occupancy, 1.0):>9.1%}{extra}{mark}")


HiringFormat = formats("HiringFormat", "md", "html", "json", "csv", "xlsx")


@app.command("plan-hiring")
def plan_hiring(
    plan_id: Annotated[str | None, typer.Argument(
        metavar="PLAN", help="The hiring-inputs id (default: the repository's only one).")] = None,
    forecast: Annotated[Path | None, typer.Option(
        exists=True, help="Demand: a CSV or xlsx of interval_start, channel, volume, aht_seconds, or a "
             "weekly pattern in YAML (default: the one the hiring inputs name).")] = None,
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

      cs-team plan-hiring --scenario double-eleven --scenario slow-year --format md
    """
    import datetime as dt

    from cs_team.errors import InputError
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.inputs.problems import language_of
    from cs_team.staffing import forecast as demand
    from cs_team.staffing.erlang import StaffingError
    from cs_team.staffing.plan import plan
    from cs_team.staffing.report import as_csv, as_json
    from cs_team.validation import suggest

    day = date_option(as_of, "--as-of", lang) or dt.date.today()
    playbook = open_playbook(repo)
    inputs, forecast, shown = _inputs_and_forecast(playbook, plan_id, forecast)
    from cs_team.staffing import scenario as what_if

    unknown = [name for name in scenario or [] if name not in playbook.scenarios]
    if unknown:
        raise UsageError(f"no hiring scenario '{unknown[0]}'{suggest(unknown[0], playbook.scenarios)}")
    try:
        flags = what_if.from_flags(volume, aht, attrition)
    except what_if.ScenarioError as error:  # the flags are options: a bad value is a usage error
        raise UsageError(str(error)) from error
    notes: list[str] = []
    try:
        loaded = read_forecast(forecast, shown, language_of(lang, playbook.default_language), notes)
        if scenario:
            chosen = [playbook.scenarios[name] for name in scenario] + ([flags] if flags else [])
            plans = what_if.plan_each(inputs, loaded, day, chosen)
        else:
            result = what_if.plan_under(flags, inputs, loaded, day) if flags else plan(inputs, loaded, day)
    except (demand.ForecastError, StaffingError, what_if.ScenarioError) as error:
        raise InputError(str(error)) from error
    finally:
        for note in notes:
            say(f"cs-team: note: {note}")
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
    if output_format in (HiringFormat.md, HiringFormat.html):
        from cs_team.documents.output import hiring_plan

        text = hiring_plan(playbook, result, output_format.value, lang.value if lang else None,
                           flags.title if flags else None)
    else:
        text = as_json(result) if output_format is HiringFormat.json else as_csv(result)
    _say_notes(playbook, inputs, result, lang)
    deliver(text, out)


def _say_notes(playbook, inputs, result, lang) -> None:
    """The plan's notes on stderr, in the language asked for (English by default)."""
    from cs_team.documents.output import language, plan_names, plan_sentence

    words = language(playbook, lang.value if lang else "en")
    names = plan_names(playbook, inputs, words)
    for note in result.notes:
        say(f"cs-team: note: {plan_sentence(note, names, words)}")


def _write_comparison(playbook, plans, chosen, output_format: HiringFormat, out, lang) -> None:
    """Scenarios side by side (md, html or json); CSV has no comparison."""
    from cs_team.staffing.report import comparison_json

    if output_format in (HiringFormat.csv, HiringFormat.xlsx):
        raise UsageError("--scenario compares plans: use --format md, html or json")
    if output_format is HiringFormat.json:
        text = comparison_json(plans)
    else:
        from cs_team.documents.output import scenario_comparison

        text = scenario_comparison(playbook, plans, chosen, output_format.value, lang.value if lang else None)
    deliver(text, out)


def _inputs_and_forecast(playbook, plan_id: str | None, forecast: Path | None):
    """The hiring inputs chosen, the forecast's path, and that path as the user gave it."""
    from cs_team.errors import InputError
    from cs_team.validation import suggest

    if not playbook.hiring:
        raise InputError("the repository has no valid hiring-inputs document (`cs-team lint` says why)")
    if plan_id is None:
        inputs = next(iter(playbook.hiring.values()))
    elif plan_id in playbook.hiring:
        inputs = playbook.hiring[plan_id]
    else:
        raise UsageError(f"no hiring inputs '{plan_id}'{suggest(plan_id, playbook.hiring)}")
    shown = str(forecast) if forecast is not None else inputs.forecast  # as given: same on every machine
    if forecast is None:
        if inputs.forecast is None:
            raise UsageError(f"hiring inputs '{inputs.id}' name no forecast: pass --forecast FILE")
        forecast = playbook.repo.root / inputs.forecast
    return inputs, forecast, shown

RosterFormat = formats("RosterFormat", "md", "html", "csv", "xlsx")


class RosterWeek(str, Enum):
    peak = "peak"
    typical = "typical"
    both = "both"


@app.command()
def roster(
    plan_id: Annotated[str | None, typer.Argument(
        metavar="PLAN", help="The hiring-inputs id (default: the repository's only one).")] = None,
    forecast: Annotated[Path | None, typer.Option(
        exists=True, help="Demand: a forecast CSV or xlsx, or a demand pattern in YAML (default: the "
             "one the hiring inputs name).")] = None,
    week: Annotated[RosterWeek, typer.Option(
        help="Roster the peak week, the typical (median) week, or both.")] = RosterWeek.peak,
    output_format: format_option(RosterFormat) = RosterFormat.md,
    out: OutOption = None,
    lang: LangOption = None,
    repo: RepoOption = None,
) -> None:
    """The 排班 sheet: how many people on each shift, day by day, and who to name.

    The shift rules of the hiring inputs (`shifts:`; without them, a mainland centre's 早班, 中班,
    晚班 and 夜班 of nine hours with an hour's lunch, five days in seven) and the agents each
    interval needs give an integer program: the fewest people (or the cheapest, with night and
    weekend premiums) whose shifts, after lunch and breaks, cover every interval of the week.

    The sheet shows the people per shift and day, the coverage of every interval against its
    requirement (over, met, short), and one row per person to write a name on. CSV holds the
    three tables one after another, each under its title; xlsx one sheet each.

    [bold]Examples[/bold]

      cs-team roster

      cs-team roster --week both --format html --out roster.html

      cs-team roster --format csv --lang zh --out 排班表.csv
    """
    from cs_team.documents.output import language
    from cs_team.documents.roster import roster_document, tables
    from cs_team.errors import InputError
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.inputs.problems import language_of
    from cs_team.model.shifts import ShiftRules
    from cs_team.staffing import roster_sheet, rostering
    from cs_team.staffing.erlang import StaffingError
    from cs_team.staffing.forecast import ForecastError
    from cs_team.staffing.plan import channel_staffing

    playbook = open_playbook(repo)
    inputs, forecast, shown = _inputs_and_forecast(playbook, plan_id, forecast)
    rules = inputs.shifts
    if rules is None:
        say(f"cs-team: note: hiring inputs '{inputs.id}' give no shift rules (shifts:): the default "
            "early, middle, late and night shifts of nine hours, five days in seven, are used")
        rules = ShiftRules()
    which = ("typical", "peak") if week is RosterWeek.both else (week.value,)
    notes: list[str] = []
    try:
        loaded = read_forecast(forecast, shown, language_of(lang, playbook.default_language), notes)
        staffing = channel_staffing(inputs, loaded)
        sheets = [roster_sheet.build(r) for r in rostering.solve_weeks(staffing, loaded.interval_seconds,
                                                                        inputs, rules, which)]
    except (ForecastError, StaffingError) as error:
        raise InputError(str(error)) from error
    finally:
        for note in notes:
            say(f"cs-team: note: {note}")
    mode = lang.value if lang else None
    if output_format is RosterFormat.xlsx:
        from cs_team.export.workbook import Column, Table, workbook_bytes

        deliver(workbook_bytes([Table(title, [Column(str(h)) for h in table[0]], table[1:])
                                      for title, table in tables(sheets, language(playbook, mode))]), out)
        return
    if output_format is RosterFormat.csv:
        from cs_team.export.csvfile import csv_text

        rows: list[list[object]] = []
        for title, table in tables(sheets, language(playbook, mode)):
            rows += [*([[]] if rows else []), [title], *table]
        text = csv_text(rows)
    else:
        text = roster_document(playbook, sheets, inputs, output_format.value, mode)
    deliver(text, out)
