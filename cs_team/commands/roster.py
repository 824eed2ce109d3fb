"""`cs-team roster`: the 排班 sheet, people on each shift day by day, from the hiring inputs."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from cs_team.commands.base import LangOption, OutOption, RepoOption, app, open_playbook, say
from cs_team.commands.formats import format_option, formats
from cs_team.commands.hiring import ForecastOption, PlanArgument, inputs_and_forecast
from cs_team.commands.output import deliver, printed_notes

RosterFormat = formats("RosterFormat", "md", "html", "csv", "xlsx")


class RosterWeek(str, Enum):
    peak = "peak"
    typical = "typical"
    both = "both"


@app.command()
def roster(
    plan_id: PlanArgument = None,
    forecast: ForecastOption = None,
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
    from cs_team.documents.roster import roster_csv, roster_document, roster_workbook
    from cs_team.errors import InputError
    from cs_team.inputs.forecasts import read_forecast
    from cs_team.inputs.problems import language_of
    from cs_team.model.shifts import ShiftRules
    from cs_team.reader import current_language
    from cs_team.staffing.erlang import StaffingError
    from cs_team.staffing.forecast import ForecastError
    from cs_team.staffing.roster_sheet import sheets
    from cs_team.wording import phrase, said

    playbook = open_playbook(repo)
    inputs, forecast, shown = inputs_and_forecast(playbook, plan_id, forecast)
    rules = inputs.shifts
    if rules is None:
        say(phrase("cli.noted", message=phrase("notice.no_shift_rules", name=inputs.id))
            .word(current_language()))
        rules = ShiftRules()
    which = ("typical", "peak") if week is RosterWeek.both else (week.value,)
    try:
        loaded = read_forecast(forecast, shown, language_of(lang, playbook.default_language),
                               printed_notes())
        chosen = sheets(inputs, loaded, rules, which)
    except (ForecastError, StaffingError) as error:
        raise InputError(said(error)) from error
    mode = lang.value if lang else None
    if output_format is RosterFormat.xlsx:
        deliver(roster_workbook(chosen, language(playbook, mode)), out)
    elif output_format is RosterFormat.csv:
        deliver(roster_csv(chosen, language(playbook, mode)), out)
    else:
        deliver(roster_document(playbook, chosen, inputs, output_format.value, mode), out)
