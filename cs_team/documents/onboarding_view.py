"""What the onboarding documents lay out: a plan's agenda rows, days, weeks, stages and the
Gantt view's bars, with the clock and hour figures they print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cs_team.documents.common import Stamp
from cs_team.model.common import Text
from cs_team.model.curriculum import Module
from cs_team.model.role import Role
from cs_team.schedule.calendar import DayInfo
from cs_team.schedule.cohort import Hire
from cs_team.schedule.plan import OnboardingPlan, StageDays
from cs_team.schedule.sessions import Session


@dataclass(frozen=True)
class Row:
    """One session as a line of the agenda."""

    session: Session
    module: Module | None
    led_by: str
    """trainer, mentor, self, panel or supervisor."""
    who: Text | str | None
    """The person's name when known (the mentor's, the template's trainer)."""
    location: Text | None
    first_of_module: bool

    @property
    def time(self) -> str:
        return f"{clock(self.session.start)}–{clock(self.session.end)}"


@dataclass(frozen=True)
class AgendaDay:
    day: dt.date
    stage: StageDays
    rows: list[Row]
    info: DayInfo
    free_minutes: int
    """Training time left: the stage's activities (live practice ...) fill it."""


@dataclass(frozen=True)
class Week:
    number: int
    monday: dt.date
    days: list[AgendaDay]
    off: list[DayInfo]
    """Weekdays of the week inside the plan that are off (holidays, company days)."""


@dataclass(frozen=True)
class OnboardingStage:
    plan: StageDays
    number: int
    review: Session | None

    @property
    def first(self) -> dt.date:
        return self.plan.days[0]

    @property
    def last(self) -> dt.date:
        return self.plan.days[-1]


@dataclass(frozen=True)
class Bar:
    """A row of the Gantt view: a stage or a module, from its first to its last day."""

    label: Text
    first: dt.date
    last: dt.date
    stage: bool


@dataclass
class OnboardingView:
    hire: Hire
    role: Role
    plan: OnboardingPlan
    stages: list[OnboardingStage]
    weeks: list[Week]
    rows: list[Row]
    bars: list[Bar]
    timezone: str
    stamp: Stamp
    totals: dict[str, object] = field(default_factory=dict)
    off_days: set[dt.date] = field(default_factory=set)
    """Every day off between the first day and go-live, weekends included (shaded in the chart)."""


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def quarter_hours(minutes: int) -> str:
    """Hours to the nearest quarter, as a document prints them: 40.75, 12.5, 6."""
    return f"{round(minutes / 15) / 4:g}"
