"""What a forecast must be before a plan is made from it: nothing is invented to fill it.

Reading rows is the input layer's job; this module judges what the rows mean. A hole inside the
forecast's span (08:30 missing on one day) would otherwise plan zero demand there, and a forecast
shorter than a week would have some weekday stand for all of them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from cs_team.staffing.forecast import Forecast, ForecastError, offsets
from cs_team.wording import Phrase, phrase

SHOWN = 5  # missing intervals named in the message; the count says how many more
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def check(forecast: Forecast) -> None:
    """Raise ForecastError when an interval is missing inside the span or the span is under a week."""
    step = forecast.interval_seconds
    first, last = forecast.first, forecast.last
    count = int((last - first).total_seconds()) // step + 1
    for name, channel in forecast.channels.items():
        present = np.zeros(count, dtype=bool)
        present[np.asarray(offsets(channel, first, step), dtype=np.int64)] = True
        missing = np.flatnonzero(~present)
        if missing.size:
            named = ", ".join(f"{first + dt.timedelta(seconds=int(i) * step):%Y-%m-%d %H:%M}"
                              for i in missing[:SHOWN])
            if missing.size > SHOWN:
                named = phrase("forecast.and_more", named=named, more=missing.size - SHOWN)
            raise ForecastError(phrase("forecast.gaps", where=forecast.path, channel=name, count=missing.size,
                                       named=named))
    span = (last - first).total_seconds() + step
    if span < 7 * 86400:
        present_days = sorted({(first + dt.timedelta(seconds=i * step)).weekday() for i in range(count)})
        absent: Phrase | str = ""
        for day in (WEEKDAYS[d] for d in range(7) if d not in present_days):
            named = phrase(f"forecast.weekdays.{day}")
            absent = phrase("forecast.and", first=absent, rest=named) if absent else named
        raise ForecastError(phrase("forecast.short", where=forecast.path, days=round(span / 86400, 2),
                                   first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}", absent=absent))
