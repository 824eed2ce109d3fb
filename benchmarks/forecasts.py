"""Synthetic but realistic demand for the bundled channels: any length, any interval.

Shapes: a morning, an afternoon and an evening peak; quieter weekends; the Spring Festival
(6 February 2027) trough and its return-to-work bump; the 618 promotion in June; the Singles'
Day (双十一) build-up and surge around 11 November. Seeded, so the same call gives the same file.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from pathlib import Path

SPRING_FESTIVAL = dt.date(2027, 2, 6)
SIX_EIGHTEEN = dt.date(2027, 6, 18)
SINGLES_DAY = dt.date(2027, 11, 11)
# channel -> (morning, afternoon, evening peak per hour, AHT seconds, open from, open until)
CHANNELS = {"voice": (160, 104, 120, 330, 8, 22), "chat": (136, 96, 168, 510, 8, 24),
            "email": (32, 32, 32, 420, 0, 24)}


def _bump(day: dt.date, centre: dt.date, width: float, height: float) -> float:
    return height * math.exp(-(((day - centre).days) ** 2) / (2 * width * width))


def season(day: dt.date) -> float:
    factor = 1.0
    factor -= _bump(day, SPRING_FESTIVAL, 5, 0.55)  # the holiday trough
    factor += _bump(day, SPRING_FESTIVAL + dt.timedelta(days=10), 3, 0.25)  # back to work
    factor += _bump(day, SIX_EIGHTEEN, 3, 0.6)
    factor += _bump(day, SINGLES_DAY - dt.timedelta(days=10), 6, 0.5)  # pre-sales
    factor += _bump(day, SINGLES_DAY, 1.5, 1.8)  # the day itself and after-sales
    return max(factor, 0.2)


def volume_per_hour(channel: str, moment: dt.datetime) -> float:
    morning, afternoon, evening, _, opens, closes = CHANNELS[channel]
    hour = moment.hour + moment.minute / 60
    if not opens <= hour < closes:
        return 0.0
    curve = (morning * math.exp(-((hour - 10.5) ** 2) / 3.4) + afternoon * math.exp(-((hour - 15) ** 2) / 4.5)
             + evening * math.exp(-((hour - 20.5) ** 2) / 2))
    if channel == "email":
        curve = morning if 8 <= hour < 20 else morning / 4
    weekday = 0.75 if moment.weekday() >= 5 else (1.15 if moment.weekday() == 0 else 1.0)
    return curve * weekday * season(moment.date())


def write(path: Path, start: dt.datetime, days: int, minutes: int, seed: int = 2027) -> int:
    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["interval_start", "channel", "volume", "aht_seconds"])
        for step in range(days * 24 * 60 // minutes):
            moment = start + dt.timedelta(minutes=step * minutes)
            for channel, (*_, aht, _, _) in CHANNELS.items():
                mean = volume_per_hour(channel, moment) * minutes / 60
                volume = max(0, round(rng.gauss(mean, math.sqrt(mean)))) if mean else 0
                writer.writerow([moment.isoformat(timespec="minutes"), channel, volume, aht])
                rows += 1
    return rows


if __name__ == "__main__":
    print(write(Path("playbooks/forecasts/year.csv"), dt.datetime(2027, 1, 1), 365, 60), "rows")
