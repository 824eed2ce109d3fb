"""Whether an onboarding template's stages can hold their work at all (lint's CS207), and how
a stage that cannot is explained, by lint and by the plan alike."""

from __future__ import annotations

import datetime as dt

from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.schedule.plan import StageShortfall
from cs_team.schedule.planner import MAX_EXTRA_DAYS, template_shortfalls
from cs_team.wording import Phrase, phrase

A_MONDAY = dt.date(2024, 1, 1)


def design_shortfalls(template: OnboardingTemplate, modules: dict[str, Module]) -> list[StageShortfall]:
    """Stages that cannot hold their work at the standard pace on plain Monday-to-Friday weeks
    from a Monday: the template's own problem, whatever the dates (lint's CS207)."""
    from cs_team.schedule.calendar import PlainWeekdays

    return template_shortfalls(template, modules, A_MONDAY, PlainWeekdays())


def _hours(minutes: float) -> Phrase:
    return phrase("shortfall.hours", hours=f"{minutes / 60:.2f}".rstrip("0").rstrip("."))


def describe_shortfall(template: OnboardingTemplate, gap: StageShortfall, pace: str = "standard") -> Phrase:
    """What does not fit where, by how much, and what to change."""
    fix = (phrase("shortfall.more_days", extra=gap.extra_days, days=gap.days + gap.extra_days)
           if gap.extra_days else phrase("shortfall.never_fits", limit=MAX_EXTRA_DAYS))
    gaps = phrase("shortfall.unsplittable") if gap.needed <= gap.available else ""
    return phrase("shortfall.stage", stage=gap.stage.id, days=gap.days, pace=phrase(f"pace.{pace}"),
                  needed=_hours(gap.needed), available=_hours(gap.available),
                  cap=float(template.max_training_hours_per_day), gaps=gaps, fix=fix)
