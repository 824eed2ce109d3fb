"""What a laid onboarding plan is: its stages on dated working days, its sessions, and what
lint reports of a stage that does not fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate, Stage
from cs_team.schedule.calendar import DayInfo
from cs_team.schedule.notices import Notice
from cs_team.schedule.sessions import Session


@dataclass(frozen=True)
class StageDays:
    """A stage of the template and the dated working days the plan gives it."""

    stage: Stage
    days: tuple[dt.date, ...]
    planned_days: int
    """The days the template gives the stage at this pace (the plan may need more)."""


@dataclass(frozen=True)
class StageShortfall:
    stage_index: int
    stage: Stage
    days: int
    extra_days: int | None
    """Working days to add for the stage to fit; None when even many more would not do."""
    needed: int
    available: int
    """Minutes of work, and minutes the stage's days hold after windows and the daily cap."""


@dataclass
class OnboardingPlan:
    template: OnboardingTemplate
    modules: dict[str, Module]
    start: dt.date
    first_day: dt.date
    pace: str
    factor: float
    stages: list[StageDays]
    sessions: list[Session]
    go_live: dt.date
    calendar_days: list[DayInfo]
    """Days between the first day and go-live that are off on a weekday or worked on a weekend."""
    notices: list[Notice] = field(default_factory=list)
    joined: dt.date | None = None
    """A cohort hire's own first working day when it comes before the group's classes begin
    (``first_day``): the date their employment starts, which the documents must not hide."""

    def module_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions if s.kind in ("module", "micro-lesson"))
