"""Demand forecasts: a table of ``interval_start, channel, volume, aht_seconds`` (``inputs``
reads the file, CSV or xlsx, into rows; this module says what the rows mean).

Any interval length works (15, 30 or 60 minutes): it is the step between consecutive starts of
a channel, and must be the same throughout a file. Every problem names the file and the row.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass

COLUMNS = ("interval_start", "channel", "volume", "aht_seconds")
INFINITY = float("inf")


class ForecastError(ValueError):
    """A forecast that cannot be used; the message names file and row."""


@dataclass
class ChannelForecast:
    starts: list[dt.datetime]
    volume: list[float]
    aht_seconds: list[float]


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
        raise ForecastError(f"{where}: {column} {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):  # NaN or infinite
        raise ForecastError(f"{where}: {column} {text!r} is not a finite number")
    return value


def _explain(row: list, at: tuple[int, int, int], where: str, channel: str | None = None) -> None:
    """Raise the precise error for a row the fast path could not take."""
    when = row[at[0]]
    try:
        _when(when)
    except (AttributeError, ValueError):
        when = _text(when)
        raise ForecastError(f"{where}: interval_start {when!r} is not a date and time; write it as "
                            "2026-11-11T09:00") from None
    volume = _number(_text(row[at[1]]), "volume", where)
    aht = _number(_text(row[at[2]]), "aht_seconds", where)
    if channel == "":
        raise ForecastError(f"{where}: channel is empty")
    if volume < 0:
        raise ForecastError(f"{where}: volume {volume:g} is negative")
    if aht <= 0 and volume > 0:
        raise ForecastError(f"{where}: aht_seconds must be positive where there is volume")


def from_rows(display: str, header: list[str], rows: list[tuple[int, list]]) -> Forecast:
    """The forecast in a table's rows ((row number, cells), as ``inputs`` reads them)."""
    header = [str(name).strip() for name in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ForecastError(f"{display}:1: missing column {', '.join(missing)} (the header must name "
                            f"{', '.join(COLUMNS)})")
    when_at, channel_at, volume_at, aht_at = (header.index(c) for c in COLUMNS)
    width = len(header)
    found: dict[str, list[tuple[dt.datetime, float, float, int]]] = defaultdict(list)
    # A year of 15-minute intervals is 100,000 rows: the loop stays lean, and a row is looked at
    # closely (for the message) only when something in it is wrong.
    for row_number, row in rows:
        if len(row) != width:
            if not row:  # a blank line
                continue
            raise ForecastError(f"{display}:{row_number}: the row has {len(row)} fields; the header "
                                f"names {width}")
        when, channel = row[when_at], row[channel_at]
        try:  # CSV text on the fast path; an xlsx date cell as it is
            start = when if when.__class__ is dt.datetime else dt.datetime.fromisoformat(when.strip())
            volume, aht = float(row[volume_at]), float(row[aht_at])
        except (AttributeError, TypeError, ValueError):
            _explain(row, (when_at, volume_at, aht_at), f"{display}:{row_number}")
            raise
        channel = channel.strip() if channel.__class__ is str else _text(channel)
        # NaN fails every comparison, so it lands here too
        if not channel or not 0 <= volume < INFINITY or not -INFINITY < aht < INFINITY or aht <= 0 < volume:
            _explain(row, (when_at, volume_at, aht_at), f"{display}:{row_number}", channel)
        if start.tzinfo is not None:
            start = start.replace(tzinfo=None)
        found[channel].append((start, volume, aht, row_number))
    if not found:
        raise ForecastError(f"{display}: no rows after the header")
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
                raise ForecastError(f"{display}:{current[3]}: interval {current[0]:%Y-%m-%d %H:%M} of "
                                    "this channel appears twice")
            step = step or gap
            if gap % step and step % gap:
                raise ForecastError(f"{display}:{current[3]}: intervals must be evenly spaced "
                                    f"({step} apart), this one follows the last by {gap}")
            step = min(step, gap)
    return int(step.total_seconds()) if step else 3600
