"""The forecasts the repository ships: made by benchmarks/forecasts.py byte for byte, shaped like a
mainland centre's year, a week and its year agreeing day by day."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.test_cli import invoke

ROOT = Path(__file__).parent.parent
SHIPPED = ["playbooks/forecasts/year.csv", "examples/ecommerce-shop/forecasts/week.csv",
           "examples/ecommerce-shop/forecasts/year.csv", "examples/bank-card-centre/forecasts/week.csv",
           "examples/bank-card-centre/forecasts/year.csv"]


def _generator():
    spec = importlib.util.spec_from_file_location("forecasts", ROOT / "benchmarks" / "forecasts.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _rows(path: str) -> list[dict[str, str]]:
    with (ROOT / path).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def _daily(rows: list[dict[str, str]], channel: str) -> Counter:
    days: Counter = Counter()
    for row in rows:
        if row["channel"] == channel:
            days[dt.date.fromisoformat(row["interval_start"][:10])] += int(row["volume"])
    return days


def _hours(rows: list[dict[str, str]], channel: str, day: str, hours: range) -> int:
    return sum(int(r["volume"]) for r in rows if r["channel"] == channel and r["interval_start"][:10] == day
               and int(r["interval_start"][11:13]) in hours)


def _mean(days: Counter, first: str, last: str) -> float:
    span = [v for d, v in days.items() if dt.date.fromisoformat(first) <= d <= dt.date.fromisoformat(last)]
    return sum(span) / len(span)


def test_the_generator_makes_every_shipped_file(tmp_path: Path) -> None:
    _generator().main(tmp_path)
    for path in SHIPPED:
        assert (tmp_path / path).read_bytes() == (ROOT / path).read_bytes(), path


@pytest.fixture(scope="module")
def bundled() -> list[dict[str, str]]:
    return _rows("playbooks/forecasts/year.csv")


def test_the_bundled_year_has_the_mainland_seasons(bundled: list[dict[str, str]]) -> None:
    chat, voice = _daily(bundled, "chat"), _daily(bundled, "voice")
    assert max(chat, key=chat.get) == dt.date(2027, 11, 11)
    # the Spring Festival: the logistics fortnight before 除夕, the holiday trough, the backlog after
    before, holiday = _mean(chat, "2027-01-22", "2027-02-04"), _mean(chat, "2027-02-05", "2027-02-11")
    after, january = _mean(chat, "2027-02-12", "2027-02-18"), _mean(chat, "2027-01-04", "2027-01-17")
    assert before > 1.15 * january and holiday < 0.55 * january and after > 1.2 * january
    # 五一 and 国庆 on the hotline: 0.6-0.85 of the weeks around them
    assert _mean(voice, "2027-05-01", "2027-05-05") < 0.85 * _mean(voice, "2027-04-12", "2027-04-25")
    assert _mean(voice, "2027-10-01", "2027-10-07") < 0.85 * _mean(voice, "2027-09-13", "2027-09-26")
    # 618: 尾款 on the evening of 31 May, the 18 June peak from midnight
    assert _hours(bundled, "chat", "2027-05-31", range(20, 24)) > 2 * _hours(bundled, "chat", "2027-05-17",
                                                                                range(20, 24))
    assert _hours(bundled, "chat", "2027-06-18", range(0, 2)) > 0 == _hours(bundled, "chat", "2027-06-11",
                                                                               range(0, 2))
    # 双十一: 20:00-02:00 around midnight, after-sales well above the autumn for two weeks
    assert _hours(bundled, "chat", "2027-11-11", range(0, 2)) > _hours(bundled, "chat", "2027-11-11",
                                                                          range(10, 12))
    assert _mean(chat, "2027-11-12", "2027-11-25") > 1.3 * _mean(chat, "2027-09-13", "2027-09-26")


def test_handle_time_rises_in_the_promotions(bundled: list[dict[str, str]]) -> None:
    aht = {r["interval_start"][:10]: int(r["aht_seconds"]) for r in bundled if r["channel"] == "chat"}
    assert aht["2027-03-10"] == 510
    assert aht["2027-11-11"] == aht["2027-06-18"] == round(510 * 1.15)


def test_the_bank_hotline_answers_at_night_and_the_shop_at_midnight() -> None:
    bank = _rows("examples/bank-card-centre/forecasts/week.csv")
    for day in range(1, 8):
        assert _hours(bank, "card-voice", f"2027-03-{day:02d}", range(0, 6)) > 20
    shop = _rows("examples/ecommerce-shop/forecasts/week.csv")
    midnight = _hours(shop, "presale-chat", "2027-11-11", range(0, 1))
    assert midnight > 2 * _hours(shop, "presale-chat", "2027-11-11", range(10, 11))
    assert _hours(shop, "aftersale-chat", "2027-11-11", range(0, 1)) > 0


@pytest.mark.parametrize("name", ["ecommerce-shop", "bank-card-centre"])
def test_a_week_and_its_year_agree_on_every_day(name: str) -> None:
    week, year = _rows(f"examples/{name}/forecasts/week.csv"), _rows(f"examples/{name}/forecasts/year.csv")
    for channel in {r["channel"] for r in week}:
        days = _daily(week, channel)
        assert days == Counter({d: v for d, v in _daily(year, channel).items() if d in days})


def test_the_shop_rosters_its_singles_day_week(tmp_path: Path) -> None:
    """Nobody gets 12 November off wholesale: the day after 双十一 is covered interval by interval."""
    code, _, err = invoke(ROOT / "examples" / "ecommerce-shop", "roster", "--week", "peak", "--format", "csv",
                            "--out", str(tmp_path / "roster.csv"))
    assert code == 0, err
    text = (tmp_path / "roster.csv").read_text(encoding="utf-8-sig")
    assert "▼" not in text
