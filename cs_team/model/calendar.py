"""Work calendar (工作日历): a company's own days off and extra working days.

The official public holidays and adjusted working days (调休) come from a maintained source
(see ``cs_team.schedule.calendar``); this kind adds what only the company knows.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from cs_team.model.common import Document, Id, LocalText, Strict
from cs_team.wording import phrase

Date = Annotated[dt.date, Field(strict=False, description="YYYY-MM-DD")]


class Day(Strict):
    date: Date
    reason: LocalText


class WorkCalendar(Document):
    kind: Literal["work-calendar"]
    id: Id
    title: LocalText | None = None
    days_off: list[Day] = Field(default_factory=list, description="No training on these days")
    working_days: list[Day] = Field(
        default_factory=list, description="Working days that would otherwise be off (weekends, holidays)")

    @model_validator(mode="after")
    def _not_both(self) -> "WorkCalendar":
        both = {d.date for d in self.days_off} & {d.date for d in self.working_days}
        if both:
            first = min(both).isoformat()
            raise ValueError(phrase("model.both_off_and_working", day=str(first)))
        return self
