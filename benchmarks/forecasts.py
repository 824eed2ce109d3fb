"""Synthetic but realistic demand for the bundled department and the examples: any length, any
interval.

Shapes: a morning, an afternoon and an evening peak; quieter weekends; the Spring Festival
(6 February 2027) trough and its return-to-work bump; the 618 promotion in June; the Singles'
Day (双十一) build-up and surge around 11 November. The e-commerce example leans harder on the
promotions and the evening; the bank's card centre has no promotions but a rush when statements
fall due (the 5th to the 10th of each month). Seeded, so the same call gives the same file.

    python benchmarks/forecasts.py            # every file the repository ships
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


def _monthly_due_dates(day: dt.date) -> float:
    """Card statements fall due from the 5th to the 10th: calls about bills and repayments."""
    return 0.35 if 5 <= day.day <= 10 else 0.0


def season(day: dt.date) -> float:
    factor = 1.0
    factor -= _bump(day, SPRING_FESTIVAL, 5, 0.55)  # the holiday trough
    factor += _bump(day, SPRING_FESTIVAL + dt.timedelta(days=10), 3, 0.25)  # back to work
    factor += _bump(day, SIX_EIGHTEEN, 3, 0.6)
    factor += _bump(day, SINGLES_DAY - dt.timedelta(days=10), 6, 0.5)  # pre-sales
    factor += _bump(day, SINGLES_DAY, 1.5, 1.8)  # the day itself and after-sales
    return max(factor, 0.2)


def shop_season(day: dt.date) -> float:
    """An online shop: the promotions dominate, after-sales follow the day itself."""
    factor = 1.0 - _bump(day, SPRING_FESTIVAL, 6, 0.6)
    factor += _bump(day, SIX_EIGHTEEN - dt.timedelta(days=3), 4, 1.0)
    factor += _bump(day, SINGLES_DAY - dt.timedelta(days=8), 6, 0.9)
    factor += _bump(day, SINGLES_DAY, 1.2, 3.0)
    return max(factor, 0.2)


def card_season(day: dt.date) -> float:
    factor = 1.0 - _bump(day, SPRING_FESTIVAL, 4, 0.45)
    factor += _bump(day, SPRING_FESTIVAL + dt.timedelta(days=9), 3, 0.3)
    return max(factor + _monthly_due_dates(day), 0.2)


SHOP_CHANNELS = {"presale-chat": (150, 120, 260, 240, 9, 24), "aftersale-chat": (110, 100, 120, 420, 9, 23)}
CARD_CHANNELS = {"card-voice": (220, 160, 90, 300, 0, 24), "app-chat": (80, 70, 90, 450, 8, 22)}


def volume_per_hour(channel: str, moment: dt.datetime, channels: dict = CHANNELS, seasonal=None) -> float:
    morning, afternoon, evening, _, opens, closes = channels[channel]
    hour = moment.hour + moment.minute / 60
    if not opens <= hour < closes:
        return 0.0
    curve = (morning * math.exp(-((hour - 10.5) ** 2) / 3.4) + afternoon * math.exp(-((hour - 15) ** 2) / 4.5)
             + evening * math.exp(-((hour - 20.5) ** 2) / 2))
    if channel == "email":
        curve = morning if 8 <= hour < 20 else morning / 4
    weekday = 0.75 if moment.weekday() >= 5 else (1.15 if moment.weekday() == 0 else 1.0)
    return curve * weekday * (seasonal or season)(moment.date())


def write(path: Path, start: dt.datetime, days: int, minutes: int, seed: int = 2027,
          channels: dict = CHANNELS, seasonal=None) -> int:
    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["interval_start", "channel", "volume", "aht_seconds"])
        for step in range(days * 24 * 60 // minutes):
            moment = start + dt.timedelta(minutes=step * minutes)
            for channel, (*_, aht, _, _) in channels.items():
                mean = volume_per_hour(channel, moment, channels, seasonal) * minutes / 60
                volume = max(0, round(rng.gauss(mean, math.sqrt(mean)))) if mean else 0
                writer.writerow([moment.isoformat(timespec="minutes"), channel, volume, aht])
                rows += 1
    return rows


SHOP, BANK = "examples/ecommerce-shop/forecasts", "examples/bank-card-centre/forecasts"
JAN_1 = dt.datetime(2027, 1, 1)
FILES = [
    # path, start, days, minutes, channels, season
    ("playbooks/forecasts/year.csv", JAN_1, 365, 60, CHANNELS, season),
    (f"{SHOP}/week.csv", dt.datetime(2027, 11, 8), 7, 30, SHOP_CHANNELS, shop_season),  # the 双十一 week
    (f"{SHOP}/year.csv", JAN_1, 365, 60, SHOP_CHANNELS, shop_season),
    (f"{BANK}/week.csv", dt.datetime(2027, 3, 1), 7, 15, CARD_CHANNELS, card_season),  # with the due dates
    (f"{BANK}/year.csv", JAN_1, 365, 60, CARD_CHANNELS, card_season),
]

if __name__ == "__main__":
    for path, start, days, minutes, channels, seasonal in FILES:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        print(path, write(Path(path), start, days, minutes, channels=channels, seasonal=seasonal), "rows")
