"""Demand forecasts: a table of ``interval_start, channel, volume, aht_seconds`` (``inputs``
reads the file, CSV or xlsx, into rows; this module says what the rows mean).

Any interval length works (15, 30 or 60 minutes): it is the step between consecutive starts of
a channel, and must be the same throughout a file. Every problem names the file and the row.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections import defaultdict
from dataclasses import dataclass

from cs_team.wording import phrase, quoted

COLUMNS = ("interval_start", "channel", "volume", "aht_seconds")
INFINITY = float("inf")


class ForecastError(ValueError):
    """A forecast that cannot be used; the message names file and row."""


@dataclass
class ChannelForecast:
    starts: list[dt.datetime]
    volume: list[float]
    aht_seconds: list[float]


def evenly(starts: list[dt.datetime], step: int) -> bool:
    """Whether ``starts`` are each ``step`` seconds after the one before: at least that far apart
    and spanning exactly ``n - 1`` steps (two C-level passes, no Python loop over a year's 35,040
    quarter-hours)."""
    apart = dt.timedelta(seconds=step)
    return bool(starts) and (starts[-1] - starts[0]) == apart * (len(starts) - 1) and all(
        map(operator.le, map(operator.add, starts, itertools.repeat(apart)), starts[1:]))


def offsets(channel: ChannelForecast, first: dt.datetime, step: int) -> list[int] | range:
    """Each start's interval number counted from ``first`` (``int(seconds) // step``)."""
    starts = channel.starts
    if evenly(starts, step):
        begin = int((starts[0] - first).total_seconds()) // step
        return range(begin, begin + len(starts))
    return [int((s - first).total_seconds()) // step for s in starts]


@dataclass
class Forecast:
    path: str
    interval_seconds: int
    channels: dict[str, ChannelForecast]

    @property
    def first(self) -> dt.datetime:
        return min(c.starts[0] for c in self.channels.values())

    @property
    def last(self) -> dt.datetime:
        return max(c.starts[-1] for c in self.channels.values())


def _number(text: str, column: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ForecastError(phrase("forecast.not_a_number", where=where, column=column,
                                   text=quoted(text))) from None
    if value != value or value in (float("inf"), float("-inf")):  # NaN or infinite
        raise ForecastError(phrase("forecast.not_finite", where=where, column=column, text=quoted(text)))
    return value


def _explain(row: list, at: tuple[int, int, int, int], where: str, channel: str | None = None) -> None:
    """Raise the precise error for a row the fast path could not take, at its cell (``file:row:column``)."""
    when = row[at[0]]
    try:
        _when(when)
    except (AttributeError, ValueError):
        when = _text(when)
        raise ForecastError(phrase("forecast.not_a_time", where=f"{where}:{at[0] + 1}",
                                   text=quoted(when))) from None
    volume = _number(_text(row[at[1]]), "volume", f"{where}:{at[1] + 1}")
    aht = _number(_text(row[at[2]]), "aht_seconds", f"{where}:{at[2] + 1}")
    if channel == "":
        raise ForecastError(phrase("forecast.no_channel", where=f"{where}:{at[3] + 1}"))
    if volume < 0:
        raise ForecastError(phrase("forecast.negative", where=f"{where}:{at[1] + 1}", value=volume))
    if aht <= 0 and volume > 0:
        raise ForecastError(phrase("forecast.aht", where=f"{where}:{at[2] + 1}"))


def from_rows(display: str, header: list[str], rows: list[tuple[int, list]]) -> Forecast:
    """The forecast in a table's rows ((row number, cells), as ``inputs`` reads them)."""
    header = [str(name).strip() for name in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ForecastError(phrase("forecast.columns", where=f"{display}:1", missing=", ".join(missing),
                                   columns=", ".join(COLUMNS)))
    when_at, channel_at, volume_at, aht_at = (header.index(c) for c in COLUMNS)
    width = len(header)
    found: dict[str, list[tuple[dt.datetime, float, float, int]]] = defaultdict(list)
    # A year of 15-minute intervals is 100,000 rows: the loop stays lean, and a row is looked at
    # closely (for the message) only when something in it is wrong.
    for row_number, row in rows:
        if len(row) != width:
            if not row:  # a blank line
                continue
            raise ForecastError(phrase("forecast.width", where=f"{display}:{row_number}", count=len(row),
                                       width=width))
        when, channel = row[when_at], row[channel_at]
        try:  # CSV text on the fast path; an xlsx date cell as it is
            start = when if when.__class__ is dt.datetime else dt.datetime.fromisoformat(when.strip())
            volume, aht = float(row[volume_at]), float(row[aht_at])
        except (AttributeError, TypeError, ValueError):
            _explain(row, (when_at, volume_at, aht_at, channel_at), f"{display}:{row_number}")
            raise
        channel = channel.strip() if channel.__class__ is str else _text(channel)
        # NaN fails every comparison, so it lands here too
        if not channel or not 0 <= volume < INFINITY or not -INFINITY < aht < INFINITY or aht <= 0 < volume:
            _explain(row, (when_at, volume_at, aht_at, channel_at), f"{display}:{row_number}", channel)
        if start.tzinfo is not None:
            start = start.replace(tzinfo=None)
        found[channel].append((start, volume, aht, row_number))
    if not found:
        raise ForecastError(phrase("forecast.no_rows", where=display))
    interval = _interval(found, display)  # sorts each channel's rows in place
    return Forecast(display, interval, {
        name: ChannelForecast([r[0] for r in items], [r[1] for r in items], [r[2] for r in items])
        for name, items in sorted(found.items())})


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _when(cell: object) -> dt.datetime:
    """A CSV cell's ISO date and time, or an xlsx date cell as it is."""
    if isinstance(cell, dt.datetime):
        return cell
    if not isinstance(cell, str):  # an empty cell, or a number where a time belongs
        raise ValueError(cell)
    return dt.datetime.fromisoformat(cell.strip())


def _interval(rows: dict[str, list], display: str) -> int:
    """The one step between consecutive starts, checked on every row (each channel's rows sorted)."""
    step: dt.timedelta | None = None
    for items in rows.values():
        items.sort()
        for previous, current in itertools.pairwise(items):
            gap = current[0] - previous[0]
            if gap == step:  # nearly every row: skip the checks below
                continue
            if gap <= dt.timedelta(0):
                raise ForecastError(phrase("forecast.twice", where=f"{display}:{current[3]}",
                                           when=f"{current[0]:%Y-%m-%d %H:%M}"))
            step = step or gap
            if gap % step and step % gap:
                raise ForecastError(phrase("forecast.uneven", where=f"{display}:{current[3]}", step=str(step),
                                           gap=str(gap)))
            step = min(step, gap)
    return int(step.total_seconds()) if step else 3600
