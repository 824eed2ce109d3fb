"""A demand-pattern document (a typical week) as a Forecast: the week repeated from its start.

The document is validated by the same model lint uses, so an error points at its line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cs_team.loader import load_document
from cs_team.locate import span_at
from cs_team.model.demand import DAYS, DemandPattern, incomplete_days
from cs_team.source import parse_file
from cs_team.staffing.forecast import ChannelForecast, Forecast, ForecastError


def expand(pattern: DemandPattern, display: str) -> Forecast:
    per_day = 1440 // pattern.interval_minutes
    first = dt.datetime.combine(pattern.start, dt.time())
    starts = [first + dt.timedelta(minutes=step * pattern.interval_minutes)
              for step in range(pattern.weeks * 7 * per_day)]
    channels = {}
    for name, channel in sorted(pattern.channels.items()):
        days = {day: channel.day(day) for day in DAYS}
        volume = [days[DAYS[moment.weekday()]][i % per_day] for i, moment in enumerate(starts)]
        channels[name] = ChannelForecast(starts, volume, [channel.aht_seconds] * len(starts))
    return Forecast(display, pattern.interval_minutes * 60, channels)


def read(path: Path, display: str | None = None) -> Forecast:
    document = load_document(parse_file(path, display or str(path)))
    problems = [f for f in document.parsed.findings if f.severity.value == "error"]
    if problems or not isinstance(document.model, DemandPattern):
        first = problems[0] if problems else None
        where = f"{first.path}:{first.line}" if first else document.display
        reason = first.message if first else "not a demand-pattern document (kind: demand-pattern)"
        raise ForecastError(f"{where}: {reason}")
    for channel, key, needed, given in incomplete_days(document.model):
        line = span_at(document.parsed.node, ("channels", channel, key)).line
        raise ForecastError(f"{document.display}:{line}: channel {channel}, {key}: give {needed} "
                            f"volumes, one per interval of the day (got {given})")
    return expand(document.model, document.display)
