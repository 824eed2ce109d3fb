"""The demand forecasts the repository ships, made reproducibly: synthetic, but shaped like a
mainland-China service centre's year.

    python benchmarks/forecasts.py            # every file, written again byte for byte

Shapes (DOMAIN.md, section 9): a morning, an afternoon and an evening peak; quieter weekends;
the Spring Festival (除夕 5 February 2027) with its logistics spike in the two weeks before, the
holiday trough and a 1.2-1.5x after-sales backlog after; 五一 and 国庆 dips of consumer lines
(0.6-0.85x); 618 with its presale from 20 May, the 尾款 evening of 31 May and the 18 June peak
from 00:00 to 02:00; 双十一 with its presale, the 20:00-02:00 peak of 10-11 November (零点) and
1.3-2x after-sales for two weeks. Handle times rise 10-20 % in a promotion and its after-sales.

Each file is drawn hour by hour (Poisson-like, seeded); a week of finer intervals splits the
same hours' contacts over its quarter- or half-hours, so a week and the year agree on every day
they share (lint CS268 checks it). The bundled department's week (1-7 March 2027, 15 minutes)
is its measured week, kept as it is: the year takes those seven days' hours from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2027
EVE = dt.date(2027, 2, 5)  # 除夕; the holiday runs to 11 February
MAY_DAY = (dt.date(2027, 5, 1), dt.date(2027, 5, 5))
NATIONAL_DAY = (dt.date(2027, 10, 1), dt.date(2027, 10, 7))
PRESALE_618, BALANCE_618, PEAK_618 = dt.date(2027, 5, 20), dt.date(2027, 5, 31), dt.date(2027, 6, 18)
PRESALE_1111, BALANCE_1111, PEAK_1111 = dt.date(2027, 10, 24), dt.date(2027, 10, 31), dt.date(2027, 11, 11)


@dataclass(frozen=True)
class Channel:
    morning: float  # contacts an hour at the 10:30 peak of an ordinary weekday
    afternoon: float  # ... at 15:00
    evening: float  # ... at 20:30
    aht: int  # seconds, an ordinary day's
    opens: int  # hour
    closes: int  # hour (24: midnight); promotion nights stay open to 02:00 when night_sales
    night: float = 0.0  # contacts an hour while closed to others (a 7x24 line's night)
    flat: bool = False  # email and tickets: the same all day, a quarter of it at night
    holiday_dip: float = 1.0  # 五一 and 国庆: the line's factor
    promotions: bool = True  # 618 and 双十一 move it


def _between(day: dt.date, first: dt.date, last: dt.date) -> bool:
    return first <= day <= last


def _fade(day: dt.date, first: dt.date, days: int, top: float) -> float:
    """``top`` on ``first``, falling linearly to 1 over ``days`` days; 1 outside."""
    gone = (day - first).days
    return 1 + (top - 1) * (1 - gone / days) if 0 <= gone < days else 1.0


def spring_festival(day: dt.date, trough: float) -> float:
    """The logistics spike of the two weeks before, the holiday trough, the backlog after."""
    if _between(day, EVE - dt.timedelta(days=14), EVE - dt.timedelta(days=1)):
        return 1.25  # orders racing the couriers' holiday, 'will it arrive before 除夕?'
    if _between(day, EVE, EVE + dt.timedelta(days=6)):
        return trough
    return _fade(day, EVE + dt.timedelta(days=7), 14, 1.4)  # the backlog after, two weeks


def promotion(day: dt.date, hour: int, strength: float) -> float:
    """618 and 双十一 for a line that sells online: day factors and their evening or midnight hours."""
    factor = 1.0
    if _between(day, PRESALE_618, PEAK_618 - dt.timedelta(days=1)):
        factor *= 1 + 0.15 * strength  # presale questions: deposits, price guarantees
    if day in (PRESALE_618, BALANCE_618) and hour >= 20:
        factor *= 1 + 1.5 * strength  # presale opens at 20:00; 尾款 (the balance) is paid on 31 May evening
    if day == PEAK_618 - dt.timedelta(days=1) and hour >= 20:
        factor *= 1 + 1.5 * strength
    if day == PEAK_618:
        factor *= 1 + (3.0 if hour < 2 else 0.8) * strength  # 00:00-02:00 is the peak
    factor *= _fade(day, PEAK_618 + dt.timedelta(days=1), 10, 1 + 0.4 * strength)
    if _between(day, PRESALE_1111, PEAK_1111 - dt.timedelta(days=1)):
        factor *= 1 + 0.2 * strength
    if day in (PRESALE_1111, BALANCE_1111) and hour >= 20:
        factor *= 1 + 1.5 * strength
    if day == PEAK_1111 - dt.timedelta(days=1) and hour >= 20:
        factor *= 1 + 3.0 * strength  # 20:00-24:00 on the 10th ...
    if day == PEAK_1111:
        factor *= 1 + (4.0 if hour < 2 else 1.4) * strength  # ... and 00:00-02:00 on the 11th
    factor *= _fade(day, PEAK_1111 + dt.timedelta(days=1), 14, 1 + 0.9 * strength)  # after-sales, 1.9x
    return factor


NIGHTS = (PEAK_618, PEAK_1111)  # 零点: the sale opens at midnight


def promotion_night(day: dt.date, hour: int) -> bool:
    """The hours around a sale's midnight (22:00-02:00): an online line stays open and busy."""
    return (hour < 2 and day in NIGHTS) or (hour >= 22 and day + dt.timedelta(days=1) in NIGHTS)


def aht_factor(day: dt.date, strength: float) -> float:
    """Promotions and their after-sales lengthen contacts by up to 15 %."""
    if not strength:
        return 1.0
    busy = (_between(day, PRESALE_618, PEAK_618 + dt.timedelta(days=10))
            or _between(day, PRESALE_1111, PEAK_1111 + dt.timedelta(days=14)))
    return 1 + 0.15 * strength if busy else 1.0


@dataclass(frozen=True)
class Profile:
    channels: dict[str, Channel]
    strength: float  # how hard the promotions hit (0: not at all)
    trough: float  # the Spring Festival holiday's factor
    extra: Callable[[dt.date], float] = lambda day: 1.0
    seed: int = 2027

    def mean(self, name: str, moment: dt.datetime) -> float:
        c, day, hour = self.channels[name], moment.date(), moment.hour
        selling = c.promotions and self.strength
        open_now = c.opens <= hour < c.closes or (selling and promotion_night(day, hour))
        if c.flat:
            curve = c.morning if 8 <= hour < 20 else c.morning / 4
        elif open_now:
            h = hour + 0.5
            curve = (c.morning * math.exp(-((h - 10.5) ** 2) / 3.4)
                     + c.afternoon * math.exp(-((h - 15) ** 2) / 4.5)
                     + c.evening * math.exp(-((h - 20.5) ** 2) / 2))
            curve = max(curve, c.night, c.evening * 0.8 * (c.promotions and promotion_night(day, hour)))
        else:
            curve = c.night
        weekday = 0.75 if day.weekday() >= 5 else (1.15 if day.weekday() == 0 else 1.0)
        season = spring_festival(day, self.trough) * self.extra(day)
        if _between(day, *MAY_DAY) or _between(day, *NATIONAL_DAY):
            season *= c.holiday_dip
        if c.promotions and self.strength:
            season *= promotion(day, hour, self.strength)
        return curve * weekday * season

    def aht(self, name: str, day: dt.date) -> int:
        c = self.channels[name]
        return round(c.aht * aht_factor(day, self.strength if c.promotions else 0.0))


def _draw(rng: random.Random, mean: float) -> int:
    return max(0, round(rng.gauss(mean, math.sqrt(mean)))) if mean > 0 else 0


def _split(rng: random.Random, count: int, parts: int) -> list[int]:
    """``count`` contacts spread at random over ``parts`` equal intervals."""
    shares = [0] * parts
    for _ in range(count):
        shares[rng.randrange(parts)] += 1
    return shares


Hours = dict[tuple[dt.datetime, str], tuple[int, int]]
"""(hour, channel) -> (contacts, AHT seconds)."""


def year_hours(profile: Profile, measured: Hours) -> Hours:
    rng = random.Random(profile.seed)
    hours: Hours = {}
    moment = dt.datetime(YEAR, 1, 1)
    while moment.year == YEAR:
        for name in profile.channels:
            drawn = _draw(rng, profile.mean(name, moment))  # drawn even where measured: same stream
            hours[moment, name] = measured.get((moment, name), (drawn, profile.aht(name, moment.date())))
        moment += dt.timedelta(hours=1)
    return hours


def read_week(path: Path) -> Hours:
    """A measured week's contacts summed by hour, with the hour's volume-weighted AHT."""
    sums: dict[tuple[dt.datetime, str], list[float]] = {}
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            hour = dt.datetime.fromisoformat(row["interval_start"]).replace(minute=0)
            entry = sums.setdefault((hour, row["channel"]), [0.0, 0.0, 0.0])
            volume, aht = float(row["volume"]), float(row["aht_seconds"])
            entry[0] += volume
            entry[1] += volume * aht
            entry[2] = aht
    return {key: (round(v), round(w / v) if v else round(last)) for key, (v, w, last) in sums.items()}


def write_year(path: Path, profile: Profile, hours: Hours) -> int:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["interval_start", "channel", "volume", "aht_seconds"])
        for (moment, name), (volume, aht) in hours.items():
            writer.writerow([moment.isoformat(timespec="minutes"), name, volume, aht])
    return len(hours)


def write_week(path: Path, profile: Profile, hours: Hours, monday: dt.date, minutes: int) -> int:
    """Seven days from ``monday`` in ``minutes``-long intervals: each hour's contacts split over them."""
    return write_span(path, profile, hours, monday, 7, minutes)


def write_span(path: Path, profile: Profile, hours: Hours, first: dt.date, days: int, minutes: int) -> int:
    """``days`` days from ``first`` in ``minutes``-long intervals: each hour's contacts split over them."""
    rng = random.Random(profile.seed + first.toordinal())
    parts = 60 // minutes
    rows = []
    for step in range(days * 24):
        hour = dt.datetime.combine(first, dt.time()) + dt.timedelta(hours=step)
        split = {name: _split(rng, hours[hour, name][0], parts) for name in profile.channels}
        for part in range(parts):
            for name in profile.channels:
                rows.append([(hour + dt.timedelta(minutes=part * minutes)).isoformat(timespec="minutes"),
                             name, split[name][part], hours[hour, name][1]])
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["interval_start", "channel", "volume", "aht_seconds"])
        writer.writerows(rows)
    return len(rows)


def write(path: Path, first: dt.datetime, days: int, minutes: int) -> int:
    """The bundled department's year in ``minutes``-long intervals (for the planning benchmark)."""
    folder, profile, measured, _ = FILES[0]
    hours = year_hours(profile, read_week(ROOT / folder / measured))
    return write_span(path, profile, hours, first.date(), days, minutes)


def _card_due_dates(day: dt.date) -> float:
    """Card statements fall due from the 5th to the 10th: calls about bills and repayments."""
    return 1.35 if 5 <= day.day <= 10 else 1.0


BUNDLED = Profile({
    "voice": Channel(160, 104, 120, 330, 8, 22, holiday_dip=0.7),
    "chat": Channel(170, 120, 210, 510, 8, 24, holiday_dip=0.8),
    "email": Channel(32, 32, 32, 420, 0, 24, flat=True, holiday_dip=0.85),
}, strength=1.0, trough=0.45)
SHOP = Profile({
    "presale-chat": Channel(150, 120, 260, 240, 9, 24, holiday_dip=0.85),
    "aftersale-chat": Channel(110, 100, 120, 420, 9, 23, holiday_dip=0.85),
}, strength=1.6, trough=0.35, seed=2028)
BANK = Profile({
    "card-voice": Channel(220, 160, 90, 300, 7, 23, night=14, holiday_dip=0.7, promotions=False),
    "app-chat": Channel(80, 70, 90, 450, 8, 22, holiday_dip=0.8, promotions=False),
}, strength=0.0, trough=0.6, extra=_card_due_dates, seed=2029)

# folder, profile, the measured week kept as it is (or None), the weeks to write (Monday, minutes)
FILES = [
    ("playbooks/forecasts", BUNDLED, "week.csv", []),
    ("examples/ecommerce-shop/forecasts", SHOP, None, [(dt.date(2027, 11, 8), 30)]),  # the 双十一 week
    ("examples/bank-card-centre/forecasts", BANK, None, [(dt.date(2027, 3, 1), 15)]),  # with the due dates
]


def main(root: Path = ROOT) -> None:
    for folder, profile, measured, weeks in FILES:
        target = root / folder
        target.mkdir(parents=True, exist_ok=True)
        kept = read_week(ROOT / folder / measured) if measured else {}
        hours = year_hours(profile, kept)
        print(f"{folder}/year.csv", write_year(target / "year.csv", profile, hours), "rows")
        for monday, minutes in weeks:
            rows = write_week(target / "week.csv", profile, hours, monday, minutes)
            print(f"{folder}/week.csv", rows, "rows")


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
