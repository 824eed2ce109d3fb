"""A demand-pattern document (a typical week) as a Forecast: the week repeated from its start.

``inputs.forecasts`` reads and validates the document (by the model lint uses, so an error points
at its line); this module only lays the week out.
"""

from __future__ import annotations

import datetime as dt

from cs_team.model.demand import DAYS, DemandPattern
from cs_team.staffing.forecast import ChannelForecast, Forecast


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
