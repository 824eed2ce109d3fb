"""Whether an onboarding template's stages can hold their work at all (lint's CS207), and how
a stage that cannot is explained, by lint and by the plan alike."""

from __future__ import annotations

import datetime as dt

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.planner import MAX_EXTRA_DAYS, StageShortfall, template_shortfalls

A_MONDAY = dt.date(2024, 1, 1)


def design_shortfalls(template: OnboardingTemplate, modules: dict[str, Module]) -> list[StageShortfall]:
    """Stages that cannot hold their work at the standard pace on plain Monday-to-Friday weeks
    from a Monday: the template's own problem, whatever the dates (lint's CS207)."""
    from cs_team.schedule.calendar import PlainWeekdays

    return template_shortfalls(template, modules, A_MONDAY, PlainWeekdays())


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".") + " h"


def describe_shortfall(template: OnboardingTemplate, gap: StageShortfall, pace: str = "standard") -> str:
    """What does not fit where, by how much, and what to change."""
    fix = (f"give it {gap.extra_days} more working day(s) (days: {gap.days + gap.extra_days}), or "
           "move modules to another stage" if gap.extra_days else
           f"it would not fit even in {MAX_EXTRA_DAYS} more working days: raise the daily cap, shorten "
           "the blocked windows or split its modules")
    gaps = (" (sessions that cannot be split, such as assessments and micro-lessons, leave gaps)"
            if gap.needed <= gap.available else "")
    return (f"stage '{gap.stage.id}' does not fit its {gap.days} working day(s) at the {pace} pace: "
            f"its modules, assessments, retake slots, reviews and one-to-ones need "
            f"{_hours(gap.needed)}, and those days hold {_hours(gap.available)} after lunch, blocked "
            f"windows and the daily cap of {template.max_training_hours_per_day:g} h{gaps}; {fix}")
