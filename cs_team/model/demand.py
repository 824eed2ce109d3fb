"""Demand pattern (话务模式): a typical week of contact volumes, for teams without interval data."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from cs_team.model.common import Document, Id, Strict

Volumes = list[Annotated[float, Field(ge=0, le=10_000_000)]]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ChannelPattern(Strict):
    aht_seconds: float = Field(gt=0, le=86_400)
    default: Volumes | None = Field(None, description="One volume per interval, for days not given")
    mon: Volumes | None = None
    tue: Volumes | None = None
    wed: Volumes | None = None
    thu: Volumes | None = None
    fri: Volumes | None = None
    sat: Volumes | None = None
    sun: Volumes | None = None

    def day(self, name: str) -> list[float]:
        return getattr(self, name) if getattr(self, name) is not None else (self.default or [])


class DemandPattern(Document):
    kind: Literal["demand-pattern"]
    id: Id
    interval_minutes: Literal[15, 20, 30, 60]
    start: Annotated[dt.date, Field(strict=False, description="The first day, e.g. 2027-03-01")]
    weeks: int = Field(1, ge=1, le=104)
    channels: dict[Id, ChannelPattern] = Field(min_length=1)


def incomplete_days(pattern: DemandPattern) -> list[tuple[str, str, int, int]]:
    """(channel, key written or "default", volumes needed, volumes given) for each short day."""
    per_day = 1440 // pattern.interval_minutes
    found = []
    for name, channel in pattern.channels.items():
        for day in DAYS:
            given = len(channel.day(day))
            key = day if getattr(channel, day) is not None else "default"
            if given != per_day and (name, key, per_day, given) not in found:
                found.append((name, key, per_day, given))
    return found
