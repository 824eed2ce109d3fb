"""`cs-team erlang`: agents for a queue of calls, the calculator people use web pages for."""

from __future__ import annotations

from typing import Annotated

import typer

from cs_team.commands.base import app, say
from cs_team.commands.formats import format_option, formats
from cs_team.commands.output import deliver
from cs_team.errors import UsageError
from cs_team.wording import phrase, said

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
    from cs_team.staffing import erlang_a
    from cs_team.staffing.erlang import StaffingError, required_agents
    from cs_team.staffing.erlang import table as around
    from cs_team.staffing.erlang_report import as_json, as_text
    from cs_team.staffing.quantities import duration_seconds, fraction

    # Every option's reading and bounds in one place.
    try:
        seconds = duration_seconds(interval, "--interval")
        level_target = fraction(target, "--target") if target is not None else None
        cap = fraction(max_occupancy, "--max-occupancy") if max_occupancy is not None else None
        abandon_cap = fraction(abandon, "--abandon") if abandon is not None else None
        if abandon_cap is not None and patience is None:
            raise UsageError(phrase("command.abandon_needs_patience"))
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
        raise UsageError(said(error)) from error
    if seconds < aht:
        from cs_team.reader import current_language

        say(phrase("cli.warning", message=phrase("notice.short_interval", seconds=float(seconds),
                                                 aht=float(aht))).word(current_language()))

    if output_format is ErlangFormat.json:
        deliver(as_json(result, rows), None)
    else:
        deliver(as_text(result, rows, within, patience), None)
