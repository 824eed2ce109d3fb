"""How long a module takes at a pace, and how micro-lessons are cut."""

from __future__ import annotations

import math

from cs_team.errors import InputError
from cs_team.model.curriculum import Module
from cs_team.model.onboarding import OnboardingTemplate
from cs_team.wording import enumerated, phrase, quoted

PACES = ("fast", "standard", "extended")
QUARTER = 15


class PlanError(InputError):
    pass


def pace_factor(template: OnboardingTemplate, pace: str) -> float:
    if pace not in PACES:
        raise PlanError(phrase("onboarding.pace", value=quoted(pace), paces=enumerated(PACES)))
    return 1.0 if pace == "standard" else getattr(template.pace, pace)


def paced_minutes(module: Module, factor: float) -> int:
    """Minutes a learner at this pace spends on ``module``: the hours scaled, to the quarter hour
    (a trainer books a room by quarters, not for 37 minutes)."""
    minutes = module.hours * 60
    if factor == 1:
        return max(1, round(minutes))
    return max(QUARTER, round(minutes * factor / QUARTER) * QUARTER)


def stage_days(days: int, pace: str, factor: float) -> int:
    """The working days the template gives a stage at this pace (the plan may need more)."""
    return days if pace == "standard" else max(1, math.ceil(days * factor - 1e-9))


def lesson_sizes(total: int, longest: int) -> list[int]:
    """``total`` minutes as the fewest lessons of at most ``longest``, as even as possible."""
    count = max(1, math.ceil(total / longest))
    base, extra = divmod(total, count)
    return [base + 1 if i < extra else base for i in range(count)]
