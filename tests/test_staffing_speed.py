"""What plan-hiring does to be fast changes nothing it says: the interval grid counted without a
look at every start (a year of quarter-hours is 35,040 starts a channel) gives what counting each
start gives, evenly spaced or not; CSV values formatted once read as each formatted alone; the
collector paused for the plan is back on after it, error or not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from cs_team.staffing.forecast import ChannelForecast, offsets
from cs_team.staffing.plan import _grid, _week_of

FIRST = dt.datetime(2027, 1, 1)


def _one_by_one(starts: list[dt.datetime], first: dt.datetime, step: int) -> list[int]:
    return [int((s - first).total_seconds()) // step for s in starts]


@pytest.mark.parametrize(("starts", "first", "step"), [
    ([FIRST + dt.timedelta(minutes=15 * i) for i in range(35_040)], FIRST, 900),  # a year, even
    ([FIRST + dt.timedelta(hours=3 + i) for i in range(48)], FIRST, 3600),  # starts three hours in
    ([FIRST + dt.timedelta(hours=i) for i in (*range(10), *range(11, 20))], FIRST, 3600),  # 10:00 missing
    ([FIRST + dt.timedelta(minutes=30 * i) for i in (0, 1, 2, 4)], FIRST, 1800),  # same span, a hole
    ([FIRST + dt.timedelta(seconds=0.5 + 900 * i) for i in range(96)], FIRST, 900),  # half a second in
    ([FIRST], FIRST, 900),
    ([], FIRST, 900),
])
def test_offsets_are_each_starts_interval(starts: list[dt.datetime], first: dt.datetime, step: int) -> None:
    found = offsets(ChannelForecast(starts, [0.0] * len(starts), [1.0] * len(starts)), first, step)
    assert list(found) == _one_by_one(starts, first, step)


def test_an_uneven_forecast_is_counted_start_by_start() -> None:
    """Ten starts over nine hours, but 01:00 twice is not a grid: no shortcut is taken."""
    starts = [FIRST + dt.timedelta(hours=h) for h in (0, 1, 1, 2, 3, 4, 5, 6, 8, 9)]
    found = offsets(ChannelForecast(starts, [0.0] * 10, [1.0] * 10), FIRST, 3600)
    assert list(found) == [0, 1, 1, 2, 3, 4, 5, 6, 8, 9]


@pytest.mark.parametrize(("first", "count", "step"), [
    (FIRST, 35_040, 900),
    (dt.datetime(2027, 3, 1, 7, 30), 337, 1800),
    (dt.datetime(2026, 12, 31, 23, 0, 0, 250_000), 50, 3600),
    (dt.datetime(2027, 3, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))), 10, 900),  # an aware start
])
def test_the_grid_is_the_additions(first: dt.datetime, count: int, step: int) -> None:
    grid = _grid(first, count, step)
    assert grid == [first + dt.timedelta(seconds=i * step) for i in range(count)]
    assert all(type(s) is dt.datetime for s in grid)


@pytest.mark.parametrize(("starts", "step"), [
    ([FIRST + dt.timedelta(minutes=15 * i) for i in range(35_040)], 900),
    ([FIRST + dt.timedelta(hours=5 + i) for i in range(24 * 20)], 3600),  # the first week starts late
    ([FIRST + dt.timedelta(hours=i) for i in (0, 1, 170, 171, 340)], 3600),  # not one step apart
])
def test_weeks_of_the_starts(starts: list[dt.datetime], step: int) -> None:
    weeks = _week_of(starts, FIRST, step)
    assert weeks.tolist() == [int((s - FIRST).total_seconds() // (7 * 86400)) for s in starts]
    assert weeks.dtype == np.int64


def test_csv_rows_format_each_distinct_value_as_each_value() -> None:
    """Values formatted once per distinct value read as each formatted on its own: -0.0 (a
    forecast may say -0) prints -0 though it is the dict key of 0.0, and the starts of two
    channels that share them are written for both."""
    from types import SimpleNamespace

    from cs_team.staffing.plan_model import ChannelStaffing
    from cs_team.staffing.report import _rows

    starts = _grid(FIRST, 6, 900)
    voice = ChannelStaffing("voice", starts, [0.0, -0.0, 12.5, 1e-7, 12.5, 3.0], [330.0] * 6, [0, 0, 4, 1, 4, 2])
    chat = ChannelStaffing("chat", starts, [-0.0, 0.0, 7.0, 7.0, 2e21, 0.0], [510.0, 480.5] * 3, [0, 0, 3, 3, 9, 0])
    rows = _rows(SimpleNamespace(channels=[voice, chat]))
    assert rows == [[s.isoformat(timespec="minutes"), c.channel, f"{v:g}", f"{a:g}", n]
                    for c in (voice, chat)
                    for s, v, a, n in zip(c.starts, c.volume, c.aht_seconds, c.agents, strict=True)]
    assert [r[2] for r in rows[:2]] == ["0", "-0"] and rows[6][2] == "-0" and rows[10][2] == "2e+21"


def test_the_collector_is_back_after_a_plan(tmp_path) -> None:
    import gc
    from pathlib import Path

    from cs_team.inputs.forecasts import read_forecast
    from cs_team.playbook import Playbook
    from cs_team.staffing.forecast import ForecastError
    from cs_team.staffing.plan import plan
    from cs_team.workspace import open_repository

    root = Path(__file__).parent.parent / "playbooks"
    inputs = next(iter(Playbook(open_repository(root).repo).hiring.values())).model_copy(update={"shifts": None})
    assert gc.isenabled()
    made = plan(inputs, read_forecast(root / "forecasts" / "week.csv"), dt.date(2026, 12, 1))
    assert made.total_hires >= 0 and gc.isenabled()
    short = tmp_path / "short.csv"
    short.write_text("interval_start,channel,volume,aht_seconds\n2027-03-01T09:00,voice,10,300\n", encoding="utf-8")
    with pytest.raises(ForecastError):
        plan(inputs, read_forecast(short), dt.date(2026, 12, 1))
    assert gc.isenabled()
