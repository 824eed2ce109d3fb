"""Shift rules (排班规则) in the hiring inputs: the shapes of work people can actually be given.

A template is one kind of shift (早班, 中班, 晚班, 夜班): the window its start may fall in (on the
grid), its length on site, an unpaid lunch and where it may fall, paid breaks, and the channels it
staffs. The week's rules hold for every template: days worked, whether the days off come
together, the premiums for night and weekend hours, and the share of part-timers allowed.
Defaults are a mainland Chinese centre's: three day shifts and a night shift, five days of seven.
"""

from typing import Annotated, Literal

from pydantic import Field

from cs_team.model.common import Id, LocalText, Percent, Strict

Clock = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, 24-hour")]


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


class Lunch(Strict):
    minutes: int = Field(60, ge=0, le=120, description="Unpaid, off the floor")
    earliest_hours: float = Field(3, ge=0, description="Lunch starts at least this long after the shift")
    latest_hours: float = Field(5, ge=0, description="... and at most this long after it")


class ShiftTemplate(Strict):
    id: Id
    name: LocalText
    earliest_start: Clock
    latest_start: Clock
    hours: float = Field(gt=0, le=16, description="On site, lunch included")
    lunch: Lunch | None = None
    breaks_minutes: int = Field(0, ge=0, le=120, description="Paid breaks off the floor in the shift")
    channels: list[Id] = Field(default_factory=list, description="Channels it staffs (default: all)")
    part_time: bool = False


def _default_templates() -> list[ShiftTemplate]:
    def shift(id_: str, zh: str, en: str, first: str, last: str, hours: float, lunch: bool) -> ShiftTemplate:
        return ShiftTemplate.model_validate({
            "id": id_, "name": {"zh": zh, "en": en}, "earliest_start": first, "latest_start": last,
            "hours": hours, "lunch": {} if lunch else None, "breaks_minutes": 30})
    return [shift("early", "早班", "Early shift", "07:00", "09:00", 9, True),
            shift("middle", "中班", "Middle shift", "10:00", "12:00", 9, True),
            shift("late", "晚班", "Late shift", "13:00", "17:00", 9, True),
            shift("night", "夜班", "Night shift", "21:00", "23:00", 9, True)]


class ShiftRules(Strict):
    grid_minutes: Literal[15, 20, 30, 60] = Field(30, description="Shifts start on this grid")
    days_per_week: int = Field(5, ge=1, le=7)
    days_off_together: bool = Field(True, description="A person's days off are consecutive")
    night_start: Clock = "22:00"
    night_end: Clock = "06:00"
    night_premium_percent: Percent = Field(20, description="Extra pay for hours in the night window")
    weekend_premium_percent: Percent = Field(0, description="Extra pay for Saturday and Sunday hours")
    part_time_max_percent: Percent = Field(0, description="Part-timers as a share of people at most")
    minimise: Literal["people", "cost"] = "people"
    templates: list[ShiftTemplate] = Field(default_factory=_default_templates, min_length=1)
